"""No language set: English first with tiny.en, the multilingual base only where in doubt.

The pure rules run on numbers; the rest on real recordings (LibriVox, ALSA, Asterisk
prompts) and, for German, which no recording on the machine has, espeak-ng.
"""
from __future__ import annotations

import logging

import numpy as np
import pytest
from asr_support import alsa, asterisk_prompt, espeak, goforward_raw, librivox_clip, norm_words, silence

from assistant.asr import TranscribeOptions
from assistant.asr.language import Decoded, Span, doubts, dominant, first_guess, merge_short, retry_needed, runs
from assistant.audio import load_audio

SURE_ENGLISH = Decoded(0.0, 3.0, " He might even have been made amiable himself.", -0.28, 1.2, 0.04)


def _seg(text: str, start: float = 0.0, end: float = 3.0, lp: float = -0.3, cr: float = 1.2, ns: float = 0.05):
    return Decoded(start, end, text, lp, cr, ns)


# -- the rules (pure) ------------------------------------------------------------------
def test_confident_english_is_trusted():
    assert doubts([SURE_ENGLISH], [Span(0.0, 3.0)]) == []
    assert doubts([], []) == []  # silence: nothing to doubt


@pytest.mark.parametrize("segment,why", [
    (_seg(" Losiento, no aiamara, sobre es extención.", lp=-1.01), "avg_logprob"),   # tiny.en on Spanish
    (_seg(" I am going to ask you to ask you to ask you", lp=-0.21, cr=22.7), "repetition"),
    (_seg(" Thank you very much.", lp=-0.45), "stock phrase"),  # tiny.en's answer to French
    (_seg(" Muchas gracias por su paciencia, señor.", lp=-0.4), "non-English letters"),
    (_seg(" Front center.", lp=-0.3, ns=0.7), "no_speech_prob"),
])
def test_doubts_name_the_reason(segment, why):
    reasons = doubts([segment], [Span(0.0, 3.0)])
    assert reasons and why in reasons[0], reasons


def test_speech_the_decoder_skipped_is_a_doubt():
    # English then 12 s of German that tiny.en folded into "he was." (as measured)
    segments = [_seg(" And Mr. John Dashwood had then leisure to consider how much", 0.0, 5.4),
                _seg(" in his power to do for them.", 5.4, 8.3),
                _seg(" Had he married a more amiable woman, he might have been made still more respectable than",
                     8.3, 13.0), _seg(" he was.", 13.0, 22.0)]
    units = [Span(0.0, 7.3), Span(8.0, 14.2), Span(14.6, 26.4)]
    reasons = doubts(segments, units)
    assert len(reasons) == 1 and "at 14.6 s" in reasons[0], reasons
    assert doubts(segments[:2], [Span(0.0, 8.3)]) == []
    assert "words" in doubts([], [Span(0.0, 1.2)])[0]  # speech, and nothing at all came out


def test_word_times_show_speech_a_stretched_segment_hides():
    # Measured: tiny.en on English then German stretched its last English segment over the German.
    first = Decoded(0.0, 5.4, " And Mr. John Dashwood had then leisure to consider how much there might be"
                    " prudently", -0.31, 1.3, 0.05)
    stretched = Decoded(5.4, 15.92, " in his power to do for them.", -0.31, 1.3, 0.05)
    units = [Span(0.088, 7.016), Span(7.992, 16.27)]
    assert doubts([first, stretched], units) == []  # by overlap alone it looks spoken at 0.7 words/s
    timed = Decoded(5.4, 15.92, stretched.text, -0.31, 1.3, 0.05, word_times=(5.6, 5.8, 6.0, 6.2, 6.4, 6.6, 7.2))
    reasons = doubts([first, timed], units)
    assert len(reasons) == 1 and "at 8.0 s gave 0 words" in reasons[0], reasons


def test_retry_mirrors_faster_whispers_thresholds():
    assert not retry_needed([_seg(" x", lp=-0.9, cr=2.3)])
    assert retry_needed([_seg(" x", lp=-1.1)]) and retry_needed([_seg(" x", cr=2.5)])


def test_short_stretches_join_the_nearer_neighbour():
    assert merge_short([Span(0.0, 4.0), Span(4.6, 5.2), Span(7.0, 11.0)]) == [Span(0.0, 5.2), Span(7.0, 11.0)]
    assert merge_short([Span(0.0, 0.8)]) == [Span(0.0, 0.8)]
    assert merge_short([]) == []


def test_runs_group_languages_and_fill_unsure_stretches():
    units = [Span(0, 4), Span(5, 9), Span(10, 14), Span(15, 19)]
    out = runs(units, [("en", 0.97), ("en", 0.31), ("de", 0.92), ("de", 0.88)])
    assert [(r.start, r.end, r.language) for r in out] == [(0, 9, "en"), (10, 19, "de")]
    out = runs(units[:2], [("pl", 0.2), ("fr", 0.9)])  # a leading unsure stretch joins the first sure one
    assert [(r.start, r.end, r.language) for r in out] == [(0, 9, "fr")]
    out = runs(units[:2], [("pl", 0.2), ("ar", 0.3)])  # nothing sure: the decoder detects
    assert [(r.language, r.start, r.end) for r in out] == [(None, 0, 9)]
    with pytest.raises(ValueError):
        runs(units, [("en", 1.0)])


