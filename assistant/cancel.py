"""A cancellation token per turn, carried through ASR, generation and speech.

A newer question, a barge-in, "stop", or closing the app cancels the turn in flight:
every stage checks its token between units of work (a Whisper segment, a generated
token, a synthesised sentence) and gives up with ``Cancelled``, which is not an error
and is never shown to the user. Thread-safe; cancelling twice is harmless.
"""
from __future__ import annotations

import threading
from typing import Callable


class Cancelled(Exception):
    """The work was cancelled on purpose; callers drop its result quietly."""


class CancelToken:
    def __init__(self, reason: str = "") -> None:
        self._event = threading.Event()
        self._callbacks: list[Callable[[], None]] = []
        self._lock = threading.Lock()
        self.reason = reason

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self, reason: str = "") -> None:
        with self._lock:
            if self._event.is_set():
                return
            self.reason = reason or self.reason
            self._event.set()
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            try:
                callback()
            except Exception:  # a stage's clean-up must not stop the others'
                import logging

                logging.getLogger(__name__).exception("cancel callback failed")

    def on_cancel(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` when cancelled (at once if it already is)."""
        with self._lock:
            if not self._event.is_set():
                self._callbacks.append(callback)
                return
        callback()

    def check(self) -> None:
        """Raise ``Cancelled`` if this turn was cancelled."""
        if self._event.is_set():
            raise Cancelled(self.reason)

    def wait(self, timeout: float) -> bool:
        """Sleep up to ``timeout`` seconds, waking at once on cancel; True when cancelled."""
        return self._event.wait(timeout)


class _Never(CancelToken):
    def cancel(self, reason: str = "") -> None:   # shared: nobody may cancel it
        pass


NEVER: CancelToken = _Never("never")   # for callers without a turn
