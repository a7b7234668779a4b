"""Helpers for the live-audio tests: WAV read/write and a fake sounddevice playing real speech."""
from __future__ import annotations

import threading
import wave
from pathlib import Path

import numpy as np
from fake_portaudio import FakeSoundDevice  # noqa: F401 (tests/fake_portaudio.py, for the fixtures)

LIBRIVOX = Path("/usr/share/pocketsphinx/test/data/librivox")
FRONT_CENTER = Path("/usr/share/sounds/alsa/Front_Center.wav")
RATE = 16_000


def read_pcm16(path: Path) -> tuple[np.ndarray, int]:
    """16-bit PCM WAV -> (float32 mono, rate), read independently of the code under test."""
    with wave.open(str(path), "rb") as wav:
        assert wav.getsampwidth() == 2
        channels, rate = wav.getnchannels(), wav.getframerate()
        data = np.frombuffer(wav.readframes(wav.getnframes()), "<i2").astype(np.float32) / 32768.0
    return data.reshape(-1, channels).mean(axis=1), rate


def band_limited(audio: np.ndarray, rate: int, target: int) -> np.ndarray:
    """Exact band-limited rate change by FFT zero-padding: a reference independent of the
    code under test (too slow and too whole-file for live use)."""
    n = audio.shape[0]
    m = int(round(n * target / rate))
    spectrum = np.fft.rfft(audio.astype(np.float64))
    out = np.zeros(m // 2 + 1, complex)
    keep = min(out.shape[0], spectrum.shape[0])
    out[:keep] = spectrum[:keep]
    return (np.fft.irfft(out, m) * m / n).astype(np.float32)


def write_pcm16(path: Path, audio: np.ndarray, rate: int = RATE) -> Path:
    from assistant.tts import SpeechAudio
    from assistant.tts.wav import write_wav

    return write_wav(SpeechAudio(np.asarray(audio, np.float32), rate), path)


MIC = {"name": "USB Audio Device: Headset Mic (hw:1,0)", "max_input_channels": 1,
       "max_output_channels": 0, "default_samplerate": 16_000.0}
SPEAKER = {"name": "HDMI 0 (hw:0,3)", "max_input_channels": 0, "max_output_channels": 2,
           "default_samplerate": 48_000.0, "rates": (44_100, 48_000)}
WEBCAM = {"name": "C920 Webcam Mic (hw:2,0)", "max_input_channels": 2, "max_output_channels": 0,
          "default_samplerate": 16_000.0}
# A USB microphone that, like many, records only at 48 kHz.
MIC_48K = {"name": "USB PnP Sound Device: Audio (hw:3,0)", "max_input_channels": 1,
           "max_output_channels": 0, "default_samplerate": 48_000.0, "rates": (48_000,)}


class Collector:
    """Audio callback that records blocks and can signal after ``n`` of them."""

    def __init__(self):
        self.blocks: list[np.ndarray] = []
        self._lock = threading.Lock()
        self._waiters: list[tuple[int, threading.Event]] = []

    def __call__(self, block):
        with self._lock:
            self.blocks.append(block)
            for n, event in self._waiters:
                if len(self.blocks) >= n:
                    event.set()

    def count(self):
        with self._lock:
            return len(self.blocks)

    def wait_for(self, n, timeout=10.0) -> bool:
        event = threading.Event()
        with self._lock:
            if len(self.blocks) >= n:
                return True
            self._waiters.append((n, event))
        return event.wait(timeout)

    def audio(self):
        return np.concatenate(self.blocks)
