"""Play speech through the sound card, stoppable at once from any thread.

Audio is pulled by a sounddevice ``OutputStream`` callback on PortAudio's own
thread, so ``play()`` returns at once and ``stop()`` only has to flag the
callback and abort the stream. Chunks can be fed while playing, which lets a
speaker start talking after its first sentence is synthesised.

No sound card (or no PortAudio) is a normal situation on servers and kiosks:
the Player reports it once as ``DeviceError(code="no_audio_output")`` and then
quietly plays nothing, so a Speaker still synthesises and writes files.
"""
from __future__ import annotations

import logging
import threading
from collections import deque
from typing import Any, Callable, Iterable

import numpy as np

from ..errors import AssistantError, DeviceError
from . import SpeechAudio

log = logging.getLogger(__name__)

NO_AUDIO_OUTPUT = "no_audio_output"
ErrorHandler = Callable[[AssistantError], None]


class _Playback:
    """State of one utterance; a new play() gets a new one, so a late callback of an
    old stream can never touch the new utterance's buffer."""

    def __init__(self, sample_rate: int, device_rate: int) -> None:
        self.sample_rate = sample_rate
        self.device_rate = device_rate
        self.chunks: deque[np.ndarray] = deque()
        self.pos = 0
        self.ended = False
        self.running = False
        self.stopped = False
        self.frames_out = 0
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.stream: Any = None

    def fill(self, outdata: np.ndarray) -> bool:
        """Copy queued audio into ``outdata``; True when the utterance is finished."""
        frames = len(outdata)
        written = 0
        with self.lock:
            while written < frames and self.chunks:
                chunk = self.chunks[0]
                take = min(frames - written, len(chunk) - self.pos)
                outdata[written:written + take, 0] = chunk[self.pos:self.pos + take]
                written += take
                self.pos += take
                if self.pos >= len(chunk):
                    self.chunks.popleft()
                    self.pos = 0
            finished = self.ended and not self.chunks
        outdata[written:] = 0  # an underrun while the next sentence is synthesised is silence
        self.frames_out += written
        return finished


