"""The SQLite chat history: round trip, WAL, clear, export, and kill -9 in the middle of a turn."""
from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from assistant.conversation.store import HistoryStore, StoredTurn, export, to_markdown

ROOT = Path(__file__).resolve().parents[2]


def test_store_round_trip_in_wal_mode(tmp_path):
    store = HistoryStore.in_folder(tmp_path)
    assert store.journal_mode == "wal"
    first = store.add(StoredTurn(question="What does the sign say?", answer="It says exit.",
                                 timings_ms={"vision": 120.0}, thumbnail_jpeg=b"\xff\xd8jpeg"))
    second = store.add(StoredTurn(question="how many people", transcript="how many people",
                                  answer="None that I can see.", engine="embedded"))
    assert first.id is not None and second.id > first.id
    store.close()
    again = HistoryStore.in_folder(tmp_path)
    turns = again.turns()
    assert [t.answer for t in turns] == ["It says exit.", "None that I can see."]
    assert turns[0].timings_ms == {"vision": 120.0} and turns[0].thumbnail_jpeg == b"\xff\xd8jpeg"
    assert turns[1].spoken and not turns[0].spoken
    assert [t.question for t in again.turns(limit=1)] == ["how many people"]
    again.clear()
    assert again.count() == 0


def test_export_markdown_and_json(tmp_path):
    store = HistoryStore.in_folder(tmp_path)
    store.add(StoredTurn(question="Read the text.", answer="It says PLATFORM 2.",
                         timings_ms={"vision": 95.0, "total": 110.0}, engine="embedded on cpu"))
    md = export(store, tmp_path / "out" / "history.md")
    text = md.read_text()
    assert "**You (typed):** Read the text." in text and "**Assistant:** It says PLATFORM 2." in text
    assert "vision 95 ms" in text
    data = json.loads(export(store, tmp_path / "history.json").read_text())
    assert data["turns"][0]["answer"] == "It says PLATFORM 2."
    assert "thumbnail_jpeg" not in data["turns"][0]
    assert "_No turns yet._" in to_markdown([])


WRITER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    from assistant.conversation.store import HistoryStore, StoredTurn
    store = HistoryStore.in_folder({folder!r})
    for i in range(5):
        store.add(StoredTurn(question=f"question {{i}}", answer=f"answer {{i}}"))
        print(f"committed {{i}}", flush=True)
    # A turn in progress: its row is written but the transaction is still open.
    store._db.execute("BEGIN IMMEDIATE")
    store._db.execute("INSERT INTO turns (started_at, ended_at, question, answer) "
                      "VALUES (0, 0, 'half', 'half')")
    print("mid-turn", flush=True)
    sys.stdin.read()   # wait here until killed
""")


def test_kill_9_mid_turn_loses_at_most_that_turn(tmp_path):
    script = WRITER.format(root=str(ROOT), folder=str(tmp_path))
    proc = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    lines = []
    for line in proc.stdout:
        lines.append(line.strip())
        if line.strip() == "mid-turn":
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    assert lines[-1] == "mid-turn", lines
    store = HistoryStore.in_folder(tmp_path)
    assert [t.question for t in store.turns()] == [f"question {i}" for i in range(5)]
    check = sqlite3.connect(str(tmp_path / "history.sqlite3")).execute("PRAGMA integrity_check")
    assert check.fetchone()[0] == "ok"
