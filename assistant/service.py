"""Running under a service manager: systemd's notify protocol and its watchdog.

``notify("READY=1")`` and the rest are datagrams to ``$NOTIFY_SOCKET`` (a path, or ``@name``
for Linux's abstract namespace), the whole of ``sd_notify(3)`` that a service needs; outside
systemd (no socket named) every call does nothing. The protocol is one ``sendto`` of
``KEY=VALUE`` lines, so it is written here instead of pulling in ``systemd-python`` (which
builds against libsystemd's headers) for one call.

``Watchdog`` pings ``WATCHDOG=1`` at half the interval systemd asked for (``$WATCHDOG_USEC``,
for this process: ``$WATCHDOG_PID``), and only while ``alive()`` says the service still does
its work, so a hung service is restarted by systemd instead of pinging from a healthy thread
beside a dead one. Nothing here raises: a service manager that went away costs no answer.
"""
from __future__ import annotations

import logging
import os
import socket
import threading
from typing import Callable

log = logging.getLogger(__name__)


def _address() -> str | None:
    path = os.environ.get("NOTIFY_SOCKET", "")
    if not path or path[0] not in "/@":
        return None           # unset, or a vsock address this process has no use for
    return "\0" + path[1:] if path[0] == "@" else path


def notify(*lines: str) -> bool:
    """Send ``lines`` (``"READY=1"``, ``"STATUS=…"``) to systemd; True when sent."""
    address = _address()
    if address is None or not lines:
        return False
    message = "\n".join(line.replace("\n", " ") for line in lines).encode("utf-8")
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.sendto(message, address)
        return True
    except OSError as exc:
        log.debug("service manager not told %r: %s", lines, exc)
        return False


def watchdog_interval_s() -> float | None:
    """How often systemd wants a ping, in seconds, or None when it does not watch us."""
    try:
        usec = int(os.environ.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    pid = os.environ.get("WATCHDOG_PID", "")
    if usec <= 0 or (pid and pid != str(os.getpid())):
        return None
    return usec / 1e6


class Watchdog:
    """Pings systemd's watchdog while ``alive()`` is true; ``stop()`` ends it (idempotent)."""

    def __init__(self, alive: Callable[[], bool] = lambda: True,
                 interval_s: float | None = None) -> None:
        self.alive = alive
        self.interval_s = interval_s if interval_s is not None else watchdog_interval_s()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> "Watchdog":
        if self.interval_s and _address() is not None and self._thread is None:
            self._thread = threading.Thread(target=self._run, name="watchdog", daemon=True)
            self._thread.start()
        return self

    def _run(self) -> None:
        period = max(0.05, self.interval_s / 2)
        while not self._stop.wait(period):
            try:
                healthy = self.alive()
            except Exception:     # a check that fails is a service that is not well
                log.exception("watchdog check failed")
                healthy = False
            if healthy:
                notify("WATCHDOG=1")
            else:
                log.warning("the service stopped answering; systemd's watchdog is no longer fed")

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