class Player:
    """Plays float32 mono audio; ``sd`` is the sounddevice module or a stand-in for tests."""

    def __init__(self, sd: Any = None, *, on_error: ErrorHandler | None = None,
                 blocksize: int = 512, device: int | str | None = None) -> None:
        self._sd = sd
        self._on_error = on_error
        self._blocksize = blocksize
        self._device = device
        self._lock = threading.Lock()      # guards _current and stream open/close
        self._current: _Playback | None = None
        self._last: _Playback | None = None   # so wait() after a stop() still says 'stopped'
        self._reported = False
        self.error: DeviceError | None = None

    # -- public -----------------------------------------------------------------
    def play(self, audio: SpeechAudio) -> bool:
        """Start playing the whole clip; False when there is no output device."""
        if not self.start(audio.sample_rate):
            return False
        self.feed(audio.samples)
        self.end()
        return True

    def start(self, sample_rate: int) -> bool:
        """Open a stream for an utterance fed in pieces; stops whatever was playing."""
        self.stop()
        sd = self._load()
        if sd is None:
            return False
        playback = self._open(sd, int(sample_rate))
        if playback is None:
            return False
        with self._lock:
            self._current = self._last = playback
        return True

    def feed(self, samples: np.ndarray) -> None:
        """Queue more audio for the utterance begun with start(); ignored after stop()."""
        playback = self._current
        if playback is None or playback.stopped or len(samples) == 0:
            return
        data = np.asarray(samples, dtype=np.float32).reshape(-1)
        if playback.device_rate != playback.sample_rate:
            data = _resample(data, playback.sample_rate, playback.device_rate)
        with playback.lock:
            playback.chunks.append(data)
            stream = None if playback.running else playback.stream
            playback.running = True
        if stream is not None:
            try:
                stream.start()
            except Exception as exc:  # the device vanished between open and start
                if playback.stopped:  # or a stop() from another thread closed it first
                    return
                self._report(DeviceError(
                    "Replies cannot be played aloud because the sound output stopped working.",
                    hint="Check the speakers or headphones and the system sound settings.",
                    code=NO_AUDIO_OUTPUT), exc)
                self.stop()

    def end(self) -> None:
        """No more audio will be fed: the stream stops after the queued audio."""
        playback = self._current
        if playback is None:
            return
        with playback.lock:
            playback.ended = True
            never_started = not playback.running
        if never_started:  # nothing was fed: there is nothing to play
            _close_stream(playback, abort=False)
            playback.done.set()

    def stop(self) -> None:
        """Silence now; safe from any thread, and when nothing plays."""
        with self._lock:
            playback, self._current = self._current, None
        if playback is None:
            return
        playback.stopped = True
        _close_stream(playback, abort=not playback.done.is_set())
        playback.done.set()

    @property
    def is_playing(self) -> bool:
        playback = self._current
        return playback is not None and not playback.done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the utterance ends; True when it played to the end (not stopped)."""
        playback = self._current or self._last
        if playback is None:
            return True
        if not playback.done.wait(timeout):
            return False
        with self._lock:
            if self._current is playback:
                self._current = None
        _close_stream(playback, abort=False)
        return not playback.stopped

    @property
    def available(self) -> bool:
        """Whether sound can be played; tries to open the library, not the device."""
        return self._load() is not None

    def close(self) -> None:
        self.stop()

    # -- internals ----------------------------------------------------------------
    def _load(self) -> Any:
        if self._sd is not None:
            return self._sd
        try:
            import sounddevice  # PortAudio is loaded here, so a missing one is an OSError
        except (ImportError, OSError) as exc:
            self._report(DeviceError(
                "Replies cannot be played aloud because the sound library PortAudio is missing.",
                hint="Install it (Debian/Ubuntu: sudo apt install libportaudio2); "
                     "replies are still shown as text.",
                code=NO_AUDIO_OUTPUT), exc)
            return None
        self._sd = sounddevice
        return sounddevice

    def _open(self, sd: Any, rate: int) -> _Playback | None:
        last_exc: Exception | None = None
        for device_rate in _rates_to_try(sd, self._device, rate):
            playback = _Playback(rate, device_rate)
            try:
                stream = sd.OutputStream(
                    samplerate=device_rate, channels=1, dtype="float32",
                    blocksize=self._blocksize, device=self._device,
                    callback=self._make_callback(sd, playback),
                    finished_callback=playback.done.set)
                playback.stream = stream
                return playback  # started by the first feed(), so it never opens on silence
            except Exception as exc:  # PortAudioError, or a driver's own error class
                last_exc = exc
                _close_stream(playback, abort=True)
        self._report(DeviceError(
            "Replies cannot be played aloud because no sound output device was found.",
            hint="Connect speakers or headphones, or check the system sound settings; "
                 "replies are still shown as text.",
            code=NO_AUDIO_OUTPUT), last_exc)
        return None

    @staticmethod
    def _make_callback(sd: Any, playback: _Playback) -> Callable[..., None]:
        def callback(outdata, frames, time_info, status) -> None:  # PortAudio's thread
            if playback.stopped:
                outdata.fill(0)
                raise sd.CallbackAbort
            if playback.fill(outdata):
                raise sd.CallbackStop  # this last block still plays
        return callback

    def _report(self, error: DeviceError, cause: BaseException | None) -> None:
        self.error = error
        if self._reported:
            return
        self._reported = True
        log.warning("%s (%s)", error.message, cause)
        if self._on_error is not None:
            try:
                self._on_error(error)
            except Exception:  # a broken handler must not break speech
                log.exception("audio error handler failed")


def _rates_to_try(sd: Any, device: int | str | None, rate: int) -> list[int]:
    """The clip's own rate first; the device's default rate if the first is refused."""
    rates = [rate]
    try:
        default = int(sd.query_devices(device, "output")["default_samplerate"])
        if default > 0 and default != rate:
            rates.append(default)
    except Exception:  # no device at all: the first try reports it
        pass
    return rates


def _resample(data: np.ndarray, src: int, dst: int) -> np.ndarray:
    """Linear interpolation: good enough for a voice through a speaker, and no scipy."""
    n_out = int(round(len(data) * dst / src))
    if n_out == 0:
        return np.zeros(0, dtype=np.float32)
    x_out = np.arange(n_out, dtype=np.float64) * (src / dst)
    return np.interp(x_out, np.arange(len(data)), data).astype(np.float32)


def _close_stream(playback: _Playback, *, abort: bool) -> None:
    with playback.lock:  # stop() and wait() may race to close; only one gets the stream
        stream, playback.stream = playback.stream, None
    if stream is None:
        return
    if abort and playback.running:
        try:
            stream.abort()
        except Exception:  # already stopped, or the device vanished
            log.debug("aborting the output stream failed", exc_info=True)
    try:
        stream.close()
    except Exception:  # closing a stream whose device vanished must not raise
        log.debug("closing the output stream failed", exc_info=True)


class SilentPlayer:
    """Plays nothing and reports nothing: for ``tts.play = false``, kiosks and batch jobs."""

    error = None
    available = False
    is_playing = False

    def play(self, audio: SpeechAudio) -> bool:
        return False

    def start(self, sample_rate: int) -> bool:
        return False

    def feed(self, samples: np.ndarray) -> None:
        pass

    def end(self) -> None:
        pass

    def stop(self) -> None:
        pass

    def wait(self, timeout: float | None = None) -> bool:
        return True

    def close(self) -> None:
        pass


def speak_chunks(player: Any, sample_rate: int, chunks: Iterable[np.ndarray],
                 cancelled: Callable[[], bool], *, wait: bool = True) -> SpeechAudio:
    """Play chunks as they are made (the first sentence sounds while the rest is
    synthesised); stops making them once ``cancelled()``. Returns what was made."""
    pieces: list[np.ndarray] = []
    started: bool | None = None  # None: not tried yet; a missing device is tried once
    for chunk in chunks:
        if cancelled():
            break
        pieces.append(chunk)
        if started is None:
            started = player.start(sample_rate)
        if started:
            player.feed(chunk)
    if started:
        if cancelled():
            player.stop()  # a stop() that raced with start() must still leave silence
        else:
            player.end()
            if wait:
                player.wait()
    samples = np.concatenate(pieces).astype(np.float32) if pieces else np.zeros(0, np.float32)
    return SpeechAudio(samples, sample_rate)
