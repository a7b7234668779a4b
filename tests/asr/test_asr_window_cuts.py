"""A 30 s window that began just after a word started (assistant/asr/window_cuts.py): the
lost first word is read again from the pause and put back; nothing else is changed."""
from __future__ import annotations

import numpy as np
import pytest
from asr_support import librivox_clip, silence

from assistant.asr import language, window_cuts
from assistant.asr.language import Span
from assistant.audio import load_audio

RATE = 16000


def _segment(seek, start, end, text, tokens=()):
    from faster_whisper.transcribe import Segment

    return Segment(id=0, seek=seek, start=start, end=end, text=text, tokens=list(tokens),
                   avg_logprob=-0.3, compression_ratio=1.2, no_speech_prob=0.05, words=None,
                   temperature=0.0)


# -- which words were lost (pure) ---------------------------------------------------------
def test_the_words_in_front_of_the_window_are_the_lost_ones_as_read():
    assert window_cuts.lost_words(" he was.", " might even have been made amiable himself.",
                                  " He might even have been made amiable himself. He might") == "He"
    assert window_cuts.lost_words(" No more messages.", " Mr. John Dashwood had then",
                                  " And Mr. John Dashwood had then leisure") == "And"


def test_nothing_is_put_back_unless_the_reading_is_exactly_more_words_in_front():
    after = " might even have been made amiable himself."
    assert window_cuts.lost_words(" he was.", after, " might even have been made") == ""      # nothing lost
    assert window_cuts.lost_words(" he was.", after, " He might ever have been") == ""        # read otherwise
    assert window_cuts.lost_words(" he was.", after, " Oh yes he said might even have") == ""  # four in front
    assert window_cuts.lost_words(" he was.", after, " was. might even have been") == ""      # the word before
    assert window_cuts.lost_words(" than he was.", after, " he was might even have") == ""    # the words before
    assert window_cuts.lost_words(" he was.", " Yes.", " Oh, yes.") == ""                     # too short to tell
    assert window_cuts.lost_words(" he was.", after, "") == ""


def test_only_windows_that_began_just_inside_speech_are_read_again():
    units = [Span(0.0, 5.2), Span(6.0, 9.0), Span(10.0, 20.0), Span(21.0, 24.0)]
    segments = [_segment(0, 0.0, 5.9, " one"), _segment(0, 5.9, 6.3, " two"),      # same window
                _segment(630, 6.3, 9.5, " three"),     # 0.3 s into 6.0-9.0: read again
                _segment(950, 9.9, 13.0, " four"),     # before its speech: nothing cut
                _segment(1300, 13.0, 20.5, " five"),   # 3 s into 10-20: the last window's words
                _segment(2050, 21.05, 24.0, " six")]   # 0.05 s in: the pad, not a word
    assert window_cuts.cuts(segments, units) == [(2, Span(6.0, 9.0))]


def test_a_cancelled_request_stops_before_reading_again():
    from assistant.cancel import Cancelled, CancelToken

    units = [Span(0.0, 5.2), Span(6.0, 9.0)]
    segments = [_segment(0, 0.0, 6.3, " one two"), _segment(630, 6.3, 9.5, " three four five")]
    token, read = CancelToken(), []
    token.cancel("gone")
    with pytest.raises(Cancelled):
        window_cuts.mend(None, np.zeros(10 * RATE, np.float32), segments, units, "en",
                         reader=lambda *args: read.append(args) or "", check=token.check)
    assert read == []


# -- with the real model ------------------------------------------------------------------
@pytest.fixture(scope="module")
def tiny():
    from faster_whisper import WhisperModel

    from assistant.asr import bundled

    return WhisperModel(str(bundled.tiny_en_path()), device="cpu", compute_type="int8")


def test_a_first_word_cut_by_a_window_start_is_put_back_in_text_and_tokens(tiny):
    from faster_whisper.tokenizer import Tokenizer

    wav, _ = librivox_clip("0930")          # "he might even have been made amiable himself"
    clip = load_audio(wav)
    audio = np.concatenate([silence(2.0), clip, silence(1.0)])
    units = language.speech_units(audio)
    onset = units[0].start
    tokenizer = Tokenizer(tiny.hf_tokenizer, False)
    after_text = " might even have been made amiable himself."
    # What faster-whisper gives when its second window starts 0.25 s into the speech.
    segments = [_segment(0, 0.0, onset + 0.25, " Please hold."),
                _segment(int((onset + 0.25) * 100), onset + 0.25, units[-1].end, after_text,
                         tokenizer.encode(after_text))]
    mended = window_cuts.mend(tiny, audio, segments, units, "en")
    assert mended[0] == segments[0]
    assert mended[1].text == " He" + after_text
    assert tokenizer.decode(mended[1].tokens) == mended[1].text
    assert (mended[1].start, mended[1].end, mended[1].seek) == (segments[1].start, segments[1].end,
                                                                segments[1].seek)
    # The same segments without a cut in the speech (the window began at the pause): unchanged.
    whole = [segments[0], _segment(segments[1].seek, onset - 0.3, units[-1].end, " He" + after_text)]
    assert window_cuts.mend(tiny, audio, whole, units, "en") == whole


def test_the_start_is_read_again_from_the_pause_in_a_fraction_of_a_window(tiny):
    import time

    wav, _ = librivox_clip("0880")          # "he was not an ill disposed young man"
    piece = np.concatenate([silence(0.3), load_audio(wav)])
    started = time.perf_counter()
    words = window_cuts.first_words(tiny, piece, "en")
    took = time.perf_counter() - started
    assert words.split()[:4] == ["He", "was", "not", "an"]
    assert took < 5.0           # loose here (shared CI cores); bench figures are in the note
