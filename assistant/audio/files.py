"""Read audio files into what the transcriber wants: float32 mono at 16 kHz.

Containers and codecs (WAV, FLAC, MP3, OGG, M4A...) go through PyAV, the decoder
faster-whisper already depends on, so no system FFmpeg is needed; ``stream_decode``
reads them a piece at a time. Headerless ``.raw``/``.pcm`` files are read as 16 kHz
signed 16-bit little-endian mono, the format of pocketsphinx's test recordings and of
many embedded recorders.

A truncated file (a recording cut off mid-write, a header that promises more
data than follows) is decoded as far as it goes: a partial recording is still
worth transcribing. Only when nothing decodes do we refuse it.

A spoken question has a length limit (``asr.max_question_seconds``): a longer file is
refused from its header before anything is decoded, or, when the header does not say,
as soon as the decoded part passes the limit, so a four-hour file never fills memory.
"""
from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from ..errors import InputError
from .stream_decode import RAW_SUFFIXES, SAMPLE_RATE, pieces
from .stream_decode import duration_s as header_duration_s

# Names a microphone setting may give instead of a device: a recording, replayed as if heard.
RECORDING_SUFFIXES = (".wav", ".flac", ".ogg", ".oga", ".opus", ".mp3", ".m4a")

log = logging.getLogger(__name__)

__all__ = ["SAMPLE_RATE", "RAW_SUFFIXES", "check_audio_file", "check_length", "duration_s", "load_audio"]

# Headers estimate (an MP3's from its bit rate): a file this little over the limit is decoded and measured.
HEADER_SLACK = 1.05


def load_audio(path: str | Path, *, max_seconds: float | None = None) -> np.ndarray:
    """Decode ``path`` to float32 mono samples at 16 kHz.

    With ``max_seconds``, a longer recording is refused (``audio_too_long``) without
    being loaded. Raises InputError with code ``file_missing``, ``audio_empty``,
    ``audio_unreadable`` or ``audio_too_long``; never a decoder traceback.
    """
    path = check_audio_file(path)
    limit = None
    if max_seconds is not None:
        check_length(path, max_seconds)
        limit = int(max_seconds * HEADER_SLACK * SAMPLE_RATE)
    parts: list[np.ndarray] = []
    count = 0
    for part in pieces(path):
        parts.append(part)
        count += part.shape[0]
        if limit is not None and count > limit:  # the header did not say (or said less)
            raise _too_long(path, None, max_seconds)
    if limit is not None and count > max_seconds * SAMPLE_RATE:
        raise _too_long(path, count / SAMPLE_RATE, max_seconds)
    audio = np.concatenate(parts) if parts else np.zeros(0, np.float32)
    del parts
    if audio.size == 0:
        raise InputError(f"The audio file {path} holds no sound samples.",
                         hint="Record again; the recording has a header but no audio.",
                         code="audio_empty")
    if not np.isfinite(audio).all():  # a float WAV can carry NaN/inf, which would poison Whisper
        audio = np.nan_to_num(audio, nan=0.0, posinf=1.0, neginf=-1.0)
    return audio


def check_audio_file(path: str | Path) -> Path:
    """The path of a file that exists and is not empty (nothing decoded yet)."""
    from ..userfiles import check_readable

    try:
        path = check_readable(path, "audio")   # a FIFO or a device is named, never opened (no hang)
    except InputError as exc:
        if exc.code == "not_a_file":
            exc.code = "audio_unreadable"      # what the readers of this code have always had
        raise
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"The audio file {path} cannot be read ({exc.strerror}).",
                         hint="Check its permissions.", code="audio_unreadable") from exc
    if size == 0:
        raise InputError(f"The audio file {path} is empty (0 bytes).",
                         hint="Record again; the recording was not saved.", code="audio_empty")
    return path


def check_length(path: str | Path, max_seconds: float) -> float | None:
    """Refuse a recording whose header says it is longer than ``max_seconds``; its length, if known."""
    path = Path(path)
    length = header_duration_s(path)
    if length is not None and length > max_seconds * HEADER_SLACK:
        raise _too_long(path, length, max_seconds)
    return length


def _too_long(path: Path, length: float | None, max_seconds: float) -> InputError:
    said = f"{_spoken_length(length)} long" if length is not None else "longer than that"
    return InputError(
        f"The recording {path.name} is {said}; a spoken question may be at most {_spoken_length(max_seconds)}.",
        hint="Ask a shorter question, or use 'assistant transcribe' for long recordings "
             "(asr.max_question_seconds sets the limit).",
        code="audio_too_long")


def _spoken_length(seconds: float) -> str:
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    return f"{secs} s"


def duration_s(audio: np.ndarray) -> float:
    return len(audio) / SAMPLE_RATE
