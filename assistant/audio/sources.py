"""Where live audio comes from: a microphone, or an audio file replayed in real time (or faster).

Both deliver 16 kHz float32 mono blocks to the same callback, on their own
thread, so everything downstream (detector, segmenter, transcriber) is tested
with a replayed recording exactly as it runs with a microphone.
"""
from __future__ import annotations

import logging
import math
import threading
import time
import wave
from pathlib import Path
from typing import Any, Callable, Protocol

import numpy as np

from ..errors import DeviceError, InputError
from . import resampler
from .hub import AudioHub, InputStream, shared_hub
from .vad import SAMPLE_RATE

log = logging.getLogger(__name__)

REPLAY_GROUP_SAMPLES = 8192  # decoded frames resampled in small groups: the replay starts at once

BlockCallback = Callable[[np.ndarray], None]
StateCallback = Callable[[str], None]  # "lost" when the microphone goes, "restored" when back


class AudioSource(Protocol):
    """Calls ``callback`` with float32 mono blocks at ``sample_rate`` until stopped."""

    @property
    def sample_rate(self) -> int: ...

    def start(self, callback: BlockCallback) -> None: ...

    def stop(self) -> None: ...


class MicrophoneSource:
    """A microphone that outlives the device going away, through the process's AudioHub.

    When the stream ends by itself or goes quiet for ``stall_s``, a watchdog
    thread closes it, reports "lost", and tries to reopen the same device every
    ``retry_s``; "restored" is reported when audio flows again (a suspended
    PulseAudio source opens fine and stays silent). Each try is the hub's
    ``reopen_input``: re-scan the device list, then open, both only while no
    other stream (such as a reply being spoken) is open, since trying a device
    that may be gone while another stream runs can crash PortAudio. It never
    terminates PortAudio itself. The watchdog waits on an Event, so the audio
    callback never does more than hand the block on.

    ``stop()`` waits for the watchdog; should PortAudio keep it past the wait,
    the watchdog closes whatever it opens once it returns, so nothing is left
    recording.
    """

    STOP_WAIT_S = 5.0  # how long stop() waits for the watchdog

    def __init__(self, device: str | int | None = None, *, sample_rate: int = SAMPLE_RATE,
                 block_ms: int = 32, sd_module: Any = None, hub: AudioHub | None = None,
                 retry_s: float = 1.0, stall_s: float = 2.0, first_block_s: float = 5.0,
                 on_state: StateCallback | None = None) -> None:
        if not 5 <= block_ms <= 500:
            raise ValueError("block_ms must be between 5 and 500")
        self.device = device
        self._rate = sample_rate
        self.block_samples = sample_rate * block_ms // 1000
        # A stand-in sounddevice gets a hub of its own; otherwise the process's shared one.
        self._hub = hub if hub is not None else (AudioHub(sd_module) if sd_module is not None else None)
        self._retry_s = retry_s
        self._stall_s = stall_s
        self._first_block_s = first_block_s
        self._on_state = on_state
        self._callback: BlockCallback | None = None
        self._stream: InputStream | None = None
        self._lock = threading.Lock()
        self._wake = threading.Event()     # set by stream trouble or stop(): the watchdog looks now
        self._stopping = threading.Event()
        self._watchdog: threading.Thread | None = None
        self.device_name = ""

    @property
    def sample_rate(self) -> int:
        return self._rate

    @property
    def running(self) -> bool:
        return self._watchdog is not None and self._watchdog.is_alive()

    @property
    def hub(self) -> AudioHub:
        if self._hub is None:
            self._hub = shared_hub()
        return self._hub

    def input_devices(self) -> list[tuple[int, str]]:
        """(index, name) of every device that can record."""
        return [(d.index, d.name) for d in self.hub.input_devices()]

    def resolve_device(self) -> tuple[int, str]:
        """Pick the device: by index, by (case-blind) name substring, or the default."""
        found = self.hub.find_input(self.device)
        return found.index, found.name

    def start(self, callback: BlockCallback) -> None:
        if self.running:
            raise RuntimeError("the microphone source is already running")
        self._callback = callback
        self._stopping.clear()
        self._wake.clear()
        self._open()  # the first open fails loudly: a missing mic is the user's to fix
        self._watchdog = threading.Thread(target=self._watch, name="mic-watchdog", daemon=True)
        self._watchdog.start()

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()
        watchdog = self._watchdog
        if watchdog is not None and watchdog is not threading.current_thread():
            watchdog.join(timeout=self.STOP_WAIT_S)
            if watchdog.is_alive():  # inside PortAudio; it closes what it opens when back
                log.warning("the microphone's watchdog is still busy in the sound library")
        self._watchdog = None
        self._close()

    def _open(self, *, reopen: bool = False) -> bool:
        """Open the microphone; False when a reopen must wait (another stream is open)."""
        options = dict(rate=self._rate, block_samples=self.block_samples, stall_s=self._stall_s,
                       first_block_s=self._first_block_s, on_change=self._wake.set)
        if reopen:
            stream = self.hub.reopen_input(self.device, self._on_block, **options)
            if stream is None:
                return False
        else:
            stream = self.hub.open_input(self.device, self._on_block, **options)
        with self._lock:
            stale = self._stopping.is_set() and reopen  # stop() came while it opened
            if not stale:
                self._stream = stream
        if stale:
            stream.close()
            return True
        self.device_name = stream.device.name
        log.info("recording from %s at %d Hz", stream.device.name, stream.device_rate)
        return True

    def _close(self, lost: str | None = None) -> None:
        with self._lock:
            stream, self._stream = self._stream, None
        if stream is None:
            return
        if lost is not None:
            self.hub.input_lost(stream, self.device, lost)
        else:
            stream.close()

    def _on_block(self, block: np.ndarray) -> None:
        # Runs on PortAudio's thread: hand on, nothing slow; nothing once stop() was called.
        callback = self._callback
        if callback is not None and not self._stopping.is_set():
            callback(block)

    def _watch(self) -> None:
        away = False  # "lost" was reported; "restored" waits for audio, not just an open stream
        while not self._stopping.is_set():
            with self._lock:
                stream = self._stream
            waiting = stream is None or (away and not stream.blocks)
            self._wake.wait(timeout=self._retry_s if waiting else min(self._stall_s, self._retry_s))
            self._wake.clear()
            if self._stopping.is_set():
                break
            if stream is None:  # away: re-scan and retry, both only when nothing else is open
                try:
                    self._open(reopen=True)
                except DeviceError as exc:
                    log.debug("microphone still away: %s", exc.message)
                continue
            problem = stream.problem()
            if problem is None:
                if away and stream.blocks:
                    away = False
                    self.hub.input_restored(stream, self.device)
                    self._notify("restored")
                continue
            if not away:
                log.warning("the microphone stopped delivering audio (%s); waiting for it to "
                            "return", problem)
            self._close(lost=None if away else problem)  # a failed retry is not news
            if not away:
                away = True
                self._notify("lost")

    def _notify(self, state: str) -> None:
        if self._on_state is not None:
            try:
                self._on_state(state)
            except Exception:
                log.exception("microphone state handler failed")


