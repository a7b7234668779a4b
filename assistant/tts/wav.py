"""Speech audio to and from 16-bit PCM WAV files (stdlib ``wave``, no extra packages)."""
from __future__ import annotations

import io
import os
import wave
from pathlib import Path

import numpy as np

from ..errors import InputError
from . import SpeechAudio

_INT16_MAX = 32767.0


def to_int16(samples: np.ndarray) -> np.ndarray:
    """Float audio in [-1, 1] to int16; out-of-range samples are clipped, not wrapped."""
    clipped = np.clip(np.asarray(samples, dtype=np.float32).reshape(-1), -1.0, 1.0)
    return np.round(clipped * _INT16_MAX).astype("<i2")


def wav_bytes(audio: SpeechAudio) -> bytes:
    """Mono 16-bit PCM WAV, whole, in memory (a device or a pipe gets it in one write)."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(int(audio.sample_rate))
        out.writeframes(to_int16(audio.samples).tobytes())
    return buffer.getvalue()


def write_wav(audio: SpeechAudio, path: str | os.PathLike[str]) -> Path:
    """Write mono 16-bit PCM; a file is replaced atomically, so a reader never sees half of it.

    Missing folders are made (tests and tools call this); a path the user typed goes through
    ``userfiles.write_user_file`` with ``wav_bytes`` instead, where a missing folder is an error.
    Either way a symlink is written through and a device or FIFO written into, never replaced.
    """
    from ..userfiles import write_user_file

    target = Path(path)
    if not target.parent.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
    write_user_file(target, wav_bytes(audio), "the sound")
    return target


def read_wav(path: str | os.PathLike[str]) -> SpeechAudio:
    """Read a PCM WAV (8/16/32-bit, any channel count) as float32 mono."""
    source = Path(path)
    try:
        with wave.open(str(source), "rb") as wav_in:
            channels = wav_in.getnchannels()
            width = wav_in.getsampwidth()
            rate = wav_in.getframerate()
            frames = wav_in.readframes(wav_in.getnframes())
    except FileNotFoundError as exc:
        raise InputError(f"The sound file {source} does not exist.",
                         hint="Check the path.") from exc
    except (wave.Error, EOFError) as exc:
        raise InputError(f"The sound file {source} is not a PCM WAV file ({exc}).",
                         hint="Convert it to 16-bit PCM WAV, e.g. with: sox in.mp3 -b 16 out.wav") from exc
    if width == 1:  # 8-bit WAV is unsigned
        data = (np.frombuffer(frames, dtype=np.uint8).astype(np.float32) - 128.0) / 128.0
    elif width == 2:
        data = np.frombuffer(frames, dtype="<i2").astype(np.float32) / 32768.0
    elif width == 4:
        data = np.frombuffer(frames, dtype="<i4").astype(np.float32) / 2147483648.0
    else:
        raise InputError(f"The sound file {source} uses {8 * width}-bit samples, which we cannot read.",
                         hint="Convert it to 16-bit PCM WAV.")
    if channels > 1:
        data = data[: len(data) - len(data) % channels].reshape(-1, channels).mean(axis=1)
    return SpeechAudio(np.ascontiguousarray(data, dtype=np.float32), rate)
