"""The tests' one stand-in for the ``sounddevice`` module, behaving like PortAudio where it matters.

Every test that plays or records sound without a sound card uses it: the live-audio
tests (microphones, the AudioHub, hot-plug), the Player and the voices
(``tests/tts``) and the conversation loop (``tests/voice``, ``bench/voice_loop.py``).
``sound_card()`` is a machine with one output device, ``no_sound_card()`` one with
none (the library then fails every open, as it does on a machine without speakers);
``FakeSoundDevice(audio, devices)`` builds any other.

As Buzz's tests do, the fake replays a real recording, paced, from a thread into
the real callback. Output streams pull the real callback on their own thread at
the card's pace (``speed`` times real time; real time unless asked) and keep what
they played (``blocks``, ``played``, ``first_block``, ``finished``,
``finished_at``). What it copies from PortAudio (and its ALSA back end):

- the device list is a snapshot taken at ``_initialize``: an unplugged device
  stays listed until the list is re-read, and fails to open, even once plugged
  back in (it comes back as a new ALSA device), until the list is re-read;
- ``_terminate()`` closes and frees *every* open stream, whoever owns it: a
  playing output stops mid-word, and touching a freed stream afterwards is an
  error (in C it is a use after free). Every such stream is recorded in
  ``killed`` so a test can assert it never happens;
- a device opens only at the rates it supports (``rates`` in its entry; by
  default the recording's rate), like the many USB and HDMI devices that
  refuse 16 kHz (``sound_card()`` takes the usual rates, as a PulseAudio
  sink does; ``sound_card(rates=(48_000,))`` only 48 kHz);
- an output stream calls its callback block by block, no faster than the
  card plays them: ``CallbackStop`` still plays the block it was raised on,
  ``CallbackAbort`` drops it, and the finished callback comes last;
- a vanished microphone ends its stream and calls the finished callback, or,
  with ``silent_loss``, stays "active" and just stops delivering (a suspended
  PulseAudio source seen through ALSA);
- an open that fails while another stream's callback thread runs is a hazard:
  PortAudio 19.6 keeps its ALSA back end's error in one variable shared by all
  threads, so such a failure can come back as success with no stream and
  Pa_OpenStream writes through a null pointer (seen as a segfault in CI). The
  fake still raises, and records each one in ``unsafe_failures``;
- terminating while another thread is inside an open is recorded in
  ``unsafe_terminates`` (PortAudio frees what the open is using). An open can
  be held with ``before_input_open``, like the output's ``before_output_open``.
"""
from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from types import SimpleNamespace

import numpy as np


class PortAudioError(Exception):
    pass


class CallbackStop(Exception):
    pass


class CallbackAbort(Exception):
    pass


class _FakeStream:
    def __init__(self, sd: "FakeSoundDevice", device, samplerate, blocksize, callback,
                 finished_callback, kind: str):
        if not sd.initialized:
            raise PortAudioError("PortAudio not initialized [PaErrorCode -10000]")
        entry = sd.entry(device, kind)
        if entry is None and device is None:  # no default device: what sounddevice raises
            raise sd.refused("Error querying device -1")
        if entry is None or sd.is_unplugged(entry):
            raise sd.refused(f"Error opening {kind} stream: device {device} unavailable "
                             "[PaErrorCode -9996]")
        if int(samplerate) not in entry.get("rates", (sd.rate,)):
            raise sd.refused(f"Error opening {kind} stream: Invalid sample rate "
                             f"[PaErrorCode -9997] ({samplerate})")
        self.sd, self.entry, self.samplerate, self.blocksize = sd, entry, int(samplerate), blocksize
        self._callback, self._finished = callback, finished_callback
        self._halt = threading.Event()
        self._thread = threading.Thread(target=self._guarded_run, daemon=True)
        self.active = False
        self.closed = False
        self.freed = False
        sd.streams.append(self)

    def _check(self):
        if self.freed:
            raise PortAudioError("Stream used after Pa_Terminate freed it [PaErrorCode -9988]")

    def start(self):
        self._check()
        self.active = True
        self._thread.start()

    @property
    def running(self) -> bool:
        """Its callback thread is alive (PortAudio's would be running its checks)."""
        return self._thread.is_alive()

    def _guarded_run(self):
        try:
            self._run()
        finally:
            self.active = False

    def abort(self):
        self._check()
        self._halt.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=2)

    stop = abort

    def close(self):
        self._check()
        self.abort()
        self.closed = True

    def _free(self):
        """What Pa_Terminate does to a stream still open."""
        self._halt.set()
        if self._thread.is_alive():
            self._thread.join(timeout=2)
        self.freed = True


