"""The window at any text size: nothing off screen or cut at 4x on 1024x768, chat rows that
wrap, Ctrl+0 back to the old size, a high-contrast meter that can be read, a welcome hint,
clearing the history only when confirmed."""
from __future__ import annotations

import re

import pytest
from ui_support import answers

from ui import accessibility as a11y
from ui import fit_check, theme

SMALL_SCREEN = (0, 0, 1024, 768)


def _press(window, key, modifiers) -> None:
    from PySide6.QtTest import QTest

    window.activateWindow()
    QTest.keyClick(window, key, modifiers)


def _bigger_to(window, qtbot, points: float) -> None:
    from PySide6.QtCore import Qt

    for _ in range(40):               # 1.15x a press: 1x to 4x takes 10
        if window.font().pointSizeF() >= points - 0.05:
            break
        _press(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
        # The event loop runs between a person's key presses: the layout's queued re-fit
        # (which may rebuild the menus that hold the shortcut) runs before the next press.
        qtbot.wait(20)
    else:
        pytest.fail(f"Ctrl++ stopped making the text bigger at {window.font().pointSizeF()} "
                    f"points (wanted {points})")
    qtbot.wait(300)   # the layout follows on the next turns of the event loop


@pytest.mark.parametrize("screen", [SMALL_SCREEN, (0, 0, 1280, 1024)])
def test_every_control_is_on_screen_and_whole_up_to_4x(open_window, qtbot, screen):
    from PySide6.QtCore import QRect

    window = open_window()
    window.screen_limit = QRect(*screen)   # a screen this size (the test display may be larger)
    window.fit.update()
    window.question.setText("")
    window.show_notice("The camera went away. I keep trying to find it.")
    for points in (theme.point_size(1.0), theme.point_size(2.0), theme.point_size(2.6),
                   theme.point_size(4.0)):
        _bigger_to(window, qtbot, points)
        area = QRect(*screen)
        qtbot.waitUntil(lambda: not fit_check.problems(window, area), timeout=5_000) \
            if not fit_check.problems(window, area) else None
        assert window.frameGeometry().width() <= area.width()
        assert fit_check.problems(window, area) == [], f"at {window.font().pointSizeF()} pt"
    assert window.font().pointSizeF() == pytest.approx(theme.point_size(4.0))
    # Every button is still there, on screen, named in full even when its words are short.
    assert window.stop_button.isVisible() and window.stop_button.accessibleName() == "Stop speaking"
    assert window.ask_button.isVisible() and window.question.isVisible()


def test_ctrl_0_brings_back_the_text_and_the_window_size(open_window, qtbot):
    from PySide6.QtCore import Qt

    window = open_window()
    qtbot.wait(200)
    before = window.size()
    _bigger_to(window, qtbot, theme.point_size(4.0))
    screen = window.screen().availableGeometry()
    assert window.width() <= screen.width() and window.height() <= screen.height()
    assert window.maximumWidth() <= screen.width()
    _press(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.font().pointSizeF() == pytest.approx(theme.BASE_POINT_SIZE))
    qtbot.waitUntil(lambda: window.size() == before, timeout=5_000)
    assert window.fit.wide   # the two-pane arrangement is back


def _row_fits(chat, row: int) -> bool:
    from ui.chat_view import wrapped_height

    item = chat.item(row)
    rect = chat.visualItemRect(item)
    text_area = chat.itemDelegate().text_rect(rect, not item.icon().isNull())
    return (rect.width() <= chat.viewport().width()
            and wrapped_height(chat.font(), text_area.width(), item.text()) <= text_area.height())


@pytest.mark.parametrize("high_contrast", [False, True])
def test_chat_rows_wrap_with_a_scroll_bar_and_in_high_contrast(qtbot, high_contrast):
    from assistant.conversation.store import StoredTurn
    from ui.app import application
    from ui.chat_view import ChatView

    app = application()
    theme.apply(app, scale=2.0, high_contrast=high_contrast)
    try:
        chat = ChatView()
        qtbot.addWidget(chat)
        chat.resize(420, 300)
        chat.show()
        long = ("The sign says LAUNCH PAD and NO ENTRY in white capitals on a blue board, lit "
                "from the left; the file is /home/someone/Pictures/a-very-long-folder-name/sign.jpg")
        for n in range(6):
            chat.add_turn(StoredTurn(question=f"Question {n}?", answer=f"{n}: {long}"))
        qtbot.waitUntil(chat.verticalScrollBar().isVisible)
        qtbot.waitUntil(lambda: all(_row_fits(chat, r) for r in range(chat.count())), timeout=3_000)
        chat.resize(300, 300)     # narrower: rows grow taller instead of being cut
        qtbot.waitUntil(lambda: all(_row_fits(chat, r) for r in range(chat.count())), timeout=3_000)
        assert chat.textElideMode().name == "ElideNone"
    finally:
        theme.apply(app)


def test_each_question_keeps_its_own_row_until_its_answer_fills_it(qtbot):
    from assistant.conversation.store import StoredTurn
    from ui.chat_view import ChatView

    chat = ChatView()
    qtbot.addWidget(chat)
    assert "F5" in chat.accessibleDescription()   # the empty chat says what to do
    chat.add_question(1, "You said: what colour is the door?")
    chat.add_question(2, "You typed: read the sign")
    chat.grow_answer(1, "The door is")
    chat.grow_answer(2, "It says LAUNCH")
    assert chat.texts() == ["You said: what colour is the door?", "Assistant: The door is…",
                            "You typed: read the sign", "Assistant: It says LAUNCH…"]
    chat.finish(2, turn=StoredTurn(question="read the sign", answer="It says LAUNCH PAD."))
    chat.finish(1, "The door is red.")
    assert chat.texts() == ["You said: what colour is the door?", "Assistant: The door is red.",
                            "You typed: read the sign", "Assistant: It says LAUNCH PAD."]
    assert chat.last_answer() == "It says LAUNCH PAD." and chat.open_turns() == []
    assert "F5" not in chat.accessibleDescription()


def test_the_welcome_hint_names_the_real_shortcuts():
    from ui.chat_view import WELCOME

    for action, words in (("describe", "to hear what the camera sees"), ("read_text", "read aloud"),
                          ("push_to_talk", "speak"), ("help", "lists every key")):
        assert re.search(rf"{a11y.keys_for(action)}\b[^.]*{words}", WELCOME), (action, WELCOME)


def test_high_contrast_colours_in_use_are_readable():
    sheet = theme.HIGH_CONTRAST
    bar = re.search(r"QProgressBar::chunk\s*{[^}]*background:\s*(#[0-9a-f]{6})", sheet).group(1)
    meter = re.search(r"QProgressBar\s*{[^}]*color:\s*(#[0-9a-f]{6})", sheet).group(1)
    trough = re.search(r"QProgressBar\s*{[^}]*background:\s*(#[0-9a-f]{6})", sheet).group(1)
    button = re.search(r"QPushButton\s*{[^}]*color:\s*(#[0-9a-f]{6})", sheet).group(1)
    # The meter's words are drawn over its bar and its trough: both must be readable.
    assert theme.contrast_ratio(meter, bar) >= 4.5
    assert theme.contrast_ratio(meter, trough) >= 4.5
    assert theme.contrast_ratio(bar, trough) >= 3.0
    assert theme.contrast_ratio(button, trough) >= 4.5
    for what, first, second in theme.HIGH_CONTRAST_PAIRS:
        assert first in sheet or what.startswith("hint"), what
        assert theme.contrast_ratio(first, second) >= 4.5, what
    for what, first, second in theme.HIGH_CONTRAST_GRAPHICS:
        assert theme.contrast_ratio(first, second) >= 3.0, what
    assert theme.contrast_ratio("#ffffff", "#ffff00") < 1.5     # the old white-on-yellow meter


def test_camera_letterbox_is_the_window_colour_not_black(qtbot):
    import numpy as np
    from PySide6.QtGui import QColor, QPalette

    from assistant.vision.camera import ImageFileSource
    from ui.camera_view import CameraView
    from ui_support import SIGN

    view = CameraView()
    qtbot.addWidget(view)
    view.resize(600, 200)       # much wider than the photo's shape
    view.show()
    source = ImageFileSource(SIGN)
    source.open()
    try:
        view.set_source(source)
        qtbot.waitUntil(lambda: view.current_frame is not None)
        image = view.grab().toImage()
        edge = QColor(image.pixel(2, 100))
        assert edge == view.palette().color(QPalette.ColorRole.Window)
        middle = QColor(image.pixel(300, 100))
        assert middle != edge and np.asarray(view.current_frame.image).size > 0
    finally:
        view.set_source(None)
        source.close()


def test_clearing_the_history_asks_first_and_no_is_the_default(open_window, qtbot):
    from PySide6.QtWidgets import QMessageBox

    window = open_window()
    window.question.setText("Read the text.")
    window.ask_typed()
    qtbot.waitUntil(lambda: len(answers(window)) == 1, timeout=60_000)
    window.keys.actions["clear_history"].trigger()
    box = window.clear_question
    assert box.isVisible() and box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.No).click()
    qtbot.wait(300)
    assert len(answers(window)) == 1
    window.keys.actions["clear_history"].trigger()
    window.clear_question.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: window.chat.count() == 0, timeout=10_000)


