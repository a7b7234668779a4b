"""A turn heard before its last pause is over (issue 26: "start before the end is certain").

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

``Tentative`` is that verdict, set by the listener thread and awaited by the hearing thread.
"""
from __future__ import annotations

import threading
import time

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
