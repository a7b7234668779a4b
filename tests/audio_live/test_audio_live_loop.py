"""End to end: WAV replay -> streaming Silero -> utterance cutter, checked against offline Silero."""
from __future__ import annotations

import threading

import numpy as np
import pytest
from audio_live_helpers import RATE, write_pcm16

from assistant.audio.segmenter import SegmenterOptions, UtteranceCutter
from assistant.audio.sources import WavReplaySource

OPTS = SegmenterOptions(speech_start_s=0.2, end_silence_s=0.8, max_utterance_s=20.0,
                        pre_roll_s=0.3, tail_s=0.2)


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * RATE), np.float32)


def replay_through_cutter(path, detector, speed=25.0):
    """Run the live path: the replay thread calls the cutter exactly as a microphone would."""
    cutter = UtteranceCutter(detector, OPTS)
    utterances, lock = [], threading.Lock()

    def on_block(block):
        done = cutter.push(block)
        with lock:
            utterances.extend(done)

    source = WavReplaySource(path, speed=speed)
    source.start(on_block)
    assert source.wait(60), "replay did not finish"
    source.stop()
    utterances.extend(cutter.flush())
    return utterances, source.audio


def offline_segments(audio: np.ndarray) -> list[tuple[float, float]]:
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    opts = VadOptions(threshold=0.5, min_silence_duration_ms=int(OPTS.end_silence_s * 1000),
                      min_speech_duration_ms=int(OPTS.speech_start_s * 1000), speech_pad_ms=0)
    return [(s["start"] / RATE, s["end"] / RATE) for s in get_speech_timestamps(audio, opts)]


def check_against_offline(utterances, audio, expected_count, placed):
    offline = offline_segments(audio)
    assert len(offline) == expected_count, offline
    assert len(utterances) == expected_count, [(u.start_s, u.end_s, u.reason) for u in utterances]
    for utt, (lo, hi), (clip_start, clip_end) in zip(utterances, offline, placed):
        assert utt.reason == "silence"
        # The utterance covers all the speech offline Silero found, with pre-roll and tail...
        assert utt.start_s <= lo - OPTS.pre_roll_s + 0.04
        assert utt.end_s >= hi
        # ...and does not wander far into the padding around the clip.
        assert clip_start - OPTS.pre_roll_s - 0.1 <= utt.start_s
        assert utt.end_s <= clip_end + OPTS.tail_s + 0.1
        first = int(round(utt.start_s * RATE))
        np.testing.assert_array_equal(utt.audio, audio[first:first + utt.audio.shape[0]])


def test_one_clip_padded_with_silence(tmp_path, librivox_clips, silero_factory):
    clip = librivox_clips["0870"]
    audio = np.concatenate([silence(2.0), clip, silence(2.0)])
    path = write_pcm16(tmp_path / "padded.wav", audio)
    utterances, replayed = replay_through_cutter(path, silero_factory())
    assert replayed.shape == audio.shape
    check_against_offline(utterances, replayed, 1, [(2.0, 2.0 + clip.shape[0] / RATE)])


def test_two_clips_with_a_pause_give_two_utterances(tmp_path, librivox_clips, silero_factory):
    a, b = librivox_clips["0880"], librivox_clips["0890"]
    audio = np.concatenate([silence(2.0), a, silence(1.5), b, silence(2.0)])
    path = write_pcm16(tmp_path / "two.wav", audio)
    utterances, replayed = replay_through_cutter(path, silero_factory())
    a_start = 2.0
    b_start = a_start + a.shape[0] / RATE + 1.5
    check_against_offline(utterances, replayed, 2,
                          [(a_start, a_start + a.shape[0] / RATE), (b_start, b_start + b.shape[0] / RATE)])
    assert utterances[0].end_s <= utterances[1].start_s


@pytest.mark.parametrize("kind", ["white-noise", "silence"])
def test_a_minute_of_noise_or_silence_gives_no_utterance(tmp_path, silero_factory, kind):
    rng = np.random.default_rng(7)
    audio = (0.1 * rng.standard_normal(60 * RATE)).astype(np.float32) if kind == "white-noise" \
        else silence(60.0)
    path = write_pcm16(tmp_path / f"{kind}.wav", audio)
    utterances, replayed = replay_through_cutter(path, silero_factory(), speed=float("inf"))
    assert replayed.shape[0] == 60 * RATE
    assert utterances == []
    assert offline_segments(replayed) == []
