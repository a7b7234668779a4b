"""The stream handles the AudioHub gives out: a microphone in, a voice out.

A handle wraps one PortAudio stream and is registered with its hub from open
to close, which is what lets the hub know when re-initialising PortAudio is
safe. ``close()`` may be called by the owner and by the hub (which closes
streams that ended by themselves before a re-scan), from any thread, any
number of times; only the first one touches PortAudio.

The PortAudio callbacks here run on PortAudio's own thread: they copy,
convert and hand on, and never take the hub's lock.
"""
from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING, Any, Callable, Protocol

import numpy as np

from .resampler import Reblocker, StreamResampler

if TYPE_CHECKING:
    from .hub_events import AudioDevice


class StreamOwner(Protocol):
    """What a stream needs of the AudioHub that opened it: to be told when it closes."""

    def _closed(self, stream: "_Stream") -> None: ...

log = logging.getLogger(__name__)

# What an output callback returns: keep going, this block is the last, or drop everything now.
CONTINUE, STOP, ABORT = "continue", "stop", "abort"


def describe(device: str | int | None) -> str:
    return "the default output" if device is None else str(device)


class _Stream:
    def __init__(self, hub: "StreamOwner") -> None:
        self._hub = hub
        self._raw: Any = None
        self._guard = threading.Lock()  # start and close never interleave
        self._closed = False
        self._started = False
        self.finished = False           # PortAudio ended it (error, device gone, last block)

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def active(self) -> bool:
        raw = self._raw
        return raw is not None and bool(getattr(raw, "active", self._started and not self.finished))

    def start(self) -> bool:
        """Start the stream; False when it was closed first (a stop() won the race)."""
        with self._guard:
            if self._closed or self._raw is None:
                return False
            self._raw.start()
            self._started = True
            self._on_started()
            return True

    def close(self, *, abort: bool = True) -> None:
        """Stop now (dropping queued audio when ``abort``) and release the device."""
        with self._guard:
            if self._closed:
                return
            self._closed = True
            raw, self._raw = self._raw, None
        try:
            if raw is not None:
                if abort and self._started:
                    try:
                        raw.abort()
                    except Exception:  # already stopped, or the device vanished
                        log.debug("aborting the stream failed", exc_info=True)
                raw.close()
        except Exception:  # closing a stream whose device vanished must not raise
            log.debug("closing the stream failed", exc_info=True)
        finally:
            self._hub._closed(self)

    def _on_started(self) -> None:
        pass


class InputStream(_Stream):
    """A microphone: device-rate blocks in, ``rate`` Hz float32 mono blocks out to ``callback``."""

    def __init__(self, hub: "StreamOwner", device: "AudioDevice", callback: Callable, *, rate: int,
                 device_rate: int, channels: int, block_samples: int, stall_s: float,
                 first_block_s: float, on_change: Callable[[], None] | None) -> None:
        super().__init__(hub)
        self.device, self.channels = device, channels
        self.rate, self.device_rate = rate, device_rate
        self.block_samples = block_samples
        self.stall_s, self.first_block_s = stall_s, max(first_block_s, stall_s)
        self._callback, self._on_change = callback, on_change
        self._resampler = StreamResampler(device_rate, rate) if device_rate != rate else None
        self._reblocker = Reblocker(block_samples) if self._resampler is not None else None
        self._started_at = 0.0
        self.last_block: float | None = None
        self.blocks = 0

    def open(self, sd: Any) -> None:
        blocksize = self.block_samples
        if self._resampler is not None:  # about the same duration per device block
            blocksize = int(round(self.block_samples * self.device_rate / self.rate))
        self._raw = sd.InputStream(device=self.device.index, channels=self.channels,
                                   samplerate=self.device_rate, blocksize=blocksize,
                                   dtype="float32", callback=self._on_audio,
                                   finished_callback=self._on_finished)

    def _on_started(self) -> None:
        self._started_at = time.monotonic()

    def problem(self, now: float | None = None) -> str | None:
        """None while healthy; "error" when the stream ended, "stall" when audio stopped coming.

        Some back ends never report a vanished device (PulseAudio through ALSA
        keeps a suspended source's stream open and silent), so silence of the
        callback itself for ``stall_s`` counts as lost. The first block gets
        ``first_block_s``: a freshly loaded PulseAudio source takes ~2 s.
        """
        if self._closed or self.finished or not self.active:
            return "error"
        now = time.monotonic() if now is None else now
        if self.last_block is None:
            return "stall" if now - self._started_at > self.first_block_s else None
        return "stall" if now - self.last_block > self.stall_s else None

    def _on_audio(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        if status:
            log.debug("input stream status: %s", status)
        self.last_block = time.monotonic()
        self.blocks += 1
        if self.blocks == 1 and self._on_change is not None:
            self._on_change()  # the owner may be waiting to hear that audio flows
        data = np.asarray(indata, dtype=np.float32)
        mono = data.mean(axis=1) if data.ndim == 2 and data.shape[1] > 1 else data.reshape(-1)
        if self._resampler is None:
            blocks = [np.array(mono, dtype=np.float32)]  # PortAudio reuses its buffer: copy
        else:
            blocks = self._reblocker.push(self._resampler.process(mono))
        for block in blocks:
            try:
                self._callback(block)
            except Exception:  # a consumer bug must not kill the audio thread
                log.exception("audio block consumer failed")

    def _on_finished(self) -> None:
        if self._closed:  # our own close() also ends the stream
            return
        self.finished = True
        if self._on_change is not None:
            self._on_change()


class OutputStream(_Stream):
    """A voice out: ``callback(outdata)`` fills each block and says CONTINUE, STOP or ABORT."""

    def __init__(self, hub: "StreamOwner", label: str, callback: Callable[[np.ndarray], str], *,
                 rate: int, blocksize: int, on_finished: Callable[[], None]) -> None:
        super().__init__(hub)
        self.label, self.samplerate, self.blocksize = label, rate, blocksize
        self._callback, self._on_finished_cb = callback, on_finished
        self._sd: Any = None

    def open(self, sd: Any, device: str | int | None) -> None:
        self._sd = sd
        self._raw = sd.OutputStream(samplerate=self.samplerate, channels=1, dtype="float32",
                                    blocksize=self.blocksize, device=device,
                                    callback=self._on_audio, finished_callback=self._on_finished)

    def _on_audio(self, outdata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        if self._closed:
            outdata.fill(0)
            raise self._sd.CallbackAbort
        try:
            verdict = self._callback(outdata)
        except Exception:  # never let a bug of ours leave the device looping a buffer
            log.exception("audio output callback failed")
            outdata.fill(0)
            raise self._sd.CallbackAbort from None
        if verdict == STOP:
            raise self._sd.CallbackStop  # this last block still plays
        if verdict == ABORT:
            raise self._sd.CallbackAbort

    def _on_finished(self) -> None:
        self.finished = True
        try:
            self._on_finished_cb()
        except Exception:
            log.exception("output finished handler failed")
