"""Read audio files into what the transcriber wants: float32 mono at 16 kHz.

Containers and codecs (WAV, FLAC, MP3, OGG, M4A...) go through PyAV, the decoder
faster-whisper already depends on, so no system FFmpeg is needed. Headerless
``.raw``/``.pcm`` files are read as 16 kHz signed 16-bit little-endian mono, the
format of pocketsphinx's test recordings and of many embedded recorders.

A truncated file (a recording cut off mid-write, a header that promises more
data than follows) is decoded as far as it goes: a partial recording is still
worth transcribing. Only when nothing decodes do we refuse it.
"""
from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from ..errors import InputError

log = logging.getLogger(__name__)

SAMPLE_RATE = 16_000
RAW_SUFFIXES = frozenset({".raw", ".pcm", ".s16", ".s16le"})

_HINT_FORMATS = "Use a WAV, FLAC, MP3 or OGG recording (or 16 kHz 16-bit .raw)."


def load_audio(path: str | Path) -> np.ndarray:
    """Decode ``path`` to float32 mono samples at 16 kHz.

    Raises InputError with code ``file_missing``, ``audio_empty`` or
    ``audio_unreadable``; never a decoder traceback.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"The audio file {path} does not exist.",
                         hint="Check the path and try again.", code="file_missing")
    if not path.is_file():
        raise InputError(f"{path} is a folder, not an audio file.",
                         hint="Give the path of a recording.", code="audio_unreadable")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"The audio file {path} cannot be read ({exc.strerror}).",
                         hint="Check its permissions.", code="audio_unreadable") from exc
    if size == 0:
        raise InputError(f"The audio file {path} is empty (0 bytes).",
                         hint="Record again; the recording was not saved.", code="audio_empty")

    if path.suffix.lower() in RAW_SUFFIXES:
        audio = _read_raw_s16le(path)
    else:
        audio = _decode_with_pyav(path)

    if audio.size == 0:
        raise InputError(f"The audio file {path} holds no sound samples.",
                         hint="Record again; the recording has a header but no audio.",
                         code="audio_empty")
    if not np.isfinite(audio).all():  # a float WAV can carry NaN/inf, which would poison Whisper
        audio = np.nan_to_num(audio, nan=0.0, posinf=1.0, neginf=-1.0)
    return audio


def _read_raw_s16le(path: Path) -> np.ndarray:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"The audio file {path} cannot be read ({exc.strerror}).",
                         hint="Check its permissions.", code="audio_unreadable") from exc
    usable = len(data) - (len(data) % 2)  # a trailing odd byte is half a sample: drop it
    samples = np.frombuffer(data[:usable], dtype="<i2")
    return samples.astype(np.float32) / 32768.0


def _decode_with_pyav(path: Path) -> np.ndarray:
    try:
        from faster_whisper.audio import decode_audio
    except ImportError as exc:
        from ..errors import DependencyMissingError

        raise DependencyMissingError("faster-whisper", "asr", purpose="audio file reader",
                                     stage="input") from exc
    try:
        audio = decode_audio(str(path), sampling_rate=SAMPLE_RATE)
    except MemoryError:
        raise
    # PyAV raises FFmpegError (a ValueError) for non-audio data, IndexError when a
    # file has streams but no audio one (a JPEG), and OSError for I/O trouble.
    except Exception as exc:
        log.debug("PyAV could not decode %s", path, exc_info=True)
        raise InputError(f"The file {path.name} is not a recording we can read.",
                         hint=_HINT_FORMATS, code="audio_unreadable") from exc
    return np.ascontiguousarray(audio, dtype=np.float32)


def duration_s(audio: np.ndarray) -> float:
    return len(audio) / SAMPLE_RATE
