"""Fault matrix, sessions: ``clear`` beside writers in other processes (a turn appended after
``clear`` returned is never lost), temporary files a killed writer left (cleaned at start and
by ``clear``), and the folder synced after each rename."""
from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

from assistant import storage
from assistant.conversation.history import Turn
from assistant.conversation.sessions import SessionStore

_APPENDER = """
import sys, time, json
from pathlib import Path
from assistant.conversation.history import Turn
from assistant.conversation.sessions import SessionStore
store, me, count = SessionStore(Path(sys.argv[1])), sys.argv[2], int(sys.argv[3])
with open(sys.argv[4], "w") as log:
    for n in range(count):
        began = time.monotonic()
        store.append("kitchen", Turn(question=f"{me}-{n}", answer="a"))
        log.write(json.dumps([f"{me}-{n}", began, time.monotonic()]) + "\\n")
"""

_CLEARER = """
import sys, time, json
from pathlib import Path
from assistant.conversation.sessions import SessionStore
store, stop = SessionStore(Path(sys.argv[1])), Path(sys.argv[2])
with open(sys.argv[3], "w") as log:
    while not stop.exists():
        seen_at = time.monotonic()
        seen = [t.question for t in store.load("kitchen")]
        store.clear("kitchen")
        log.write(json.dumps([seen_at, seen, time.monotonic()]) + "\\n")
        time.sleep(0.01)
"""


def test_clear_beside_appending_processes_loses_no_turn_appended_after_it(tmp_path):
    """Each round the clearer first reads the conversation, then clears it. Every turn whose
    append began after the previous clear returned and ended before that read must be in
    what it read; at the end, every turn appended after the last clear is there."""
    folder = tmp_path / "sessions"
    (tmp_path / "append.py").write_text(_APPENDER)
    (tmp_path / "clear.py").write_text(_CLEARER)
    writers = [subprocess.Popen([sys.executable, str(tmp_path / "append.py"), str(folder),
                                 f"w{i}", "150", str(tmp_path / f"w{i}.log")])
               for i in range(4)]
    clearer = subprocess.Popen([sys.executable, str(tmp_path / "clear.py"), str(folder),
                                str(tmp_path / "stop"), str(tmp_path / "clear.log")])
    for child in writers:
        assert child.wait(timeout=300) == 0
    (tmp_path / "stop").touch()
    assert clearer.wait(timeout=60) == 0
    appended = [json.loads(line) for i in range(4)
                for line in (tmp_path / f"w{i}.log").read_text().splitlines()]
    rounds = [json.loads(line) for line in (tmp_path / "clear.log").read_text().splitlines()]
    assert len(appended) == 600 and len(rounds) >= 20
    lost = []
    previous_end = float("-inf")
    for seen_at, seen, cleared_at in rounds:
        owed = {q for q, began, ended in appended if began > previous_end and ended < seen_at}
        lost += sorted(owed - set(seen))
        previous_end = cleared_at
    final = {t.question for t in SessionStore(folder).load("kitchen")}
    assert len(final) < 200   # none dropped as too old
    lost += sorted({q for q, began, _ in appended if began > previous_end} - final)
    assert lost == [], f"{len(lost)} turns lost: {lost[:10]}"
    assert (folder / ".kitchen.lock").exists()   # the lock file is never deleted


_KILLED_WRITER = """
import os, sys, time
from pathlib import Path
from assistant.conversation.history import Turn
from assistant.conversation.sessions import SessionStore
def stuck(src, dst):
    print("written", flush=True)
    time.sleep(600)
os.replace = stuck   # the temporary file is whole; the writer dies before the rename
SessionStore(Path(sys.argv[1])).append("kitchen", Turn(question="the secret", answer="a"))
"""


def _killed_mid_write(folder: Path, tmp_path: Path) -> list[Path]:
    (tmp_path / "killed.py").write_text(_KILLED_WRITER)
    child = subprocess.Popen([sys.executable, str(tmp_path / "killed.py"), str(folder)],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "written"
    child.send_signal(signal.SIGKILL)
    child.wait()
    left = list(folder.glob(".kitchen.json.*.tmp"))
    assert len(left) == 1 and b"the secret" in left[0].read_bytes()
    return left


def test_clear_removes_what_a_killed_writer_left(tmp_path):
    folder = tmp_path / "sessions"
    SessionStore(folder).append("kitchen", Turn(question="q", answer="a"))
    lock = (folder / ".kitchen.lock").stat().st_ino
    _killed_mid_write(folder, tmp_path)
    assert SessionStore(folder).clear("kitchen")
    assert sorted(p.name for p in folder.iterdir()) == [".kitchen.lock"]
    assert (folder / ".kitchen.lock").stat().st_ino == lock


def test_a_start_removes_what_a_killed_writer_left(tmp_path):
    folder = tmp_path / "sessions"
    _killed_mid_write(folder, tmp_path)
    assert SessionStore(folder).remove_leftovers() == 1
    assert list(folder.glob("*.tmp")) == []


def test_the_cli_clear_removes_what_a_killed_writer_left(tmp_path):
    folder = tmp_path / "home" / "data" / "sessions"
    SessionStore(folder).append("kitchen", Turn(question="q", answer="a"))
    _killed_mid_write(folder, tmp_path)
    done = subprocess.run([sys.executable, "-m", "assistant", "sessions", "clear", "kitchen"],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "ASSISTANT_HOME": str(tmp_path / "home")})
    assert done.returncode == 0, done.stderr
    left = b"".join(p.read_bytes() for p in folder.iterdir())
    assert b"the secret" not in left


def test_the_folder_is_synced_after_each_rename(tmp_path, monkeypatch):
    steps = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        steps.append("sync folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "sync file")
        real_fsync(fd)

    def replace(src, dst):
        steps.append("rename")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    storage.write_private(tmp_path / "s.json", "{}")
    assert steps == ["sync file", "rename", "sync folder"]
