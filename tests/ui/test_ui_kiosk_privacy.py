"""A kiosk keeps nothing of the last visitor: after staff quit with the PIN or a kill -9, the
next start shows no earlier question or answer and the disk holds none (history off, the
default); a visitor's larger text is never saved and goes at idle; a missing camera is told to
visitors as "tell a member of staff", and the log hears of it once per change, not per retry."""
from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

from ui_support import ROOT, SIGN, answers, ui_config

from assistant.conversation.store import DB_NAME, HistoryStore, StoredTurn

SECRET_Q = "Is my prescription for warfarin ready"
OLD_Q = "What did the last visitor's letter say"


def _chord(window, key) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window.activateWindow()
    QTest.keyClick(window, key, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)


def _kiosk(open_window, root: Path, **ui):
    window = open_window(kiosk=True, root=root, config=ui_config(kiosk_pin="2468", **ui))
    window.setGeometry(window.screen().availableGeometry())
    return window


def _on_disk(root: Path, *words: str) -> list[str]:
    """Files under the kiosk's home whose bytes hold any of ``words`` (WAL and journals too)."""
    found = []
    for path in root.rglob("*"):
        if path.is_file() and any(w.encode() in path.read_bytes() for w in words):
            found.append(str(path.relative_to(root)))
    return found


def _shown(window) -> str:
    return " ".join(window.chat.texts() + answers(window))


def _restart_shows_nothing(open_window, qtbot, root: Path) -> None:
    window = _kiosk(open_window, root)
    qtbot.waitUntil(lambda: window.kiosk_face.state.text().startswith("Ready"), timeout=60_000)
    assert SECRET_Q not in _shown(window) and OLD_Q not in _shown(window)
    assert window.chat.count() == 0
    assert _on_disk(root, SECRET_Q, OLD_Q) == []


def test_quit_with_the_pin_then_restart_shows_and_keeps_nothing(open_window, qtbot, tmp_path):
    root = tmp_path / "kiosk"
    # An earlier run (an older version, or history on) left a turn on disk, and a repair left
    # a set-aside copy: the turn is purged at start, the copy is kept (it may hold turns the
    # live file lacks, issue 25).
    store = HistoryStore.in_folder(root / "data")
    store.add(StoredTurn(question=OLD_Q, answer="It was about a hospital visit."))
    store.close()
    aside = root / "data" / f"{DB_NAME}.corrupt-20240101T000000Z"
    aside.write_bytes(b"set aside by a repair")
    window = _kiosk(open_window, root)
    assert OLD_Q not in _shown(window) and window.chat.count() == 0
    assert HistoryStore.in_folder(root / "data").count() == 0 and aside.exists()
    window.question.setText(SECRET_Q)
    window.ask_typed()
    qtbot.waitUntil(lambda: len(answers(window)) == 1, timeout=60_000)
    assert SECRET_Q in _shown(window)
    from PySide6.QtCore import Qt

    _chord(window, Qt.Key.Key_Q)
    face = window.kiosk_face
    qtbot.waitUntil(lambda: getattr(face, "pin_dialog", None) is not None
                    and face.pin_dialog.isVisible())
    face.pin_dialog.field.setText("2468")
    face.pin_dialog.check()
    qtbot.waitUntil(lambda: window._closed_ok, timeout=20_000)
    assert window.chat.count() == 0            # gone from the screen before it closed
    assert _on_disk(root, SECRET_Q) == []
    _restart_shows_nothing(open_window, qtbot, root)


def test_kill_9_then_restart_shows_and_keeps_nothing(open_window, qtbot, tmp_path):
    root = tmp_path / "killed"
    child = subprocess.Popen([sys.executable, str(ROOT / "tests/ui/kiosk_main.py"), str(root), SECRET_Q],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        line = child.stdout.readline()     # blocks until the turn is recorded or the child ends
        assert line.strip() == "answered", f"the kiosk child ended first ({child.poll()})"
        # What an answered kiosk holds on disk the moment it dies.
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        assert _on_disk(root, SECRET_Q) == []
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
    _restart_shows_nothing(open_window, qtbot, root)


def test_visitor_text_size_is_never_saved_and_goes_at_idle(open_window, qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window = _kiosk(open_window, tmp_path / "zoom")
    app = QApplication.instance()
    before = app.font().pointSizeF()
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    window.keys.actions["contrast"].trigger()
    assert app.font().pointSizeF() > before * 1.2
    contrast_sheet = app.styleSheet()
    # A queued call after the keys: any save they asked of the worker is done once it returns.
    exported = tmp_path / "flush.md"
    window.host.export_history(str(exported))
    qtbot.waitUntil(exported.exists, timeout=10_000)
    config_file = window.paths.config_file
    saved = config_file.read_text() if config_file.exists() else ""
    assert "font_scale = 1.3" not in saved and "high_contrast = true" not in saved, saved
    assert window.config.ui.font_scale == 1.0 and not window.config.ui.high_contrast
    window.keys.idle.setInterval(200)
    window.keys.touch()
    qtbot.waitUntil(lambda: abs(app.font().pointSizeF() - before) < 0.01, timeout=5_000)
    assert app.styleSheet() != contrast_sheet
    assert not window.keys.actions["contrast"].isChecked()


def test_missing_camera_names_staff_and_is_logged_once_per_change(open_window, qtbot, tmp_path,
                                                                   caplog):
    caplog.set_level(logging.INFO)
    missing = tmp_path / "camera.jpg"
    window = open_window(kiosk=True, root=tmp_path / "cam", camera=str(missing))
    window.setGeometry(window.screen().availableGeometry())
    failures = []
    window.devices.camera_failed.connect(failures.append)
    window._retry.setInterval(20)     # a minute of 5 s retries, quickly
    face = window.kiosk_face
    qtbot.waitUntil(lambda: "tell a member of staff" in face.problem.text(), timeout=20_000)
    qtbot.waitUntil(lambda: len(failures) >= 15, timeout=30_000)
    public = " ".join([face.problem.text(), face.state.text(), window.camera_view.accessibleDescription(),
                       *window.chat.texts()])
    assert "The camera is not working; please tell a member of staff." in public
    for staff_words in ("choose another", "Settings", "camera.jpg", "ui.camera"):
        assert staff_words not in public, staff_words

    def camera_lines() -> list[str]:
        return [r.getMessage() for r in caplog.records if "camera" in r.getMessage().lower()]

    assert len(camera_lines()) == 1, camera_lines()
    assert "camera.jpg" in camera_lines()[0]         # the details are for staff, in the log
    missing.write_bytes(SIGN.read_bytes())           # staff plug it back in
    qtbot.waitUntil(lambda: window.camera_view.current_frame is not None, timeout=20_000)
    qtbot.waitUntil(lambda: len(camera_lines()) == 2, timeout=5_000)
    assert "works again" in camera_lines()[1]
