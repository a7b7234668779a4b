"""The engine's answering thread: one question at a time, the latest wins.

``post`` replaces a question not started yet and cancels the one in flight (and silences
what is being said before the new question can be taken); ``speculate`` begins a held
answer on a turn not yet certain, only where nothing else is asked or said; ``when_done``
marks the point where everything posted so far is answered and spoken (``drain``). Each
question is answered between the turn gate's ``enter`` and ``leave``, so engines change only
between turns. Errors become events on the question's own emitter; none ends the thread.
"""
from __future__ import annotations

import logging
import threading
from typing import Any, Callable

from ..cancel import Cancelled
from ..errors import AssistantError
from ..events import ErrorEvent, EventBus
from ..memory import trim
from .events import TurnCancelled
from .gate import Latest, TurnGate
from .turn_host import Question

log = logging.getLogger(__name__)


class Answering:
    """``run`` is the thread; the other methods are safe from any thread."""

    def __init__(self, *, speech: Any, bus: EventBus, gate: TurnGate, closing: threading.Event,
                 answer: Callable[[Question], None]) -> None:
        self._speech = speech
        self._bus = bus
        self._gate = gate
        self._closing = closing
        self._answer_one = answer
        self._questions = Latest()
        self._current: Question | None = None
        self._posted = self._finished = 0         # questions posted / answered or dropped
        self._lock = threading.Lock()             # _current and the two counters

    def post(self, question: Question) -> None:
        """Latest wins: a question not started yet is replaced, the one in flight cancelled."""
        if self._closing.is_set():
            return
        # Silence what is being said *before* the question can be taken: once it is queued the
        # answering thread may start its voice at once, and a stop after that would silence
        # the newest answer instead of the ones it replaces.
        self._speech.stop()
        with self._lock:
            self._posted += 1
            # The one in flight, read with the put: once the lock is let go the answering
            # thread may already have taken this new question as its current one.
            current = self._current
            stale = self._questions.put(question)
            if isinstance(stale, Question):
                self._finished += 1
        if current is not None:
            current.token.cancel("newer_question")
        if isinstance(stale, Question):
            stale.emitter(self._bus)(TurnCancelled(question=stale.text, reason="newer_question",
                                                   turn_id=stale.turn_id))

    def speculate(self, question: Question) -> bool:
        """Begin a held answer (``question.hold``) on a turn not yet certain, only when no
        other question is in flight or waiting and nothing is said: nothing is stopped or
        cancelled for a turn that may still be dropped."""
        with self._lock:
            if self._closing.is_set() or self._current is not None or self._speech.speaking \
                    or self._questions.holds_one():
                return False
            self._posted += 1
            self._questions.put(question)
        return True

    def when_done(self, done: threading.Event) -> None:
        """Set ``done`` once every question posted so far is answered and spoken."""
        with self._lock:
            target = self._posted

        def wait() -> None:
            while not self._closing.is_set():
                with self._lock:
                    finished = self._finished >= target
                if finished:
                    self._speech.wait_idle(timeout=60)
                    break
                self._closing.wait(0.05)
            done.set()
        threading.Thread(target=wait, name="conv-drain", daemon=True).start()

    def cancel_current(self, reason: str) -> None:
        with self._lock:
            current = self._current
        if current is not None:
            current.token.cancel(reason)

    def close(self) -> None:
        """Wakes ``run`` (the caller has set ``closing``)."""
        self._questions.put(None)

    def run(self) -> None:
        while not self._closing.is_set():
            question = self._questions.get(timeout=0.2)
            if question is None:
                continue
            self._gate.enter(self._closing)   # not while the engines are being changed
            with self._lock:
                self._current = question
                # Taken just before a newer one was posted (which saw no question in flight).
                superseded = self._questions.holds_one()
            # A held answer's outcome is held (or dropped) with the rest of what it reports.
            emit = question.emitter(self._bus)
            try:
                if superseded:
                    raise Cancelled("newer_question")
                self._answer_one(question)
            except Cancelled as why:
                emit(TurnCancelled(question=question.text, reason=str(why) or "cancelled",
                                   turn_id=question.turn_id))
            except AssistantError as exc:
                emit(ErrorEvent(code=exc.code, message=exc.user_text(), stage=exc.stage))
            except Exception:  # a bug: log it, say so, keep the conversation going
                log.exception("answering failed")
                emit(ErrorEvent(code="internal", stage="vision",
                                message="Something went wrong answering that; the details "
                                        "are in the log."))
            finally:
                with self._lock:
                    self._current = None
                    self._finished += 1
                self._gate.leave()
                trim()           # hand the turn's freed memory back: kiosks run for weeks
