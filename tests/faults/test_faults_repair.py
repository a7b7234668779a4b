"""Fault matrix, repairs that cannot lose data: a damaged history is rebuilt beside itself and
swapped in whole (kill -9 at any moment during the repair), every readable turn is kept
(SQLite's own rows share their row numbers with the first turns), and another program's
database at the history's place is moved away unchanged.
"""
from __future__ import annotations

import hashlib
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from assistant.conversation.store import HistoryStore, StoredTurn

PAGE = 4096


def _history(folder: Path, turns: int) -> Path:
    """A history of ``turns`` turns of about 300 bytes each, closed (no WAL left)."""
    store = HistoryStore.in_folder(folder)
    store.add(StoredTurn(question="question 1", answer="answer 1 " + "x" * 290))
    store.close()
    db = folder / "history.sqlite3"
    raw = sqlite3.connect(str(db))
    raw.executemany("INSERT INTO turns (started_at, ended_at, question, answer) VALUES (?,?,?,?)",
                    [(n, n, f"question {n}", f"answer {n} " + "x" * 290)
                     for n in range(2, turns + 1)])
    raw.commit()
    raw.close()
    return db


def _damage_root(db: Path) -> bytes:
    """Garbage over the turns table's root page: its leaves are reachable only page by page."""
    raw = sqlite3.connect(str(db))
    root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = 'turns'").fetchone()[0]
    raw.close()
    assert root > 1
    with open(db, "r+b") as out:
        out.seek((root - 1) * PAGE)
        out.write(random.Random(root).randbytes(PAGE))
    return db.read_bytes()


def _aside(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("history.sqlite3.corrupt-*")
                  if not p.name.endswith(("-wal", "-shm")))


def test_recovery_keeps_all_60_turns(tmp_path):
    db = _history(tmp_path, 60)
    damaged = _damage_root(db)
    store = HistoryStore(db)
    assert [t.question for t in store.turns()] == [f"question {n}" for n in range(1, 61)]
    assert "60 turns were recovered" in store.notices[0].message
    assert [p.read_bytes() == damaged for p in _aside(tmp_path)] == [True]


def test_recovery_keeps_all_30000_turns(tmp_path):
    db = _history(tmp_path, 30_000)
    _damage_root(db)
    started = time.monotonic()
    store = HistoryStore(db)
    took = time.monotonic() - started
    ids = [t.id for t in store.turns()]
    assert ids == list(range(1, 30_001)), (len(ids), ids[:3])
    assert took < 60, took


_REPAIR_CHILD = """
import sys
from pathlib import Path
from assistant.conversation.store import HistoryStore
print("ready", flush=True)
sys.stdin.readline()
HistoryStore(Path(sys.argv[1])).close()
print("done", flush=True)
"""


def _state(db: Path, work: Path) -> int | None:
    """The turns of the history at ``db`` if it is a valid history now, else None (damaged or
    missing); read from a copy so that looking changes nothing."""
    if not db.exists():
        return None
    look = work / "look.sqlite3"
    shutil.copyfile(db, look)
    raw = sqlite3.connect(str(look))
    try:
        if raw.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return None
        return raw.execute("SELECT count(*) FROM turns").fetchone()[0]
    except sqlite3.DatabaseError:
        return None
    finally:
        raw.close()
        look.unlink()


def test_kill_9_during_repair_never_leaves_a_short_history(tmp_path):
    """Killed anywhere in the repair: the history is the damaged file (repaired next time) or
    the whole new one; never a valid history lacking turns kept only in a set-aside copy."""
    data, work = tmp_path / "data", tmp_path / "work"
    work.mkdir()
    turns = 10_000
    db = _history(data, turns)
    damaged = _damage_root(db)
    child_py = work / "child.py"
    child_py.write_text(_REPAIR_CHILD)

    def one(delay: float | None) -> bool:
        """Repair, killed after ``delay`` seconds (None: to the end); True when it finished."""
        child = subprocess.Popen([sys.executable, str(child_py), str(db)], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready"
        began = time.monotonic()
        child.stdin.write("go\n")
        child.stdin.flush()
        if delay is None:
            child.wait(timeout=120)
            return True
        try:
            child.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGKILL)
            child.wait()
        one.took = time.monotonic() - began
        return child.stdout.read().strip() == "done"

    started = time.monotonic()
    assert one(None)
    whole = time.monotonic() - started
    assert _state(db, work) == turns

    rng = random.Random(7)
    killed = 0
    for _ in range(14):
        for old in set(data.glob("history.sqlite3*")):
            old.unlink()
        db.write_bytes(damaged)
        if not one(rng.uniform(0.0, whole)):
            killed += 1
        found = _state(db, work)
        assert found in (None, turns), found           # damaged as it was, or complete
        if found is None:
            assert db.read_bytes() == damaged
        for copy in _aside(data):
            assert copy.read_bytes() == damaged
        assert one(None)                                # the next start finishes the job
        assert _state(db, work) == turns
        assert not list(data.glob(".history.sqlite3.repair*")), list(data.iterdir())
    assert killed >= 7, killed


def test_another_programs_database_is_moved_away_unchanged(tmp_path):
    db = tmp_path / "history.sqlite3"
    other = sqlite3.connect(str(db))
    other.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    other.executemany("INSERT INTO notes (text) VALUES (?)", [(f"note {n}",) for n in range(50)])
    other.commit()
    other.close()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    store = HistoryStore(db)
    assert store.count() == 0 and "another program's database" in store.notices[0].message
    store.add(StoredTurn(question="q", answer="a"))
    store.close()
    kept = _aside(tmp_path)
    assert len(kept) == 1 and hashlib.sha256(kept[0].read_bytes()).hexdigest() == before
    tables = [r[0] for r in sqlite3.connect(str(kept[0])).execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert tables == ["notes"]


def test_set_aside_copies_go_only_when_old_and_held_by_the_live_history(tmp_path):
    """A damaged copy is kept 30 days, and after that only while it holds a turn the live
    history lacks (before: kept for ever, or deleted with every Clear)."""
    import os

    db = _history(tmp_path, 5)
    old = time.time() - 31 * 86_400
    held = tmp_path / "history.sqlite3.corrupt-20251101T000000Z"     # the live turns, all
    shutil.copy(db, held)
    young = tmp_path / "history.sqlite3.corrupt-20261201T000000Z"    # the same, set aside lately
    shutil.copy(db, young)
    lacking = tmp_path / "history.sqlite3.corrupt-20251001T000000Z"  # a turn the live one lacks
    shutil.copy(db, lacking)
    raw = sqlite3.connect(str(lacking))
    raw.execute("INSERT INTO turns (started_at, ended_at, question, answer) VALUES "
                "(99, 99, 'only here', 'kept')")
    raw.commit()
    raw.close()
    for copy in (held, lacking):
        os.utime(copy, (old, old))
    store = HistoryStore.in_folder(tmp_path)
    try:
        assert store.count() == 5
    finally:
        store.close()
    assert not held.exists()
    assert young.exists() and lacking.exists()
