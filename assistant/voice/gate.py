"""Turns and engine changes take turns: engines are swapped only between turns.

A settings change that needs another model must not close an engine while a turn still
uses it (generating with it, or speaking with the old voice). The engine's hearing and
answering threads ``enter`` the gate before each turn and ``leave`` after it; ``held``
returns once no turn is in flight and keeps new ones waiting until its block ends. A turn
still running after ``wait_s`` is cancelled (``on_overdue``) rather than waited on forever.
``Latest`` is the answering thread's one-slot mailbox: a newer question replaces one
not yet started.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Any, Callable, Iterator


class TurnGate:
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._held = False
        self._busy = 0

    def enter(self, closing: threading.Event) -> None:
        """Before a turn: waits while the engines are being changed (not once closing)."""
        with self._cond:
            while self._held and not closing.is_set():
                self._cond.wait(0.2)
            self._busy += 1

    def leave(self) -> None:
        with self._cond:
            self._busy -= 1
            self._cond.notify_all()

    @property
    def held(self) -> bool:
        return self._held

    @contextmanager
    def hold(self, wait_s: float, on_overdue: Callable[[], None],
             grace_s: float = 5.0) -> Iterator[None]:
        """No turn in flight inside the block, none started until it ends."""
        with self._cond:
            self._held = True
            idle = self._cond.wait_for(lambda: self._busy == 0, timeout=wait_s)
        try:
            if not idle:
                on_overdue()
                with self._cond:
                    self._cond.wait_for(lambda: self._busy == 0, timeout=grace_s)
            yield
        finally:
            with self._cond:
                self._held = False
                self._cond.notify_all()


class Latest:
    """A one-slot mailbox: a newer question replaces one not yet started."""

    def __init__(self) -> None:
        self._item: Any = None
        self._cond = threading.Condition()

    def put(self, item: Any) -> Any:
        with self._cond:
            old, self._item = self._item, item
            self._cond.notify()
        return old

    def get(self, timeout: float) -> Any:
        with self._cond:
            if self._item is None:
                self._cond.wait(timeout)
            item, self._item = self._item, None
            return item

    def holds_one(self) -> bool:
        with self._cond:
            return self._item is not None
