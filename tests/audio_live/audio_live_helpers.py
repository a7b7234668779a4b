"""Helpers for the live-audio tests: WAV read/write and a fake sounddevice playing real speech."""
from __future__ import annotations

import threading
import wave
from pathlib import Path
from types import SimpleNamespace

import numpy as np

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


def write_pcm16(path: Path, audio: np.ndarray, rate: int = RATE) -> Path:
    from assistant.tts import SpeechAudio
    from assistant.tts.wav import write_wav

    return write_wav(SpeechAudio(np.asarray(audio, np.float32), rate), path)


class FakeInputStream:
    """Replays the fake device's recording into the real callback, paced, from a thread."""

    def __init__(self, sd: "FakeSoundDevice", *, device, channels, samplerate, blocksize, dtype,
                 callback, finished_callback=None):
        if sd.is_unplugged(device):
            raise sd.PortAudioError(f"Error opening InputStream: device {device} unavailable")
        assert channels == 1 and dtype == "float32" and samplerate == sd.rate
        self._sd, self.device, self.blocksize = sd, device, blocksize
        self._callback, self._finished = callback, finished_callback
        self._halt = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.active = False
        sd.streams.append(self)

    def start(self):
        self.active = True
        self._thread.start()

    def _run(self):
        period = self.blocksize / self._sd.rate / self._sd.speed
        while not self._halt.wait(timeout=period):
            if self._sd.is_unplugged(self.device):
                # What PortAudio's ALSA backend does when a USB mic goes: the
                # stream thread ends, then the finished callback (unless silent).
                self.active = False
                if self._finished is not None and not self._sd.silent_loss:
                    self._finished()
                return
            block = self._sd.next_block(self.blocksize)
            if block is None:
                continue
            self._callback(block[:, None].copy(), block.shape[0], None, self._sd.flags(0))
        self.active = False

    def close(self):
        self._halt.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=2)
        if self._finished is not None and self._thread.ident is not None:
            self._finished()


class FakeSoundDevice:
    """Stands in for the ``sounddevice`` module (as Buzz's tests do): device list + InputStream.

    Like PortAudio, the device list is a snapshot taken at ``_initialize``: an
    unplugged device stays listed until the list is refreshed, and fails to open.
    """

    class PortAudioError(Exception):
        pass

    class flags(int):  # CallbackFlags: falsy when nothing to report
        pass

    def __init__(self, audio: np.ndarray, devices: list[dict], *, default_input: int = 0,
                 rate: int = RATE, speed: float = 4.0):
        self._audio, self._cursor, self.rate, self.speed = audio.astype(np.float32), 0, rate, speed
        self._all = devices
        self._unplugged: set[str] = set()
        self._listed = list(devices)
        self.default = SimpleNamespace(device=[default_input, -1])
        self.streams: list[FakeInputStream] = []
        self.silent_loss = False
        self.drained = threading.Event()
        self.delivered = 0
        self._lock = threading.Lock()

    def query_devices(self):
        return [dict(d) for d in self._listed]

    def _terminate(self):
        self._listed = []

    def _initialize(self):
        self._listed = [d for d in self._all if d["name"] not in self._unplugged]

    def is_unplugged(self, index) -> bool:
        return index >= len(self._all) or self._all[index]["name"] in self._unplugged

    def unplug(self, name: str):
        self._unplugged.add(name)

    def plug(self, name: str):
        self._unplugged.discard(name)

    def next_block(self, size: int):
        with self._lock:
            if self._cursor >= self._audio.shape[0]:
                self.drained.set()
                return None
            block = self._audio[self._cursor:self._cursor + size]
            self._cursor += block.shape[0]
            self.delivered += 1
            return block

    def InputStream(self, **kwargs):  # noqa: N802 - mirrors sounddevice's class name
        return FakeInputStream(self, **kwargs)


MIC = {"name": "USB Audio Device: Headset Mic (hw:1,0)", "max_input_channels": 1}
SPEAKER = {"name": "HDMI 0 (hw:0,3)", "max_input_channels": 0}
WEBCAM = {"name": "C920 Webcam Mic (hw:2,0)", "max_input_channels": 2}


