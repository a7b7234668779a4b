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
from ..storage import (FILE_MODE, failure_hint, failure_words, file_lock, private_dir, set_aside,
                       set_aside_copies, tighten_mode, write_private, write_problem)
from .salvage import readable_rows

log = logging.getLogger(__name__)

DB_NAME = "history.sqlite3"
MEMORY = ":memory:"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS turns (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at  REAL NOT NULL,
    ended_at    REAL NOT NULL,
    question    TEXT NOT NULL,
    transcript  TEXT,
    answer      TEXT NOT NULL,
    engine      TEXT NOT NULL DEFAULT '',
    image_id    TEXT NOT NULL DEFAULT '',
    timings     TEXT NOT NULL DEFAULT '{}',
    thumbnail   BLOB
);
"""
_COLUMNS = ("id", "started_at", "ended_at", "question", "transcript", "answer", "engine",
            "image_id", "timings", "thumbnail")   # id first: it is the rowid
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM turns"
HISTORY_REPAIRED = "history_repaired"   # ErrorEvent code: damaged history set aside at open
_SIDE_FILES = ("-wal", "-shm")          # SQLite's companions of a WAL-mode database


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
            self._db = _prepare(_connect(self.path))
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
            _create_private(self.path)   # SQLite gives its -wal and -shm the same mode
        for file in _with_side_files(self.path):
            tighten_mode(file)           # an older, looser install
        db = _connect(self.path)
        problem = _problem(db)
        if problem is None:
            try:
                return _prepare(db)
            except sqlite3.DatabaseError as exc:
                if not _is_damage(exc):
                    db.close()
                    raise
                problem = str(exc)
        db.close()
        self._repair(problem)
        return _prepare(_connect(self.path))

    def _repair(self, problem: str) -> None:
        """Set the damaged file aside and copy every turn still readable into a fresh one."""
        aside = set_aside(self.path)
        for suffix in _SIDE_FILES:
            side = Path(f"{self.path}{suffix}")
            if side.exists():
                os.replace(side, Path(f"{aside}{suffix}"))   # the WAL holds recent turns too
        try:
            kept = _fill(self.path, readable_rows(aside, "turns", _COLUMNS, _as_row))
        except BaseException:
            # A full disk, say: put the damaged file back, so the next start tries again.
            for file in _with_side_files(self.path):
                file.unlink(missing_ok=True)
            for old, new in zip(_with_side_files(aside), _with_side_files(self.path)):
                if old.exists():
                    os.replace(old, new)
            raise
        log.warning("the chat history %s was damaged (%s); %d turns recovered, the damaged file "
                    "kept as %s", self.path, problem, kept, aside)
        recovered = ("1 turn was recovered" if kept == 1 else f"{kept} turns were recovered"
                     if kept else "nothing in it could be read, so a new history was started")
        event = ErrorEvent(code=HISTORY_REPAIRED, stage="history",
                           message=f"The chat history was damaged; {recovered}. The damaged file "
                                   f"was kept as {aside.name}.")
        self.notices.append(event)
        if self.on_event is not None:
            self.on_event(event)

    @classmethod
    def in_memory(cls) -> "HistoryStore":
        """A history that lives as long as the process: no writable disk needed."""
        return cls(Path(MEMORY))

    @classmethod
    def in_folder(cls, data_dir: Path,
                  on_event: Callable[[Event], None] | None = None) -> "HistoryStore":
        return cls(Path(data_dir) / DB_NAME, on_event=on_event)

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
    disk, someone else's folder); [] when there is none or it cannot be read.

    ``mode=ro`` first (it reads what the WAL holds too); a WAL-mode file whose ``-shm`` cannot
    be made needs ``immutable=1``, which reads the main file as it is."""
    path = Path(data_dir) / DB_NAME
    if not path.is_file():
        return []
    for how in ("mode=ro", "immutable=1"):
        try:
            db = sqlite3.connect(f"{path.resolve().as_uri()}?{how}", uri=True)
        except sqlite3.Error:
            continue
        try:
            rows = db.execute(f"{_SELECT} ORDER BY id").fetchall()
        except sqlite3.Error:
            continue
        finally:
            db.close()
        if limit is not None:
            rows = rows[-limit:] if limit > 0 else []
        return [_row_to_turn(row) for row in rows]
    return []


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


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(str(path), check_same_thread=False,
                           isolation_level=None)  # explicit transactions in add()


