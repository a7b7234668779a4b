"""Fault matrix, stores and privacy (issue 10, must-haves 3, 4 and 8).

Damaged session and history files are set aside and reported, never silently overwritten;
a damaged history keeps what is readable; concurrent writers lose no turn; every file the
assistant writes is the user's alone. Real files, real processes, the CLI as a user runs it.
"""
from __future__ import annotations

import json
import random
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from faults_support import (ROOT, SAMPLES, Cli, listen_twice, make_read_only, no_traceback,
                            tmpfs)

from assistant.conversation.sessions import SessionStore
from assistant.conversation.store import HistoryStore, StoredTurn

ASK = ("ask", "--image", str(SAMPLES / "sign.jpg"), "--text", "What does it say?",
       "--voice-engine", "none", "--no-play")
SIGN_WORDS = "LAUNCH PAD"


def _sessions(home: Path) -> Path:
    return home / "data" / "sessions"


def _aside(folder: Path, name: str) -> list[Path]:
    return sorted(folder.glob(f"{name}.corrupt-*"))


# -- sessions: damaged files -------------------------------------------------------------

DAMAGED_SESSIONS = {
    "not JSON": b'{"turns": [{"question": "what is on the tab',
    "not UTF-8": b"\xff\xfe\x00garbage\x81",
    "a list": b"[1, 2]",
    "turns not a list": b'{"turns": {"question": "q", "answer": "a"}}',
    "a turn without its answer": b'{"turns": [{"question": "q"}]}',
    "a question that is a number": b'{"turns": [{"question": 1, "answer": "a"}]}',
    # This one made every `ask` exit 70: the scene hash was compared as text.
    "a scene that is a number": b'{"turns": [{"question": "q", "answer": "a", "scene": 5}]}',
}


@pytest.mark.parametrize("damage", list(DAMAGED_SESSIONS), ids=list(DAMAGED_SESSIONS))
def test_a_damaged_session_is_set_aside_reported_and_started_afresh(tmp_path, damage):
    cli = Cli(tmp_path / "home")
    folder = _sessions(cli.home)
    folder.mkdir(parents=True)
    original = DAMAGED_SESSIONS[damage]
    (folder / "kitchen.json").write_bytes(original)

    done = cli(*ASK, "--session", "kitchen")

    assert done.returncode == 0, done.stderr[-2000:]
    no_traceback(done)
    assert SIGN_WORDS in done.stdout.upper()
    kept = _aside(folder, "kitchen.json")
    assert len(kept) == 1 and kept[0].read_bytes() == original       # nothing overwritten
    notes = [line for line in done.stderr.splitlines() if kept[0].name in line]
    assert len(notes) == 1 and notes[0].startswith("note: "), done.stderr
    fresh = json.loads((folder / "kitchen.json").read_text())
    assert [t["question"] for t in fresh["turns"]] == ["What does it say?"]
    log = (cli.home / "cache" / "assistant.log").read_text()
    assert "kitchen.json" in log and "set aside" in log

    again = cli(*ASK, "--session", "kitchen")          # healed: no second report
    assert again.returncode == 0 and "note:" not in again.stderr
    assert len(json.loads((folder / "kitchen.json").read_text())["turns"]) == 2
    assert len(_aside(folder, "kitchen.json")) == 1


def test_a_damaged_session_that_cannot_be_moved_is_never_overwritten(tmp_path):
    """A read-only disk: the question goes on without context, the file stays as it was."""
    with tmpfs(tmp_path / "ro", "1m") as home:
        folder = _sessions(home)
        folder.mkdir(parents=True)
        (folder / "k.json").write_bytes(b"[1]")
        make_read_only(home)
        store = SessionStore(folder)
        assert store.load("k") == []
        assert [e.code for e in store.notices] == ["session_damaged"]
        with pytest.raises(OSError):
            store.append("k", _turn(1))
        assert (folder / "k.json").read_bytes() == b"[1]"


