"""uvicorn's server for ``assistant serve``: the ready line, and our exit on a signal.

On SIGTERM or Ctrl+C the running work is cancelled at once (``Runtime.stop_work``) and its
requests answered 503 ``shutting_down``; uvicorn then waits up to
``timeout_graceful_shutdown`` (5 s) for open requests and ``Runtime.close`` up to 3 s for
the workers, so the process ends within 10 s.
"""
from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
import threading
from typing import Any

import uvicorn


class Server(uvicorn.Server):
    """uvicorn's server, saying when it answers and ending on a signal without re-raising it."""

    def __init__(self, config: Any, *, runtime: Any, ready_line: str) -> None:
        super().__init__(config)
        self.runtime = runtime
        self.ready_line = ready_line
        self.signals: list[int] = []

    async def startup(self, sockets: Any = None) -> None:
        await super().startup(sockets=sockets)
        if self.started:
            self._announcing = asyncio.get_running_loop().create_task(self._announce())

    async def _announce(self) -> None:
        loaded = asyncio.Event()
        loop = asyncio.get_running_loop()
        # Not a thread blocked on the loading: a stop during a long load must not wait for it.
        self.runtime.when_ready(lambda: loop.call_soon_threadsafe(loaded.set))
        await loaded.wait()
        for problem in self.runtime.problems:
            print(f"note: {problem}", file=sys.stderr, flush=True)
        print(self.ready_line, flush=True)

    @contextlib.contextmanager
    def capture_signals(self):
        # uvicorn raises the caught signal again once stopped, which would end us with a
        # signal's status instead of ours (0 for SIGTERM, 130 for Ctrl+C).
        handled = (signal.SIGINT, signal.SIGTERM)
        originals = {sig: signal.signal(sig, self.handle_exit) for sig in handled}
        try:
            yield
        finally:
            for sig, handler in originals.items():
                signal.signal(sig, handler)

    def handle_exit(self, sig: int, frame: Any) -> None:
        self.signals.append(sig)
        self.runtime.admission.closing.set()    # requests from now on: 503
        # Running work is cancelled now, not after uvicorn's wait for open requests (which
        # would wait for that very work); from a thread, as this handler may have interrupted
        # the loop inside a token's lock.
        threading.Thread(target=self.runtime.stop_work, name="serve-stop", daemon=True).start()
        super().handle_exit(sig, frame)
