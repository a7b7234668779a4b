"""Screen reader complete: "is a screen reader running" read from a real session bus (not Qt's
flag), what was heard announced, tab in reading order, one announcement per change, and the
kiosk's idle screen focused on a named element."""
from __future__ import annotations

import pytest
from a11y_bus import session_bus, status_service
from a11y_support import heard, replies, tree_name  # noqa: F401 (heard is a fixture)
from ui_support import answers, ui_config

from assistant.events import Progress, SpeakingStarted, Transcript
from assistant.audio.sources import WavReplaySource
from ui import screen_reader
from ui.screen_reader import BusStatus


def _ask(window, qtbot, question: str, count: int) -> None:
    window.question.setText(question)
    window.ask_typed()
    qtbot.waitUntil(lambda: len(answers(window)) == count, timeout=60_000)
    qtbot.waitUntil(lambda: window.state == "Ready", timeout=20_000)


def _spoken(window) -> list[SpeakingStarted]:
    return [e for e in window.events if isinstance(e, SpeakingStarted)]


def test_the_decision_follows_the_screen_reader_not_qts_flag():
    linux = "linux"
    # Qt's accessibility on (an on-screen keyboard, a magnifier) is not a screen reader.
    assert not screen_reader.running(linux, BusStatus(is_enabled=True), qt_active=True)
    assert screen_reader.running(linux, BusStatus(screen_reader=True), qt_active=False)
    assert screen_reader.running(linux, BusStatus(orca=True), qt_active=False)
    assert not screen_reader.running(linux, None, qt_active=True)       # no session bus at all
    assert screen_reader.running("win32", None, qt_active=False, windows_flag=True)
    assert not screen_reader.running("win32", None, qt_active=True, windows_flag=False)
    assert screen_reader.running("darwin", None, qt_active=True)        # VoiceOver turns Qt's on


@pytest.fixture(scope="module")
def bus():
    with session_bus() as address:
        yield address


def test_the_status_is_read_from_a_real_session_bus(bus):
    assert screen_reader.read_bus(bus) == BusStatus()          # no AT-SPI on this bus
    with status_service(bus, screen_reader=False):
        assert screen_reader.read_bus(bus) == BusStatus(is_enabled=True)
    with status_service(bus, screen_reader=True):
        assert screen_reader.read_bus(bus) == BusStatus(is_enabled=True, screen_reader=True)
    assert screen_reader.read_bus("unix:path=/nonexistent/bus") is None
    assert screen_reader.read_bus(None) is None


def test_auto_speaks_with_qt_accessibility_on_and_no_screen_reader(open_window, qtbot, heard,
                                                                   bus, monkeypatch):
    from PySide6.QtGui import QAccessible

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus)
    with status_service(bus, screen_reader=False):     # accessibility on, nobody reading
        QAccessible.setActive(True)
        try:
            window = open_window(config=ui_config(reply_voice="auto"))
            heard.clear()
            _ask(window, qtbot, "What does the sign say?", 1)
            qtbot.waitUntil(lambda: len(_spoken(window)) == 1, timeout=20_000)
            assert replies(heard) == []          # spoken, not announced to nobody
        finally:
            QAccessible.setActive(False)
    with status_service(bus, screen_reader=True):      # Orca turned on, then the window used
        window.status_events.set_reply_voice("auto")   # as on the window's activation
        _ask(window, qtbot, "What colour is it?", 2)
        assert len(replies(heard)) == 1 and len(_spoken(window)) == 1


def test_what_was_heard_is_announced_once(open_window, qtbot, heard, spoken_wav):
    path, _said = spoken_wav
    window = open_window(config=ui_config(hands_free=True, reply_voice="announce"),
                         microphone=WavReplaySource(path))
    qtbot.waitUntil(lambda: len(answers(window)) == 1, timeout=90_000)
    transcript = next(e for e in window.events if isinstance(e, Transcript))
    said = [m for m, _ in heard if m.startswith("You said:")]
    assert said == [f"You said: {transcript.text}"]
    order = [m for m, _ in heard]
    assert order.index(said[0]) < order.index(replies(heard)[0])   # heard, then the answer


def test_tab_goes_question_answer_controls_history(open_window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window = open_window()
    window.question.setFocus()
    names = []
    for _ in range(14):
        widget = QApplication.focusWidget()
        name = tree_name(widget)
        if name in names:
            break
        names.append(name)
        QTest.keyClick(widget, Qt.Key.Key_Tab)
    assert names == ["Question", "Ask", "Repeat", "Stop speaking", "Describe", "Read text",
                     "Push to talk", "Hands-free: off", "Search the history", "Chat history"]


def test_a_text_size_change_is_announced_once(open_window, qtbot, heard):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = open_window()
    heard.clear()
    saved = len([e for e in window.events if isinstance(e, Progress) and e.stage == "settings"])
    QTest.keyClick(window.question, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len([e for e in window.events if isinstance(e, Progress)
                                 and e.stage == "settings"]) == saved + 1, timeout=20_000)
    qtbot.wait(100)
    assert [m for m, _ in heard] == ["Text size 115 percent"]
    # A change made in Settings is still reported.
    heard.clear()
    dialog = window.keys.open_settings()
    dialog.accept()
    qtbot.waitUntil(lambda: len([e for e in window.events if isinstance(e, Progress)
                                 and e.stage == "settings"]) == saved + 2, timeout=20_000)
    qtbot.waitUntil(lambda: len(heard) >= 1, timeout=5_000)
    assert "Text size" not in " ".join(m for m, _ in heard) and len(heard) == 1
    QTest.keyClick(window.question, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)


def test_the_kiosk_idle_screen_focuses_a_named_element(open_window, qtbot):
    from PySide6.QtWidgets import QApplication

    kiosk = open_window(kiosk=True)
    kiosk.keys.idle.setInterval(200)
    kiosk.keys.touch()
    face = kiosk.kiosk_face
    qtbot.waitUntil(lambda: face.stack.currentWidget() is face.attract, timeout=5_000)
    focused = QApplication.focusWidget()
    assert focused is not None and focused.isVisible()
    assert face.attract.isAncestorOf(focused)
    assert tree_name(focused).startswith("Hello! I can tell you")
