"""The smart end of turn's worker: a pause began, what was said so far, how long to wait.

The listener must never wait on Whisper (barge-in and the next windows go on), so the quick
transcript runs here, on a thread of its own, one pause at a time: a newer pause replaces a
request not yet started (latest wins), and an answer for a pause that is over is never used.
The decision itself is ``turn_end.pause_after``, pure.
"""
from __future__ import annotations

import logging
import threading
import time
from typing import Callable

import numpy as np

from .turn_end import RULES, pause_after, warm_up

log = logging.getLogger(__name__)

QuickText = Callable[[np.ndarray], "str | None"]


class TurnJudge:
    """``ask`` (listener thread) queues a pause; ``decision`` (listener thread) reads the answer."""

    def __init__(self, quick_text: QuickText) -> None:
        self._quick_text = quick_text
        self._cond = threading.Condition()
        self._request: tuple[int, np.ndarray, float, str, float] | None = None
        self._answer: tuple[int, float] | None = None
        self._closed = False
        self._thread: threading.Thread | None = None
        self._busy = False
        self.last_text = ""            # what the newest decision read (tests, the log)
        self.last_took_s = 0.0         # how long that decision took

    @staticmethod
    def understands(language: str | None) -> bool:
        """Whether pauses in ``language`` (None: English first) can be judged."""
        return (language or "en").split("-")[0].lower() in RULES

    def start(self) -> None:
        """Start the thread now: it loads the lexicons before the first pause is judged."""
        with self._cond:
            self._start()

    def _start(self) -> None:
        if self._thread is None and not self._closed:
            self._thread = threading.Thread(target=self._run, name="conv-turn-end", daemon=True)
            self._thread.start()

    def ask(self, pause: int, audio: np.ndarray, default_s: float, language: str | None,
            went_on_after_s: float = 0.0) -> None:
        """Judge ``pause`` from the turn's ``audio`` so far; ``went_on_after_s``: the
        longest pause in the turn after which the speaker went on."""
        with self._cond:
            if self._closed:
                return
            self._request = (pause, audio, default_s, language or "en", went_on_after_s)
            self._start()
            self._cond.notify()

    def decision(self, pause: int) -> float | None:
        """The pause length decided for ``pause``, once (None: not decided yet, or stale)."""
        answer = self._answer
        if answer is None or answer[0] != pause:
            return None
        self._answer = None
        return answer[1]

    def wait_idle(self, timeout: float) -> bool:
        """Until no pause waits to be judged (a replayed file paced by its judge, tests)."""
        with self._cond:
            return self._cond.wait_for(lambda: self._closed or (self._request is None
                                                                and not self._busy), timeout)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._request = None
            self._cond.notify()

    def _run(self) -> None:
        try:
            warm_up()
        except Exception:  # never stops judging: without a lexicon, a statement has a verb
            log.exception("the end-of-turn word lexicons could not be loaded")
        while True:
            with self._cond:
                while self._request is None and not self._closed:
                    self._cond.wait()
                if self._closed:
                    return
                request, self._request = self._request, None
                self._busy = True
            try:
                self._judge(*request)
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()

    def _judge(self, pause: int, audio: np.ndarray, default_s: float, language: str,
               went_on_after_s: float) -> None:
        started = time.monotonic()
        try:
            text = self._quick_text(audio)
        except Exception:  # a failed guess keeps the configured silence, never stops hearing
            log.exception("the quick transcript for the end of turn failed")
            return
        if text is None:
            return
        seconds = pause_after(text, default_s, language=language, went_on_after_s=went_on_after_s)
        self.last_text, self.last_took_s = text, time.monotonic() - started
        log.debug("pause %d: %r -> %.2f s (%.3f s)", pause, text, seconds, self.last_took_s)
        self._answer = (pause, seconds)
