"""Chat history of the desktop window, kept in SQLite in the user data folder.

WAL mode and one transaction per finished turn: a crash (even ``kill -9``)
in the middle of a turn loses at most that turn, never the earlier ones.
A database damaged some other way (a bad disk sector, a copy cut short) is found by
``PRAGMA quick_check`` at open: what is readable goes into a fresh file and the damaged
one is kept beside it as ``history.sqlite3.corrupt-<UTC time>``.
No Qt here, so the CLI (``assistant history export``) and the window share it.
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import AssistantError
from ..events import ErrorEvent, Event
from ..storage import (failure_hint, failure_words, file_lock, private_dir, set_aside,
                       set_aside_copies, sync_dir, tighten_mode, write_problem)
from . import history_db as hdb
from .history_export import export, to_json, to_markdown  # noqa: F401 (their home before)
from .salvage import readable_rows

log = logging.getLogger(__name__)

DB_NAME = "history.sqlite3"
# A damaged copy set aside at a repair is kept at least this long, and after it only while
# it holds a turn the live history lacks (``expire_set_aside``, at each open).
SET_ASIDE_KEPT_S = 30 * 86_400.0
MEMORY = ":memory:"
_SELECT = f"SELECT {', '.join(hdb.COLUMNS)} FROM turns"
HISTORY_REPAIRED = "history_repaired"   # ErrorEvent code: damaged history set aside at open


@dataclass(frozen=True)
class StoredTurn:
    """One finished exchange: what was asked (typed or heard), what was answered."""

    question: str
    answer: str
    transcript: str | None = None          # set when the question was spoken
    engine: str = ""
    image_id: str = ""
    timings_ms: dict = field(default_factory=dict)
    thumbnail_jpeg: bytes | None = None    # the frame the question was about, small
    started_at: float = 0.0                # wall-clock seconds
    ended_at: float = 0.0
    id: int | None = None

    @property
    def spoken(self) -> bool:
        return self.transcript is not None

    def to_json(self) -> dict:
        out = asdict(self)
        out.pop("thumbnail_jpeg")
        out["has_thumbnail"] = self.thumbnail_jpeg is not None
        return out


@dataclass(frozen=True, kw_only=True)
class TurnRecorded(Event):
    """A turn ended (and was stored when history is on)."""

    turn: StoredTurn
    turn_id: int | None = None     # the conversation's id of the turn (voice.events)


@dataclass(frozen=True, kw_only=True)
class HistoryRestored(Event):
    turns: tuple[StoredTurn, ...]


@dataclass(frozen=True, kw_only=True)
class HistoryCleared(Event):
    pass


class HistoryStore:
    """SQLite chat history; safe to use from one thread at a time per instance.

    The file and its WAL companions are 0600 in a 0700 folder. When the file was damaged,
    the repair is reported as an ``ErrorEvent`` (code ``history_repaired``) in ``notices``
    and to ``on_event``; only a history that cannot be opened at all raises.
    """

    def __init__(self, path: Path, on_event: Callable[[Event], None] | None = None) -> None:
        self.path = Path(path)
        self.on_event = on_event
        self.notices: list[ErrorEvent] = []
        self._lock = threading.Lock()
        if str(path) == MEMORY:
            self._db = hdb.prepare(hdb.connect(self.path))
            return
        try:
            private_dir(self.path.parent)
            # One process checks and repairs at a time: two must not both set the file aside.
            with file_lock(self.path.with_name(f".{self.path.name}.lock"), best_effort=True):
                self._db = self._open_checked()
        except (sqlite3.Error, OSError) as exc:
            # SQLite says "unable to open database file" for a read-only disk, a folder of
            # someone else's and a missing one alike: a write in the folder tells which.
            why = write_problem(self.path.parent) or exc
            raise AssistantError(f"The chat history at {self.path} could not be opened "
                                 f"({failure_words(why)}).", hint=failure_hint(why) if isinstance(
                                     why, OSError) else "Turn history off in the settings, or "
                                 "move the file away.", code="history_unavailable",
                                 stage="history") from why

    def _open_checked(self) -> sqlite3.Connection:
        if not self.path.exists():
            hdb.create_private(self.path)   # SQLite gives its -wal and -shm the same mode
        db = hdb.connect(self.path)
        problem = hdb.problem(db)
        if problem is None:
            try:
                hdb.prepare(db)
                for file in hdb.with_side_files(self.path):
                    tighten_mode(file)   # an older, looser install (only once known as ours)
                return db
            except sqlite3.DatabaseError as exc:
                if not hdb.is_damage(exc):
                    db.close()
                    raise
                problem = str(exc)
        db.close()
        if problem == hdb.FOREIGN:
            self._set_aside_foreign()
        else:
            self._repair(problem)
        return hdb.prepare(hdb.connect(self.path))

    def _repair(self, problem: str) -> None:
        """Copy every turn still readable into a new file beside the damaged one, then swap it
        in (one rename) and keep the damaged one as ``NAME.corrupt-<time>``.

        Until the rename the damaged file stays where it was: a kill at any moment leaves
        either it (the next start repairs again) or the complete new history, never a valid
        history short of turns that live only in a set-aside copy.
        """
        fresh = self.path.with_name(f".{self.path.name}.repair.tmp")
        for stale in hdb.with_side_files(fresh):     # a repair that was killed: we hold the lock
            stale.unlink(missing_ok=True)
        try:
            kept = hdb.fill(fresh, readable_rows(self.path, "turns", hdb.COLUMNS, hdb.as_row))
            aside = hdb.keep_aside(self.path)
            os.replace(fresh, self.path)
            sync_dir(self.path.parent)
        except BaseException:
            for file in hdb.with_side_files(fresh):   # a full disk, say: the next start tries again
                file.unlink(missing_ok=True)
            raise
        log.warning("the chat history %s was damaged (%s); %d turns recovered, the damaged file "
                    "kept as %s", self.path, problem, kept, aside)
        recovered = ("1 turn was recovered" if kept == 1 else f"{kept} turns were recovered"
                     if kept else "nothing in it could be read, so a new history was started")
        self._notice(f"The chat history was damaged; {recovered}. The damaged file was kept as "
                     f"{aside.name}.")

    def _set_aside_foreign(self) -> None:
        """Another program's database at our place: moved away whole, never written to."""
        aside = set_aside(self.path)
        for suffix in hdb.SIDE_FILES:
            side = Path(f"{self.path}{suffix}")
            if side.exists():
                os.replace(side, Path(f"{aside}{suffix}"))
        sync_dir(self.path.parent)
        log.warning("the file %s is another program's database; moved to %s", self.path, aside)
        self._notice(f"The file where the chat history belongs was another program's "
                     f"database; it was moved, unchanged, to {aside.name} and a new history "
                     "started.")

    def _notice(self, message: str) -> None:
        event = ErrorEvent(code=HISTORY_REPAIRED, stage="history", message=message)
        self.notices.append(event)
        if self.on_event is not None:
            self.on_event(event)

    @classmethod
    def read_only(cls, path: Path) -> "HistoryStore":
        """The history at ``path`` opened for reading only (a read-only home): nothing is
        written, repaired or locked. WAL needs a writable ``-shm``; where it cannot be made the
        file is opened as immutable (no other writer can exist on a read-only disk). A damaged
        file's readable turns are read into memory; a missing one is an empty history."""
        store = cls.in_memory()
        store.path = Path(path)
        try:
            if not store.path.exists():
                return store
            db = hdb.open_read_only(store.path)
        except (sqlite3.Error, OSError) as exc:
            raise AssistantError(f"The chat history at {path} cannot be read "
                                 f"({hdb.words(exc)}).", hint="Check the folder's permissions.",
                                 code="history_unavailable", stage="history") from exc
        if hdb.problem(db) is None and hdb.has_turns(db):
            store._db.close()
            store._db = db
            return store
        db.close()
        rows = readable_rows(store.path, "turns", hdb.COLUMNS, hdb.as_row)
        hdb.insert(store._db, rows)
        return store

    @classmethod
    def in_memory(cls) -> "HistoryStore":
        """A history that lives as long as the process: no writable disk needed."""
        return cls(Path(MEMORY))

    @classmethod
    def in_folder(cls, data_dir: Path,
                  on_event: Callable[[Event], None] | None = None) -> "HistoryStore":
        store = cls(Path(data_dir) / DB_NAME, on_event=on_event)
        store.expire_set_aside()
        return store

    def expire_set_aside(self, max_age_s: float = SET_ASIDE_KEPT_S) -> list[Path]:
        """Damaged copies older than ``max_age_s`` deleted, but only those whose every
        readable turn the live history holds (a repair that finished); the others are kept
        whatever their age. The copies deleted."""
        if str(self.path) == MEMORY:
            return []
        with self._lock:
            live = {(r[0], r[1], r[2]) for r in self._db.execute(
                "SELECT started_at, question, answer FROM turns").fetchall()}
        gone = []
        for copy in set_aside_copies(self.path):
            try:
                if copy.name.endswith(hdb.SIDE_FILES) or time.time() - copy.stat().st_mtime < max_age_s:
                    continue
                rows = readable_rows(copy, "turns", hdb.COLUMNS, hdb.as_row)
                if all((row[1], row[3], row[5]) in live for row in rows):
                    for part in hdb.with_side_files(copy):
                        part.unlink(missing_ok=True)
                    gone.append(copy)
            except (OSError, sqlite3.Error):
                continue             # not readable now: kept, tried again at the next start
        if gone:
            log.info("damaged history copies whose turns the history holds, deleted: %s",
                     ", ".join(p.name for p in gone))
        return gone

    @property
    def journal_mode(self) -> str:
        with self._lock:
            return str(self._db.execute("PRAGMA journal_mode").fetchone()[0])

    def add(self, turn: StoredTurn) -> StoredTurn:
        """Store a finished turn in its own transaction; returns it with its id."""
        now = time.time()
        started, ended = turn.started_at or now, turn.ended_at or now
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                cur = self._db.execute(
                    "INSERT INTO turns (started_at, ended_at, question, transcript, answer, engine,"
                    " image_id, timings, thumbnail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (started, ended, turn.question, turn.transcript, turn.answer, turn.engine,
                     turn.image_id, json.dumps(turn.timings_ms), turn.thumbnail_jpeg))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return StoredTurn(**{**_fields(turn), "started_at": started, "ended_at": ended,
                             "id": int(cur.lastrowid)})

    def turns(self, limit: int | None = None) -> list[StoredTurn]:
        """Oldest first; ``limit`` keeps the newest ones."""
        with self._lock:
            rows = self._db.execute(f"{_SELECT} ORDER BY id").fetchall()
        if limit is not None:
            rows = rows[-limit:] if limit > 0 else []
        return [_row_to_turn(row) for row in rows]

    def count(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM turns").fetchone()[0])

    def clear(self, *, set_aside_too: bool = True) -> None:
        """Every turn gone from the file and the disk. ``set_aside_too``: damaged copies as
        well (the user's Clear history); a kiosk's automatic purge leaves them, since they
        may hold turns the live file lacks (a repair cut short)."""
        with self._lock:
            self._db.execute("DELETE FROM turns")
            # Purged means gone from the disk too (kiosks, shared machines).
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._db.execute("VACUUM")
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")   # VACUUM's pages out of the WAL
            if set_aside_too and str(self.path) != MEMORY:
                for copy in set_aside_copies(self.path):   # damaged copies hold old turns too
                    with contextlib.suppress(OSError):
                        copy.unlink()

    def close(self) -> None:
        with self._lock:
            self._db.close()


def read_only_turns(data_dir: Path, limit: int | None = None) -> list[StoredTurn]:
    """The turns of the history in ``data_dir`` read without writing a byte (a read-only
    disk, someone else's folder; ``HistoryStore.read_only``); [] when there is none or it
    cannot be read."""
    path = Path(data_dir) / DB_NAME
    if not path.is_file():
        return []
    try:
        store = HistoryStore.read_only(path)
    except AssistantError:
        return []
    try:
        return store.turns(limit=limit) if limit is None or limit > 0 else []
    finally:
        store.close()


def purge_folder(data_dir: Path) -> None:
    """Empty the history file in ``data_dir`` (if any), damaged copies left alone: a kiosk
    that keeps no history starts with nothing an earlier run left."""
    if not (Path(data_dir) / DB_NAME).exists():
        return
    store = HistoryStore.in_folder(data_dir)
    try:
        store.clear(set_aside_too=False)
    finally:
        store.close()


def _fields(turn: StoredTurn) -> dict:
    return {f: getattr(turn, f) for f in StoredTurn.__dataclass_fields__}


def _row_to_turn(row: tuple) -> StoredTurn:
    ident, started, ended, question, transcript, answer, engine, image_id, timings, thumb = row
    try:
        timings_ms = json.loads(timings) if timings else {}
    except ValueError:
        timings_ms = {}
    return StoredTurn(question=question, answer=answer, transcript=transcript, engine=engine,
                      image_id=image_id, timings_ms=timings_ms,
                      thumbnail_jpeg=bytes(thumb) if thumb is not None else None,
                      started_at=started, ended_at=ended, id=ident)


