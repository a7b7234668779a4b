"""Keeps the window alive on PySide6 builds that drop references to ``None``.

PySide6 6.12.0 on CPython 3.11 releases one reference to ``None`` on every call of a Qt
method that returns nothing (``setText``, ``setAccessibleName``, ``addItem``...), a
reference it never took. ``None`` then runs out of references after a few thousand such
calls and Python aborts with "deallocating None" (a restored history of 200 turns was
enough). CPython 3.12 made ``None`` immortal, so only older Pythons need this: the guard
measures the leak once and, where it exists, keeps ``None``'s count far from zero.
"""
from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

HEADROOM = 1 << 30          # about a billion leaking calls before the next top-up
CHECK_MS = 60_000

_timer = None


def leaks() -> bool:
    """True when a Qt call returning nothing takes a reference to None away."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(10):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 5


def top_up() -> None:
    if sys.getrefcount(None) < HEADROOM // 2:
        ctypes.c_ssize_t.from_address(id(None)).value += HEADROOM


def install(app=None) -> bool:
    """Guard this process (once); ``app`` parents the timer that keeps topping it up."""
    global _timer
    if sys.version_info >= (3, 12) or _timer is not None or not leaks():
        return False
    from PySide6.QtCore import QTimer

    log.info("this PySide6 drops references to None; guarding against it")
    top_up()
    _timer = QTimer(app)
    _timer.setInterval(CHECK_MS)
    _timer.timeout.connect(top_up)
    _timer.start()
    return True
