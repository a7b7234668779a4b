"""The history's SQLite file itself, below ``HistoryStore``: its schema, opening it (WAL,
read-only for an export from a read-only home), filling a new one during a repair, keeping a
damaged one aside, telling damage from a busy disk, and which recovered records are turns."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..storage import FILE_MODE, set_aside

SCHEMA = """
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
COLUMNS = ("id", "started_at", "ended_at", "question", "transcript", "answer", "engine",
            "image_id", "timings", "thumbnail")   # id first: it is the rowid
SIDE_FILES = ("-wal", "-shm")          # SQLite's companions of a WAL-mode database
FOREIGN = "another program's database"


def connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(str(path), check_same_thread=False,
                           isolation_level=None)  # explicit transactions in add()


def prepare(db: sqlite3.Connection) -> sqlite3.Connection:
    db.execute("PRAGMA journal_mode=WAL")
    # NORMAL is durable against a process crash in WAL mode; FULL adds an fsync per
    # commit, which only matters for power loss.
    db.execute("PRAGMA synchronous=NORMAL")
    db.executescript(SCHEMA)
    return db


def create_private(path: Path) -> None:
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE))


def fill(path: Path, rows: list[tuple]) -> int:
    """A new history at ``path`` holding ``rows``, on the disk when this returns; how many
    went in."""
    create_private(path)
    db = connect(path)
    try:
        db.execute("PRAGMA journal_mode=DELETE")   # one file to rename; WAL once it is in use
        db.execute("PRAGMA synchronous=FULL")
        db.executescript(SCHEMA)
        return insert(db, rows)
    finally:
        db.close()


def keep_aside(path: Path) -> Path:
    """The damaged file (and its WAL) kept under ``NAME.corrupt-<time>`` while it also stays
    at ``path`` (hard links), then its WAL taken from beside ``path`` (it would be replayed
    into the new file)."""
    aside = set_aside(path, keep=True)
    for suffix in SIDE_FILES:
        side = Path(f"{path}{suffix}")
        if side.exists():
            os.link(side, Path(f"{aside}{suffix}"))
            side.unlink()
    return aside


def open_read_only(path: Path) -> sqlite3.Connection:
    for flags in ("mode=ro", "mode=ro&immutable=1"):
        db = sqlite3.connect(f"{path.absolute().as_uri()}?{flags}", uri=True,
                             check_same_thread=False, isolation_level=None)
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return db
        except sqlite3.OperationalError:   # "unable to open database file": no -shm possible
            db.close()
            if "immutable" in flags:
                raise
    raise AssertionError("unreachable")


def has_turns(db: sqlite3.Connection) -> bool:
    return bool(db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'turns'")
                .fetchone())


def words(exc: BaseException) -> str:
    from ..storage import failure_words

    return failure_words(exc) if isinstance(exc, OSError) else str(exc)


def insert(db: sqlite3.Connection, rows: list[tuple]) -> int:
    kept = 0
    db.execute("BEGIN IMMEDIATE")
    for row in rows:
        try:
            db.execute(f"INSERT INTO turns ({', '.join(COLUMNS)}) VALUES "
                       f"({', '.join('?' * len(COLUMNS))})", row)
            kept += 1
        except sqlite3.IntegrityError:   # a row that read back as garbage (NULL question)
            continue
    db.execute("COMMIT")
    return kept


def with_side_files(path: Path) -> list[Path]:
    return [path, *(Path(f"{path}{suffix}") for suffix in SIDE_FILES)]


def is_damage(exc: sqlite3.Error) -> bool:
    """Corrupt or not a database at all; a busy, locked or full database is not damage."""
    name = getattr(exc, "sqlite_errorname", None)
    if name is not None:
        return name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
    return type(exc) is sqlite3.DatabaseError   # Python 3.10: what those two codes raise


def problem(db: sqlite3.Connection) -> str | None:
    """What is wrong with an opened history (``quick_check``, then our table's shape)."""
    try:
        found = [str(r[0]) for r in db.execute("PRAGMA quick_check").fetchall()]
        columns = {r[1] for r in db.execute("PRAGMA table_info(turns)").fetchall()}
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            raise
        return str(exc)
    if found != ["ok"]:
        return "; ".join(found[:3])[:300]
    try:
        tables = {str(r[0]) for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()}
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            raise
        return str(exc)
    if tables - {"turns", "sqlite_sequence"} or (columns and not set(COLUMNS) <= columns):
        return FOREIGN
    return None


def as_row(rowid: int, values: list) -> tuple | None:
    """A recovered record, if it is one of our turns whole (not another table's, not garbled)."""
    if len(values) != len(COLUMNS) or values[0] not in (None, rowid):   # id is the rowid
        return None
    started, ended, question, transcript, answer, engine, image_id, timings, thumb = values[1:]
    if not (all(isinstance(v, (int, float)) for v in (started, ended))
            and all(isinstance(v, str) for v in (question, answer, engine, image_id, timings))
            and (transcript is None or isinstance(transcript, str))
            and (thumb is None or isinstance(thumb, bytes))):
        return None
    return (rowid, float(started), float(ended), question, transcript, answer, engine, image_id,
            timings, thumb)