class FakeInputStream(_FakeStream):
    """Replays the fake device's recording into the real callback, paced, from a thread."""

    def __init__(self, sd, *, device, channels, samplerate, blocksize, dtype, callback,
                 finished_callback=None):
        assert dtype == "float32" and channels >= 1
        sd.input_open_requested.set()
        with sd.opening():
            sd.before_input_open.wait(30)  # a test can hold the open, to stop() meanwhile
            super().__init__(sd, device, samplerate, blocksize, callback, finished_callback,
                             "input")
        self.device, self.channels = device, channels

    def _run(self):
        period = self.blocksize / self.samplerate / self.sd.speed
        while not self._halt.wait(timeout=period):
            if self.sd.is_unplugged(self.entry):
                if self.sd.silent_loss:  # PulseAudio's suspended source: active, and silent
                    self._halt.wait()
                    return
                # What PortAudio's ALSA back end does when a USB mic goes: the stream
                # thread ends, then the finished callback.
                self.active = False
                if self._finished is not None:
                    self._finished()
                return
            block = self.sd.next_block(self.blocksize)
            if block is None:
                continue
            frames = np.repeat(block[:, None], self.channels, axis=1)
            self._callback(frames, block.shape[0], None, self.sd.flags(0))

    def close(self):
        super().close()
        if self._finished is not None and self._thread.ident is not None:
            self._finished()


class FakeOutputStream(_FakeStream):
    """Pulls the real callback at a sound card's pace (times ``speed``) and keeps what it played."""

    def __init__(self, sd, *, samplerate, channels, dtype, blocksize, device=None, callback,
                 finished_callback=None):
        assert dtype == "float32" and channels == 1
        sd.output_open_requested.set()
        with sd.opening():
            sd.before_output_open.wait(30)  # a test can hold the open, to stop() meanwhile
            super().__init__(sd, device, samplerate, blocksize or 512, callback,
                             finished_callback, "output")
        self.blocks: list[np.ndarray] = []     # every block played, in order
        self.block_times: list[float] = []     # when the card took each of them (monotonic)
        self.first_block = threading.Event()
        self.finished = threading.Event()
        self.finished_at: float | None = None  # when the card stopped playing it
        sd.output_opened.set()

    def _run(self):
        period = self.blocksize / self.samplerate / self.sd.speed
        deadline = time.monotonic()
        if self.sd.stall_output:  # a wedged device: open, "active", silent, never finishing
            self._halt.wait()
        try:
            while not self._halt.is_set():
                out = np.zeros((self.blocksize, 1), np.float32)
                self.block_times.append(time.monotonic())
                try:
                    self._callback(out, self.blocksize, None, self.sd.flags(0))
                except CallbackAbort:
                    break
                except CallbackStop:
                    self.blocks.append(out[:, 0].copy())  # the last block still plays
                    break
                self.blocks.append(out[:, 0].copy())
                self.first_block.set()
                deadline += period
                self._halt.wait(max(0.0, deadline - time.monotonic()))
        finally:
            self.finished_at = time.monotonic()
            self.finished.set()
            if self._finished is not None and not self.freed:
                self._finished()

    def start(self):
        self.sd.output_start_requested.set()
        self.sd.before_output_start.wait(30)  # and the start
        super().start()

    @property
    def played(self) -> np.ndarray:
        return np.concatenate(self.blocks) if self.blocks else np.zeros(0, np.float32)


