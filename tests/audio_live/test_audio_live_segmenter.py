"""The pure segmenter, fed seconds and booleans; and the audio cutter on top of it."""
from __future__ import annotations

import numpy as np
import pytest

from assistant.audio.segmenter import (SegmentEnded, SegmenterOptions, SegmentStarted,
                                       SpeechSegmenter, UtteranceCutter)
from energy_detector import EnergyDetector

STEP = 0.032  # one Silero window


def feed(seg: SpeechSegmenter, script: list[tuple[float, bool]], step: float = STEP):
    """Play (seconds, is_speech) spans in chunks of ``step`` (the last one shorter); return events."""
    events = []
    for seconds, speech in script:
        whole, rest = divmod(round(seconds / step, 6), 1)
        for _ in range(int(whole)):
            events.extend(seg.process(step, speech))
        if rest > 1e-6:
            events.extend(seg.process(rest * step, speech))
    return events


def ends(events):
    return [e for e in events if isinstance(e, SegmentEnded)]


def starts(events):
    return [e for e in events if isinstance(e, SegmentStarted)]


OPTS = SegmenterOptions(speech_start_s=0.192, end_silence_s=0.8, max_utterance_s=10.0,
                        pre_roll_s=0.32, tail_s=0.192)


def test_short_blips_are_ignored():
    seg = SpeechSegmenter(OPTS)
    events = feed(seg, [(1.0, False)] + [(0.128, True), (0.5, False)] * 10 + [(0.16, True), (2, False)])
    assert events == [] and not seg.in_speech


def test_speech_starts_after_the_debounce_with_pre_roll():
    seg = SpeechSegmenter(OPTS)
    events = feed(seg, [(2.0, False), (0.16, True)])
    assert events == [] and not seg.in_speech
    events = feed(seg, [(0.032, True)])
    (started,) = events
    assert seg.in_speech
    assert started.at_s == pytest.approx(2.192)
    assert started.start_s == pytest.approx(2.0 - OPTS.pre_roll_s)


def test_pre_roll_never_reaches_before_the_stream():
    seg = SpeechSegmenter(OPTS)
    (started,) = feed(seg, [(0.096, False), (0.3, True)])
    assert started.start_s == 0.0


def test_pause_shorter_than_end_silence_does_not_split():
    seg = SpeechSegmenter(OPTS)
    events = feed(seg, [(1.0, False), (1.5, True), (0.64, False), (1.0, True), (0.4, False),
                        (0.5, True), (3.0, False)])
    assert len(starts(events)) == 1
    (ended,) = ends(events)
    assert ended.reason == "silence"
    assert ended.start_s == pytest.approx(1.0 - 0.32)
    assert ended.end_s == pytest.approx(1.0 + 1.5 + 0.64 + 1.0 + 0.4 + 0.5 + OPTS.tail_s)
    # The turn is declared over end_silence_s after the last speech, not later.
    assert ended.at_s == pytest.approx(5.04 + OPTS.end_silence_s, abs=STEP)


def test_a_long_pause_splits_and_utterances_do_not_overlap():
    seg = SpeechSegmenter(OPTS)
    # The first turn holds more than short_turn_s of speech: the second does not take it in.
    events = feed(seg, [(1.0, False), (1.5, True), (0.96, False), (1.0, True), (2.0, False)])
    first, second = ends(events)
    assert first.end_s == pytest.approx(2.5 + OPTS.tail_s)
    # The pre-roll of the second turn would reach back into the first: it is clamped.
    assert second.start_s == pytest.approx(max(3.46 - OPTS.pre_roll_s, first.end_s))
    assert second.start_s >= first.end_s and not second.continues


def test_long_speech_is_cut_at_the_maximum_and_goes_on():
    seg = SpeechSegmenter(OPTS)
    events = feed(seg, [(0.5, False), (25.0, True), (1.0, False)])
    done = ends(events)
    assert [e.reason for e in done] == ["max_length", "max_length", "silence"]
    assert all(e.duration_s <= OPTS.max_utterance_s + 1e-9 for e in done)
    assert done[0].duration_s == pytest.approx(OPTS.max_utterance_s)
    # Back to back: nothing lost between the pieces, nothing counted twice.
    assert done[1].start_s == pytest.approx(done[0].end_s)
    assert done[2].start_s == pytest.approx(done[1].end_s)
    assert done[2].end_s == pytest.approx(25.5 + OPTS.tail_s)
    assert len(starts(events)) == 3


