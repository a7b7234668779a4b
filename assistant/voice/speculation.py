"""A turn heard, and answered, before its last pause is over (issue 26: "start before the
end is certain").

Half of the wait after the user's last word used to be the end-of-turn silence, and only
then did speech recognition begin. Now, once a pause in a hands-free turn has run the
segmenter's ``tail_s`` (so the audio is exactly what the turn would hold if it ended there,
sample for sample: the bare recogniser gets the same input), the listener hands the turn out
*tentatively* and the hearing transcribes it while the pause goes on. What the user sees and
hears waits for the verdict:

- the pause ends the turn: ``confirm`` (the segmenter closed the same audio), and the turn
  goes on as any other, its transcript ready sooner;
- the user speaks again first: ``drop``; nothing of it is shown, said or answered, and the
  longer turn that follows is heard as usual.

When the transcript is a question and ready before the verdict (a long pause after a
sentence that sounded unfinished, a slow recogniser, a slow vision model), the answer starts
too, with a ``HeldEvents``: the vision model writes and the first sentence is synthesised,
but what it reports is held and the voice waits at the gate; on ``confirm`` the transcript
is shown, then the held events, and the first sentence sounds at once; on ``drop`` all of
it is forgotten (no sound, no history, no session entry).

``Tentative`` is that verdict, set by the listener thread and awaited by the hearing thread.
"""
from __future__ import annotations

import dataclasses
import threading
import time
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from ..events import EventBus

# The listener decides within a pause of at most a few seconds; past this the engine is
# stuck or closing, and the turn is dropped rather than waited on for ever.
VERDICT_LIMIT_S = 30.0


class Tentative:
    """Whether a turn handed out during its pause was the whole turn."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self.ended_at: float | None = None     # monotonic: when the pause ended the turn
        self.dropped = False

    def confirm(self, at: float) -> None:
        with self._cond:
            if not self.dropped:
                self.ended_at = at
            self._cond.notify_all()

    def drop(self) -> None:
        with self._cond:
            if self.ended_at is None:
                self.dropped = True
            self._cond.notify_all()

    @property
    def settled(self) -> bool:
        return self.dropped or self.ended_at is not None

    def wait(self, closing: threading.Event | None = None,
             limit_s: float = VERDICT_LIMIT_S) -> float | None:
        """When the turn ended, or None (dropped, closing, or no verdict in ``limit_s``)."""
        deadline = time.monotonic() + limit_s
        with self._cond:
            while not self.settled and time.monotonic() < deadline:
                if closing is not None and closing.is_set():
                    break
                self._cond.wait(0.1)
            return None if self.dropped else self.ended_at


class HeldEvents:
    """What an answer begun on a tentative turn reports, kept back until the verdict.

    The answering thread emits into it (``EventBus.diverted``): while the turn is tentative
    every event is held, in order; ``release`` (the pause ended the turn, and its transcript
    was shown) sends them and lets later ones through at once; ``drop`` (the user went on)
    forgets them and every later one, so nothing of that answer is shown or recorded.
    ``released`` is also the voice's gate: no sound before the turn is final.
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()       # one at a time, so the order is kept
        self._held: list[tuple[Any, "EventBus"]] = []
        self.dropped = False
        self.released = threading.Event()    # set by release or drop: the verdict is in
        self.released_at: float | None = None   # monotonic

    def to(self, bus: "EventBus") -> Callable[[Any], None]:
        """An emitter for ``bus``'s diversion: held now, sent to ``bus`` once released."""
        return lambda event: self.emit(event, bus)

    def emit(self, event: Any, bus: "EventBus") -> None:
        with self._lock:
            if self.dropped:
                return
            if not self.released.is_set():
                self._held.append((event, bus))
                return
            bus.emit(event)

    def release(self) -> None:
        with self._lock:
            if self.dropped or self.released.is_set():
                return
            self.released_at = time.monotonic()
            self.released.set()
            held, self._held = self._held, []
            for event, bus in held:     # stamped as sent: the channel stays in time order
                bus.emit(dataclasses.replace(event, at=self.released_at)
                         if dataclasses.is_dataclass(event) and hasattr(event, "at") else event)

    def drop(self) -> None:
        with self._lock:
            if self.released.is_set():
                return
            self.dropped = True
            self._held = []
            self.released.set()

    def wait(self, alive: Callable[[], bool], limit_s: float = VERDICT_LIMIT_S) -> bool:
        """True once released; False when dropped, when ``alive()`` turns False (stopped,
        closing) or after ``limit_s``."""
        deadline = time.monotonic() + limit_s
        while alive() and time.monotonic() < deadline:
            if self.released.wait(0.02):
                return not self.dropped
        return False
