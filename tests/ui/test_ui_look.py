"""A finished look: the icon and desktop entry (installed by scripts/setup.sh), light, dark and
high-contrast themes, Quit inside the File menu, model names under Details, copy answer, new
conversation and history search from the keyboard."""
from __future__ import annotations

import configparser
import os
import subprocess
from pathlib import Path

import pytest
from a11y_support import heard, tree_name  # noqa: F401 (heard is a fixture)
from ui_support import answers

from assistant.config import AppConfig, ConfigError, UiConfig
from ui import theme
from ui.icons import ICON_NAME, ICONS

ROOT = Path(__file__).resolve().parents[2]


def _ask(window, qtbot, question: str, count: int) -> None:
    window.question.setText(question)
    window.ask_typed()
    qtbot.waitUntil(lambda: len(answers(window)) == count, timeout=60_000)
    qtbot.waitUntil(lambda: window.state == "Ready", timeout=20_000)


def _shown_words(window) -> str:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    return " ".join(w.text() for kind in (QLabel, QAbstractButton)
                    for w in window.findChildren(kind) if w.isVisible())


def test_every_theme_is_readable_and_auto_follows_the_system():
    for colours in (theme.LIGHT, theme.DARK, theme.HIGH):
        for what, first, second in theme.text_pairs(colours):
            assert theme.contrast_ratio(first, second) >= 4.5, (colours, what)
        for what, first, second in theme.graphic_pairs(colours):
            assert theme.contrast_ratio(first, second) >= 3.0, (colours, what)
    assert theme.colours("auto", system_dark=True) is theme.DARK
    assert theme.colours("auto", system_dark=False) is theme.LIGHT
    assert theme.colours("light", system_dark=True) is theme.LIGHT
    assert theme.colours("dark", high_contrast=True) is theme.HIGH
    assert UiConfig(theme="dark").theme == "dark"
    with pytest.raises(ConfigError, match="ui.theme must be one of auto, light, dark"):
        UiConfig(theme="purple")


def test_the_theme_menu_switches_to_dark_and_saves_it(open_window, qtbot, heard):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from assistant.config import load

    window = open_window()
    app = QApplication.instance()
    light = app.palette().color(QPalette.ColorRole.Window).lightness()
    window.keys.theme_actions["dark"].trigger()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80 < light
    assert theme.DARK.window in app.styleSheet()
    qtbot.waitUntil(lambda: load(window.paths.config_file).ui.theme == "dark", timeout=20_000)
    assert ("Theme dark", False) in heard
    window.keys.theme_actions["auto"].trigger()
    assert window.config.ui.theme == "auto"


def test_quit_is_in_the_assistant_menu_and_details_hold_the_models(open_window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = open_window()
    bar = window.menuBar()
    assert all(action.menu() is not None for action in bar.actions())   # no bare Quit
    menu = next(a.menu() for a in bar.actions() if a.text() == "Ass&istant")
    assert menu.actions()[-1] is window.keys.actions["quit"]     # last, after a separator
    assert menu.actions()[-2].isSeparator()
    assert window.keys.actions["quit"].shortcut().toString() == "Ctrl+Q"
    assert not window.windowIcon().isNull()
    words = _shown_words(window)
    assert "CPU" not in words and "embedded" not in words and "Models" not in words
    QTest.keyClick(window.question, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    box = window.details_box
    qtbot.waitExposed(box)
    assert "Processor: CPU" in box.text() and "Vision: embedded" in box.text()
    assert tree_name(box) == "Details"
    box.accept()


def test_copy_answer_new_conversation_and_search_from_the_keyboard(open_window, qtbot, heard):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ui.worker import SESSION

    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    window = open_window()
    _ask(window, qtbot, "What does the sign say?", 1)
    _ask(window, qtbot, "What colour is it?", 2)
    first, second = answers(window)
    clipboard = QApplication.clipboard()
    QTest.keyClick(window.question, Qt.Key.Key_A, ctrl | shift)          # the newest answer
    assert clipboard.text() == second and ("Answer copied", False) in heard
    chat = window.chat
    QTest.keyClick(window.question, Qt.Key.Key_H, ctrl)
    chat.setCurrentRow(0)                                                 # the first question
    clipboard.clear()
    QTest.keyClick(chat, Qt.Key.Key_C, ctrl)                              # Ctrl+C in the history
    assert clipboard.text() == first
    assert any(a.text() == "Copy answer" for a in chat.actions())        # its context menu

    QTest.keyClick(chat, Qt.Key.Key_F, ctrl)
    assert QApplication.focusWidget() is window.history_search
    QTest.keyClicks(window.history_search, "colour")
    shown = [chat.item(r).text() for r in range(chat.count()) if not chat.isRowHidden(r)]
    assert len(shown) == 2 and "What colour is it?" in shown[0] and shown[1].startswith("Assistant:")
    qtbot.waitUntil(lambda: any(m == "1 match for colour" for m, _ in heard), timeout=5_000)
    _ask(window, qtbot, "Is it open?", 3)                # a new turn obeys the filter
    qtbot.waitUntil(lambda: chat.isRowHidden(chat.count() - 1), timeout=5_000)
    QTest.keyClick(window.history_search, Qt.Key.Key_Escape)
    assert window.history_search.text() == ""
    assert not any(chat.isRowHidden(r) for r in range(chat.count()))

    context = window.host.worker._context
    assert len(context.load(SESSION)) == 3
    QTest.keyClick(window.question, Qt.Key.Key_N, ctrl)
    assert context.load(SESSION) == []                  # follow-ups start afresh...
    assert len(answers(window)) == 3                    # ...the history stays


def test_the_desktop_entry_and_icon_are_installed_and_a_stranger_file_is_kept(tmp_path):
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ROOT / "resources" / "local-assistant.desktop")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Icon"] == ICON_NAME
    assert desktop["Exec"] == "assistant" and "Accessibility" in desktop["Categories"]
    assert (ICONS / f"{ICON_NAME}.svg").read_text().lstrip().startswith("<?xml")
    data = tmp_path / "data"
    stranger = data / "icons" / "hicolor" / "48x48" / "apps" / f"{ICON_NAME}.png"
    stranger.parent.mkdir(parents=True)
    stranger.write_bytes(b"someone else's icon")
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    function = subprocess.run(["sed", "-n", "/^install_desktop_entry()/,/^}/p", "scripts/setup.sh"],
                              cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert function.strip()
    env = {**os.environ, "XDG_DATA_HOME": str(data), "VENV": str(venv)}
    run = subprocess.run(["bash", "-c", function + "\ninstall_desktop_entry"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    installed = (data / "applications" / "local-assistant.desktop").read_text()
    assert f"Exec={venv}/bin/assistant" in installed
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg").is_file()
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / f"{ICON_NAME}.png").is_file()
    assert stranger.read_bytes() == b"someone else's icon" and "not ours" in run.stderr
    # Again: ours are replaced, a menu entry someone else wrote is left alone.
    (data / "applications" / "local-assistant.desktop").write_text("[Desktop Entry]\nName=Mine\n")
    again = subprocess.run(["bash", "-c", function + "\ninstall_desktop_entry"], cwd=ROOT,
                           env=env, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0
    assert (data / "applications" / "local-assistant.desktop").read_text().endswith("Name=Mine\n")


def test_config_file_describes_the_theme():
    from assistant.config_text import DESCRIPTIONS

    assert "auto | light | dark" in DESCRIPTIONS["ui"]["theme"]
    assert AppConfig().ui.theme == "auto"