def test_flush_closes_an_open_turn_and_reset_starts_over():
    seg = SpeechSegmenter(OPTS)
    feed(seg, [(0.5, False), (1.0, True)])
    assert seg.in_speech
    (flushed,) = seg.flush()
    assert flushed.reason == "flush" and flushed.end_s == pytest.approx(1.5)
    assert seg.flush() == []
    feed(seg, [(1.0, True)])
    assert seg.in_speech
    seg.reset()
    assert not seg.in_speech and seg.now_s == 0.0 and seg.flush() == []
    # A max-length cut on the last chunk leaves an empty turn open: flush drops it.
    feed(seg, [(OPTS.max_utterance_s, True)])
    assert seg.in_speech and seg.flush() == [] and not seg.in_speech
    seg.reset()
    (started,) = feed(seg, [(0.192, True)])
    assert started.start_s == 0.0 and started.at_s == pytest.approx(0.192)


def test_uneven_chunks_give_the_same_turns():
    script = [(1.0, False), (1.3, True), (0.5, False), (0.7, True), (2.0, False)]
    a = ends(feed(SpeechSegmenter(OPTS), script, step=0.01))
    b = ends(feed(SpeechSegmenter(OPTS), script, step=0.02))
    assert len(a) == len(b) == 1
    assert a[0].start_s == pytest.approx(b[0].start_s, abs=0.02)
    assert a[0].end_s == pytest.approx(b[0].end_s, abs=0.02)


@pytest.mark.parametrize("bad", [dict(end_silence_s=0.0), dict(pre_roll_s=-1), dict(tail_s=2.0),
                                 dict(max_utterance_s=0.5), dict(speech_start_s=9)])
def test_options_are_validated(bad):
    with pytest.raises(ValueError):
        SegmenterOptions(**bad)


def test_chunks_must_move_forward():
    with pytest.raises(ValueError):
        SpeechSegmenter().process(0.0, True)


def tone(seconds, rate=16_000):
    t = np.arange(int(seconds * rate)) / rate
    return (0.3 * np.sin(2 * np.pi * 300 * t)).astype(np.float32)


def test_cutter_returns_exact_audio_with_pre_roll_from_odd_blocks():
    rng = np.random.default_rng(0)
    quiet = lambda s: (0.001 * rng.standard_normal(int(s * 16_000))).astype(np.float32)  # noqa: E731
    stream = np.concatenate([quiet(1.5), tone(1.2), quiet(1.5), tone(0.6), quiet(1.5)])
    opts = SegmenterOptions(speech_start_s=0.09, end_silence_s=0.6, pre_roll_s=0.3, tail_s=0.15)
    started = []
    cutter = UtteranceCutter(EnergyDetector(), opts, on_speech_start=started.append)
    got = []
    for at in range(0, stream.shape[0], 777):  # blocks that are not a window multiple
        got.extend(cutter.push(stream[at:at + 777]))
    got.extend(cutter.flush())
    assert len(got) == 2 and len(started) == 2
    first, second = got
    assert first.start_s == pytest.approx(1.5 - 0.3, abs=0.03)
    assert first.end_s == pytest.approx(2.7 + 0.15, abs=0.03)
    assert second.start_s == pytest.approx(4.2 - 0.3, abs=0.03)
    for utt in got:
        lo = int(round(utt.start_s * 16_000))
        np.testing.assert_array_equal(utt.audio, stream[lo:lo + utt.audio.shape[0]])
        assert utt.duration_s == pytest.approx(utt.end_s - utt.start_s, abs=1e-3)
    # The pre-roll holds the quiet lead-in, then the tone starts.
    lead = first.audio[: int(0.25 * 16_000)]
    assert np.sqrt(np.mean(lead ** 2)) < 0.01 and np.abs(first.audio).max() > 0.25


def test_cutter_cuts_long_speech_and_reset_clears_it():
    opts = SegmenterOptions(speech_start_s=0.09, end_silence_s=0.6, max_utterance_s=2.0,
                            pre_roll_s=0.3, tail_s=0.15)
    det = EnergyDetector()
    cutter = UtteranceCutter(det, opts)
    got = cutter.push(np.concatenate([np.zeros(8000, np.float32), tone(5.0)]))
    assert [u.reason for u in got] == ["max_length", "max_length"]
    assert all(u.duration_s == pytest.approx(2.0, abs=1e-3) for u in got)
    assert cutter.in_speech
    cutter.reset()
    assert not cutter.in_speech and det.resets == 2 and cutter.flush() == []
