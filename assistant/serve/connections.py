"""Connection limits for ``assistant serve``: no number of silent sockets locks anyone out.

uvicorn (h11) starts no timer on a new connection, so a socket that never sends a request
is held forever: about 1000 of them used up the file descriptors and every client was
refused until they closed. Here, on uvicorn's own HTTP protocol:

- a **header timeout**: a connection waiting for a request (new, or between two requests)
  that has not sent a whole request head within ``serve.header_timeout_s`` is closed, so a
  slow drip of header bytes holds nothing either (uvicorn's keep-alive timer is cancelled
  by any byte that arrives);
- a **cap** on open connections (``serve.max_connections``, lowered to what the
  descriptor limit allows): beyond it the oldest idle connection is closed to make room,
  so a real client always gets in; when every connection is busy with a request, the new
  one gets a JSON 503 (``too_many_connections``) at once and is closed;
- the soft descriptor limit raised to the hard one at start (``raise_descriptor_limit``).
"""
from __future__ import annotations

import json
import logging
import time
from typing import Any

from .errors import error_body

log = logging.getLogger(__name__)

RESERVED_DESCRIPTORS = 128   # models, logs, the worker pool's files: never given to sockets
MIN_CONNECTIONS = 16


def raise_descriptor_limit() -> int:
    """Raise this process's soft limit on open files to its hard limit; the soft limit now."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = hard if hard != resource.RLIM_INFINITY else max(soft, 65536)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
        except (ValueError, OSError):
            log.info("could not raise the open-file limit from %d", soft)
    return soft if soft != resource.RLIM_INFINITY else 1 << 20


def connection_cap(configured: int, descriptors: int) -> int:
    """The connections held at once: as configured, within what the descriptors allow."""
    return max(MIN_CONNECTIONS, min(configured, descriptors - RESERVED_DESCRIPTORS))


def _refusal() -> bytes:
    body = json.dumps(error_body(503, "The server has too many connections open; try again "
                                      "in a moment.", "too_many_connections")).encode()
    return (b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\n"
            b"retry-after: 1\r\nconnection: close\r\ncontent-length: "
            + str(len(body)).encode() + b"\r\n\r\n" + body)


def guarded_protocol(max_connections: int, header_timeout_s: float) -> type:
    """uvicorn's h11 protocol with the header timeout and the connection cap."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class GuardedH11Protocol(H11Protocol):
        def connection_made(self, transport: Any) -> None:   # type: ignore[override]
            self._header_timer: Any = None
            self._served: Any = None
            self._waiting_since = time.monotonic()
            super().connection_made(transport)
            self._arm()
            if len(self.connections) > max_connections:
                self._make_room()

        def _waiting(self) -> bool:
            """Between requests: no request, or the last one answered."""
            return self.cycle is None or self.cycle.response_complete

        def _arm(self) -> None:
            self._disarm()
            self._waiting_since = time.monotonic()
            self._header_timer = self.loop.call_later(header_timeout_s, self._too_slow)

        def _disarm(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
                self._header_timer = None

        def _too_slow(self) -> None:
            self._header_timer = None
            if self._waiting() and not self.transport.is_closing():
                self.transport.close()

        def handle_events(self) -> None:
            super().handle_events()
            if self.cycle is not None and self.cycle is not self._served \
                    and not self.cycle.response_complete:   # a request began: its head is in
                self._served = self.cycle
                self._disarm()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _make_room(self) -> None:
            idle = [c for c in self.connections if c is not self and isinstance(c, GuardedH11Protocol)
                    and c._waiting() and not c.transport.is_closing()]
            if idle:
                min(idle, key=lambda c: c._waiting_since).transport.close()
                return
            self._disarm()
            self.transport.write(_refusal())
            self.transport.close()

    return GuardedH11Protocol
