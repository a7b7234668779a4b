"""Play speech through the sound card, stoppable at once from any thread.

Audio is pulled by an output stream's callback on PortAudio's own thread, so
``play()`` returns at once and ``stop()`` only has to flag the callback and
close the stream. Chunks can be fed while playing, which lets a speaker start
talking after its first sentence is synthesised. The stream comes from the
process's AudioHub (the one owner of PortAudio), which opens the device at the
clip's rate or, if refused, at the device's own rate; the clip is then
converted with a resampler that keeps its state from one chunk to the next.

No sound card (or no PortAudio) is a normal situation on servers and kiosks:
the Player reports it once as ``DeviceError(code="no_audio_output")`` and then
quietly plays nothing, so a Speaker still synthesises and writes files.
"""
from __future__ import annotations

import logging
import threading
import time
from collections import deque
from typing import Any, Callable, Iterable

import numpy as np

from ..audio.hub import ABORT, CONTINUE, STOP, AudioHub, OutputStream, shared_hub
from ..audio.resampler import StreamResampler
from ..errors import AssistantError, DeviceError
from . import SpeechAudio

log = logging.getLogger(__name__)

NO_AUDIO_OUTPUT = "no_audio_output"
WAIT_GRACE_S = 5.0  # wait() gives up this long after the queued audio should have ended
ErrorHandler = Callable[[AssistantError], None]


class _Playback:
    """State of one utterance; a new start() gets a new one, so a late callback of an
    old stream can never touch the new utterance's buffer."""

    def __init__(self, sample_rate: int) -> None:
        self.sample_rate = sample_rate
        self.device_rate = sample_rate
        self.resampler: StreamResampler | None = None
        self.chunks: deque[np.ndarray] = deque()
        self.pos = 0
        self.ended = False
        self.running = False
        self.stopped = False
        self.held = False      # silence for now; the audio waits where it was (``hold``)
        self.queued = 0        # samples fed, at the device's rate
        self.frames_out = 0    # of those, handed to the device
        self.lock = threading.Lock()        # shared with PortAudio's callback: held briefly
        self.convert_lock = threading.Lock()  # the resampler's state, for feed() and end()
        self.done = threading.Event()
        self.stream: OutputStream | None = None

    def fill(self, outdata: np.ndarray) -> str:
        """Copy queued audio into ``outdata`` (PortAudio's thread); STOP after the last of it."""
        if self.stopped:
            outdata.fill(0)
            return ABORT
        if self.held:
            outdata.fill(0)
            return CONTINUE
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
            self.frames_out += written
        outdata[written:] = 0  # an underrun while the next sentence is synthesised is silence
        return STOP if finished else CONTINUE

    def remaining_s(self) -> float:
        return max(0, self.queued - self.frames_out) / self.device_rate


