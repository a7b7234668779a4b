"""The kiosk face: huge buttons wired to the real actions, plain words, visitor-only help,
settings and quit behind the staff PIN (a wrong PIN refused), the idle screen, and missing
devices shown as a clear state."""
from __future__ import annotations

from ui_support import answers, ui_config

from ui import fit_check


def _chord(window, key) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window.activateWindow()
    QTest.keyClick(window, key, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)


def _kiosk(open_window, **ui):
    window = open_window(kiosk=True, config=ui_config(**ui))
    window.setGeometry(window.screen().availableGeometry())   # no window manager to do it
    return window


def _visible_words(window) -> str:
    from PySide6.QtWidgets import QWidget

    words = []
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.isVisible():
            words += [widget.toolTip(), widget.accessibleDescription(), widget.accessibleName(),
                      getattr(widget, "text", lambda: "")() if callable(getattr(widget, "text", None))
                      else ""]
    return " ".join(w for w in words if isinstance(w, str))


def test_kiosk_face_buttons_answer_in_big_plain_words(open_window, qtbot):
    from PySide6.QtCore import QRect

    window = _kiosk(open_window, kiosk_pin="2468")
    face = window.kiosk_face
    qtbot.waitUntil(lambda: window.camera_view.current_frame is not None, timeout=10_000)
    assert [b.text().replace("&", "") for b in face.buttons] == ["Describe", "Read", "Ask by voice"]
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    assert not window.hands_free_button.isVisible() and not window.models_label.isVisible()
    # Text well above the desktop's, and the three buttons larger still.
    app_points = window.font().pointSizeF()
    assert window.chat.font().pointSizeF() >= 1.5 * app_points
    assert face.buttons[0].font().pointSizeF() > window.chat.font().pointSizeF()
    qtbot.waitUntil(lambda: face.state.text() == "Ready. Press a button.", timeout=10_000)
    face.buttons[1].click()                       # Read: the real read_text_now
    qtbot.waitUntil(lambda: len(answers(window)) == 1, timeout=60_000)
    assert "LAUNCH PAD" in answers(window)[0].upper()
    face.buttons[0].click()                       # Describe: no advice a visitor cannot follow
    qtbot.waitUntil(lambda: len(answers(window)) == 2, timeout=60_000)
    assert "LAUNCH PAD" in answers(window)[1].upper()
    for answer in answers(window):                # the first one carries the engine's note
        assert "Settings" not in answer and "assistant models" not in answer, answer
    # No developer words and no admin chords anywhere a visitor can see.
    words = _visible_words(window)
    for hidden in ("Ctrl+Alt", "faster-whisper", "embedded", "piper", "Models"):
        assert hidden not in words, hidden
    assert fit_check.problems(window, QRect(window.screen().availableGeometry())) == []


def test_f1_shows_visitor_help_only(open_window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = _kiosk(open_window)
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: getattr(window.kiosk_face, "help_box", None) is not None
                    and window.kiosk_face.help_box.isVisible())
    text = window.kiosk_face.help_box.text()
    assert "Describe" in text and "F5" in text
    for admin in ("Ctrl+Alt", "Settings", "Quit", "Ctrl+Q", "Ctrl+,", "history"):
        assert admin not in text, admin
    window.kiosk_face.help_box.close()


