"""The shared file helpers (private folders and files, atomic writes, set aside, locks) and
the session store built on them. Real files; the disk-full and read-only cases are in
tests/faults/test_faults_stores.py."""
from __future__ import annotations

import json
import os
import re
import stat
import threading
from pathlib import Path

import pytest

from assistant.conversation.history import Turn
from assistant.conversation.sessions import SESSION_DAMAGED, SessionStore
from assistant.storage import NotOurFile, file_lock, private_dir, set_aside, write_private


@pytest.fixture
def loose_umask():
    """The usual desktop umask (022), under which plain writes are world-readable."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_private_dir_makes_every_new_level_0700_and_leaves_parents_alone(tmp_path, loose_umask):
    tmp_path.chmod(0o755)
    made = private_dir(tmp_path / "a" / "b" / "c")
    assert [_mode(p) for p in (tmp_path / "a", tmp_path / "a" / "b", made)] == [0o700] * 3
    assert _mode(tmp_path) == 0o755
    old = tmp_path / "old"
    old.mkdir(mode=0o755)
    private_dir(old)
    assert _mode(old) == 0o700


def test_write_private_is_0600_and_replaces_the_file(tmp_path, loose_umask):
    target = tmp_path / "new" / "notes.json"
    write_private(target, "one")
    write_private(target, b"two")
    assert target.read_text() == "two" and _mode(target) == 0o600
    assert _mode(target.parent) == 0o700
    assert [p.name for p in target.parent.iterdir()] == ["notes.json"]


def test_write_private_leaves_no_temp_file_when_the_rename_fails(tmp_path):
    target = tmp_path / "taken"
    target.mkdir()
    (target / "inside").write_text("x")      # a folder that cannot be replaced by a file
    with pytest.raises(OSError):
        write_private(target, "text")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


def test_a_link_in_place_of_a_store_file_is_refused_and_left_alone(tmp_path):
    victim = tmp_path / "elsewhere.json"
    victim.write_text("someone else's")
    store = tmp_path / "sessions"
    store.mkdir()
    (store / "kitchen.json").symlink_to(victim)
    with pytest.raises(NotOurFile, match="symlink"):
        write_private(store / "kitchen.json", "what the user asked")
    assert (store / "kitchen.json").is_symlink() and victim.read_text() == "someone else's"


def test_a_linked_settings_file_is_saved_through_the_link(tmp_path, loose_umask):
    from assistant.config import AppConfig, read, save

    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    (dotfiles / "assistant.toml").write_text("[tts]\nrate = 1.5\n")
    folder = tmp_path / "config"
    folder.mkdir()
    (folder / "config.toml").symlink_to(dotfiles / "assistant.toml")
    config = read(folder / "config.toml").config.with_overrides(tts={"rate": 0.75})
    assert save(config, folder / "config.toml") is None
    assert (folder / "config.toml").is_symlink()
    assert read(dotfiles / "assistant.toml").config.tts.rate == 0.75
    (dotfiles / "assistant.toml").write_text("[tts\nbroken")            # damaged: set aside there
    kept = save(AppConfig(), folder / "config.toml")
    assert kept is not None and kept.parent == dotfiles and "broken" in kept.read_text()
    assert (folder / "config.toml").is_symlink()
    (folder / "config.toml").unlink()
    (folder / "config.toml").symlink_to(tmp_path / "gone" / "assistant.toml")
    with pytest.raises(Exception, match="does not exist"):              # a missing folder
        save(AppConfig(), folder / "config.toml")
    assert not (tmp_path / "gone").exists()


def test_set_aside_never_replaces_an_earlier_copy(tmp_path, loose_umask):
    first = tmp_path / "s.json"
    first.write_text("first")
    one = set_aside(first)
    first.write_text("second")
    two = set_aside(first)
    assert not first.exists() and one != two
    assert re.fullmatch(r"s\.json\.corrupt-\d{8}T\d{6}Z", one.name), one.name
    assert {one.read_text(), two.read_text()} == {"first", "second"}
    assert _mode(one) == _mode(two) == 0o600


def test_file_lock_excludes_other_holders(tmp_path):
    lock = tmp_path / ".x.lock"
    inside, order = threading.Event(), []

    def other() -> None:
        inside.wait(5)
        with file_lock(lock):      # a second open file: flock excludes it like another process
            order.append("other")

    thread = threading.Thread(target=other)
    thread.start()
    with file_lock(lock) as held:
        assert held
        inside.set()
        thread.join(0.2)
        order.append("first")
    thread.join(5)
    assert order == ["first", "other"] and _mode(lock) == 0o600


def test_file_lock_best_effort_goes_on_where_it_cannot_be_made(tmp_path):
    with file_lock(tmp_path / "missing" / ".x.lock", best_effort=True) as held:
        assert held is False
    with pytest.raises(OSError):
        with file_lock(tmp_path / "missing" / ".x.lock"):
            pass


def test_session_store_reports_damage_once_through_notices_and_on_event(tmp_path):
    seen = []
    store = SessionStore(tmp_path, on_event=seen.append)
    (tmp_path / "k.json").write_text('{"turns": [{"question": "q"}]}')
    assert store.load("k") == []
    assert [e.code for e in seen] == [SESSION_DAMAGED] and store.notices == seen
    assert "turn 1" in seen[0].message and ".corrupt-" in seen[0].message
    assert store.load("k") == [] and len(seen) == 1       # set aside: nothing more to say
    store.append("k", Turn("q2", "a2"))
    assert [t.answer for t in store.load("k")] == ["a2"]


def test_session_store_keeps_what_it_wrote_and_ignores_unknown_fields(tmp_path):
    store = SessionStore(tmp_path)
    store.append("k", Turn("q1", "a1", image_id="x", scene="ff", at=12.5))
    data = json.loads((tmp_path / "k.json").read_text())
    data["turns"][0]["mood"] = "newer version"
    data["version"] = 2
    (tmp_path / "k.json").write_text(json.dumps(data))
    assert store.load("k") == [Turn("q1", "a1", image_id="x", scene="ff", at=12.5)]
    assert store.notices == []


def test_session_info_and_names(tmp_path):
    store = SessionStore(tmp_path)
    store.append("b", Turn("q", "a", at=100.0))
    store.append("a", Turn("q", "a", at=50.0))
    store.append("a", Turn("q", "a", at=70.0))
    (tmp_path / "c.json").write_text("nope")
    (tmp_path / ".not a session.json").write_text("{}")   # a leading dot: never a name
    assert store.names() == ["a", "b", "c"]
    assert (store.info("a").turns, store.info("a").last_used) == (2, 70.0)
    assert store.info("c").turns is None and (tmp_path / "c.json").exists()
    assert store.clear("a") and not store.clear("a")
    assert store.names() == ["b", "c"]


def test_page_scan_never_raises_on_garbage():
    import random

    from assistant.conversation.salvage import leaf_records

    rng = random.Random(7)
    for size in (0, 100, 4096, 3 * 4096 + 17):
        junk = rng.randbytes(size)
        assert isinstance(leaf_records(junk), dict)
        # a valid header over garbage pages, and leaf-looking pages full of garbage
        page = b"SQLite format 3\x00" + (4096).to_bytes(2, "big") + junk[18:4096]
        leafy = b"".join(b"\x0d" + rng.randbytes(4095) for _ in range(4))
        assert isinstance(leaf_records(page + leafy), dict)