def test_dominant_is_the_language_spoken_longest():
    parts = runs([Span(0, 3), Span(4, 14)], [("en", 0.9), ("de", 0.8)])
    assert (dominant(parts).language, dominant(parts).probability) == ("de", 0.8)
    assert dominant([]) is None


@pytest.mark.parametrize("env,expected", [
    ({"LANG": "de_DE.UTF-8"}, "de"), ({"LANG": "C.UTF-8"}, "en"), ({"LANG": "POSIX"}, "en"),
    ({"LC_ALL": "fr_CA.UTF-8", "LANG": "en_US.UTF-8"}, "fr"), ({"LANG": "en_GB.UTF-8"}, "en"), ({}, "en"),
])
def test_first_guess_is_the_system_language(env, expected):
    assert first_guess(env) == expected


# -- real speech, real models --------------------------------------------------------

@pytest.mark.slow
def test_english_without_a_language_is_what_language_en_gives(auto_transcriber, tiny_transcriber):
    """Same text as --language en, from tiny.en alone (no base decode)."""
    for path in (librivox_clip("0870")[0], goforward_raw(), alsa("Front_Center")):
        audio = load_audio(path)
        auto = auto_transcriber.transcribe(audio)
        forced = tiny_transcriber.transcribe(audio)
        assert (auto.text, auto.language, auto.model) == (forced.text, "en", "tiny.en"), path
        assert {seg.language for seg in auto.segments} == {"en"}


@pytest.mark.slow
def test_english_then_german_comes_out_as_english_then_german(auto_transcriber, tmp_path):
    english_wav, english_text = librivox_clip("0870")
    english = load_audio(english_wav)
    said = ("Heute Morgen bin ich mit dem Fahrrad zur Arbeit gefahren. Das Wetter war schön, und die Sonne "
            "schien über der ganzen Stadt.")
    german = load_audio(espeak(said, "de", tmp_path / "de.wav"))
    german *= 0.5 / float(np.abs(german).max())  # espeak is loud; bring it near the recording's level
    result = auto_transcriber.transcribe(np.concatenate([english, silence(1.0), german]))
    languages = [seg.language for seg in result.segments]
    assert languages[0] == "en" and languages[-1] == "de", result.segments
    assert languages == sorted(languages, key=["en", "de"].index)  # English, then German, no going back
    english_part = " ".join(s.text for s in result.segments if s.language == "en")
    german_part = norm_words(" ".join(s.text for s in result.segments if s.language == "de"))
    assert len(set(norm_words(english_part).split()) & set(english_text.split())) >= 15, english_part
    assert len(set(german_part.split()) & set(norm_words(said).split())) >= 10, german_part
    assert not {"morning", "bicycle", "bike", "weather", "sun", "city"} & set(german_part.split()), german_part
    assert result.model == "tiny.en+base"
    assert result.segments[-1].end <= result.duration_s + 0.05


@pytest.mark.slow
def test_a_session_that_heard_french_asks_base_first(base_cache, caplog):
    """The English attempt is paid once per session, not on every French question."""
    from assistant.asr.whisper import FasterWhisperTranscriber
    from assistant.config import AsrConfig

    transcriber = FasterWhisperTranscriber(AsrConfig(), cache_dir=base_cache, first_language="en")
    first, _ = asterisk_prompt("fr", "conf-getpin")
    second, _ = asterisk_prompt("fr", "vm-intro")
    with caplog.at_level(logging.INFO, logger="assistant.asr.whisper"):
        assert transcriber.transcribe(load_audio(first)).language == "fr"
        assert "English not trusted" in caplog.text
        caplog.clear()
        assert transcriber.transcribe(load_audio(second)).language == "fr"
        assert "English not trusted" not in caplog.text
        # and English is still heard as English after French
        back = transcriber.transcribe(load_audio(librivox_clip("0930")[0]))
    assert (back.language, back.model) == ("en", "tiny.en")
    assert norm_words(back.text) == "he might even have been made amiable himself"
    transcriber.close()


@pytest.mark.slow
def test_warming_up_loads_both_models_and_loading_only_the_first(base_cache):
    """A live loop warms up, so its first doubtful question does not also load base; a one-off
    ``ask`` loads what it will use first, and base only when a doubt needs it."""
    from assistant.asr.whisper import FasterWhisperTranscriber
    from assistant.config import AsrConfig
    from assistant.events import ModelLoaded

    events = []
    FasterWhisperTranscriber(AsrConfig(), cache_dir=base_cache, on_event=events.append).warm_up()
    assert [e.model for e in events if isinstance(e, ModelLoaded)] == ["tiny.en", "base"]
    events.clear()
    once = FasterWhisperTranscriber(AsrConfig(), cache_dir=base_cache, on_event=events.append,
                                    first_language="en")
    once.load()
    wav, text = librivox_clip("0880")
    heard = once.transcribe(load_audio(wav))
    assert norm_words(heard.text) == norm_words(text) or "young man" in heard.text.lower()
    assert [e.model for e in events if isinstance(e, ModelLoaded)] == ["tiny.en"]


@pytest.mark.slow
def test_translation_still_goes_to_base(auto_transcriber):
    wav, _ = asterisk_prompt("es", "conf-getpin")
    result = auto_transcriber.transcribe(load_audio(wav), TranscribeOptions(task="translate"))
    assert result.model == "base" and result.language == "es"
    assert "conference" in result.text.lower() or "pin" in result.text.lower(), result.text
