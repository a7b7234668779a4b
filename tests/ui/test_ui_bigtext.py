"""Large text on a 1024x768 screen under a real window manager (openbox), at every Ctrl++ step
from 1x to 4x: the window and its frame on the screen, nothing cut, the status line and
every menu reachable, one column above about 2x, the newest answer kept in view, End goes
to it, and Settings, F1 and the PIN dialog fit and scroll. Run it on a screen of that size:
``xvfb-run -a -s "-screen 0 1024x768x24" python -m pytest tests/ui/test_ui_bigtext.py``."""
from __future__ import annotations

import pytest

from ui import fit_check, theme
from ui.flow import frame_margins

SMALL = (0, 0, 1024, 768)
LONG = ("The sign says LAUNCH PAD and NO ENTRY in white capitals on a blue board, lit from the "
        "left, with a red arrow under the words pointing to the door on the right.")


def steps() -> list[float]:
    """The text sizes Ctrl++ goes through from 1x to 4x (as ``controls`` multiplies)."""
    sizes = [1.0]
    while sizes[-1] < theme.MAX_SCALE:
        sizes.append(theme.clamp_scale(sizes[-1] * 1.15))
    return sizes


def _area(window):
    from PySide6.QtCore import QRect

    return window.screen().availableGeometry().intersected(QRect(*SMALL))


def _framed(qtbot, widget, window_manager) -> None:
    if window_manager is not None:   # on X: the window manager's frame is known
        qtbot.waitUntil(lambda: frame_margins(widget).height() > 0, timeout=10_000)


def _issues(window, area) -> list[str]:
    found = list(fit_check.problems(window, area))
    if not area.contains(window.frameGeometry()):
        found.append(f"frame {window.frameGeometry().getRect()} off {area.getRect()}")
    if not (window.statusBar().isVisible() and window.state_label.isVisible()):
        found.append("the status line is hidden")
    chat = window.chat
    if chat.count():
        last = chat.visualItemRect(chat.item(chat.count() - 1))
        if not last.intersects(chat.viewport().rect()):
            found.append("the newest answer is out of view")
    return found


def _settled(qtbot, check) -> list[str]:
    """The problems once the layout has settled (empty as soon as it is fine)."""
    from pytestqt.exceptions import TimeoutError as Waited

    try:
        qtbot.waitUntil(lambda: not check(), timeout=4_000)
    except Waited:
        pass
    return check()


@pytest.fixture
def big_window(open_window, qtbot, window_manager):
    from PySide6.QtCore import QRect

    from assistant.conversation.store import StoredTurn

    window = open_window()
    window.screen_limit = QRect(*SMALL)   # the CI screen is this size; a larger one is cut down
    _framed(qtbot, window, window_manager)
    window.fit.update()
    for n in range(5):
        window.chat.add_turn(StoredTurn(question=f"What does sign {n} say?", answer=f"{n}: {LONG}"))
    window.show_notice("The camera went away. I keep trying to find it.")
    return window


def _bigger(window, qtbot, scale: float) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    if window.font().pointSizeF() < theme.point_size(scale) - 0.05:
        window.activateWindow()   # a dialog just closed: the window manager gives it back
        qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
        QTest.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.font().pointSizeF() == pytest.approx(theme.point_size(scale)))


def test_every_step_from_1x_to_4x_fits_with_its_frame(big_window, qtbot):
    window = big_window
    area = _area(window)
    modes = {}
    for scale in steps():
        _bigger(window, qtbot, scale)
        found = _settled(qtbot, lambda: _issues(window, area))
        assert found == [], f"at {scale}x: {found}"
        modes[scale] = window.fit.mode
        camera = fit_check.global_rect(window.camera_view)
        chat = fit_check.global_rect(window.chat)
        if window.fit.mode == "column":   # the picture above the answers
            assert chat.top() > camera.bottom(), scale
        else:                             # side by side
            assert chat.left() > camera.right(), scale
        if scale > 2.1:   # one column: the answers have the window's width
            central = window.centralWidget()
            assert window.chat.width() >= 0.9 * central.width(), scale
    assert modes[1.0] == "wide" and modes[4.0] == "column", modes
    assert window.keys.compact is True     # the menus folded into one "Menu"
    assert window.stop_button.accessibleName() == "Stop speaking"


def test_end_goes_to_the_newest_answer_even_when_it_is_current(big_window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = big_window
    _bigger(window, qtbot, 1.15)
    for scale in steps()[2:]:
        _bigger(window, qtbot, scale)
    chat = window.chat
    chat.setFocus()
    chat.setCurrentRow(chat.count() - 1)
    bar = chat.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(0)
    QTest.keyClick(chat, Qt.Key.Key_End)
    assert bar.value() == bar.maximum() > 0


def test_settings_help_and_pin_fit_at_every_step(big_window, qtbot, window_manager):
    from ui.kiosk_view import PinDialog

    window = big_window
    area = _area(window)

    def fits(dialog) -> list[str]:
        found = list(fit_check.problems(dialog, area))
        if not area.contains(dialog.frameGeometry()):
            found.append(f"frame {dialog.frameGeometry().getRect()} off {area.getRect()}")
        return found

    for scale in steps():
        _bigger(window, qtbot, scale)
        settings = window.keys.open_settings()
        qtbot.waitUntil(settings.isVisible)
        _framed(qtbot, settings, window_manager)
        for index in range(settings.tabs.count()):
            settings.tabs.setCurrentIndex(index)
            found = _settled(qtbot, lambda: fits(settings))
            assert found == [], f"Settings, {settings.tabs.tabText(index)}, at {scale}x: {found}"
        settings.reject()
        window.keys.actions["help"].trigger()
        help_box = window.keys.help_box
        qtbot.waitUntil(help_box.isVisible)
        _framed(qtbot, help_box, window_manager)
        found = _settled(qtbot, lambda: fits(help_box))
        assert found == [], f"F1 at {scale}x: {found}"
        words, view = help_box.words, help_box.scroll.viewport()
        if words.height() > view.height():   # the list scrolls to its end
            assert help_box.scroll.verticalScrollBar().isVisible(), scale
        help_box.accept()
        pin = PinDialog("2468", "quit the kiosk", window)
        pin.open()
        qtbot.waitUntil(pin.isVisible)
        _framed(qtbot, pin, window_manager)
        pin.field.setText("1111")
        pin.check()
        assert pin.message.text()
        found = _settled(qtbot, lambda: fits(pin))
        assert found == [], f"PIN after a wrong PIN at {scale}x: {found}"
        pin.reject()
        pin.deleteLater()


def test_the_hands_free_button_shows_and_names_its_state(open_window, qtbot, window_manager):
    window = open_window()
    _framed(qtbot, window, window_manager)
    button = window.hands_free_button
    area = _area(window)
    button.click()
    qtbot.waitUntil(lambda: button.isChecked())
    assert button.text() == button.accessibleName() == "Hands-free: on"
    found = _settled(qtbot, lambda: fit_check.problems(window, window.screen().availableGeometry()))
    assert found == [] and area.width() > 0, found
    button.click()
    qtbot.waitUntil(lambda: not button.isChecked())
    assert button.accessibleName() == "Hands-free: off"
