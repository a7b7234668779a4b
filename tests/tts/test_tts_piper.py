"""Piper voice: real synthesis, checked by transcribing it back with real Whisper."""
from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from assistant.errors import DependencyMissingError, ModelMissingError
from assistant.tts.piper_voice import PiperSpeaker
from assistant.tts.playback import NO_AUDIO_OUTPUT, Player
from assistant.tts.wav import read_wav, write_wav

SENTENCES = [
    "What does the sign say?",
    "The coffee cup is on the wooden table next to a small black cat.",
    "Please read the text on this page out loud.",
]
LONG_TEXT = " ".join([
    "Once upon a time there was a small cat who lived near the river.",
    "Every morning she walked along the bank and watched the boats go by.",
    "Some boats carried fish, some carried wood, and one carried a tall red sign.",
    "Nobody could read the sign from the shore, so the cat swam out to see it.",
    "It said that the bridge was closed, and the cat went home for breakfast.",
] * 2)


@pytest.mark.slow
def test_piper_speech_transcribes_back(piper_speaker, transcribe_wer, tmp_path):
    scores = []
    for i, sentence in enumerate(SENTENCES):
        audio = piper_speaker.synthesize(sentence)
        assert audio.sample_rate == 22_050 and audio.samples.dtype == np.float32
        path = write_wav(audio, tmp_path / f"s{i}.wav")
        assert read_wav(path).duration_s == pytest.approx(audio.duration_s, abs=1e-3)
        wer, heard = transcribe_wer(path, sentence)
        scores.append(wer)
        assert wer <= 0.2, f"{sentence!r} was heard as {heard!r}"
    print(f"Piper round-trip WER per sentence: {scores}")


@pytest.mark.slow
def test_faster_rate_gives_shorter_audio(piper_speaker):
    sentence = SENTENCES[1]
    normal = piper_speaker.synthesize(sentence).duration_s
    fast = PiperSpeaker(rate=2.0, player=piper_speaker.player).synthesize(sentence).duration_s
    slow = PiperSpeaker(rate=0.5, player=piper_speaker.player).synthesize(sentence).duration_s
    assert fast < 0.7 * normal < 0.7 * slow


def test_empty_text_gives_empty_audio_and_plays_nothing(fake_sd):
    speaker = PiperSpeaker(player=Player(sd=fake_sd))
    for text in ("", "   \n"):
        assert speaker.synthesize(text).duration_s == 0.0
        assert len(speaker.speak(text).samples) == 0
    assert fake_sd.streams == []


@pytest.mark.slow
def test_long_text_is_spoken_sentence_by_sentence(piper_speaker):
    chunks = list(piper_speaker.chunks(LONG_TEXT))
    assert len(chunks) == 10
    audio = piper_speaker.synthesize(LONG_TEXT)
    assert audio.duration_s > 30
    # Piper draws random durations (noise_w), so two runs differ a little.
    assert len(audio.samples) == pytest.approx(sum(len(c) for c in chunks), rel=0.05)


@pytest.mark.slow
def test_stop_during_speech_silences_at_once(piper_speaker, fake_sd):
    speaker = PiperSpeaker(player=Player(sd=fake_sd))
    speaker._voice, speaker._syn_config = piper_speaker._voice, piper_speaker._syn_config  # reuse the load
    result = {}
    talker = threading.Thread(target=lambda: result.setdefault("audio", speaker.speak(LONG_TEXT)))
    talker.start()
    assert fake_sd.output_opened.wait(20)
    stream = fake_sd.streams[0]
    assert stream.first_block.wait(5)
    t0 = time.monotonic()
    speaker.stop()
    assert stream.finished.wait(1.0)
    assert stream.finished_at - t0 < 0.1
    talker.join(timeout=10)
    assert not talker.is_alive()
    assert result["audio"].duration_s < 25  # it stopped making the rest, too
    assert len(fake_sd.streams) == 1 and len(stream.played) < 5 * 22_050


@pytest.mark.slow
def test_speaking_without_output_device_still_works(piper_speaker, broken_sd):
    reports = []
    speaker = PiperSpeaker(player=Player(sd=broken_sd, on_error=reports.append))
    speaker._voice, speaker._syn_config = piper_speaker._voice, piper_speaker._syn_config
    first = speaker.speak("Hello there.")
    second = speaker.speak("Hello again.")
    assert first.duration_s > 0.3 and second.duration_s > 0.3
    assert [r.code for r in reports] == [NO_AUDIO_OUTPUT]


def test_missing_voice_file_names_the_file(tmp_path):
    speaker = PiperSpeaker(str(tmp_path / "nowhere.onnx"))
    with pytest.raises(ModelMissingError) as info:
        speaker.synthesize("Hello.")
    assert "nowhere.onnx" in info.value.message


def test_missing_piper_names_the_extra(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "piper", None)  # as if piper-tts were not installed
    with pytest.raises(DependencyMissingError) as info:
        PiperSpeaker().synthesize("Hello.")
    assert info.value.package == "piper-tts" and info.value.extra == "piper"
    assert "local-assistant[piper]" in info.value.user_text()


@pytest.mark.slow
def test_bundled_question_sample_says_the_question(transcribe_wer):
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "resources" / "samples" / "question.wav"
    assert path.stat().st_size < 200_000
    audio = read_wav(path)
    assert audio.sample_rate == 16_000 and 1.0 < audio.duration_s < 4.0
    wer, heard = transcribe_wer(path, "What does the sign say?")
    assert wer == 0.0, heard