def test_a_read_only_home_reads_sessions_without_locking(read_only_home):
    """A kiosk image with no writable disk: loading a session must not need a lock file."""
    store = SessionStore(read_only_home / "data" / "sessions")
    assert store.load("kitchen") == [] and store.notices == []
    with pytest.raises(OSError):
        store.append("kitchen", _turn(1))


def test_a_full_disk_keeps_the_old_session_and_leaves_no_temp_file(full_home):
    folder = _sessions(full_home)
    store = SessionStore(folder)
    with pytest.raises(OSError):
        store.append("kitchen", _turn(0, size=200_000))    # bigger than the space left
    assert not (folder / "kitchen.json").exists()
    assert [p.name for p in folder.iterdir() if not p.name.endswith(".lock")] == []


# -- sessions: several processes at once -------------------------------------------------

APPENDER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from assistant.conversation.history import Turn
    from assistant.conversation.sessions import SessionStore
    from pathlib import Path
    store = SessionStore(Path({folder!r}))
    who = sys.argv[1]
    sys.stdin.read()    # every writer starts at once
    for i in range({turns}):
        store.append("shared", Turn(question=f"{{who}}-{{i}}", answer="a"))
""")


def test_eight_processes_appending_at_once_lose_no_turn(tmp_path):
    """Read-then-write without a lock lost 12-14 % of the turns here."""
    folder, writers, turns = tmp_path / "sessions", 8, 25
    script = APPENDER.format(root=str(ROOT), folder=str(folder), turns=turns)
    procs = [subprocess.Popen([sys.executable, "-c", script, f"w{n}"], stdin=subprocess.PIPE)
             for n in range(writers)]
    for proc in procs:
        proc.stdin.close()    # the go signal
    assert [proc.wait(timeout=120) for proc in procs] == [0] * writers
    got = [t.question for t in SessionStore(folder).load("shared")]
    assert sorted(got) == sorted(f"w{n}-{i}" for n in range(writers) for i in range(turns))
    for n in range(writers):   # each writer's turns in the order it wrote them
        mine = [q for q in got if q.startswith(f"w{n}-")]
        assert mine == [f"w{n}-{i}" for i in range(turns)]


def test_parallel_ask_runs_keep_every_turn(tmp_path):
    cli = Cli(tmp_path / "home")
    procs = [subprocess.Popen([sys.executable, "-m", "assistant", *ASK[:4], f"question {n}?",
                               *ASK[5:], "--session", "shared"], env=cli.env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for n in range(4)]
    outs = [proc.communicate(timeout=240) for proc in procs]
    assert [proc.returncode for proc in procs] == [0] * 4, outs
    turns = json.loads((_sessions(cli.home) / "shared.json").read_text())["turns"]
    assert sorted(t["question"] for t in turns) == [f"question {n}?" for n in range(4)]


# -- the history database -----------------------------------------------------------------

def _turn(i: int, size: int = 0):
    from assistant.conversation.history import Turn

    return Turn(question=f"q{i}" + "x" * size, answer=f"a{i}")


def _history_with_200_turns(data: Path) -> Path:
    store = HistoryStore.in_folder(data)
    for i in range(200):
        store.add(StoredTurn(question=f"question {i}: " + "what is on the shelf? " * 6,
                             answer=f"answer {i}: " + "a tin of beans beside a red cup. " * 6,
                             engine="embedded", timings_ms={"vision": float(i)}))
    store.close()      # the last connection checkpoints the WAL into the file
    return data / "history.sqlite3"


def _overwrite_pages(db: Path, pages: list[int], seed: int = 10) -> None:
    rng = random.Random(seed)
    page = sqlite3.connect(str(db)).execute("PRAGMA page_size").fetchone()[0]
    with open(db, "r+b") as out:
        for number in pages:
            out.seek((number - 1) * page)
            out.write(rng.randbytes(page))


def _pair(turn: dict) -> bool:
    """A recovered turn is a whole turn: its question and answer belong together."""
    return turn["question"].split(":")[0].split()[1] == turn["answer"].split(":")[0].split()[1]


def test_history_with_damaged_pages_exports_every_readable_turn(tmp_path):
    cli = Cli(tmp_path / "home")
    db = _history_with_200_turns(cli.home / "data")
    pages = db.stat().st_size // 4096
    assert pages > 20
    _overwrite_pages(db, [5, pages // 2, pages - 3])      # three leaf pages of turns
    damaged = db.read_bytes()

    done = cli("history", "export", str(tmp_path / "out.json"))

    assert done.returncode == 0, done.stderr[-2000:]
    no_traceback(done)
    turns = json.loads((tmp_path / "out.json").read_text())["turns"]
    assert 150 <= len(turns) < 200, len(turns)
    assert all(_pair(t) for t in turns)
    assert [t["id"] for t in turns] == sorted(t["id"] for t in turns)
    assert f"Wrote {len(turns)} turns" in done.stdout
    kept = _aside(db.parent, "history.sqlite3")
    assert [p.name for p in kept if not p.name.endswith(("-wal", "-shm"))] == [kept[0].name]
    assert kept[0].read_bytes() == damaged                  # kept as it was found
    assert "damaged" in done.stderr and kept[0].name in done.stderr
    check = sqlite3.connect(str(db))
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert check.execute("SELECT COUNT(*) FROM turns").fetchone()[0] == len(turns)
    check.close()
    again = cli("history", "export", str(tmp_path / "again.md"))
    assert again.returncode == 0 and "damaged" not in again.stderr
    assert len(_aside(db.parent, "history.sqlite3")) == len(kept)


def test_history_whose_table_root_is_destroyed_still_opens(tmp_path):
    """Nothing reachable through the table's root: its leaves are read page by page."""
    cli = Cli(tmp_path / "home")
    db = _history_with_200_turns(cli.home / "data")
    root = sqlite3.connect(str(db)).execute(
        "SELECT rootpage FROM sqlite_master WHERE name='turns'").fetchone()[0]
    _overwrite_pages(db, [root])
    done = cli("history", "export", str(tmp_path / "out.json"))
    assert done.returncode == 0, done.stderr[-2000:]
    no_traceback(done)
    assert "damaged" in done.stderr
    assert len(_aside(db.parent, "history.sqlite3")) >= 1
    turns = json.loads((tmp_path / "out.json").read_text())["turns"]
    assert len(turns) >= 190, len(turns)          # its leaves, read page by page
    assert all(_pair(t) for t in turns)
    assert HistoryStore(db).count() == len(turns)


