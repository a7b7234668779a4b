"""Which formats the AudioHub tries when it opens a device, and what each device taught it.

Why it matters which opens may fail: PortAudio 19.6 (Debian 12's libportaudio2)
keeps the result of its ALSA back end's checks in one variable shared by every
thread (``paUtilErr_`` in ``pa_unix_util.h``), and reads it back on each error
path. An open that fails while another stream's callback thread runs can read
that thread's "no error" instead of its own failure: ``Pa_OpenStream`` then
returns success with no stream and writes through the null pointer, and the
process dies (the CI segfault of the unplug test). So a refused format or a
vanished device may only be met while no stream runs.

The hub therefore tries formats a device may refuse only while nothing is open.
While a stream runs (a reply being spoken, the microphone listening) it opens a
device only in the format that device accepted before, else at its default
rate (PortAudio read that rate from the device when it listed it). What a
device accepted and refused is forgotten whenever the device list is re-read.
"""
from __future__ import annotations

import threading
from typing import Callable, TypeVar

Format = tuple[int, int]  # (sample rate, channels)
T = TypeVar("T")
INPUT_RATES = (48_000, 44_100)  # tried after the wanted rate and the device's own


def unique(values: list[int]) -> list[int]:
    return [v for i, v in enumerate(values) if v > 0 and v not in values[:i]]


def input_formats(rate: int, own_rate: int, max_channels: int) -> list[Format]:
    """``rate``, the device's own rate, 48 and 44.1 kHz; mono, then stereo."""
    return [(r, c) for r in unique([rate, own_rate, *INPUT_RATES])
            for c in unique([1, min(2, max_channels)])]


class FormatMemory:
    """Per device: the format it opened in, and the formats it refused before that."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._accepted: dict[tuple[str, str], Format] = {}
        self._refused: set[tuple[str, str, Format]] = set()

    def plan(self, kind: str, name: str, wanted: list[Format], default: Format,
             *, busy: bool) -> list[Format]:
        """The formats to try, in order; while ``busy``, only the one expected to open."""
        with self._lock:
            accepted = self._accepted.get((kind, name))
            if busy:
                return [accepted or default]
            refused = {f for k, n, f in self._refused if (k, n) == (kind, name)}
        return [f for f in wanted if f not in refused]

    def open_first(self, kind: str, name: str, plan: list[Format],
                   open_one: Callable[[Format], T]) -> tuple[T | None, Exception | None]:
        """The first of ``plan`` that ``open_one`` opens, remembered; else (None, last error)."""
        last: Exception | None = None
        for i, fmt in enumerate(plan):
            try:
                opened = open_one(fmt)
            except Exception as exc:  # a refused format, or the device vanished
                last = exc
                continue
            self.opened(kind, name, fmt, plan[:i])
            return opened, None
        return None, last

    def opened(self, kind: str, name: str, fmt: Format, refused: list[Format]) -> None:
        """``fmt`` opened after ``refused`` failed: those were refusals, not a missing device."""
        with self._lock:
            self._accepted[(kind, name)] = fmt
            self._refused.discard((kind, name, fmt))
            self._refused.update((kind, name, f) for f in refused)

    def forget(self) -> None:
        """The device list was read again: devices may have been replaced."""
        with self._lock:
            self._accepted.clear()
            self._refused.clear()
