"""Audio in: file reading, microphone sources, speech detection and segmenting.

Everything here speaks 16 kHz float32 mono numpy arrays. Importing the package
loads no audio library; device and decoder modules import theirs when used.
"""
from __future__ import annotations

SAMPLE_RATE = 16_000

from .files import load_audio  # noqa: E402  (numpy only; the decoder loads on first use)

__all__ = ["SAMPLE_RATE", "load_audio"]