def test_deleted_turns_stay_deleted_when_pages_are_read_one_by_one(tmp_path):
    db = _history_with_200_turns(tmp_path)
    raw = sqlite3.connect(str(db))
    raw.execute("PRAGMA secure_delete=OFF")   # (Debian's default is ON): freed pages keep rows
    raw.execute("DELETE FROM turns WHERE id <= 150")      # their pages go to the free list
    raw.commit()
    root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name='turns'").fetchone()[0]
    assert raw.execute("PRAGMA freelist_count").fetchone()[0] > 0
    raw.close()
    _overwrite_pages(db, [root])
    ids = [t.id for t in HistoryStore(db).turns()]
    assert ids and min(ids) > 150 and len(ids) >= 40, ids


def test_a_history_file_that_is_not_a_database_is_set_aside(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    junk = random.Random(3).randbytes(40_000)
    (data / "history.sqlite3").write_bytes(junk)
    seen = []
    store = HistoryStore.in_folder(data, on_event=seen.append)
    assert store.count() == 0
    store.add(StoredTurn(question="q", answer="a"))
    assert [e.code for e in seen] == ["history_repaired"] and store.notices == seen
    kept = _aside(data, "history.sqlite3")
    assert len(kept) == 1 and kept[0].read_bytes() == junk


def test_a_history_of_another_shape_is_set_aside(tmp_path):
    db = tmp_path / "history.sqlite3"
    other = sqlite3.connect(str(db))
    other.execute("CREATE TABLE turns (id INTEGER PRIMARY KEY, text TEXT)")
    other.execute("INSERT INTO turns (text) VALUES ('not ours')")
    other.commit()
    other.close()
    store = HistoryStore(db)
    assert store.count() == 0 and store.notices
    store.add(StoredTurn(question="q", answer="a"))
    assert [t.answer for t in store.turns()] == ["a"]
    assert len(_aside(tmp_path, "history.sqlite3")) == 1


def test_a_healthy_history_is_left_alone(tmp_path):
    db = _history_with_200_turns(tmp_path)
    store = HistoryStore(db)
    assert store.count() == 200 and store.notices == []
    assert _aside(tmp_path, "history.sqlite3") == []


# -- private by default -------------------------------------------------------------------

def _loose(home: Path) -> list[str]:
    found = subprocess.run(["find", str(home), "-perm", "/o+r", "-type", "f"],
                           capture_output=True, text=True, check=True).stdout.split()
    found += [str(p) for p in home.rglob("*") if p.is_dir() and p.stat().st_mode & 0o077]
    return found


def test_nothing_is_readable_by_others_after_ask_and_history(tmp_path):
    cli = Cli(tmp_path / "home")
    for _ in range(2):
        done = cli(*ASK, "--session", "kitchen")
        assert done.returncode == 0, done.stderr[-2000:]
    assert cli("history", "export", str(tmp_path / "out.md")).returncode == 0
    assert cli("config", "init").returncode == 0
    written = {p.name for p in cli.home.rglob("*") if p.is_file()}
    assert {"kitchen.json", "assistant.log", "history.sqlite3", "config.toml"} <= written
    assert _loose(cli.home) == []
    for sub in ("config", "cache", "data", "data/sessions"):
        assert stat.S_IMODE((cli.home / sub).stat().st_mode) == 0o700, sub
    for name in ("kitchen.json", "assistant.log", "history.sqlite3", "config.toml"):
        (path,) = cli.home.rglob(name)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, name


def test_an_older_looser_install_is_made_private(tmp_path):
    """Homes written before 0600/0700: the stores tighten what they own as they open."""
    data = tmp_path / "data"
    db = _history_with_200_turns(data)
    SessionStore(data / "sessions").append("kitchen", _turn(1))
    for path in (data, data / "sessions"):
        path.chmod(0o755)
    for path in (db, data / "sessions" / "kitchen.json"):
        path.chmod(0o644)
    HistoryStore.in_folder(data).close()
    SessionStore(data / "sessions").append("kitchen", _turn(2))
    assert _loose(tmp_path) == []


def test_an_older_looser_home_is_private_after_one_command(tmp_path):
    cli = Cli(tmp_path / "home")
    assert cli("config", "init").returncode == 0
    assert cli(*ASK, "--session", "kitchen").returncode == 0
    for folder in ("config", "cache", "data", "data/sessions"):      # as an older version left it
        (cli.home / folder).chmod(0o755)
    for file in cli.home.rglob("*"):
        if file.is_file():
            file.chmod(0o644)
    done = cli(*ASK, "--session", "kitchen")
    assert done.returncode == 0, done.stderr[-2000:]
    assert _loose(cli.home) == []


# -- assistant sessions list | clear --------------------------------------------------------

def test_sessions_list_and_clear(tmp_path):
    cli = Cli(tmp_path / "home")
    folder = _sessions(cli.home)
    for name, n in (("kitchen", 2), ("hall", 1)):
        for i in range(n):
            SessionStore(folder).append(name, _turn(i))
    (folder / "porch.json").write_bytes(b"{ broken")

    listed = cli("sessions", "list")
    assert listed.returncode == 0, listed.stderr
    rows = {line.split()[0]: line.split()[1] for line in listed.stdout.splitlines()[1:4]}
    assert rows == {"hall": "1", "kitchen": "2", "porch": "damaged"}
    assert (folder / "porch.json").read_bytes() == b"{ broken"      # listing changes nothing
    data = json.loads(cli("sessions", "list", "--json").stdout)
    assert [(s["name"], s["turns"]) for s in data["sessions"]] == [
        ("hall", 1), ("kitchen", 2), ("porch", None)]

    gone = cli("sessions", "clear", "kitchen")
    assert gone.returncode == 0 and "kitchen" in gone.stdout
    assert sorted(p.name for p in folder.glob("*.json")) == ["hall.json", "porch.json"]
    missing = cli("sessions", "clear", "kitchen")
    assert missing.returncode == 2 and "no conversation named 'kitchen'" in missing.stderr
    no_traceback(missing)
    bad = cli("sessions", "clear", "../etc")
    assert bad.returncode == 2
    no_traceback(bad)

    SessionStore(folder).load("porch")               # sets it aside
    assert _aside(folder, "porch.json")
    everything = cli("sessions", "clear")
    assert everything.returncode == 0, everything.stderr
    # No copy or temp file left; the empty lock files stay (a writer may be waiting on one:
    # deleting it lets two writers in at once, test_faults_sessions.py).
    left = list(folder.iterdir())
    assert all(p.name.endswith(".lock") and p.stat().st_size == 0 for p in left), left
    assert "No conversations" in cli("sessions", "list").stdout


# -- listen with a damaged session ---------------------------------------------------------

@pytest.mark.alone          # listen through a sound server, in real time
def test_listen_answers_every_question_with_a_damaged_session(tmp_path):
    """A wrong-shape session made `listen` answer none of its questions."""
    from pulse_support import pulse_server

    home = tmp_path / "home"
    folder = _sessions(home)
    folder.mkdir(parents=True)
    original = DAMAGED_SESSIONS["a scene that is a number"]
    (folder / "kitchen.json").write_bytes(original)

    with pulse_server(tmp_path / "pulse") as env:
        child, code, err = listen_twice(env, home, tmp_path)
    replies = [e for e in child.seen if e["event"] == "Reply"]
    assert len(replies) == 2 and all(SIGN_WORDS in r["answer"].upper() for r in replies), replies
    errors = [e for e in child.seen if e["event"] == "ErrorEvent"]
    assert [e.get("code") for e in errors] == ["session_damaged"], errors
    assert "Traceback" not in err, err[-2000:]
    (kept,) = _aside(folder, "kitchen.json")
    assert kept.read_bytes() == original
    assert len(json.loads((folder / "kitchen.json").read_text())["turns"]) == 2


def test_clearing_the_history_deletes_its_damaged_copies_too(tmp_path):
    """A kiosk's purge must not leave yesterday's turns in a file set aside."""
    db = _history_with_200_turns(tmp_path)
    _overwrite_pages(db, [5])
    store = HistoryStore(db)
    assert store.count() > 0 and _aside(tmp_path, "history.sqlite3")
    store.clear()
    assert store.count() == 0 and _aside(tmp_path, "history.sqlite3") == []
    store.close()
    left = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert b"tin of beans" not in left


def test_a_repair_that_runs_out_of_disk_puts_the_damaged_file_back(tmp_path):
    """Nothing is lost when the fresh copy cannot be written; the next start tries again."""
    from faults_support import fill

    from assistant.errors import AssistantError

    with tmpfs(tmp_path / "small", "2m") as data:
        db = _history_with_200_turns(data)
        _overwrite_pages(db, [5])
        damaged = db.read_bytes()
        fill(data, leave=65536)     # room to check the file, not to write the fresh copy
        with pytest.raises(AssistantError) as failed:
            HistoryStore(db)
        assert failed.value.code == "history_unavailable" and "full" in str(failed.value)
        assert db.read_bytes() == damaged and _aside(data, "history.sqlite3") == []
        for filler in data.glob(".filler-*"):
            filler.unlink()
        store = HistoryStore(db)
        assert store.count() > 150 and store.notices
