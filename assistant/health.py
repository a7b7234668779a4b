"""The quick self-test of a long-running front end (the window, the kiosk, ``serve``): at start
and then every ``every_s`` (a day), on the engines already loaded, never second copies.

``HealthMonitor`` runs ``selftest.audit_files`` (every model file hashed in full; the joined
Whisper base rebuilt if damaged) and ``selftest.run`` on the loaded engines, between turns
(``hold``: the window's ``ConversationEngine.held``, ``serve``'s engine locks), on its own
thread, and reports each result as a ``SelfTestDone`` event. The first audit can be made
before the engines load (``files``), so a rebuilt model is the one loaded.
"""
from __future__ import annotations

import contextlib
import logging
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, ContextManager

from .events import Event

log = logging.getLogger(__name__)

DAY_S = 24 * 3600.0


@dataclass(frozen=True, kw_only=True)
class SelfTestDone(Event):
    """One self-test's result: each part's ``selftest.Check``, and the sentence that says it."""

    checks: tuple = ()
    passed: bool = True
    sentence: str = "Everything works."
    elapsed_ms: float = 0.0

    def failed(self) -> tuple[str, ...]:
        return tuple(c.part for c in self.checks if c.status == "failed")

    def to_json(self) -> dict[str, Any]:
        return {"passed": self.passed, "sentence": self.sentence,
                "elapsed_ms": round(self.elapsed_ms, 1),
                "parts": {c.part: c.to_json() for c in self.checks}}


def audit_files(config: Any) -> dict | None:
    """Every model file the settings use hashed (``selftest.audit_files``), before the engines
    load, so a rebuilt model is the one loaded; None when that itself failed (the self-test
    hashes again and says what broke)."""
    from . import selftest

    try:
        return selftest.audit_files(config)
    except Exception:  # noqa: BLE001
        log.exception("the model files could not be checked")
        return None


def quick(config: Any, engines: Any, *, files: dict | None = None,
          hold: Callable[[], ContextManager] = contextlib.nullcontext) -> SelfTestDone:
    """Files hashed (unless ``files`` were), then each loaded engine run on the samples."""
    from . import selftest

    started = time.perf_counter()
    if files is None:
        files = selftest.audit_files(config)
    with hold():
        checks = selftest.run(config, engines=engines, files=files, devices=False)
    done = SelfTestDone(checks=tuple(checks), passed=selftest.passed(checks),
                        sentence=selftest.sentence(checks),
                        elapsed_ms=(time.perf_counter() - started) * 1000.0)
    (log.info if done.passed else log.warning)("self-test (%.1f s): %s",
                                               done.elapsed_ms / 1000, done.sentence)
    return done


class HealthMonitor:
    """The quick self-test now and every ``every_s`` on a thread of its own; ``last`` keeps it."""

    def __init__(self, config: Any, engines: Callable[[], Any], report: Callable[[SelfTestDone], None],
                 *, hold: Callable[[], ContextManager] = contextlib.nullcontext,
                 every_s: float = DAY_S, files: dict | None = None) -> None:
        self._config, self._engines, self._report = config, engines, report
        self._hold, self._every_s, self._files = hold, every_s, files
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.last: SelfTestDone | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="self-test", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        files, self._files = self._files, None
        while not self._stop.is_set():
            try:
                self.last = quick(self._config, self._engines(), files=files, hold=self._hold)
            except Exception:  # noqa: BLE001 - the check of health must not end the program
                log.exception("the self-test itself failed")
            else:
                if not self._stop.is_set():
                    self._report(self.last)
            files = None
            self._stop.wait(self._every_s)   # the schedule; stop() ends the wait at once

    def stop(self, wait_s: float = 15.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(wait_s)
