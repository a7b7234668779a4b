"""Keeping a long-running process's memory flat (kiosks run for weeks).

glibc gives each thread that allocates its own malloc arena (up to 8 per core), and freed
memory in an arena is rarely returned to the system: a conversation's threads allocate
audio, text and tensors of every size, and the resident size creeps up by tens of MB an
hour without any Python object being kept. ``limit_arenas()`` (once, at start, before the
threads exist) caps the arenas; ``trim()`` (after each turn) hands freed pages back. Both do
nothing where glibc is not the allocator.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys

log = logging.getLogger(__name__)

M_ARENA_MAX = -8          # mallopt parameter number in glibc's malloc.h
ARENAS = 2


def _libc():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


def limit_arenas(count: int = ARENAS) -> bool:
    libc = _libc()
    if libc is None:
        return False
    ok = bool(libc.mallopt(ctypes.c_int(M_ARENA_MAX), ctypes.c_int(count)))
    log.debug("malloc arenas limited to %d: %s", count, ok)
    return ok


def trim() -> None:
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(ctypes.c_size_t(0))
