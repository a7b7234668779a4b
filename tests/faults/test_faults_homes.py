"""Fault matrix, homes the process cannot use: another user's (0700), a file where the folder
should be, a read-only disk. Every command answers what it can with the default settings,
says in one line which folder and why, and exits with the code of what it could not do
(5: not saved or not deleted); never 70.

Another user's home is real: run as root, the child runs as ``nobody`` through ``setpriv``
(root passes every permission check); run as another user, a 0000 folder does the same.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterator

import pytest
from faults_support import SAMPLES, make_read_only, no_traceback, tmpfs

from assistant.conversation.store import HistoryStore, StoredTurn

SIGN = SAMPLES / "sign.jpg"
ASK = ("ask", "--image", str(SIGN), "--text", "What does it say?", "--voice-engine", "none",
       "--no-play")


class Run:
    """``python -m assistant`` with ``ASSISTANT_HOME=home``, as ``nobody`` when we are root."""

    def __init__(self, home: Path, as_other: bool = False) -> None:
        self.home = home
        self.prefix = (["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
                       if as_other and os.geteuid() == 0 else [])
        self.env = {**os.environ, "ASSISTANT_HOME": str(home), "HOME": str(home.parent)}

    def __call__(self, *args: str) -> subprocess.CompletedProcess:
        done = subprocess.run([*self.prefix, sys.executable, "-m", "assistant", *args],
                              capture_output=True, text=True, env=self.env, timeout=300,
                              cwd="/", stdin=subprocess.DEVNULL)
        no_traceback(done)
        assert done.returncode != 70, done.stderr[-2000:]
        return done


def _home_lines(done: subprocess.CompletedProcess, folder: Path) -> list[str]:
    return [line for line in done.stderr.splitlines()
            if line.startswith(f"note: The assistant's folder {folder} ")]


@pytest.fixture
def foreign_home() -> Iterator[Run]:
    """A home of another user, 0700, holding settings and a conversation."""
    outer = Path(tempfile.mkdtemp(prefix="assistant-foreign-"))
    outer.chmod(0o755)   # the child (nobody) may reach the home, not enter it
    home = outer / "home"
    for sub in ("config", "cache", "data/sessions"):
        (home / sub).mkdir(parents=True)
    (home / "config" / "config.toml").write_text("[tts]\nrate = 1.5\n")
    (home / "data" / "sessions" / "kitchen.json").write_text('{"turns": []}')
    run = Run(home, as_other=True)
    if run.prefix:
        home.chmod(0o700)
    else:
        home.chmod(0o000)   # not root: a folder we may not enter is the same problem
    try:
        yield run
    finally:
        home.chmod(0o700)
        shutil.rmtree(outer, ignore_errors=True)


@pytest.fixture
def file_home(tmp_path) -> Run:
    (tmp_path / "home").write_text("not a folder\n")
    return Run(tmp_path / "home")


@pytest.mark.parametrize("args, status, out", [
    (ASK, 0, "LAUNCH PAD"),
    ((*ASK, "--session", "kitchen"), 5, "LAUNCH PAD"),
    (("transcribe", str(SAMPLES / "question.wav")), 0, "sign"),
    (("config", "show"), 0, "rate = 1.0"),          # the defaults, not the file's 1.5
    (("config", "init"), 5, ""),
    (("models",), 0, "whisper-tiny.en"),
    (("sessions", "list"), 0, ""),
    (("sessions", "clear", "kitchen"), 5, ""),
    (("history", "export", "-"), 1, ""),
    (("history", "clear"), 5, ""),
], ids=lambda v: " ".join(v[:2]) if isinstance(v, tuple) else str(v))
def test_another_users_home(foreign_home, args, status, out):
    done = foreign_home(*args)
    assert done.returncode == status, done.stderr[-2000:]
    assert out in done.stdout, (done.stdout, done.stderr[-2000:])
    lines = _home_lines(done, foreign_home.home)
    assert len(lines) == 1, done.stderr
    assert "cannot be read" in lines[0] and "default settings" in lines[0], lines


def test_another_users_home_selftest(foreign_home):
    done = foreign_home("selftest", "--no-devices")
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    assert len(_home_lines(done, foreign_home.home)) == 1


@pytest.mark.parametrize("args, status", [
    (ASK, 0), ((*ASK, "--session", "kitchen"), 5), (("config", "show"), 0),
    (("sessions", "clear", "kitchen"), 5), (("sessions", "list"), 0), (("models",), 0),
], ids=lambda v: " ".join(v[:2]) if isinstance(v, tuple) else str(v))
def test_a_home_that_is_a_file(file_home, args, status):
    done = file_home(*args)
    assert done.returncode == status, done.stderr[-2000:]
    lines = _home_lines(done, file_home.home)
    assert len(lines) == 1 and "it is a file, not a folder" in lines[0], done.stderr


@pytest.fixture
def read_only_home_with_history(tmp_path) -> Iterator[Path]:
    """A kiosk image: a history of 30 turns (WAL mode) and a conversation, then read-only."""
    with tmpfs(tmp_path / "ro", "8m") as home:
        store = HistoryStore.in_folder(home / "data")
        for n in range(30):
            store.add(StoredTurn(question=f"question {n}", answer=f"answer {n}"))
        assert store.journal_mode == "wal"
        store.close()
        (home / "data" / "sessions").mkdir()
        (home / "data" / "sessions" / "kitchen.json").write_text('{"turns": []}')
        make_read_only(home)
        yield home


def test_read_only_home_history_export_reads_every_turn(read_only_home_with_history, tmp_path):
    run = Run(read_only_home_with_history)
    done = run("history", "export", str(tmp_path / "out.md"))
    assert done.returncode == 0, done.stderr[-2000:]
    text = (tmp_path / "out.md").read_text()
    assert all(f"question {n}" in text for n in range(30))
    assert len(_home_lines(done, read_only_home_with_history)) == 1


@pytest.mark.parametrize("args, status", [
    (("sessions", "clear", "kitchen"), 5), (("sessions", "clear"), 5), (("history", "clear"), 5),
    (("config", "init"), 5), (("config", "show"), 0), ((*ASK, "--session", "kitchen"), 5),
], ids=lambda v: " ".join(v[:2]) if isinstance(v, tuple) else str(v))
def test_read_only_home(read_only_home_with_history, args, status):
    run = Run(read_only_home_with_history)
    done = run(*args)
    assert done.returncode == status, done.stderr[-2000:]
    lines = _home_lines(done, read_only_home_with_history)
    assert len(lines) == 1 and "the disk is read-only" in lines[0], done.stderr


def test_read_only_history_opens_immutable_when_wal_cannot(read_only_home_with_history):
    db = read_only_home_with_history / "data" / "history.sqlite3"
    with pytest.raises(sqlite3.OperationalError):   # what SQLite alone does here
        sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True).execute(
            "SELECT count(*) FROM turns").fetchone()
    store = HistoryStore.read_only(db)
    assert [t.question for t in store.turns()] == [f"question {n}" for n in range(30)]
