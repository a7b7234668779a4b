"""Real encoded recordings for tests: audio written with PyAV's encoders (FLAC, Opus, MP3...)."""
from __future__ import annotations

from pathlib import Path

import numpy as np

RATE = 16_000


def encode(path: Path, audio: np.ndarray, fmt: str, codec: str, rate: int = RATE) -> Path:
    """``audio`` (16 kHz float32) written with PyAV's encoder ``codec`` at ``rate``."""
    import av

    pcm = np.clip(audio * 32768, -32768, 32767).astype(np.int16).reshape(1, -1)
    frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="mono")
    frame.sample_rate = RATE
    with av.open(str(path), "w", format=fmt) as out:
        stream = out.add_stream(codec, rate=rate)
        stream.layout = "mono"
        resampler = av.audio.resampler.AudioResampler(format=stream.format.name, layout="mono", rate=rate)
        for piece in resampler.resample(frame) + resampler.resample(None):
            for packet in stream.encode(piece):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path
