"""uvicorn's server for ``assistant serve``: the ready line, and our exit on a signal.

On SIGTERM or Ctrl+C the running work is cancelled at once (``Runtime.stop_work``) and its
requests answered 503 ``shutting_down``; uvicorn then waits up to
``timeout_graceful_shutdown`` (5 s) for open requests and ``Runtime.close`` up to 3 s for
the workers, so the process ends within 10 s. SIGHUP reloads the settings it can change
while running (``reload``, given by ``cli/serve.py``) and keeps serving.

Under systemd (``service.py``): ``READY=1`` once the models answer, ``STOPPING=1`` at a
signal, ``RELOADING=1`` around a reload, and watchdog pings only while the event loop turns.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
import threading
import time
from typing import Any, Callable

import uvicorn

from ..service import Watchdog, notify

log = logging.getLogger(__name__)
HEARTBEAT_S = 0.5


class Server(uvicorn.Server):
    """uvicorn's server, saying when it answers and ending on a signal without re-raising it."""

    def __init__(self, config: Any, *, runtime: Any, ready_line: str,
                 reload: Callable[[], str] | None = None) -> None:
        super().__init__(config)
        self.runtime = runtime
        self.ready_line = ready_line
        self.reload = reload
        self.signals: list[int] = []
        self.beat = time.monotonic()
        self.watchdog = Watchdog(self._loop_turns)

    async def startup(self, sockets: Any = None) -> None:
        await super().startup(sockets=sockets)
        if self.started:
            loop = asyncio.get_running_loop()
            self._announcing = loop.create_task(self._announce())
            self._beating = loop.create_task(self._heartbeat())
            self.watchdog.start()

    async def shutdown(self, sockets: Any = None) -> None:
        self.watchdog.stop()
        await super().shutdown(sockets=sockets)

    async def _heartbeat(self) -> None:
        while True:
            self.beat = time.monotonic()
            await asyncio.sleep(HEARTBEAT_S)

    def _loop_turns(self) -> bool:
        """The watchdog's check: the event loop ran its heartbeat lately (a loop stuck in a
        call never answers a request again; systemd restarts it)."""
        allowed = max(4 * HEARTBEAT_S, (self.watchdog.interval_s or 0) / 2)
        return time.monotonic() - self.beat < allowed

    async def _announce(self) -> None:
        loaded = asyncio.Event()
        loop = asyncio.get_running_loop()
        # Not a thread blocked on the loading: a stop during a long load must not wait for it.
        self.runtime.when_ready(lambda: loop.call_soon_threadsafe(loaded.set))
        await loaded.wait()
        for problem in self.runtime.problems:
            print(f"note: {problem}", file=sys.stderr, flush=True)
        print(self.ready_line, flush=True)
        notify("READY=1", f"STATUS={self.ready_line}")

    @contextlib.contextmanager
    def capture_signals(self):
        # uvicorn raises the caught signal again once stopped, which would end us with a
        # signal's status instead of ours (0 for SIGTERM, 130 for Ctrl+C).
        handled = (signal.SIGINT, signal.SIGTERM)
        originals = {sig: signal.signal(sig, self.handle_exit) for sig in handled}
        originals[signal.SIGHUP] = signal.signal(signal.SIGHUP, self.handle_reload)
        try:
            yield
        finally:
            for sig, handler in originals.items():
                signal.signal(sig, handler)

    def handle_reload(self, sig: int, frame: Any) -> None:
        """SIGHUP: the settings read again, on a thread (this handler may have interrupted
        the loop inside a lock the reload needs)."""
        threading.Thread(target=self._reload, name="serve-reload", daemon=True).start()

    def _reload(self) -> None:
        notify("RELOADING=1", f"MONOTONIC_USEC={time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000}")
        try:
            said = self.reload() if self.reload else "Nothing to reload."
        except Exception:    # a reload that fails leaves the running settings as they were
            log.exception("settings reload failed")
            said = "The settings could not be reloaded; the running ones are kept (see the log)."
        print(f"note: {said}", file=sys.stderr, flush=True)
        notify("READY=1", f"STATUS={self.ready_line}")

    def handle_exit(self, sig: int, frame: Any) -> None:
        self.signals.append(sig)
        notify("STOPPING=1")
        self.runtime.admission.closing.set()    # requests from now on: 503
        # Running work is cancelled now, not after uvicorn's wait for open requests (which
        # would wait for that very work); from a thread, as this handler may have interrupted
        # the loop inside a token's lock.
        threading.Thread(target=self.runtime.stop_work, name="serve-stop", daemon=True).start()
        super().handle_exit(sig, frame)
