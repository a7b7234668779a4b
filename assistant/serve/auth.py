"""Who may use ``assistant serve``, and how often: tokens, a key file, and two slow-downs.

- **Tokens.** ``serve.token`` / ``ASSISTANT_API_TOKEN`` (one), ``serve.tokens`` (a list:
  one per kiosk) and ``serve.token_file`` (one token per line, ``#`` comments). The key
  file is read again when it changes, so a kiosk's token is revoked by deleting its line,
  with no restart. Every token is compared in constant time.
- **Failed tokens.** After ``FAILURES_ALLOWED`` wrong tokens from one address within a
  minute, that address gets 429 ``too_many_failures`` (``Retry-After``) until the minute
  is over, doubling up to ``MAX_BACKOFF_S`` while it keeps trying: guessing a token at
  3000 a second is no longer possible.
- **Rate.** ``serve.requests_per_minute`` per address (0: no limit), a token bucket: 429
  ``rate_limited`` beyond it.

Memory is bounded: at most ``MAX_ADDRESSES`` addresses are remembered (oldest forgotten).
"""
from __future__ import annotations

import hmac
import logging
import os
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Callable, Iterable

log = logging.getLogger(__name__)

FAILURES_ALLOWED = 10
FAILURE_WINDOW_S = 60.0
MAX_BACKOFF_S = 900.0
MAX_ADDRESSES = 10_000


class Tokens:
    """The tokens a request may carry: fixed ones and those of a key file, re-read on change."""

    def __init__(self, fixed: Iterable[str] = (), file: str | Path | None = None, *,
                 min_chars: int = 1) -> None:
        self.min_chars = min_chars
        self.fixed = [t.strip() for t in fixed if t and t.strip()]
        self.file = Path(file).expanduser() if file else None
        self._stamp: tuple | None = None
        self._from_file: list[str] = []
        self._lock = threading.Lock()

    def all(self) -> list[str]:
        return self.fixed + self._file_tokens()

    def replace(self, fixed: Iterable[str], file: str | Path | None) -> None:
        """New tokens from reloaded settings (SIGHUP): the old ones stop working at once."""
        with self._lock:
            self.fixed = [t.strip() for t in fixed if t and t.strip()]
            self.file = Path(file).expanduser() if file else None
            self._stamp, self._from_file = None, []

    def __bool__(self) -> bool:
        return bool(self.fixed) or self.file is not None

    def matches(self, header: str) -> bool:
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not given.strip():
            return False
        offered = given.strip().encode("utf-8")
        found = False
        for token in self.all():      # every one compared: the time says nothing of which
            found |= hmac.compare_digest(offered, token.encode("utf-8"))
        return found

    def _file_tokens(self) -> list[str]:
        if self.file is None:
            return []
        try:
            st = os.stat(self.file)
            stamp = (st.st_mtime_ns, st.st_size, st.st_ino)
        except OSError:
            return []             # a key file removed: its tokens are revoked
        with self._lock:
            if stamp != self._stamp:
                tokens = read_key_file(self.file)
                self._from_file = [t for t in tokens if len(t) >= self.min_chars]
                if len(self._from_file) < len(tokens):
                    log.warning("%d token(s) in %s are shorter than %d characters and are not "
                                "taken", len(tokens) - len(self._from_file), self.file, self.min_chars)
                self._stamp = stamp
            return list(self._from_file)


def read_key_file(path: Path) -> list[str]:
    """One token per line; blank lines and ``#`` comments skipped; unreadable: none."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        log.warning("the key file %s cannot be read: %s", path, exc)
        return []
    return [line.split("#", 1)[0].strip() for line in text.splitlines()
            if line.split("#", 1)[0].strip()]


class _Addresses:
    """A bounded table of per-address state (oldest forgotten first)."""

    def __init__(self, make: Callable[[], object]) -> None:
        self.make = make
        self.table: OrderedDict[str, object] = OrderedDict()

    def get(self, address: str):
        state = self.table.get(address)
        if state is None:
            state = self.table[address] = self.make()
            while len(self.table) > MAX_ADDRESSES:
                self.table.popitem(last=False)
        else:
            self.table.move_to_end(address)
        return state


class _Failures:
    __slots__ = ("times", "blocked_until", "backoff")

    def __init__(self) -> None:
        self.times: list[float] = []
        self.blocked_until = 0.0
        self.backoff = FAILURE_WINDOW_S


class FailureLimiter:
    """Addresses that keep sending wrong tokens are made to wait."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._table = _Addresses(_Failures)
        self._lock = threading.Lock()

    def wait_s(self, address: str) -> float:
        """Seconds ``address`` must still wait (0: it may try)."""
        with self._lock:
            state = self._table.get(address)
            return max(0.0, state.blocked_until - self.clock())

    def failed(self, address: str) -> None:
        now = self.clock()
        with self._lock:
            state = self._table.get(address)
            state.times = [t for t in state.times if now - t < FAILURE_WINDOW_S] + [now]
            if len(state.times) >= FAILURES_ALLOWED:
                if state.blocked_until > now - FAILURE_WINDOW_S:   # blocked again soon after
                    state.backoff = min(MAX_BACKOFF_S, state.backoff * 2)
                else:
                    state.backoff = FAILURE_WINDOW_S
                state.blocked_until = now + state.backoff
                state.times = []

    def succeeded(self, address: str) -> None:
        with self._lock:
            state = self._table.get(address)
            state.times = []


class _Bucket:
    __slots__ = ("level", "at")

    def __init__(self) -> None:
        self.level = -1.0
        self.at = 0.0


class RateLimiter:
    """At most ``per_minute`` requests a minute per address, in bursts of up to that many."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._table = _Addresses(_Bucket)
        self._lock = threading.Lock()

    def take(self, address: str) -> float:
        """0 when the request may go ahead, else the seconds until it may."""
        if self.per_minute <= 0:
            return 0.0
        now = self.clock()
        rate = self.per_minute / 60.0
        with self._lock:
            bucket = self._table.get(address)
            if bucket.level < 0:
                bucket.level, bucket.at = float(self.per_minute), now
            bucket.level = min(float(self.per_minute), bucket.level + (now - bucket.at) * rate)
            bucket.at = now
            if bucket.level >= 1.0:
                bucket.level -= 1.0
                return 0.0
            return (1.0 - bucket.level) / rate
