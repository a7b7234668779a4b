"""Helpers for the voice-loop tests: real clips, a paced fake sound card, a fixed-answer vision engine."""
from __future__ import annotations

import threading
import time
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


class FakeOutputStream:
    """sounddevice.OutputStream stand-in: pulls the real callback at a sound card's pace."""

    def __init__(self, sd, *, samplerate, channels, dtype, blocksize, device=None, callback,
                 finished_callback=None):
        self.sd, self.rate, self.blocksize = sd, samplerate, blocksize
        self.callback, self.finished_callback = callback, finished_callback
        self._abort = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.frames = 0
        self.started_at = self.ended_at = None
        sd.streams.append(self)

    def start(self):
        self.started_at = time.monotonic()
        self._thread.start()

    def _run(self):
        period = self.blocksize / self.rate
        deadline = time.monotonic()
        try:
            while not self._abort.is_set():
                out = np.zeros((self.blocksize, 1), np.float32)
                try:
                    self.callback(out, self.blocksize, None, None)
                except (self.sd.CallbackAbort, self.sd.CallbackStop):
                    break
                self.frames += self.blocksize
                deadline += period
                self._abort.wait(max(0.0, deadline - time.monotonic()))
        finally:
            self.ended_at = time.monotonic()
            if self.finished_callback is not None:
                self.finished_callback()

    def abort(self):
        self._abort.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join()

    def close(self):
        self.abort()


class FakeOutputDevice:
    """The parts of the sounddevice module the Player uses."""

    class CallbackStop(Exception):
        pass

    class CallbackAbort(Exception):
        pass

    def __init__(self):
        self.streams: list[FakeOutputStream] = []

    def OutputStream(self, **kwargs):  # noqa: N802 - mirrors sounddevice
        return FakeOutputStream(self, **kwargs)

    def query_devices(self, device=None, kind=None):
        return {"name": "fake", "default_samplerate": 48000}
