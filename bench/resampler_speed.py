"""Speed of the live-audio resampler: a 60 s stream in 20 ms blocks, at the rates devices use.

    PYTHONPATH=. python bench/resampler_speed.py

Prints seconds of work per 60 s of audio for each rate pair (best of 3 runs).
"""
from __future__ import annotations

import time

import numpy as np

from assistant.audio.resampler import StreamResampler

PAIRS = ((48_000, 16_000), (44_100, 16_000), (22_050, 48_000), (16_000, 48_000))
SECONDS = 60
BLOCK_S = 0.02


def run(src: int, dst: int) -> float:
    rng = np.random.default_rng(0)
    audio = (0.1 * rng.standard_normal(src * SECONDS)).astype(np.float32)
    block = int(src * BLOCK_S)
    best = float("inf")
    for _ in range(3):
        resampler = StreamResampler(src, dst)
        start = time.perf_counter()
        total = 0
        for at in range(0, audio.shape[0], block):
            total += resampler.process(audio[at:at + block]).shape[0]
        total += resampler.flush().shape[0]
        best = min(best, time.perf_counter() - start)
        assert abs(total - SECONDS * dst) <= 1, total
    return best


if __name__ == "__main__":
    for src, dst in PAIRS:
        print(f"{src:>6} -> {dst:>6} Hz: {run(src, dst):.3f} s per {SECONDS} s of audio")
