"""The one resampler (PyAV's libswresample): the same output whatever the block sizes, so no
click at block edges; speech and tones kept; a live stream not held back."""
from __future__ import annotations

import numpy as np
import pytest
from audio_live_helpers import band_limited

from assistant.audio.resampler import Reblocker, StreamResampler


def _in_random_blocks(resampler: StreamResampler, audio: np.ndarray, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    out, at = [], 0
    while at < audio.shape[0]:
        size = int(rng.integers(1, 2500))
        out.append(resampler.process(audio[at:at + size]))
        at += size
    out.append(resampler.flush())
    return np.concatenate(out)


@pytest.mark.parametrize("src, dst", [(48_000, 16_000), (44_100, 16_000), (22_050, 48_000),
                                      (16_000, 44_100)])
def test_blocks_do_not_matter_and_speech_survives(librivox_clips, src, dst):
    speech = band_limited(librivox_clips["0880"], 16_000, src)
    whole = StreamResampler(src, dst)
    at_once = np.concatenate([whole.process(speech), whole.flush()])
    pieces = _in_random_blocks(StreamResampler(src, dst), speech, seed=src + dst)
    np.testing.assert_allclose(pieces, at_once, atol=1e-6)
    want = band_limited(speech, src, dst)
    assert abs(at_once.shape[0] - want.shape[0]) <= 1
    n = min(at_once.shape[0], want.shape[0])
    error = at_once[:n] - want[:n]
    assert 10 * np.log10(np.sum(want[:n] ** 2) / np.sum(error ** 2)) > 35


def test_tones_keep_their_pitch_and_level_and_high_ones_do_not_fold_back():
    t = np.arange(44_100 * 2) / 44_100
    low = StreamResampler(44_100, 16_000)
    tone = np.concatenate([low.process(np.sin(2 * np.pi * 1000 * t).astype(np.float32)),
                           low.flush()])[1000:-1000]
    spectrum = np.abs(np.fft.rfft(tone * np.hanning(tone.shape[0])))
    assert abs(np.argmax(spectrum) * 16_000 / tone.shape[0] - 1000) < 2
    assert abs(np.sqrt(np.mean(tone ** 2)) - np.sqrt(0.5)) < 0.01
    high = StreamResampler(44_100, 16_000)  # 11 kHz would alias to 5 kHz without the low-pass
    folded = high.process(np.sin(2 * np.pi * 11_000 * t).astype(np.float32))[1000:-1000]
    assert np.sqrt(np.mean(folded ** 2)) < 0.01


@pytest.mark.parametrize("src", [48_000, 44_100, 22_050])
def test_a_live_stream_in_20_ms_blocks_is_not_held_back(librivox_clips, src):
    speech = band_limited(librivox_clips["0880"], 16_000, src)
    resampler, block = StreamResampler(src, 16_000), src // 50
    sizes = [resampler.process(speech[at:at + block]).shape[0]
             for at in range(0, speech.shape[0] - block + 1, block)]
    assert set(sizes[1:]) == {320}, sorted(set(sizes))     # 20 ms out for every 20 ms in
    assert 320 - sizes[0] <= 32                             # at most 2 ms held back, once
    assert resampler.flush().shape[0] == 320 - sizes[0]


def test_same_rate_passes_through_and_reblocker_cuts_exact_blocks():
    same = StreamResampler(16_000, 16_000)
    audio = np.linspace(-1, 1, 1000, dtype=np.float32)
    np.testing.assert_array_equal(same.process(audio), audio)
    blocks = Reblocker(512)
    got = blocks.push(audio[:700]) + blocks.push(audio[700:]) + blocks.push(audio[:400])
    assert [b.shape[0] for b in got] == [512, 512, 512][: (1400 // 512)]
    np.testing.assert_array_equal(np.concatenate(got), np.concatenate([audio, audio[:400]])[:1024])
    with pytest.raises(ValueError):
        StreamResampler(0, 16_000)
