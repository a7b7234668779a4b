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


# -- the window and a history that is damaged or cannot be opened (issue 10.3, 10.8) ------

def _damaged_history(data: Path) -> int:
    """A 200-turn history with three pages overwritten by random bytes; returns the count."""
    import random

    store = HistoryStore.in_folder(data)
    for i in range(200):
        store.add(StoredTurn(question=f"question {i}: " + "what is this? " * 8,
                             answer=f"answer {i}: " + "a red cup. " * 12))
    store.close()
    db = data / "history.sqlite3"
    rng = random.Random(5)
    pages = db.stat().st_size // 4096
    with open(db, "r+b") as out:
        for page in (4, pages // 2, pages - 2):
            out.seek((page - 1) * 4096)
            out.write(rng.randbytes(4096))
    return 200


def _ask_sign(window, qtbot) -> str:
    from ui_support import answers

    before = len(answers(window))
    window.question.setText("What does the sign say?")
    window.ask_typed()
    qtbot.waitUntil(lambda: len(answers(window)) == before + 1, timeout=60_000)
    return answers(window)[-1]


def test_window_with_a_damaged_history_restores_what_is_readable_and_answers(open_window, qtbot,
                                                                            tmp_path):
    from assistant.events import ErrorEvent
    from ui_support import answers

    _damaged_history(tmp_path / "data")
    window = open_window(root=tmp_path)
    restored = answers(window)
    assert 150 <= len(restored) < 200
    assert all(a.split(":")[0].startswith("answer ") for a in restored)
    assert any(isinstance(e, ErrorEvent) and e.code == "history_repaired" for e in window.events)
    assert "LAUNCH PAD" in _ask_sign(window, qtbot).upper()
    assert len(list((tmp_path / "data").glob("history.sqlite3.corrupt-*"))) >= 1


def test_window_answers_when_the_history_cannot_be_opened_at_all(open_window, qtbot, tmp_path):
    """The data folder is a file: the engines never depend on the history (it was "The vision
    engine is not ready" for every question)."""
    from assistant.events import ErrorEvent

    (tmp_path / "data").write_text("not a folder")
    window = open_window(root=tmp_path)
    assert any(isinstance(e, ErrorEvent) and e.code == "history_unavailable" for e in window.events)
    assert "LAUNCH PAD" in _ask_sign(window, qtbot).upper()
    out = tmp_path / "this-run.md"
    window.host.export_history(str(out))             # this run's turns, kept in memory
    qtbot.waitUntil(out.exists, timeout=10_000)
    assert "LAUNCH PAD" in out.read_text().upper()
    assert (tmp_path / "data").read_text() == "not a folder"


def test_camera_thumbnails_reach_the_history_only_when_turned_on(open_window, qtbot, tmp_path):
    from ui_support import close_window, ui_config

    for folder, on in (("off", False), ("on", True)):
        window = open_window(root=tmp_path / folder, config=ui_config(history_thumbnails=on))
        _ask_sign(window, qtbot)
        assert not window.chat.item(window.chat.count() - 2).icon().isNull()   # shown anyway
        close_window(qtbot, window)
        (stored,) = HistoryStore.in_folder(tmp_path / folder / "data").turns()
        assert (stored.thumbnail_jpeg is not None) is on, folder