def _prepare(db: sqlite3.Connection) -> sqlite3.Connection:
    db.execute("PRAGMA journal_mode=WAL")
    # NORMAL is durable against a process crash in WAL mode; FULL adds an fsync per
    # commit, which only matters for power loss.
    db.execute("PRAGMA synchronous=NORMAL")
    db.executescript(_SCHEMA)
    return db


def _create_private(path: Path) -> None:
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE))


def _fill(path: Path, rows: list[tuple]) -> int:
    """A fresh history at ``path`` holding ``rows``; returns how many went in."""
    _create_private(path)
    db = _prepare(_connect(path))
    kept = 0
    try:
        db.execute("BEGIN IMMEDIATE")
        for row in rows:
            try:
                db.execute(f"INSERT INTO turns ({', '.join(_COLUMNS)}) VALUES "
                           f"({', '.join('?' * len(_COLUMNS))})", row)
                kept += 1
            except sqlite3.IntegrityError:   # a row that read back as garbage (NULL question)
                continue
        db.execute("COMMIT")
    finally:
        db.close()
    return kept


def _with_side_files(path: Path) -> list[Path]:
    return [path, *(Path(f"{path}{suffix}") for suffix in _SIDE_FILES)]


def _is_damage(exc: sqlite3.Error) -> bool:
    """Corrupt or not a database at all; a busy, locked or full database is not damage."""
    name = getattr(exc, "sqlite_errorname", None)
    if name is not None:
        return name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
    return type(exc) is sqlite3.DatabaseError   # Python 3.10: what those two codes raise


def _problem(db: sqlite3.Connection) -> str | None:
    """What is wrong with an opened history (``quick_check``, then our table's shape)."""
    try:
        found = [str(r[0]) for r in db.execute("PRAGMA quick_check").fetchall()]
        columns = {r[1] for r in db.execute("PRAGMA table_info(turns)").fetchall()}
    except sqlite3.DatabaseError as exc:
        if not _is_damage(exc):
            raise
        return str(exc)
    if found != ["ok"]:
        return "; ".join(found[:3])
    if columns and not set(_COLUMNS) <= columns:
        return "its turns table is not the assistant's"
    return None


def _as_row(rowid: int, values: list) -> tuple | None:
    """A recovered record, if it is one of our turns whole (not another table's, not garbled)."""
    if len(values) != len(_COLUMNS) or values[0] not in (None, rowid):   # id is the rowid
        return None
    started, ended, question, transcript, answer, engine, image_id, timings, thumb = values[1:]
    if not (all(isinstance(v, (int, float)) for v in (started, ended))
            and all(isinstance(v, str) for v in (question, answer, engine, image_id, timings))
            and (transcript is None or isinstance(transcript, str))
            and (thumb is None or isinstance(thumb, bytes))):
        return None
    return (rowid, float(started), float(ended), question, transcript, answer, engine, image_id,
            timings, thumb)


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


def _clock(seconds: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(seconds))


def to_markdown(turns: list[StoredTurn]) -> str:
    """A readable transcript of the conversation."""
    lines = ["# Conversation with the assistant", ""]
    if not turns:
        lines.append("_No turns yet._")
    for turn in turns:
        how = "said" if turn.spoken else "typed"
        lines.append(f"## {_clock(turn.started_at)}")
        lines.append("")
        lines.append(f"**You ({how}):** {turn.transcript if turn.spoken else turn.question}")
        lines.append("")
        lines.append(f"**Assistant:** {turn.answer}")
        if turn.timings_ms:
            parts = ", ".join(f"{k} {v:.0f} ms" for k, v in turn.timings_ms.items())
            lines.append("")
            lines.append(f"_{turn.engine}; {parts}_" if turn.engine else f"_{parts}_")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def to_json(turns: list[StoredTurn]) -> str:
    return json.dumps({"turns": [t.to_json() for t in turns]}, ensure_ascii=False, indent=2) + "\n"


def export(store: HistoryStore, path: Path, fmt: str | None = None) -> Path:
    """Write the history to ``path`` as Markdown or JSON (from ``fmt`` or the suffix)."""
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".") or "md").lower()
    if fmt in ("md", "markdown"):
        text = to_markdown(store.turns())
    elif fmt == "json":
        text = to_json(store.turns())
    else:
        raise AssistantError(f"History cannot be exported as '{fmt}'.",
                             hint="Use a file ending in .md or .json.", code="bad_input",
                             stage="input")
    # Atomic and private: a full disk leaves no half export, the transcript is the user's alone.
    return write_private(path, text)
