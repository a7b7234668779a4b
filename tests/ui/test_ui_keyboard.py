"""Keyboard-only operation and screen-reader labels."""
from __future__ import annotations

from ui_support import answers

from ui import accessibility as a11y


def key(qtbot, window, name: str, modifiers=None) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.keyClick(window.focusWidget() or window, getattr(Qt.Key, name),
                   modifiers or Qt.KeyboardModifier.NoModifier)


def test_every_control_is_named_and_reachable_by_tab(open_window, qtbot):
    from PySide6.QtWidgets import QApplication

    window = open_window()
    assert a11y.unlabelled_controls(window) == []
    window.activateWindow()
    window.question.setFocus()
    seen = []
    for _ in range(20):
        widget = QApplication.focusWidget()
        if widget in seen:
            break
        seen.append(widget)
        key(qtbot, window, "Key_Tab")
    names = {w.objectName() for w in seen}
    assert {"question", "ask", "chat_history", "describe", "read_text", "push_to_talk",
            "hands_free", "repeat", "stop"} <= names, names


def test_ask_describe_timings_and_history_from_the_keyboard(open_window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window = open_window()
    window.activateWindow()
    ctrl = Qt.KeyboardModifier.ControlModifier
    key(qtbot, window, "Key_H", ctrl)                      # focus history...
    assert QApplication.focusWidget() is window.chat
    key(qtbot, window, "Key_L", ctrl)                      # ...and back to the question box
    assert QApplication.focusWidget() is window.question
    QTest.keyClicks(window.question, "What does the sign say?")
    key(qtbot, window, "Key_Return")
    qtbot.waitUntil(lambda: len(answers(window)) == 1, timeout=60_000)
    key(qtbot, window, "Key_F6")                           # read text now
    qtbot.waitUntil(lambda: len(answers(window)) == 2, timeout=60_000)
    assert window.chat.texts()[-2] == "You typed: Read the text."
    key(qtbot, window, "Key_T", ctrl)                      # timings on demand
    assert "Timings: vision" in window.chat.texts()[-1]
    size = QApplication.font().pointSizeF()
    key(qtbot, window, "Key_Plus", ctrl)
    assert QApplication.font().pointSizeF() > size
    key(qtbot, window, "Key_0", ctrl)
    assert QApplication.font().pointSizeF() == size
    key(qtbot, window, "Key_C", ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert "#000000" in QApplication.instance().styleSheet()   # high contrast
    key(qtbot, window, "Key_C", ctrl | Qt.KeyboardModifier.ShiftModifier)
    key(qtbot, window, "Key_F8")                           # hands-free, said in words
    assert window.hands_free_button.text() == "Hands-free: on"
    key(qtbot, window, "Key_F8")
    assert window.hands_free_button.text() == "Hands-free: off"
    key(qtbot, window, "Key_Escape")                       # stop speaking: harmless when silent
    assert window.isVisible()


def test_shortcuts_are_documented():
    text = a11y.help_text()
    for action in ("ask", "push_to_talk", "repeat", "stop", "describe", "read_text", "focus_history"):
        assert a11y.keys_for(action) in text
    assert "Ctrl+Alt+Shift+Q" in a11y.help_text(kiosk=True)