def test_settings_and_quit_ask_the_pin_and_a_wrong_pin_is_refused(open_window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QDialog

    window = _kiosk(open_window, kiosk_pin="2468")
    face = window.kiosk_face
    _chord(window, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: getattr(face, "pin_dialog", None) is not None and face.pin_dialog.isVisible())
    dialog = face.pin_dialog
    dialog.field.setText("1111")
    dialog.check()
    assert dialog.isVisible() and "not right" in dialog.message.text()
    assert dialog.field.text() == ""
    assert not any(w.objectName() == "settings" and w.isVisible() for w in QApplication.topLevelWidgets())
    dialog.field.setText("2468")
    dialog.check()
    qtbot.waitUntil(lambda: any(w.objectName() == "settings" and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    settings = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "settings")
    settings.reject()
    # Three wrong tries close the PIN box and lock it for a while.
    _chord(window, Qt.Key.Key_Q)
    qtbot.waitUntil(lambda: face.pin_dialog is not dialog and face.pin_dialog.isVisible())
    for _ in range(3):
        face.pin_dialog.field.setText("0000")
        face.pin_dialog.check()
    assert face.pin_dialog.result() == QDialog.DialogCode.Rejected and not face.pin_dialog.isVisible()
    assert window.isVisible() and not window._closing
    # The lockout is said in the PIN box only, never on the public screen.
    assert not any("PIN" in t for t in window.chat.texts()), window.chat.texts()
    _chord(window, Qt.Key.Key_Q)
    qtbot.waitUntil(lambda: face.pin_dialog.isVisible())
    assert "wait" in face.pin_dialog.message.text() and not face.pin_dialog.field.isEnabled()
    face.pin_dialog.reject()
    face.locked_until = 0.0
    _chord(window, Qt.Key.Key_Q)
    qtbot.waitUntil(lambda: face.pin_dialog.isVisible())
    face.pin_dialog.field.setText("2468")
    face.pin_dialog.check()
    qtbot.waitUntil(lambda: window._closed_ok, timeout=20_000)


def test_without_a_pin_settings_and_quit_stay_locked(open_window, qtbot):
    from PySide6.QtCore import Qt

    window = _kiosk(open_window)
    _chord(window, Qt.Key.Key_S)
    _chord(window, Qt.Key.Key_Q)
    qtbot.waitUntil(lambda: any("kiosk_pin" in t for t in window.chat.texts()))
    assert getattr(window.kiosk_face, "pin_dialog", None) is None
    assert window.isVisible() and not window._closing


def test_idle_screen_comes_after_the_idle_time_and_any_key_wakes_it(open_window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = _kiosk(open_window, kiosk_attract=True)
    face = window.kiosk_face
    window.keys.idle.setInterval(200)
    window.keys.touch()
    qtbot.waitUntil(lambda: face.stack.currentWidget() is face.attract, timeout=5_000)
    QTest.keyClick(window, Qt.Key.Key_Space)
    assert face.stack.currentWidget() is face.face


def test_missing_devices_are_a_clear_state(open_window, qtbot, tmp_path):
    from PySide6.QtCore import QRect

    window = open_window(kiosk=True, camera=str(tmp_path / "no-camera.jpg"),
                         microphone="no such microphone anywhere")
    window.setGeometry(window.screen().availableGeometry())
    face = window.kiosk_face
    qtbot.waitUntil(lambda: "camera is not working" in face.problem.text(), timeout=20_000)
    qtbot.waitUntil(lambda: "Voice questions are not working" in face.problem.text(),
                    timeout=20_000)
    assert face.problem.isVisible() and not face.voice_button.isEnabled()
    # Not "Ready. Press a button." while the buttons that need a picture are greyed out.
    qtbot.waitUntil(lambda: face.state.text() == "Waiting for the camera.", timeout=60_000)
    assert not face.buttons[0].isEnabled() and not face.buttons[1].isEnabled()
    # Once Qt has laid out the new words (a layout pass follows a text change in the event
    # loop), everything fits.
    screen = QRect(window.screen().availableGeometry())
    try:
        qtbot.waitUntil(lambda: fit_check.problems(window, screen) == [], timeout=5_000)
    except AssertionError:
        assert fit_check.problems(window, screen) == []


def test_the_kiosk_says_its_self_test_result_at_start(open_window, qtbot):
    """The quick self-test runs on the kiosk's own loaded engines at start (issue 25.1): the
    result is said once in words, and no part is shown broken."""
    from assistant.health import SelfTestDone

    window = _kiosk(open_window, selftest=True)
    qtbot.waitUntil(lambda: window.selftest is not None, timeout=60_000)
    done = window.selftest
    assert isinstance(done, SelfTestDone) and done.passed, done.sentence
    assert {c.part: c.status for c in done.checks} == {"hearing": "ok", "voice": "ok", "eyes": "ok"}
    assert done.elapsed_ms < 10_000, done.elapsed_ms        # the quick form, ≤ 10 s
    assert window.notice.text() == "Everything works."
    assert sum(isinstance(e, SelfTestDone) for e in window.events) == 1   # said once
    assert not window.kiosk_face.problem.isVisible()


def test_the_kiosk_fills_the_whole_screen_after_a_framed_window(open_window, qtbot,
                                                                window_manager):
    """Full screen has no frame: the title bar last seen on a framed window must not cap the
    kiosk (it left a bare strip the height of a title bar at the bottom of the screen)."""
    if window_manager is None:
        return                            # offscreen Qt: no window manager, no frames at all
    first = open_window()
    qtbot.waitUntil(lambda: first.frameGeometry().height() > first.geometry().height(),
                    timeout=10_000)       # framed by openbox: its title bar is known
    kiosk = open_window(kiosk=True, show=False)
    kiosk.showFullScreen()
    screen = kiosk.screen().geometry()
    qtbot.waitUntil(lambda: kiosk.geometry() == screen, timeout=10_000)
