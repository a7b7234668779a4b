"""Chat history of the desktop window, kept in SQLite in the user data folder.

WAL mode and one transaction per finished turn: a crash (even ``kill -9``)
in the middle of a turn loses at most that turn, never the earlier ones.
No Qt here, so the CLI (``assistant history export``) and the window share it.
"""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import AssistantError
from ..events import Event

DB_NAME = "history.sqlite3"
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


@dataclass(frozen=True, kw_only=True)
class HistoryRestored(Event):
    turns: tuple[StoredTurn, ...]


@dataclass(frozen=True, kw_only=True)
class HistoryCleared(Event):
    pass


class HistoryStore:
    """SQLite chat history; safe to use from one thread at a time per instance."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(self.path), check_same_thread=False,
                                       isolation_level=None)  # explicit transactions below
            self._db.execute("PRAGMA journal_mode=WAL")
            # NORMAL is durable against a process crash in WAL mode; FULL adds an fsync per
            # commit, which only matters for power loss.
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
        except sqlite3.Error as exc:
            raise AssistantError(f"The chat history at {self.path} could not be opened ({exc}).",
                                 hint="Delete the file to start a fresh history, or turn history "
                                      "off in the settings.", code="history_unavailable",
                                 stage="history") from exc

    @classmethod
    def in_folder(cls, data_dir: Path) -> "HistoryStore":
        return cls(Path(data_dir) / DB_NAME)

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
        query = ("SELECT id, started_at, ended_at, question, transcript, answer, engine, image_id,"
                 " timings, thumbnail FROM turns ORDER BY id")
        with self._lock:
            rows = self._db.execute(query).fetchall()
        if limit is not None:
            rows = rows[-limit:] if limit > 0 else []
        return [_row_to_turn(row) for row in rows]

    def count(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM turns").fetchone()[0])

    def clear(self) -> None:
        with self._lock:
            self._db.execute("DELETE FROM turns")
            # Purged means gone from the disk too (kiosks, shared machines).
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._db.execute("VACUUM")

    def close(self) -> None:
        with self._lock:
            self._db.close()


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
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
