"""Helpers for the voice-loop tests: real clips and a fixed-answer vision engine (the paced
fake sound card is ``sound_card()`` from ``tests/fake_portaudio.py``)."""
from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
from fake_engines import FakeVision

from assistant.cancel import NEVER

LIBRIVOX = Path("/usr/share/pocketsphinx/test/data/librivox")
FRONT_CENTER = Path("/usr/share/sounds/alsa/Front_Center.wav")
QUESTION = Path(__file__).resolve().parents[2] / "resources" / "samples" / "question.wav"
RATE = 16_000

# A reply long enough to be talked over (about 9 s spoken).
LONG_ANSWER = ("The picture shows a wooden sign beside a narrow country road. The sign says that the "
               "old mill is two miles ahead, and that the bridge is closed to heavy lorries. Behind it "
               "there is a field of barley and a row of tall poplar trees.")


def read_pcm16(path: Path) -> np.ndarray:
    """16-bit PCM WAV -> float32 mono at its own rate (these clips are 16 kHz)."""
    with wave.open(str(path), "rb") as wav:
        assert wav.getsampwidth() == 2 and wav.getframerate() == RATE, path
        channels = wav.getnchannels()
        data = np.frombuffer(wav.readframes(wav.getnframes()), "<i2").astype(np.float32) / 32768.0
    return data.reshape(-1, channels).mean(axis=1)


def write_pcm16(path: Path, audio: np.ndarray, rate: int = RATE) -> Path:
    from assistant.tts import SpeechAudio
    from assistant.tts.wav import write_wav

    return write_wav(SpeechAudio(np.asarray(audio, np.float32), rate), path)


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * RATE), np.float32)


def changing_noise(minutes: float, seed: int = 11) -> np.ndarray:
    """A room whose noise changes (the benchmarks' noise runs): silence, white noise or rumble
    at -70 to -20 dBFS, 5-20 s each, for ``minutes``; 16 kHz float32 in [-1, 1]."""
    rng = np.random.default_rng(seed)
    parts, total = [], 0
    while total < minutes * 60 * RATE:
        kind, level = rng.integers(0, 3), float(10 ** rng.uniform(-3.5, -1))
        n = int(rng.uniform(5, 20) * RATE)
        if kind == 0:
            part = np.zeros(n, np.float32)
        elif kind == 1:
            part = rng.normal(0, level, n).astype(np.float32)
        else:
            brown = np.cumsum(rng.normal(0, 1, n))
            brown -= np.convolve(brown, np.ones(400) / 400, "same")      # rumble, no drift
            part = (level * brown / (np.abs(brown).max() + 1e-9)).astype(np.float32)
        parts.append(part)
        total += n
    return np.clip(np.concatenate(parts), -1, 1).astype(np.float32)


def librivox(stem: str) -> np.ndarray:
    return read_pcm16(next(LIBRIVOX.glob(f"*-{stem}.wav")))


def transcript_of(stem: str) -> str:
    for line in (LIBRIVOX / "transcription").read_text().splitlines():
        if line.endswith(f"-{stem})"):
            return line.split("<s>")[1].split("</s>")[0].strip()
    raise KeyError(stem)


class FixedVision(FakeVision):
    """Stands in for the vision model (not under test here): one fixed answer, questions recorded."""

    name = "fixed"

    def __init__(self, answer: str = LONG_ANSWER) -> None:
        self.answer_text = answer
        self.questions: list[str] = []

    def answer(self, image, question, history=(), *, context="", cancel=NEVER):
        from assistant.vision import VisionAnswer

        self.questions.append(question)
        return VisionAnswer(text=self.answer_text, engine="fixed")
