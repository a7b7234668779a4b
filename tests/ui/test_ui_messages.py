"""Messages for the reader: a read-only home and a vision model that is not installed, in the
real window (real engines, real files). The home is really read-only: a small tmpfs remounted
read-only when the tests run as root (root ignores file modes), else the folders chmod'ed."""
from __future__ import annotations

import contextlib
import os
import subprocess
from pathlib import Path

import pytest

from assistant.conversation.store import HistoryStore, StoredTurn
from assistant.events import ErrorEvent, Progress


@contextlib.contextmanager
def read_only_home(root: Path):
    """``root`` (filled by the caller first) made read-only for the block."""
    if os.geteuid() != 0:
        folders = [root, *(p for p in root.rglob("*") if p.is_dir())]
        for folder in folders:
            folder.chmod(0o555)
        try:
            yield
        finally:
            for folder in folders:
                folder.chmod(0o755)
        return
    done = subprocess.run(["mount", "-o", "remount,ro", str(root)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    yield


@pytest.fixture
def home_root(tmp_path):
    root = tmp_path / "home"
    root.mkdir()
    if os.geteuid() == 0:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m,mode=0755", "tmpfs",
                               str(root)], capture_output=True, text=True)
        assert done.returncode == 0, f"a tmpfs is needed for a read-only home as root: {done.stderr}"
    yield root
    if os.geteuid() == 0:
        subprocess.run(["umount", "-l", str(root)], capture_output=True)


def _said(window) -> list[str]:
    return [e.message for e in window.events if isinstance(e, (ErrorEvent, Progress))
            and e.stage in ("settings", "history", "config", "vision")]


def test_a_read_only_home_shows_the_history_and_says_what_happened_in_words(
        open_window, qtbot, home_root):
    import dataclasses

    from ui_support import answers

    store = HistoryStore.in_folder(home_root / "data")
    store.add(StoredTurn(question="What is on the label?", answer="Aspirin, 300 mg."))
    store.close()
    (home_root / "config").mkdir()
    with read_only_home(home_root):
        window = open_window(root=home_root)
        assert answers(window) == ["Aspirin, 300 mg."]       # the earlier turn is shown
        said = [e for e in window.events if isinstance(e, ErrorEvent) and e.stage == "history"]
        assert len(said) == 1, _said(window)
        words = said[0].message
        assert "read-only" in words and "Earlier conversations are shown" in words
        assert "Errno" not in words and "free" not in words.lower() and "log" not in words
        before = len(window.events)
        window.apply_config(dataclasses.replace(window.config, ui=dataclasses.replace(
            window.config.ui, end_silence_s=1.3)))
        qtbot.waitUntil(lambda: any(isinstance(e, (ErrorEvent, Progress)) and e.stage == "settings"
                                    for e in window.events[before:]), timeout=20_000)
        qtbot.wait(300)
        after = [e for e in window.events[before:] if isinstance(e, (ErrorEvent, Progress))]
        assert len(after) == 1, [e.message for e in after]       # one message, not two
        assert after[0].message.startswith("Settings applied until the assistant closes, but "
                                           "not saved: the disk is read-only.")
        assert "saved and applied" not in window.notice.text()
        assert "log" not in after[0].message and "Errno" not in after[0].message
        assert window.notice.text() == after[0].message
        # a new turn is answered and listed (kept in memory), the disk untouched
        window.question.setText("What does the sign say?")
        window.ask_typed()
        qtbot.waitUntil(lambda: len(answers(window)) == 2, timeout=60_000)
    assert not (home_root / "config" / "config.toml").exists()


def test_a_vision_model_that_is_not_installed_is_said_plainly_and_not_called_applied(
        open_window, qtbot, tmp_path):
    import dataclasses

    window = open_window(root=tmp_path)
    before = len(window.events)
    chosen = dataclasses.replace(window.config, vision=dataclasses.replace(
        window.config.vision, engine="blip2"))
    window.apply_config(chosen)
    qtbot.waitUntil(lambda: any(e.stage == "settings" for e in window.events[before:]
                                if isinstance(e, (ErrorEvent, Progress))), timeout=20_000)
    qtbot.wait(300)
    said = [e for e in window.events[before:] if isinstance(e, (ErrorEvent, Progress))]
    assert len(said) == 1, [e.message for e in said]
    words = said[0].message
    assert "BLIP-2 is not on this computer" in words and "embedded engine answers" in words
    assert "Download" in words and "`" not in words and "assistant models" not in words
    assert "applied" not in words and window.notice.text() == words
    assert window.host.worker.config.vision.engine == "embedded"      # still answering
    # the choice is kept in the settings file, for when the model is there
    from assistant import config as config_mod

    assert config_mod.load(tmp_path / "config" / "config.toml").vision.engine == "blip2"
