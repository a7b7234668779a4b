"""The phantom-phrase guard: drops Whisper's silence sign-offs, keeps real speech."""
from __future__ import annotations

import numpy as np
import pytest

from assistant.asr.phantom import (GuardThresholds, SegmentEvidence, is_phantom_text, looks_invented,
                                   normalize, rms, split_phantoms)

SPEECHY = dict(no_speech_prob=0.02, avg_logprob=-0.25, duration_s=1.2, segment_rms=0.08)
SILENT = dict(no_speech_prob=0.85, avg_logprob=-0.4, duration_s=1.0, segment_rms=0.0)


@pytest.mark.parametrize("text", [
    "Thank you.", " thanks for watching!", "Thank you for watching.", "you", "Bye.", "Bye-bye.",
    "Subtitles by the Amara.org community", "[Music]", "(silence)", "...", "Thank you. Thank you.",
    "you you you", "Merci.", "Sous-titres réalisés par la communauté d'Amara.org", "¡Gracias!",
    "Gracias por ver el video.", "Vielen Dank.", "Untertitel im Auftrag des ZDF, 2018",
    "Спасибо за просмотр!", "ご視聴ありがとうございました",
])
def test_known_phantoms_are_recognised(text):
    assert is_phantom_text(text)


@pytest.mark.parametrize("text", [
    "thank you very much for the help", "Go forward ten meters.", "So what happened next?",
    "You should see this.", "Merci pour le café.", "Thanks, and what is on the table?",
])
def test_real_sentences_are_not_phantoms(text):
    assert not is_phantom_text(text)


def test_normalize():
    assert normalize("  Thank   You!! ") == "thank you"
    assert normalize("«Merci.»") == "merci"


def test_phantom_on_silence_is_dropped():
    assert looks_invented("Thank you.", **SILENT)


def test_spoken_thank_you_survives():
    # A confident, loud "thank you" is what a user says to the assistant; keep it.
    assert not looks_invented("Thank you.", **SPEECHY)


def test_each_kind_of_evidence_is_enough():
    base = dict(SPEECHY)
    assert looks_invented("you", **{**base, "no_speech_prob": 0.7})
    assert looks_invented("you", **{**base, "avg_logprob": -1.2})
    assert looks_invented("you", **{**base, "segment_rms": 0.001, "duration_s": 0.8})
    assert not looks_invented("you", **{**base, "segment_rms": 0.001, "duration_s": 6.0})


def test_real_speech_survives_even_with_doubtful_numbers():
    assert not looks_invented("thank you very much for the help", **SILENT)


def test_thresholds_follow_the_config():
    strict = GuardThresholds(no_speech_prob=0.9)
    assert not looks_invented("Bye.", **{**SILENT, "segment_rms": 0.05}, thresholds=strict)
    assert looks_invented("Bye.", **{**SILENT, "segment_rms": 0.05})
    with pytest.raises(ValueError):
        GuardThresholds(no_speech_prob=1.5)


def test_split_keeps_order_and_reports_drops():
    segments = [
        SegmentEvidence("Please open the door.", **SPEECHY),
        SegmentEvidence(" Thanks for watching!", **SILENT),
        SegmentEvidence("thank you very much for the help", **SPEECHY),
        SegmentEvidence("", **SPEECHY),
    ]
    keep, dropped = split_phantoms(segments)
    assert keep == [0, 2]
    assert dropped == ["Thanks for watching!"]


def test_repetition_loops_the_model_doubted_are_dropped():
    loop = [SegmentEvidence("1,5kg", no_speech_prob=0.76, avg_logprob=-0.54, duration_s=2.0,
                            segment_rms=0.1)] * 4
    keep, dropped = split_phantoms(loop)
    assert keep == [] and len(dropped) == 4
    # A confident repetition (someone counting "one, one, one") is kept.
    sure = [SegmentEvidence("one", **SPEECHY)] * 3
    assert split_phantoms(sure)[0] == [0, 1, 2]


def test_rms():
    assert rms(np.zeros(100, np.float32)) == 0.0
    assert rms(np.array([], np.float32)) == 0.0
    assert abs(rms(np.full(50, 0.5, np.float32)) - 0.5) < 1e-6