class WavReplaySource:
    """Plays an audio file into the callback in real time (``speed`` > 1: faster).

    Any format PyAV reads (WAV, FLAC, OGG, MP3...) works: channels are averaged and the
    rate converted to 16 kHz. The file is decoded a piece at a time on the replay thread,
    so an hours-long recording takes the memory of a few seconds of it.
    ``speed=math.inf`` delivers blocks as fast as the consumer takes them.
    """

    def __init__(self, path: str | Path, *, speed: float = 1.0, block_ms: int = 32) -> None:
        from .files import check_audio_file
        from .stream_decode import duration_s

        if not speed > 0:
            raise ValueError("speed must be positive")
        self.path = check_audio_file(path)
        self.speed = speed
        self.block_samples = SAMPLE_RATE * block_ms // 1000
        self._length_s = duration_s(self.path)  # also refuses, in words, what PyAV cannot open
        self._delivered = 0
        self._stopping = threading.Event()
        self._done = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def sample_rate(self) -> int:
        return SAMPLE_RATE

    @property
    def duration_s(self) -> float:
        """From the file's header; once replayed, what was delivered."""
        if self._done.is_set() or self._length_s is None:
            return self._delivered / SAMPLE_RATE
        return self._length_s

    @property
    def audio(self) -> np.ndarray:
        """The whole recording decoded at once, for checks on short files (the replay never holds it)."""
        from .files import load_audio

        return load_audio(self.path)

    def start(self, callback: BlockCallback) -> None:
        if self._thread is not None and self._thread.is_alive():
            raise RuntimeError("the replay is already running")
        self._stopping.clear()
        self._done.clear()
        self._delivered = 0
        self._thread = threading.Thread(target=self._play, args=(callback,),
                                        name="wav-replay", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5.0)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the whole file was delivered (or stopped); False on timeout."""
        return self._done.wait(timeout)

    def _play(self, callback: BlockCallback) -> None:
        from .stream_decode import blocks, pieces

        block_s = self.block_samples / SAMPLE_RATE / self.speed
        began = time.monotonic()
        decoded = pieces(self.path, group_samples=REPLAY_GROUP_SAMPLES)
        try:
            for n, block in enumerate(blocks(decoded, self.block_samples)):
                if math.isfinite(block_s):
                    # Pace against the start time so delays never accumulate.
                    delay = began + n * block_s - time.monotonic()
                    if delay > 0 and self._stopping.wait(timeout=delay):
                        break
                elif self._stopping.is_set():
                    break
                callback(block.copy())
                self._delivered += block.shape[0]
        except InputError as exc:  # the file went bad part way: what was heard stands
            log.warning("replay of %s stopped: %s", self.path, exc.message)
        except Exception:
            log.exception("audio block consumer failed during replay")
        finally:
            decoded.close()
            self._done.set()


def read_wav_16k(path: Path) -> np.ndarray:
    """PCM WAV -> float32 mono 16 kHz, with only the standard library and numpy."""
    try:
        with wave.open(str(path), "rb") as wav:
            rate, channels, width = wav.getframerate(), wav.getnchannels(), wav.getsampwidth()
            raw = wav.readframes(wav.getnframes())
    except FileNotFoundError as exc:
        raise InputError(f"The audio file {path} does not exist.", hint="Check the path.",
                         code="file_missing") from exc
    except (wave.Error, EOFError) as exc:
        raise InputError(f"{path} is not a PCM WAV file ({exc}).",
                         hint="Convert it to 16-bit PCM WAV, for example with sox.",
                         code="audio_unreadable") from exc
    if width == 1:
        samples = (np.frombuffer(raw, np.uint8).astype(np.float32) - 128.0) / 128.0
    elif width == 2:
        samples = np.frombuffer(raw, "<i2").astype(np.float32) / 32768.0
    elif width == 3:
        b = np.frombuffer(raw, np.uint8).reshape(-1, 3).astype(np.int32)
        ints = (b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16))
        samples = (np.where(ints >= 1 << 23, ints - (1 << 24), ints)).astype(np.float32) / 8388608.0
    else:
        samples = np.frombuffer(raw, "<i4").astype(np.float32) / 2147483648.0
    samples = samples[: samples.shape[0] // channels * channels].reshape(-1, channels).mean(axis=1)
    return resample(samples.astype(np.float32), rate, SAMPLE_RATE)


def resample(samples: np.ndarray, rate: int, target: int = SAMPLE_RATE) -> np.ndarray:
    """A whole recording at ``target`` Hz (16 kHz by default), through the one resampler."""
    return resampler.resample(samples, rate, target)
