"""Audio files decoded a piece at a time, so memory stays bounded however long the recording.

``pieces(path)`` yields float32 mono 16 kHz arrays in order, through the same PyAV
steps faster-whisper's ``decode_audio`` takes (invalid frames skipped, frames grouped,
one s16 mono resampler), so the concatenated pieces are the samples ``decode_audio``
gives, without ever holding them all. Headerless ``.raw``/``.pcm`` files are read as
16 kHz signed 16-bit little-endian mono. ``duration_s(path)`` reads the length from the
header (no decoding); it is None when the container does not say (a FLAC written to a
pipe, a stream without an index).
"""
from __future__ import annotations

import itertools
import logging
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np

from ..errors import DependencyMissingError, InputError

log = logging.getLogger(__name__)

SAMPLE_RATE = 16_000
RAW_SUFFIXES = frozenset({".raw", ".pcm", ".s16", ".s16le"})
GROUP_SAMPLES = 500_000  # what decode_audio groups: the same resampler input, the same samples
RAW_READ_BYTES = 1 << 20
# Below this no speech can be in the recording (telephones use 8 kHz); and a tiny file at
# 1 Hz would expand 16000-fold when resampled: 10 KB to gigabytes.
MIN_RATE = 8000

HINT_FORMATS = "Use a WAV, FLAC, MP3 or OGG recording (or 16 kHz 16-bit .raw)."


def is_raw(path: Path) -> bool:
    return path.suffix.lower() in RAW_SUFFIXES


def duration_s(path: str | Path) -> float | None:
    """Length in seconds from the file's header; None when the container does not say."""
    path = Path(path)
    if is_raw(path):
        return path.stat().st_size // 2 / SAMPLE_RATE
    av = _av()
    try:
        with av.open(str(path), mode="r", metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise _unreadable(path)
            stream = container.streams.audio[0]
            if stream.duration is not None and stream.time_base is not None:
                return float(stream.duration * stream.time_base)
            if container.duration is not None:
                return container.duration / av.time_base
    except InputError:
        raise
    except Exception as exc:  # FFmpegError (a ValueError), OSError: not something we can read
        log.debug("PyAV could not open %s", path, exc_info=True)
        raise _unreadable(path) from exc
    return None


def pieces(path: str | Path, *, group_samples: int = GROUP_SAMPLES) -> Iterator[np.ndarray]:
    """The recording as float32 mono 16 kHz arrays, in order (a few seconds each).

    Raises InputError(``audio_unreadable``) when the file cannot be decoded at all; a
    file cut off part way yields what decodes.
    """
    path = Path(path)
    if is_raw(path):
        yield from _raw_pieces(path)
        return
    av = _av()
    from faster_whisper.audio import _group_frames, _ignore_invalid_frames

    resampler = av.audio.resampler.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
    try:
        container = av.open(str(path), mode="r", metadata_errors="ignore")
    except Exception as exc:
        log.debug("PyAV could not open %s", path, exc_info=True)
        raise _unreadable(path) from exc
    try:
        if container.streams.audio and (container.streams.audio[0].rate or 0) < MIN_RATE:
            raise _rate_too_low(path, container.streams.audio[0].rate or 0)
        try:
            frames = container.decode(audio=0)
        except IndexError as exc:  # streams but no audio one (a JPEG)
            raise _unreadable(path) from exc
        grouped = _group_frames(_ignore_invalid_frames(frames), group_samples)
        for frame in itertools.chain(grouped, [None]):  # None flushes the resampler
            try:
                out = resampler.resample(frame)
            except MemoryError:
                raise
            except Exception as exc:
                log.debug("PyAV failed part way through %s", path, exc_info=True)
                raise _unreadable(path) from exc
            for resampled in out:
                yield resampled.to_ndarray().reshape(-1).astype(np.float32) / 32768.0
    except InputError:
        raise
    except MemoryError:
        raise
    except Exception as exc:  # a decoder error part way (raised by the frame iterator)
        log.debug("PyAV failed on %s", path, exc_info=True)
        raise _unreadable(path) from exc
    finally:
        container.close()


def blocks(parts: Iterable[np.ndarray], size: int) -> Iterator[np.ndarray]:
    """Re-cut ``parts`` into arrays of ``size`` samples (the last one may be shorter)."""
    if size <= 0:
        raise ValueError("size must be positive")
    held: list[np.ndarray] = []
    count = 0
    for part in parts:
        held.append(part)
        count += part.shape[0]
        if count < size:
            continue
        joined = np.concatenate(held) if len(held) > 1 else held[0]
        cut = count - count % size
        for at in range(0, cut, size):
            yield joined[at:at + size]
        rest = joined[cut:]
        held, count = ([rest.copy()] if rest.shape[0] else []), rest.shape[0]
    if count:
        yield np.concatenate(held) if len(held) > 1 else held[0]


def _raw_pieces(path: Path) -> Iterator[np.ndarray]:
    try:
        with open(path, "rb") as handle:
            carry = b""
            while True:
                data = handle.read(RAW_READ_BYTES)
                if not data:
                    break
                data = carry + data
                usable = len(data) - len(data) % 2  # an odd trailing byte is half a sample
                carry = data[usable:]
                yield np.frombuffer(data[:usable], dtype="<i2").astype(np.float32) / 32768.0
    except OSError as exc:
        raise InputError(f"The audio file {path} cannot be read ({exc.strerror}).",
                         hint="Check its permissions.", code="audio_unreadable") from exc


def _av():
    try:
        import av
    except ImportError as exc:
        raise DependencyMissingError("faster-whisper", "asr", purpose="audio file reader",
                                     stage="input") from exc
    return av


def _rate_too_low(path: Path, rate: int) -> InputError:
    return InputError(f"The recording {path.name} has {rate} samples a second; speech needs at "
                      f"least {MIN_RATE}.", hint="Record it again at 16000 Hz (or at least 8000 Hz).",
                      code="audio_rate_too_low")


def _unreadable(path: Path) -> InputError:
    return InputError(f"The file {path.name} is not a recording we can read.",
                      hint=HINT_FORMATS, code="audio_unreadable")
