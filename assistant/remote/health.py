"""A server's health, shared by every engine of a process and, for a while, by the next ones.

A kiosk runs ``assistant ask`` once per question: each run is a new process, and each of
its engines (vision, speech recognition, speech) used to find out on its own, waiting out
``timeout_s`` and the retries each time, that the server was dead. Here instead:

* the first engine to need the server asks it one cheap question (``GET /v1/models``,
  no retries) under ``connect_timeout_s``; the other engines wait for that answer rather
  than ask again. A live server answers it in milliseconds, whatever its model is doing;
* a server that failed (the probe, or a real request) rests for ``recheck_after_s``: no
  engine asks it meanwhile, then the next one probes it again;
* the rest is also written to a small file in the cache folder, so the next process knows
  at once. The file only saves time: a damaged one is set aside and ignored, one that cannot
  be written (a read-only disk) is skipped, and nothing waits for it.

Only failures of the server itself are shared (unreachable, a refused key); a request the
server rejected (a wrong model name, say) concerns the engine that sent it.
"""
from __future__ import annotations

import json
import logging
import threading
import time
from pathlib import Path
from typing import Callable

from ..storage import file_lock, set_aside, write_private

log = logging.getLogger(__name__)

FILE_NAME = "remote-health.json"
SHARED_KINDS = ("unreachable", "refused_key")   # what says the server is unusable for all
_VERSION = 1

# A probe: None when the server answered, else the kind of failure (``link.classify``).
Probe = Callable[[], "str | None"]


class HealthFile:
    """``{server: {"down_until": epoch seconds, "kind": ...}}`` in the cache folder."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def read(self, server: str) -> tuple[float, str] | None:
        """When ``server`` was said to rest until, and why; None when nothing (usable) is there."""
        entry = self._entries().get(server)
        if not isinstance(entry, dict):
            return None
        until, kind = entry.get("down_until"), entry.get("kind")
        if not isinstance(until, (int, float)) or kind not in SHARED_KINDS:
            return None
        return float(until), str(kind)

    def write(self, server: str, entry: dict | None) -> None:
        """Set (or, with None, remove) ``server``'s entry; a file that cannot be written is skipped."""
        try:
            with file_lock(self.path.with_name(f".{self.path.name}.lock"), best_effort=True):
                entries = self._entries()
                now = time.time()
                # Entries long past are dropped, so the file stays a few lines.
                entries = {k: v for k, v in entries.items()
                           if isinstance(v, dict) and isinstance(v.get("down_until"), (int, float))
                           and v["down_until"] > now}
                if entry is None:
                    if server not in entries and not self.path.exists():
                        return
                    entries.pop(server, None)
                else:
                    entries[server] = entry
                write_private(self.path, json.dumps({"version": _VERSION, "servers": entries},
                                                    indent=1, sort_keys=True))
        except OSError as exc:   # a read-only or full disk: the next process probes, that's all
            log.info("the remote server's health could not be kept in %s: %s", self.path, exc)

    def _entries(self) -> dict:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            log.info("the remote server's health could not be read from %s: %s", self.path, exc)
            return {}
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict) or not isinstance(data.get("servers"), dict):
                raise ValueError("not a health file")
            return dict(data["servers"])
        except (ValueError, UnicodeError):
            self._set_aside()
            return {}

    def _set_aside(self) -> None:
        try:
            aside = set_aside(self.path)
            log.warning("the remote server's health file was damaged; set aside as %s", aside)
        except OSError as exc:   # read-only: ignored where it is, never trusted
            log.info("a damaged %s could not be set aside: %s", self.path, exc)


class ServerHealth:
    """One server (and API key) as this process knows it; every engine using it shares this."""

    def __init__(self, server: str, *, recheck_after_s: float, store: HealthFile | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 wall: Callable[[], float] = time.time) -> None:
        self.server = server
        self.recheck_after_s = recheck_after_s
        self.store = store
        self._clock = clock
        self._wall = wall
        self._lock = threading.Lock()
        self._down_until = 0.0       # on ``clock``
        self._kind = ""
        self._answered = False       # the server answered in this process, no failure since

    def check(self, probe: Probe) -> tuple[str | None, bool]:
        """(None when the server may be asked now, else why not: a failure's kind; whether
        it was probed just now).

        Resting: the kind at once. Not known in this process yet, or its rest is over: the
        file (another process's failure), else ``probe`` once, the other engines waiting for it.
        """
        with self._lock:
            if self._clock() < self._down_until:
                return self._kind, False
            if self._answered:
                return None, False
            remembered = self.store.read(self.server) if self.store is not None else None
            if remembered is not None:
                left = min(remembered[0] - self._wall(), self.recheck_after_s)
                if left > 0:
                    self._down_until, self._kind = self._clock() + left, remembered[1]
                    log.info("the server %s failed %.0f s ago in another run (%s): not asked "
                             "for %.0f s", self.server, self.recheck_after_s - left,
                             remembered[1], left)
                    return self._kind, False
            kind = probe()
            if kind is not None:
                self._rest(kind)
                return kind, True
            self._answered = True
            if remembered is not None or self._kind:
                self._kind = ""
                self._forget()
            return None, True

    def failed(self, kind: str) -> None:
        """A real request failed this way: every engine leaves the server alone for a while."""
        with self._lock:
            self._rest(kind)

    def succeeded(self) -> None:
        with self._lock:
            was_down = bool(self._kind)
            self._answered, self._down_until, self._kind = True, 0.0, ""
        if was_down:
            self._forget()

    def _rest(self, kind: str) -> None:
        self._answered = False
        self._down_until, self._kind = self._clock() + self.recheck_after_s, kind
        if self.store is not None:
            self.store.write(self.server, {"down_until": self._wall() + self.recheck_after_s,
                                           "kind": kind})

    def _forget(self) -> None:
        if self.store is not None:
            self.store.write(self.server, None)


_SHARED: dict[tuple, ServerHealth] = {}
_SHARED_LOCK = threading.Lock()


def shared_health(server: str, recheck_after_s: float, cache_dir: Path | None) -> ServerHealth:
    """This process's ``ServerHealth`` for ``server`` (one per server and cache folder)."""
    path = Path(cache_dir) / FILE_NAME if cache_dir is not None else None
    with _SHARED_LOCK:
        health = _SHARED.get((server, path))
        if health is None or health.recheck_after_s != recheck_after_s:
            health = ServerHealth(server, recheck_after_s=recheck_after_s,
                                  store=HealthFile(path) if path is not None else None)
            _SHARED[(server, path)] = health
        return health