def test_the_checker_sees_cut_text_and_controls_off_screen(qtbot):
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QLabel, QPushButton, QWidget

    root = QWidget()
    qtbot.addWidget(root)
    root.setGeometry(0, 0, 400, 300)
    narrow = QPushButton("Stop speaking now please", root)
    narrow.setGeometry(10, 10, 60, 30)
    label = QLabel("A long line of words that will not fit", root)
    label.setGeometry(10, 50, 80, 30)
    wrapped = QLabel("A long line of words that wraps onto several lines here", root)
    wrapped.setWordWrap(True)
    wrapped.setGeometry(10, 90, 80, 20)
    fine = QPushButton("OK", root)
    fine.resize(fine.sizeHint())
    fine.move(10, 200)
    root.show()
    qtbot.waitExposed(root)
    found = fit_check.problems(root, QRect(root.mapToGlobal(root.rect().topLeft()), root.size()))
    assert len(found) == 3 and not any("OK" in f for f in found), found
    assert fit_check.problems(root, QRect(-10_000, -10_000, 50, 50))   # all of it off that "screen"


def test_the_systems_own_scaling_is_followed_too(tmp_path):
    """The desktop's own scaling at 200% (QT_SCALE_FACTOR=2: a 1280x1024 screen is 640x512 to
    the window) on top of 2x text: still nothing off screen or cut."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    child = Path(__file__).with_name("fit_child.py")
    env = {**os.environ, "QT_SCALE_FACTOR": "2", "ASSISTANT_HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, str(child), "2.0", "0", "0"], env=env,
                         capture_output=True, text=True, timeout=240)
    lines = [l for l in run.stdout.splitlines() if l.startswith("{")]
    assert lines, run.stderr[-2000:]
    result = json.loads(lines[-1])
    assert result["ratio"] == 2.0 and result["screen"][3] <= 512, result
    assert result["problems"] == [], result
