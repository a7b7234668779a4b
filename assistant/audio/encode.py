"""Speech audio to the formats clients expect: MP3, Ogg Opus, AAC, FLAC, WAV and raw PCM.

One encoder for the server's ``/v1/audio/speech`` (streamed a sentence at a time) and for
``ask --speak-to FILE`` (whole, chosen by the file's extension): FFmpeg's muxers and
encoders through PyAV (libmp3lame, libopus, FFmpeg's aac and flac; all in PyAV's wheel),
which also converts the voice's rate (libswresample, as ``resampler.py`` does) and cuts
the fixed-size frames each codec wants. A stream written to a sink that cannot seek keeps
"unknown length" in its header (WAV: 0xFFFFFFFF sizes, which readers take to mean "to the
end"); a whole file is written to a seekable buffer, so its header has the exact lengths.
"""
from __future__ import annotations

import io
import os
from dataclasses import dataclass, field

import numpy as np

from ..errors import InputError

SERVE_RATE = 24_000   # OpenAI's speech rate: clients play "pcm" at 24 kHz, 16-bit, mono


@dataclass(frozen=True)
class AudioFormat:
    name: str                   # the API's response_format name
    container: str              # FFmpeg's muxer
    codec: str                  # FFmpeg's encoder
    media_type: str
    bit_rate: int | None = None
    rate: int | None = None     # a rate this format always has (Ogg Opus decodes at 48 kHz)
    options: dict = field(default_factory=dict)   # the muxer's


FORMATS: dict[str, AudioFormat] = {f.name: f for f in (
    AudioFormat("mp3", "mp3", "libmp3lame", "audio/mpeg", 64_000),
    # Pages of 100 ms instead of 1 s, so a streamed sentence leaves when it is encoded.
    AudioFormat("opus", "ogg", "libopus", "audio/ogg", 32_000, rate=48_000,
                options={"page_duration": "100000"}),
    AudioFormat("aac", "adts", "aac", "audio/aac", 64_000),
    AudioFormat("flac", "flac", "flac", "audio/flac"),
    # bitexact: no encoder-name tag, so the header is the plain 44 bytes readers expect.
    AudioFormat("wav", "wav", "pcm_s16le", "audio/wav", options={"fflags": "+bitexact"}),
    AudioFormat("pcm", "s16le", "pcm_s16le", "audio/pcm"),
)}

# ``--speak-to``'s extensions; a path with none (/dev/null, a FIFO) gets WAV.
EXTENSIONS = {".wav": "wav", ".flac": "flac", ".ogg": "opus", ".opus": "opus",
              ".mp3": "mp3", ".aac": "aac"}


def format_for_path(path: str | os.PathLike[str]) -> AudioFormat:
    """The format a file's extension names (any case), WAV without one; else exit 2, in words."""
    name = os.path.basename(os.fspath(path))
    ext = os.path.splitext(name)[1].lower()
    if not ext:
        return FORMATS["wav"]
    if ext not in EXTENSIONS:
        known = ", ".join(EXTENSIONS)
        raise InputError(f"The spoken answer cannot be written as '{ext}': the formats are "
                         f"{known} (chosen by the file's extension).",
                         hint="Give a file name ending in one of those.", code="unknown_audio_format")
    return FORMATS[EXTENSIONS[ext]]


class _Sink:
    """A write-only file for the muxer: it cannot seek, so nothing is rewritten later."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []

    def write(self, data) -> int:
        self._parts.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        out = b"".join(self._parts)
        self._parts.clear()
        return out


class Encoder:
    """Float32 mono pieces at ``source_rate`` in, the format's bytes out as they are made.

    ``feed`` returns what the muxer has written so far (a piece's audio, less the few
    milliseconds the codec holds back); ``finish`` the rest. The output's rate is the
    format's own (Opus), else ``rate``, else the source's; a rate the codec cannot take
    becomes the nearest higher one it can.
    """

    def __init__(self, fmt: AudioFormat | str, source_rate: int, *, rate: int | None = None,
                 seekable: bool = False) -> None:
        import av  # lazy: a native library (faster-whisper's decoder; a core dependency)

        self.format = FORMATS[fmt] if isinstance(fmt, str) else fmt
        if source_rate <= 0:
            raise ValueError("the source rate must be positive")
        self.source_rate = int(source_rate)
        self._av = av
        self._buffer: io.BytesIO | _Sink = io.BytesIO() if seekable else _Sink()
        self._container = av.open(self._buffer, "w", format=self.format.container,
                                  options=dict(self.format.options))
        self.rate = _supported(av, self.format.codec, self.format.rate or rate or self.source_rate)
        self._stream = self._container.add_stream(self.format.codec, rate=self.rate)
        self._stream.layout = "mono"
        if self.format.bit_rate:
            self._stream.bit_rate = self.format.bit_rate
        self._read = 0
        self._done = False

    def feed(self, samples: np.ndarray) -> bytes:
        data = np.clip(np.asarray(samples, dtype=np.float32).reshape(-1), -1.0, 1.0)
        if data.size:
            frame = self._av.AudioFrame.from_ndarray(np.ascontiguousarray(data[None, :]),
                                                     format="flt", layout="mono")
            frame.sample_rate = self.source_rate
            self._mux(frame)
        return self._taken()

    def finish(self) -> bytes:
        """The held-back audio and the trailer; the encoder is closed after."""
        if not self._done:
            self._done = True
            self._mux(None)
            self._container.close()
        return self._taken()

    def close(self) -> None:
        """Drop an unfinished encoding (a stream that was stopped)."""
        if not self._done:
            self._done = True
            self._container.close()

    def _mux(self, frame) -> None:
        for packet in self._stream.encode(frame):
            self._container.mux(packet)

    def _taken(self) -> bytes:
        if isinstance(self._buffer, _Sink):
            return self._buffer.take()
        if not self._done:
            return b""          # a whole file: its header is rewritten at the end
        return self._buffer.getvalue()


def _supported(av, codec: str, wanted: int) -> int:
    rates = av.codec.Codec(codec, "w").audio_rates
    if not rates or wanted in rates:
        return wanted
    higher = [r for r in rates if r >= wanted]
    return min(higher) if higher else max(rates)


def encode(samples: np.ndarray, source_rate: int, fmt: AudioFormat | str, *,
           rate: int | None = None) -> bytes:
    """A whole recording as one file of ``fmt``, its header giving the exact length."""
    encoder = Encoder(fmt, source_rate, rate=rate, seekable=True)
    encoder.feed(samples)
    return encoder.finish()
