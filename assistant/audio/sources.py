"""Where live audio comes from: a microphone, or a WAV file replayed in real time.

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
from .vad import SAMPLE_RATE

log = logging.getLogger(__name__)

BlockCallback = Callable[[np.ndarray], None]
StateCallback = Callable[[str], None]  # "lost" when the microphone goes, "restored" when back

_NO_INPUT_HINT = "Plug in a microphone (or pick another one in the settings) and try again."


class AudioSource(Protocol):
    """Calls ``callback`` with float32 mono blocks at ``sample_rate`` until stopped."""

    @property
    def sample_rate(self) -> int: ...

    def start(self, callback: BlockCallback) -> None: ...

    def stop(self) -> None: ...


class MicrophoneSource:
    """A sounddevice input stream that outlives the device going away.

    When the stream reports an error, stops on its own, or goes quiet for
    ``stall_s``, a watchdog thread closes it, reports "lost", and tries to
    reopen the same device every ``retry_s`` until it is back ("restored").
    The watchdog waits on an Event, so the audio callback never does more than
    copy the block and hand it on.
    """

    def __init__(self, device: str | int | None = None, *, sample_rate: int = SAMPLE_RATE,
                 block_ms: int = 32, sd_module: Any = None, retry_s: float = 1.0,
                 stall_s: float = 2.0, on_state: StateCallback | None = None) -> None:
        if not 5 <= block_ms <= 500:
            raise ValueError("block_ms must be between 5 and 500")
        self.device = device
        self._rate = sample_rate
        self.block_samples = sample_rate * block_ms // 1000
        self._sd_given = sd_module
        self._retry_s = retry_s
        self._stall_s = stall_s
        self._on_state = on_state
        self._callback: BlockCallback | None = None
        self._stream: Any = None
        self._lock = threading.Lock()
        self._wake = threading.Event()     # set by stream trouble or stop(): the watchdog looks now
        self._stopping = threading.Event()
        self._failed = False
        self._generation = 0               # which opened stream is current; older ones are ignored
        self._last_block = 0.0
        self._watchdog: threading.Thread | None = None
        self.device_name = ""

    @property
    def sample_rate(self) -> int:
        return self._rate

    @property
    def running(self) -> bool:
        return self._watchdog is not None and self._watchdog.is_alive()

    def _sd(self) -> Any:
        if self._sd_given is not None:
            return self._sd_given
        try:
            import sounddevice
        except (ImportError, OSError) as exc:  # OSError: the PortAudio library is missing
            raise DeviceError("Audio input is not available: the PortAudio sound library "
                              "could not be loaded.",
                              hint="Install PortAudio (Debian/Ubuntu: sudo apt install libportaudio2) "
                                   "and the Python package sounddevice.",
                              code="no_audio_input") from exc
        self._sd_given = sounddevice
        return sounddevice

    def input_devices(self) -> list[tuple[int, str]]:
        """(index, name) of every device that can record."""
        sd = self._sd()
        try:
            devices = sd.query_devices()
        except Exception as exc:  # PortAudio errors are untyped here
            raise DeviceError(f"The list of audio devices could not be read ({exc}).",
                              hint=_NO_INPUT_HINT, code="no_audio_input") from exc
        return [(i, str(d["name"])) for i, d in enumerate(devices)
                if int(d.get("max_input_channels", 0)) > 0]

    def resolve_device(self) -> tuple[int, str]:
        """Pick the device: by index, by (case-blind) name substring, or the default."""
        inputs = self.input_devices()
        if not inputs:
            raise DeviceError("No microphone was found on this computer.", hint=_NO_INPUT_HINT,
                              code="no_audio_input")
        if self.device is None:
            default = _default_input(self._sd())
            return next(((i, n) for i, n in inputs if i == default), inputs[0])
        if isinstance(self.device, int):
            for i, name in inputs:
                if i == self.device:
                    return i, name
        else:
            wanted = self.device.casefold()
            for i, name in inputs:
                if wanted in name.casefold():
                    return i, name
        names = ", ".join(f"{i}: {n}" for i, n in inputs)
        raise DeviceError(f"The microphone '{self.device}' was not found.",
                          hint=f"Available microphones: {names}.", code="no_audio_input")

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
        if self._watchdog is not None and self._watchdog is not threading.current_thread():
            self._watchdog.join(timeout=5.0)
        self._watchdog = None
        self._close()

    def _open(self) -> None:
        index, name = self.resolve_device()
        sd = self._sd()
        generation = self._generation + 1
        try:
            stream = sd.InputStream(device=index, channels=1, samplerate=self._rate,
                                    blocksize=self.block_samples, dtype="float32",
                                    callback=self._on_block,
                                    finished_callback=lambda: self._on_finished(generation))
            stream.start()
        except Exception as exc:
            raise DeviceError(f"The microphone '{name}' could not be opened ({exc}).",
                              hint=_NO_INPUT_HINT, code="no_audio_input") from exc
        with self._lock:
            self._stream = stream
            self._generation = generation
            self._failed = False
            self._last_block = time.monotonic()
        self.device_name = name
        log.info("recording from %s", name)

    def _close(self) -> None:
        with self._lock:
            stream, self._stream = self._stream, None
        if stream is None:
            return
        try:
            stream.close()
        except Exception:  # a vanished device may refuse to close cleanly
            log.debug("closing the input stream failed", exc_info=True)

    def _on_block(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        # Runs on PortAudio's thread: copy and hand on, nothing slow.
        if status:
            log.debug("input stream status: %s", status)
        self._last_block = time.monotonic()
        block = np.array(indata[:, 0] if indata.ndim == 2 else indata, dtype=np.float32)
        callback = self._callback
        if callback is not None:
            try:
                callback(block)
            except Exception:  # a consumer bug must not kill the audio thread
                log.exception("audio block consumer failed")

    def _on_finished(self, generation: int) -> None:
        # A stream we closed ourselves also reports finishing; only the current one counts.
        if generation == self._generation and not self._stopping.is_set():
            self._failed = True
            self._wake.set()

    def _stream_lost(self) -> bool:
        with self._lock:
            stream = self._stream
        if stream is None or self._failed:
            return True
        if not getattr(stream, "active", True):
            return True
        return time.monotonic() - self._last_block > self._stall_s

    def _watch(self) -> None:
        while not self._stopping.is_set():
            self._wake.wait(timeout=min(self._stall_s, self._retry_s))
            self._wake.clear()
            if self._stopping.is_set() or not self._stream_lost():
                continue
            log.warning("the microphone stopped delivering audio; waiting for it to return")
            self._close()
            self._notify("lost")
            while not self._stopping.wait(timeout=self._retry_s):
                _refresh_device_list(self._sd())
                try:
                    self._open()
                except DeviceError as exc:
                    log.debug("microphone still away: %s", exc.message)
                    continue
                self._notify("restored")
                break

    def _notify(self, state: str) -> None:
        if self._on_state is not None:
            try:
                self._on_state(state)
            except Exception:
                log.exception("microphone state handler failed")


def _default_input(sd: Any) -> int:
    try:
        device = sd.default.device
        index = device[0] if isinstance(device, (list, tuple)) else device
        return int(index) if index is not None else -1
    except Exception:  # no default device configured
        return -1


def _refresh_device_list(sd: Any) -> None:
    # PortAudio lists devices once, at initialisation; a re-plugged USB mic only
    # shows up after a re-init. sounddevice has no public call for it.
    terminate, initialize = getattr(sd, "_terminate", None), getattr(sd, "_initialize", None)
    if terminate is None or initialize is None:
        return
    try:
        terminate()
        initialize()
    except Exception:
        log.debug("re-initialising PortAudio failed", exc_info=True)


class WavReplaySource:
    """Plays a WAV file into the callback in real time (``speed`` > 1: faster).

    Any PCM WAV works: channels are averaged and the rate converted to 16 kHz.
    ``speed=math.inf`` delivers blocks as fast as the consumer takes them.
    """

    def __init__(self, path: str | Path, *, speed: float = 1.0, block_ms: int = 32) -> None:
        if not speed > 0:
            raise ValueError("speed must be positive")
        self.path = Path(path)
        self.speed = speed
        self.block_samples = SAMPLE_RATE * block_ms // 1000
        self.audio = read_wav_16k(self.path)
        self._stopping = threading.Event()
        self._done = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def sample_rate(self) -> int:
        return SAMPLE_RATE

    @property
    def duration_s(self) -> float:
        return self.audio.shape[0] / SAMPLE_RATE

    def start(self, callback: BlockCallback) -> None:
        if self._thread is not None and self._thread.is_alive():
            raise RuntimeError("the replay is already running")
        self._stopping.clear()
        self._done.clear()
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
        block_s = self.block_samples / SAMPLE_RATE / self.speed
        began = time.monotonic()
        try:
            for n, at in enumerate(range(0, self.audio.shape[0], self.block_samples)):
                if math.isfinite(block_s):
                    # Pace against the start time so delays never accumulate.
                    delay = began + n * block_s - time.monotonic()
                    if delay > 0 and self._stopping.wait(timeout=delay):
                        break
                elif self._stopping.is_set():
                    break
                callback(self.audio[at:at + self.block_samples].copy())
        except Exception:
            log.exception("audio block consumer failed during replay")
        finally:
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
    """Linear-interpolation resampling, with a box low-pass first when going down.

    Good enough for speech detection and recognition (both look below 8 kHz);
    it keeps the replay source free of a resampling library.
    """
    if rate == target or samples.shape[0] == 0:
        return samples.astype(np.float32, copy=False)
    if rate > target:
        width = int(math.ceil(rate / target))
        if width > 1:  # average over one output period so energy above 8 kHz does not fold back
            samples = np.convolve(samples, np.ones(width, np.float32) / width, mode="same")
    count = int(round(samples.shape[0] * target / rate))
    positions = np.arange(count, dtype=np.float64) * (rate / target)
    return np.interp(positions, np.arange(samples.shape[0]), samples).astype(np.float32)