class FakeSoundDevice:
    """The parts of ``sounddevice`` the AudioHub uses: devices, streams in and out, (re)init."""

    PortAudioError = PortAudioError
    CallbackStop = CallbackStop
    CallbackAbort = CallbackAbort

    class flags(int):  # CallbackFlags: falsy when nothing to report
        pass

    def __init__(self, audio: np.ndarray | None, devices: list[dict], *, default_input: int = 0,
                 default_output: int = -1, rate: int = 16_000, speed: float = 1.0):
        """``audio``: what every microphone hears (None: nothing); ``devices``: PortAudio's
        list (dicts as ``query_devices`` gives, plus ``rates``); ``rate``: the rate a device
        without ``rates`` accepts; ``speed``: how many times faster than real time streams run."""
        audio = np.zeros(0, np.float32) if audio is None else audio
        self._audio, self._cursor, self.rate, self.speed = audio.astype(np.float32), 0, rate, speed
        self._all = devices
        self._unplugged: set[str] = set()
        self._stale: set[str] = set()          # unplugged since the list was read
        self._listed = list(devices)
        self.default = SimpleNamespace(device=[default_input, default_output])
        self.streams: list[_FakeStream] = []
        self.killed: list[_FakeStream] = []   # streams Pa_Terminate freed while open
        self.unsafe_failures: list[str] = []   # opens refused while another stream ran
        self.unsafe_terminates = 0             # terminations during another thread's open
        self._opening = 0
        self.initialized = True
        self.inits: list[float] = []           # when PortAudio was initialised again
        self.stall_output = False              # output streams start but are never called
        self.fail_queries = False              # query_devices raises, as with no sound system
        self.silent_loss = False
        self.output_open_requested = threading.Event()
        self.output_opened = threading.Event()  # an output stream opened (it is in ``streams``)
        self.output_start_requested = threading.Event()
        self.before_output_open = threading.Event()
        self.before_output_start = threading.Event()
        self.input_open_requested = threading.Event()
        self.before_input_open = threading.Event()
        self.before_output_open.set()
        self.before_output_start.set()
        self.before_input_open.set()
        self.drained = threading.Event()
        self.delivered = 0
        self._lock = threading.Lock()

    # -- devices ------------------------------------------------------------------
    def query_devices(self, device=None, kind=None):
        if self.fail_queries or not self.initialized:
            raise PortAudioError("Error querying device -1")
        listed = [dict(d, index=i) for i, d in enumerate(self._listed)]
        if device is None and kind is None:
            return listed
        entry = self.entry(device, kind)
        if entry is None:
            raise PortAudioError(f"No {kind} device matching {device!r}")
        return dict(entry)

    def entry(self, device, kind):
        """The listed device a stream would open: by index, name substring or default."""
        key = "max_input_channels" if kind == "input" else "max_output_channels"
        if device is None:
            device = self.default.device[0 if kind == "input" else 1]
            if device is None or device < 0:
                device = next((i for i, d in enumerate(self._listed) if d.get(key, 0) > 0), None)
        if isinstance(device, str):
            device = next((i for i, d in enumerate(self._listed) if device in d["name"]), None)
        if device is None or not 0 <= device < len(self._listed):
            return None
        found = self._listed[device]
        return found if found.get(key, 0) > 0 else None

    def _terminate(self):
        if self._opening:
            self.unsafe_terminates += 1
        for stream in self.streams:
            if not stream.closed and not stream.freed:
                stream._free()
                self.killed.append(stream)
        self._listed = []
        self.initialized = False

    def _initialize(self):
        self._listed = [d for d in self._all if d["name"] not in self._unplugged]
        self._stale = set(self._unplugged)
        self.initialized = True
        self.inits.append(time.monotonic())

    def refused(self, message: str) -> PortAudioError:
        """The error of a failed open, noting it when another stream's thread was running."""
        if any(s.running for s in self.streams):
            self.unsafe_failures.append(message)
        return PortAudioError(message)

    @contextmanager
    def opening(self):
        with self._lock:
            self._opening += 1
        try:
            yield
        finally:
            with self._lock:
                self._opening -= 1

    def is_unplugged(self, entry: dict) -> bool:
        return entry["name"] in self._unplugged or entry["name"] in self._stale

    def unplug(self, name: str):
        self._unplugged.add(name)
        self._stale.add(name)

    def plug(self, name: str):
        """Back in; PortAudio only finds it once the list is read again."""
        self._unplugged.discard(name)

    def add_device(self, entry: dict):
        """A device plugged in for the first time: listed after the next ``_initialize``."""
        self._all.append(entry)

    def next_block(self, size: int):
        with self._lock:
            if self._cursor >= self._audio.shape[0]:
                self.drained.set()
                return None
            block = self._audio[self._cursor:self._cursor + size]
            self._cursor += block.shape[0]
            self.delivered += 1
            return block

    # -- streams (the library's class names) --------------------------------------------
    def InputStream(self, **kwargs):  # noqa: N802
        return FakeInputStream(self, **kwargs)

    def OutputStream(self, **kwargs):  # noqa: N802
        return FakeOutputStream(self, **kwargs)

    def open_streams(self) -> list[_FakeStream]:
        return [s for s in self.streams if not s.closed and not s.freed]


# What a PulseAudio sink (or ALSA's "default" through its plug layer) accepts: the usual rates.
USUAL_RATES = (8_000, 11_025, 16_000, 22_050, 24_000, 32_000, 44_100, 48_000, 88_200, 96_000)
SOUND_CARD = {"name": "Built-in Audio Analog Stereo", "max_input_channels": 0,
              "max_output_channels": 2, "default_samplerate": 48_000.0, "rates": USUAL_RATES}


def sound_card(*, rates: tuple[int, ...] = USUAL_RATES, speed: float = 1.0) -> FakeSoundDevice:
    """A machine with one output device (no microphone) playing at real time (``speed`` 1)."""
    return FakeSoundDevice(None, [dict(SOUND_CARD, rates=tuple(rates))], speed=speed)


def no_sound_card() -> FakeSoundDevice:
    """A machine with no sound device: the list is empty and every open fails ("Error
    querying device -1"), as the real library's do where there are no speakers."""
    return FakeSoundDevice(None, [], default_input=-1)
