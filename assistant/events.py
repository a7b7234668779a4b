"""Typed events: everything that crosses a thread is one of these frozen dataclasses.

One ``EventBus`` is the channel; the CLI, the Qt bridge and the tests subscribe to it.
"""
from __future__ import annotations

import dataclasses
import logging
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

log = logging.getLogger(__name__)


@dataclass(frozen=True, kw_only=True)
class Event:
    at: float = field(default_factory=time.monotonic)

    def to_json(self) -> dict[str, Any]:
        """The event as JSON-ready data: its name and fields; fields kept out of ``repr``
        (a camera frame, audio) are left out, numpy numbers become Python numbers."""
        data: dict[str, Any] = {"event": type(self).__name__}
        for f in dataclasses.fields(self):
            if f.repr:
                data[f.name] = _plain(getattr(self, f.name))
        return data


def _plain(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.repr}
    item = getattr(value, "item", None)    # a numpy number
    if callable(item) and getattr(value, "shape", None) == ():
        return item()
    return str(value)


@dataclass(frozen=True, kw_only=True)
class StageStarted(Event):
    stage: str
    detail: str = ""


@dataclass(frozen=True, kw_only=True)
class StageFinished(Event):
    stage: str
    elapsed_ms: float


@dataclass(frozen=True, kw_only=True)
class ModelLoading(Event):
    stage: str
    model: str


@dataclass(frozen=True, kw_only=True)
class ModelLoaded(Event):
    stage: str
    model: str
    device: str
    elapsed_ms: float


@dataclass(frozen=True, kw_only=True)
class ModelUnloaded(Event):
    """An engine was closed and its memory freed because a new setting needed another
    model in its place (``reason`` "replaced")."""

    stage: str
    model: str
    reason: str = "replaced"


@dataclass(frozen=True, kw_only=True)
class Progress(Event):
    """Slow work reports how far it is; ``total`` 0 means unknown."""

    stage: str
    message: str
    done: int = 0
    total: int = 0


@dataclass(frozen=True, kw_only=True)
class SpeechStarted(Event):
    pass


@dataclass(frozen=True, kw_only=True)
class SpeechEnded(Event):
    duration_s: float


@dataclass(frozen=True, kw_only=True)
class Transcript(Event):
    text: str
    language: str
    duration_s: float
    turn_id: int | None = None     # the conversation's turn these words start (voice.events)


@dataclass(frozen=True, kw_only=True)
class Reply(Event):
    question: str
    answer: str
    engine: str
    notices: tuple = ()    # assistant.notices.Notice: beside the answer, never inside it


@dataclass(frozen=True, kw_only=True)
class SpeakingStarted(Event):
    text: str


@dataclass(frozen=True, kw_only=True)
class SpeakingFinished(Event):
    interrupted: bool = False


@dataclass(frozen=True, kw_only=True)
class StageTimings(Event):
    timings_ms: dict[str, float]


@dataclass(frozen=True, kw_only=True)
class ErrorEvent(Event):
    code: str
    message: str
    stage: str


Handler = Callable[[Event], None]


class EventBus:
    """Thread-safe fan-out. A failing handler is logged, never breaks the sender."""

    def __init__(self) -> None:
        self._handlers: list[Handler] = []
        self._lock = threading.Lock()
        self._local = threading.local()     # this thread's diversion, if any

    def subscribe(self, handler: Handler) -> Callable[[], None]:
        with self._lock:
            self._handlers.append(handler)

        def unsubscribe() -> None:
            with self._lock:
                if handler in self._handlers:
                    self._handlers.remove(handler)

        return unsubscribe

    def emit(self, event: Event) -> None:
        divert = getattr(self._local, "to", None)
        if divert is not None:       # called with the diversion off: it may emit here itself
            self._local.to = None
            try:
                divert(event)
            finally:
                self._local.to = divert
            return
        with self._lock:
            handlers = list(self._handlers)
        for handler in handlers:
            try:
                handler(event)
            except Exception:  # a UI or log handler must not stop the pipeline
                log.exception("event handler failed on %s", type(event).__name__)


    @contextmanager
    def diverted(self, to: Handler) -> Iterator[None]:
        """Events this thread emits inside the block go to ``to`` instead of the handlers
        (an answer begun before its turn is certain holds them: voice/speculation.py)."""
        before = getattr(self._local, "to", None)
        self._local.to = to
        try:
            yield
        finally:
            self._local.to = before


class Recorder:
    """Collects events; handy for the CLI's --json output and for tests."""

    def __init__(self, bus: EventBus) -> None:
        self.events: list[Event] = []
        self._lock = threading.Lock()
        self.close = bus.subscribe(self._on_event)

    def _on_event(self, event: Event) -> None:
        with self._lock:
            self.events.append(event)

    def of_type(self, kind: type) -> list:
        with self._lock:
            return [e for e in self.events if isinstance(e, kind)]
