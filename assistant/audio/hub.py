"""The one owner of PortAudio in this process: device lists, streams in and out, hot-plug.

Why one owner: PortAudio lists devices once, at initialisation, so finding a
re-plugged USB microphone needs ``Pa_Terminate(); Pa_Initialize()``, and
terminating closes and frees *every* open stream, including the one speaking
an answer (whose owner then uses freed memory). Only code that knows every
open stream can decide when a re-scan is safe. So nothing else calls
sounddevice: the microphone and the Player get their streams here, the hub
keeps a registry of them, and ``rescan()`` re-initialises PortAudio only when
none is open; otherwise the re-scan waits for the last stream to close (a
reply finishing) and then runs on its own thread. For the same reason an open
that may fail (a format the device may refuse, a device that may have gone)
is only tried while no stream runs: see ``formats.py``. A lost microphone comes
back through ``reopen_input``, which does nothing while another stream is open.

Devices that refuse 16 kHz (many USB and HDMI devices only take 44.1 or
48 kHz) are opened at their own rate and resampled, with state kept across
blocks, so the microphone's consumers always get 16 kHz float32 mono blocks.

Changes are reported as frozen dataclass events to every subscriber, from
whichever thread noticed them; subscribers must return quickly.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from typing import Any, Callable

from ..errors import DeviceError
from .formats import FormatMemory, input_formats, unique
from .hub_events import (AudioDevice, AudioEvent, DevicesChanged, InputLost, InputRestored,
                         NoAudioDevices, NoOutputDevice, RescanDeferred)
from .streams import ABORT, CONTINUE, STOP, InputStream, OutputStream, describe

log = logging.getLogger(__name__)

__all__ = ["AudioHub", "shared_hub", "AudioDevice", "InputStream", "OutputStream", "CONTINUE",
           "STOP", "ABORT", "InputLost", "InputRestored", "DevicesChanged", "NoAudioDevices",
           "NoOutputDevice", "RescanDeferred", "AudioEvent"]

_NO_INPUT_HINT = "Plug in a microphone (or pick another one in the settings) and try again."
_PORTAUDIO_HINT = ("Install PortAudio (Debian/Ubuntu: sudo apt install libportaudio2) "
                   "and the Python package sounddevice.")


EventHandler = Callable[[AudioEvent], None]


class AudioHub:
    """Lists devices, opens streams, re-scans safely; ``sd_module``: a stand-in for tests."""

    def __init__(self, sd_module: Any = None, *, on_event: EventHandler | None = None) -> None:
        self._sd = sd_module
        self._lock = threading.RLock()   # PortAudio open / terminate, and the registry
        self._open: set[Any] = set()
        self._handlers: list[EventHandler] = [on_event] if on_event is not None else []
        self._lost: dict[str, str] = {}  # requested device key -> name, reported lost
        self._seen: tuple[tuple[str, ...], tuple[str, ...]] | None = None
        self._empty_reported = False
        self._output_missing = False     # NoOutputDevice reported; again only after an open works
        self._pending = False            # a re-scan waits for the open streams to close
        self._portaudio_down = False     # terminated, and initialising again failed
        self._formats = FormatMemory()   # what each device accepted and refused
        self.rescans = 0                 # PortAudio re-initialisations done (tests, logs)

    # -- events -------------------------------------------------------------------
    def subscribe(self, handler: EventHandler) -> Callable[[], None]:
        """Add an event handler; returns a function that removes it."""
        with self._lock:
            self._handlers.append(handler)

        def remove() -> None:
            with self._lock:
                if handler in self._handlers:
                    self._handlers.remove(handler)
        return remove

    def _emit(self, *events: AudioEvent) -> None:
        with self._lock:
            handlers = list(self._handlers)
        for event in events:
            log.info("audio: %s", event)
            for handler in handlers:
                try:
                    handler(event)
                except Exception:  # a subscriber's bug must not break audio
                    log.exception("audio event handler failed")

    # -- the library --------------------------------------------------------------
    def sd(self, code: str = "no_audio_input") -> Any:
        """The sounddevice module; a DeviceError with ``code`` when PortAudio cannot load."""
        if self._sd is not None:
            return self._sd
        try:  # not cached: after the first time this is a dictionary look-up
            import sounddevice
        except (ImportError, OSError) as exc:  # OSError: the PortAudio library is missing
            raise DeviceError("Sound is not available: the PortAudio sound library could not "
                              "be loaded.", hint=_PORTAUDIO_HINT, code=code) from exc
        return sounddevice

    @property
    def available(self) -> bool:
        try:
            self.sd()
        except DeviceError:
            return False
        return True

    # -- devices ------------------------------------------------------------------
    def devices(self) -> list[AudioDevice]:
        """Every device PortAudio lists; [] (reported once) when there are none or it fails."""
        events: list[AudioEvent] = []
        with self._lock:
            found = self._list(events)
        self._emit(*events)
        return found

    def _list(self, events: list[AudioEvent]) -> list[AudioDevice]:
        sd = self.sd()
        try:
            raw = sd.query_devices()
        except Exception as exc:  # PortAudio errors are untyped here
            log.debug("listing audio devices failed", exc_info=True)
            self._note_devices([], f"The list of sound devices could not be read ({exc}).", events)
            return []
        if isinstance(raw, Mapping):  # a single device (some stand-ins answer this way)
            raw = [raw]
        found = [AudioDevice.listed(i, d) for i, d in enumerate(raw or [])]
        self._note_devices(found, "No sound devices were found on this computer.", events)
        return found

    def input_devices(self) -> list[AudioDevice]:
        return [d for d in self.devices() if d.is_input]

    def output_devices(self) -> list[AudioDevice]:
        return [d for d in self.devices() if d.is_output]

    def default_index(self, kind: str) -> int:
        """PortAudio's default input or output device index; -1 when there is none."""
        try:
            device = self.sd().default.device
            if isinstance(device, (list, tuple)):  # [input, output]
                device = device[0 if kind == "input" else 1]
            index = device
            return int(index) if index is not None else -1
        except Exception:  # no default configured, or a stand-in without one
            return -1

    def find_input(self, wanted: str | int | None) -> AudioDevice:
        """A microphone by index, by (case-blind) name substring, or the default."""
        events: list[AudioEvent] = []
        try:
            with self._lock:
                return self._find_input(wanted, events)
        finally:
            self._emit(*events)

    def _find_input(self, wanted: str | int | None, events: list[AudioEvent]) -> AudioDevice:
        inputs = [d for d in self._list(events) if d.is_input]
        if not inputs:
            raise DeviceError("No microphone was found on this computer.", hint=_NO_INPUT_HINT,
                              code="no_audio_input")
        if wanted is None:
            default = self.default_index("input")
            return next((d for d in inputs if d.index == default), inputs[0])
        for d in inputs:
            if isinstance(wanted, int) and d.index == wanted:
                return d
            if isinstance(wanted, str) and wanted.casefold() in d.name.casefold():
                return d
        names = ", ".join(f"{d.index}: {d.name}" for d in inputs)
        raise DeviceError(f"The microphone '{wanted}' was not found.",
                          hint=f"Available microphones: {names}.", code="no_audio_input")

    def _note_devices(self, found: list[AudioDevice], empty_message: str,
                      events: list[AudioEvent]) -> None:
        """Queue NoAudioDevices (once) or DevicesChanged; called with the lock held."""
        if not found:
            if not self._empty_reported:
                self._empty_reported = True
                events.append(NoAudioDevices(empty_message))
        else:
            self._empty_reported = False
        seen = (tuple(d.name for d in found if d.is_input),
                tuple(d.name for d in found if d.is_output))
        if self._seen is not None and seen != self._seen and found:
            events.append(DevicesChanged(*seen))
        self._seen = seen

    # -- streams ------------------------------------------------------------------
    def open_input(self, wanted: str | int | None, callback: Callable, *, rate: int = 16_000,
                   block_samples: int = 512, stall_s: float = 2.0, first_block_s: float = 5.0,
                   on_change: Callable[[], None] | None = None) -> InputStream:
        """Open and start a microphone, delivering ``rate`` Hz float32 mono blocks to ``callback``.

        Tries ``rate`` first, then the device's own rate (resampled); mono, then
        stereo averaged. ``on_change`` is called (on PortAudio's thread) when
        the first block arrives and when the stream ends by itself; a stall is
        seen by polling ``problem()``.
        """
        stream = self._input(wanted, callback, rescan_first=False, rate=rate,
                             block_samples=block_samples, stall_s=stall_s,
                             first_block_s=first_block_s, on_change=on_change)
        assert stream is not None
        return stream

    def reopen_input(self, wanted: str | int | None, callback: Callable,
                     **options: Any) -> InputStream | None:
        """``open_input`` after reading the device list again, for a microphone that was lost;
        None, touching nothing, while another stream is open (a re-scan is asked for):
        trying a device that may be gone is only safe then (see ``formats.py``)."""
        return self._input(wanted, callback, rescan_first=True, **options)

    def _input(self, wanted: str | int | None, callback: Callable, *, rescan_first: bool,
               rate: int = 16_000, **options: Any) -> InputStream | None:
        sd = self.sd()
        events: list[AudioEvent] = []
        try:
            with self._lock:  # a re-scan between finding and opening would renumber the devices
                if rescan_first and not self._rescan_locked(sd, events):
                    return None
                device = self._find_input(wanted, events)
                stream = self._open_input(sd, device, callback, rate=rate, **options)
                self._open.add(stream)
        finally:
            self._emit(*events)
        try:
            stream.start()
        except Exception as exc:
            stream.close()
            raise DeviceError(f"The microphone '{device.name}' could not be started ({exc}).",
                              hint=_NO_INPUT_HINT, code="no_audio_input") from exc
        if stream.device_rate != rate:
            log.info("%s refused %d Hz; recording at %d Hz and resampling", device.name, rate,
                     stream.device_rate)
        return stream

    def _open_input(self, sd: Any, device: AudioDevice, callback: Callable, *, rate: int,
                    **options: Any) -> InputStream:
        """The first (rate, channels) the device accepts (``input_formats``); while another
        stream is open, only the one it is expected to accept."""
        own = int(device.default_samplerate) or rate
        wanted = input_formats(rate, own, device.max_input_channels)
        plan = self._formats.plan("input", device.name, wanted, (own, 1), busy=bool(self._open))

        def open_one(fmt: tuple[int, int]) -> InputStream:
            stream = InputStream(self, device, callback, rate=rate, device_rate=fmt[0],
                                 channels=fmt[1], **options)
            stream.open(sd)
            return stream
        stream, last = self._formats.open_first("input", device.name, plan, open_one)
        if stream is not None:
            return stream
        raise DeviceError(f"The microphone '{device.name}' could not be opened ({last}).",
                          hint=_NO_INPUT_HINT, code="no_audio_input") from last

    def open_output(self, device: str | int | None, *, samplerate: int, blocksize: int,
                    callback: Callable, on_finished: Callable[[], None]) -> OutputStream:
        """Open (not start) an output stream at ``samplerate``, else at the device's default rate.

        ``callback(outdata)`` fills the block and returns CONTINUE, STOP (this
        block is the last) or ABORT. The stream's ``samplerate`` says which
        rate was accepted; the caller converts its audio to it.
        """
        sd = self.sd("no_audio_output")

        def open_one(fmt: tuple[int, int]) -> OutputStream:
            stream = OutputStream(self, describe(device), callback, rate=fmt[0],
                                  blocksize=blocksize, on_finished=on_finished)
            stream.open(sd, device)  # PortAudioError, or a driver's own error class
            return stream
        with self._lock:
            name, default = describe(device), int(samplerate)
            try:
                info = sd.query_devices(device, "output")
                name, default = str(info.get("name", name)), int(info["default_samplerate"])
            except Exception:  # no device at all: the first try reports it
                pass
            wanted = [(r, 1) for r in unique([int(samplerate), default])]
            plan = self._formats.plan("output", name, wanted, (default or int(samplerate), 1),
                                      busy=bool(self._open))
            stream, last = self._formats.open_first("output", name, plan, open_one)
            if stream is not None:
                self._open.add(stream)
                self._output_missing = False
                return stream
            repeated, self._output_missing = self._output_missing, True
        message = f"No sound output device could be opened ({last})."
        if not repeated:
            self._emit(NoOutputDevice(describe(device), message))
        raise DeviceError(message, hint="Connect speakers or headphones, or check the system "
                          "sound settings.", code="no_audio_output") from last

    @property
    def open_streams(self) -> int:
        with self._lock:
            return len(self._open)

    @property
    def rescan_pending(self) -> bool:
        return self._pending

    def input_lost(self, stream: InputStream, wanted: str | int | None, reason: str) -> None:
        """Close a microphone that failed, and report it."""
        stream.close()
        with self._lock:
            self._lost[_key(wanted)] = stream.device.name
        self._emit(InputLost(stream.device.name, reason))

    def input_restored(self, stream: InputStream, wanted: str | int | None) -> None:
        """Report that audio flows again from a microphone reported lost."""
        with self._lock:
            was_lost = self._lost.pop(_key(wanted), None) is not None
        if was_lost:
            self._emit(InputRestored(stream.device.name, stream.device_rate))

    def _closed(self, stream: Any) -> None:
        """Called by a stream once PortAudio has closed it."""
        with self._lock:
            self._open.discard(stream)
            run_pending = self._pending and not self._open
        if run_pending:  # the deferred re-scan, not on the closer's thread (it may be a stop())
            threading.Thread(target=self.rescan, name="audio-rescan", daemon=True).start()

    # -- hot-plug -----------------------------------------------------------------
    def rescan(self) -> bool:
        """Re-read the device list (re-initialising PortAudio) when no stream is open.

        Returns True when done now; False when streams are open, in which case
        it runs by itself once the last of them closes.
        """
        sd = self.sd()
        events: list[AudioEvent] = []
        try:
            with self._lock:
                done = self._rescan_locked(sd, events)
                if done:
                    self._list(events)  # reports changes
        finally:
            self._emit(*events)
        return done

    def _rescan_locked(self, sd: Any, events: list[AudioEvent]) -> bool:
        """Re-initialise PortAudio now if nothing is open, else ask for it later; lock held.
        Closing streams below must not start another re-scan: this call is it."""
        was_pending, self._pending = self._pending, False
        for stream in [s for s in self._open if s.finished]:
            stream.close()  # ended by itself but not yet closed by its owner: done with
        if not self._open:
            self._reinitialise(sd)
            return True
        if not was_pending:
            events.append(RescanDeferred(len(self._open)))
        self._pending = True
        return False

    def _reinitialise(self, sd: Any) -> None:
        """Pa_Terminate, Pa_Initialize (no public call in sounddevice); lock held, nothing open."""
        terminate, initialize = getattr(sd, "_terminate", None), getattr(sd, "_initialize", None)
        if terminate is None or initialize is None:
            return  # a stand-in without them: its list never changes
        if not self._portaudio_down:
            try:
                terminate()
            except Exception:  # not initialised: initialising is all that is left to do
                log.debug("terminating PortAudio failed", exc_info=True)
            self._portaudio_down = True
        try:
            initialize()
        except Exception:  # the next re-scan tries again; until then no device is listed
            log.warning("re-initialising PortAudio failed; trying again later", exc_info=True)
            return
        self._portaudio_down = False
        self._formats.forget()
        self.rescans += 1

    def close(self) -> None:
        """Close every stream (process shutdown)."""
        with self._lock:
            streams = list(self._open)
        for stream in streams:
            stream.close()


def _key(wanted: str | int | None) -> str:
    return repr(wanted)


_shared: AudioHub | None = None
_shared_lock = threading.Lock()


def shared_hub() -> AudioHub:
    """The process's hub (the real sounddevice); created on first use."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = AudioHub()
        return _shared