class Player:
    """Plays float32 mono audio through an AudioHub.

    ``hub``: the hub to use (default: the process's shared one); ``sd``: a
    stand-in sounddevice module for tests, given a hub of its own.
    """

    def __init__(self, sd: Any = None, *, hub: AudioHub | None = None,
                 on_error: ErrorHandler | None = None, blocksize: int = 512,
                 device: int | str | None = None) -> None:
        self._hub = hub if hub is not None else (AudioHub(sd) if sd is not None else None)
        self._on_error = on_error
        self._blocksize = blocksize
        self._device = device
        self._lock = threading.Lock()      # guards _current / _last
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
        hub = self._load()
        if hub is None:
            return False
        playback = _Playback(int(sample_rate))
        with self._lock:  # registered before the (slow) open, so a stop() meanwhile reaches it
            self._current = self._last = playback
        try:
            stream = hub.open_output(self._device, samplerate=playback.sample_rate,
                                     blocksize=self._blocksize, callback=playback.fill,
                                     on_finished=playback.done.set)
        except DeviceError as exc:
            with self._lock:
                if self._current is playback:
                    self._current = None
            playback.done.set()
            self._report(DeviceError(
                "Replies cannot be played aloud because no sound output device was found.",
                hint="Connect speakers or headphones, or check the system sound settings; "
                     "replies are still shown as text.",
                code=NO_AUDIO_OUTPUT), exc.__cause__ or exc)
            return False
        with playback.lock:
            playback.device_rate = stream.samplerate
            if stream.samplerate != playback.sample_rate:
                playback.resampler = StreamResampler(playback.sample_rate, stream.samplerate)
            keep = not playback.stopped
            playback.stream = stream if keep else None
        if not keep:  # stop() came while the device was opening: stay silent
            stream.close()
        return True

    def feed(self, samples: np.ndarray) -> None:
        """Queue more audio for the utterance begun with start(); ignored after stop()."""
        playback = self._current
        if playback is None or playback.stopped or playback.ended or len(samples) == 0:
            return
        data = np.asarray(samples, dtype=np.float32).reshape(-1)
        with playback.convert_lock:  # not under playback.lock: the callback must not wait on it
            if playback.resampler is not None:
                data = playback.resampler.process(data)
        with playback.lock:
            playback.chunks.append(data)
            playback.queued += len(data)
            stream = None if playback.running else playback.stream
            playback.running = True
        if stream is None:
            return
        try:
            started = stream.start()
        except Exception as exc:  # the device vanished between open and start
            if playback.stopped:  # or a stop() from another thread closed it first
                return
            self._report(DeviceError(
                "Replies cannot be played aloud because the sound output stopped working.",
                hint="Check the speakers or headphones and the system sound settings.",
                code=NO_AUDIO_OUTPUT), exc)
            self.stop()
            return
        if not started or playback.stopped:  # a stop() raced with the start: silence
            stream.close()

    def end(self) -> None:
        """No more audio will be fed: the stream stops after the queued audio."""
        playback = self._current
        if playback is None:
            return
        with playback.convert_lock:
            tail = playback.resampler.flush() if playback.resampler is not None else None
            playback.resampler = None  # flushed once
        with playback.lock:
            if tail is not None and len(tail):
                playback.chunks.append(tail)
                playback.queued += len(tail)
            playback.ended = True
            never_started = not playback.running
        if never_started:  # nothing was fed: there is nothing to play
            _close_stream(playback, abort=False)
            playback.done.set()

    def stop(self) -> None:
        """Silence now; safe from any thread, and when nothing plays."""
        with self._lock:
            playback, self._current = self._current, None
        if playback is not None:
            _silence(playback)

    def hold(self) -> bool:
        """Silence from the sound card's next block, keeping the place (the listener heard a
        loud onset and the VAD is deciding); False when nothing plays."""
        return self._set_held(True)

    def resume(self) -> bool:
        """Go on from where ``hold`` left off."""
        return self._set_held(False)

    def _set_held(self, held: bool) -> bool:
        playback = self._current
        if playback is None or playback.stopped or playback.done.is_set():
            return False
        with playback.lock:
            playback.held = held
        return True

    @property
    def is_playing(self) -> bool:
        playback = self._current
        return playback is not None and not playback.done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the utterance ends; True when it played to the end (not stopped).

        Without ``timeout`` it still never blocks for ever: it gives up (and
        stops the utterance) once nothing was played for the length of the
        audio still queued plus WAIT_GRACE_S, as when a device hangs.
        """
        playback = self._current or self._last
        if playback is None:
            return True
        if timeout is not None:
            if not playback.done.wait(timeout):
                return False
        elif not _wait_while_progressing(playback, WAIT_GRACE_S):
            log.warning("the sound output stopped playing; giving up on this reply")
            with self._lock:
                if self._current is playback:
                    self._current = None
            _silence(playback)
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
    def _load(self) -> AudioHub | None:
        hub = self._hub if self._hub is not None else shared_hub()
        try:
            hub.sd(NO_AUDIO_OUTPUT)  # PortAudio is loaded here, so a missing one is reported
        except DeviceError as exc:
            self._report(DeviceError(
                "Replies cannot be played aloud because the sound library PortAudio is missing.",
                hint="Install it (Debian/Ubuntu: sudo apt install libportaudio2); "
                     "replies are still shown as text.",
                code=NO_AUDIO_OUTPUT), exc.__cause__ or exc)
            return None
        return hub

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


def _wait_while_progressing(playback: _Playback, grace_s: float) -> bool:
    """Wait for ``done`` while the device keeps taking audio; False once it has not for
    the queued audio's length plus ``grace_s``."""
    frames, progress_at = playback.frames_out, time.monotonic()
    while True:
        budget = progress_at + playback.remaining_s() + grace_s - time.monotonic()
        if budget <= 0:
            return False
        if playback.done.wait(min(budget, 0.5)):
            return True
        if playback.frames_out != frames:
            frames, progress_at = playback.frames_out, time.monotonic()


def _silence(playback: _Playback) -> None:
    with playback.lock:
        playback.stopped = True
    _close_stream(playback, abort=True)
    playback.done.set()


def _close_stream(playback: _Playback, *, abort: bool) -> None:
    with playback.lock:  # stop() and wait() may race to close; only one gets the stream
        stream, playback.stream = playback.stream, None
    if stream is not None:
        stream.close(abort=abort)


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

    def hold(self) -> bool:
        return False

    def resume(self) -> bool:
        return False

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
