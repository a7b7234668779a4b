"""Bounded admission and the other limits a request meets after the gate.

``Admission`` counts, per kind of work (vision, transcription, speech: each has its own
worker pool, ``runtime.py``), the requests held (running or waiting for a worker):
``workers`` run at once, ``queue`` more may wait, the next of that kind is refused at once
with 429 (``queue_full``) rather than piling up; a long transcription never fills the
chat's queue. A slot is freed only when its work has really ended, so a request that
timed out keeps its slot until its worker stops: the bound holds. While the models load,
and once shutdown began, requests get 503.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

from .errors import ApiError

MB = 1_000_000
# Pictures in one chat request (each decoded within vision.image.MAX_PIXELS, one at a time).
MAX_PICTURES = 16
# Each kind of work has its own pool and queue; the words say which in a 429.
KINDS = {"vision": "picture", "asr": "transcription", "tts": "speech"}


def default_workers() -> int:
    """Requests of one kind answered at once when ``serve.workers`` is 0: one per two cores,
    at least 1."""
    return max(1, (os.cpu_count() or 2) // 2)


def shutting_down() -> ApiError:
    return ApiError(503, "The server is shutting down; try again in a moment.",
                    code="shutting_down", headers={"retry-after": "5"})


class Admission:
    """How many requests of each kind the server holds; ``enter`` refuses beyond
    ``workers + queue`` of that kind."""

    def __init__(self, workers: int, queue: int) -> None:
        self.workers = max(1, workers)
        self.queue = max(0, queue)
        self._held = dict.fromkeys(KINDS, 0)
        self._running = dict.fromkeys(KINDS, 0)   # of those held, on a worker now
        self._lock = threading.Lock()
        self.ready = threading.Event()     # set when the engines have loaded
        self.closing = threading.Event()   # set when shutdown begins

    @property
    def held(self) -> int:
        with self._lock:
            return sum(self._held.values())

    def enter(self, kind: str) -> None:
        """Take a slot of ``kind``, or raise the ApiError that says why not (503 or 429)."""
        if self.closing.is_set():
            raise shutting_down()
        if not self.ready.is_set():
            raise ApiError(503, "The server is still loading its models; try again in a moment.",
                           code="loading", headers={"retry-after": "2"})
        with self._lock:
            if self._held[kind] >= self.workers + self.queue:
                raise ApiError(429, f"The server is busy: {self.workers} {KINDS[kind]} requests "
                                    f"are being answered and {self.queue} are waiting. Try again "
                                    "shortly.", code="queue_full", headers={"retry-after": "1"})
            self._held[kind] += 1

    def leave(self, kind: str) -> None:
        with self._lock:
            self._held[kind] = max(0, self._held[kind] - 1)

    def started(self, kind: str, step: int = 1) -> None:
        """A held request of ``kind`` got its worker (``step`` -1: its work ended)."""
        with self._lock:
            self._running[kind] = max(0, self._running[kind] + step)

    def counts(self) -> dict[str, tuple[int, int]]:
        """Per kind: (running on a worker, waiting for one), for /metrics."""
        with self._lock:
            return {k: (self._running[k], max(0, self._held[k] - self._running[k])) for k in KINDS}


def allowed_file(value: str, folders: list[str] | tuple[str, ...]) -> Path:
    """The file a client named, when it lies inside one of ``folders`` (links resolved).

    Anything else is refused with 403, whether or not it exists, so a client cannot probe
    which files the server's user has.
    """
    raw = value[len("file://"):] if value.startswith("file://") else value
    if not folders:
        raise ApiError(403, "This server does not open files named by clients. Send the "
                            "picture itself (a data: URL), or ask whoever runs the server "
                            "to list its folder in serve.allowed_folders.",
                       code="path_not_allowed", param="image_url")
    try:
        target = Path(raw).expanduser().resolve(strict=False)
        roots = [Path(f).expanduser().resolve(strict=False) for f in folders]
    except (OSError, RuntimeError, ValueError):
        roots, target = [], Path("/")
    if not Path(raw).expanduser().is_absolute() or not any(
            target == root or root in target.parents for root in roots):
        raise ApiError(403, "That file is outside the folders this server may read "
                            "(serve.allowed_folders).", code="path_not_allowed", param="image_url")
    return target


def check_size(size: int, limit_mb: float, what: str, code: str, param: str) -> None:
    if size > limit_mb * MB:
        raise ApiError(413, f"The {what} is {size / MB:.2f} MB; this server takes up to "
                            f"{limit_mb:g} MB.", code=code, param=param)


def check_text(text: str, limit: int, param: str) -> None:
    if len(text) > limit:
        raise ApiError(413, f"The text is {len(text)} characters long; this server takes up "
                            f"to {limit}.", code="text_too_long", param=param)
