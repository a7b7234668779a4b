"""The settings dialog: grouped in tabs, expert fields under Advanced, every field named by its
label, no two mnemonics alike, the new choices saved, and it fits the screen at 4x text."""
from __future__ import annotations

import re
from collections import Counter

from assistant.config import AppConfig


def _dialog(qtbot, config=None, parent=None):
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(config or AppConfig(), parent)
    qtbot.addWidget(dialog)
    return dialog


def _mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def test_no_two_mnemonics_share_a_letter(qtbot):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    dialog = _dialog(qtbot)
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)]
    texts += [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    letters = [m for m in map(_mnemonic, texts) if m]
    assert len(letters) >= 15
    assert [letter for letter, n in Counter(letters).items() if n > 1] == []
    # Each label with a mnemonic takes the focus to its own field.
    for label in dialog.findChildren(QLabel):
        if _mnemonic(label.text()):
            assert label.buddy() is not None, label.text()


def test_every_field_is_named_by_its_label_never_its_value(qtbot):
    from PySide6.QtWidgets import (QAbstractSpinBox, QCheckBox, QComboBox, QLabel, QLineEdit,
                                   QTabBar, QTabWidget, QWidget)

    dialog = _dialog(qtbot)
    fields = [w for w in dialog.findChildren(QWidget)
              if isinstance(w, QWidget_types()) and not w.objectName().startswith("qt_")
              and not isinstance(w.parentWidget(), QTabBar)]   # the tab bar's own arrows
    assert len(fields) >= 20
    for field in fields:
        name = field.accessibleName()
        assert name and "&" not in name, (type(field).__name__, name)
        assert field.accessibleDescription(), name
        if isinstance(field, QComboBox):
            assert name not in {field.itemText(i) for i in range(field.count())}, name
    for label in dialog.findChildren(QLabel):
        assert "&" not in label.accessibleName(), label.text()
    names = Counter(f.accessibleName() for f in fields if isinstance(f, QComboBox))
    assert names["Automatic"] == 0
    # Inner text fields of editable boxes carry their box's name (five had none).
    assert dialog.camera.lineEdit().accessibleName() == "Camera"
    assert dialog.rate.findChild(QLineEdit).accessibleName() == "Speaking rate"
    assert isinstance(dialog.tabs, QTabWidget) and isinstance(dialog.hands_free, QCheckBox)
    assert isinstance(dialog.beams, QAbstractSpinBox)


def QWidget_types():
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit

    return (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractButton)


def test_tabs_group_the_fields_and_experts_fields_sit_under_advanced(qtbot):
    dialog = _dialog(qtbot)
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert titles == ["Devices", "Speech", "Vision", "Display", "Privacy", "Advanced", "Kiosk"]
    for field in (dialog.blip2_model, dialog.dtype, dialog.beams, dialog.remote_url):
        assert dialog.advanced_tab.isAncestorOf(field)
    assert dialog.kiosk_tab.isAncestorOf(dialog.idle_minutes)
    assert dialog.kiosk_tab.isAncestorOf(dialog.kiosk_pin)
    # The server address says plainly what leaves the computer.
    assert "sent to this server" in dialog.remote_url.accessibleDescription()


def test_reply_voice_pin_and_server_are_saved(qtbot):
    dialog = _dialog(qtbot)
    dialog.reply_voice.setCurrentIndex(dialog.reply_voice.findData("announce"))
    assert dialog.reply_voice.currentText() == "Read by the screen reader"
    dialog.kiosk_pin.setText("2468")
    dialog.attract.setChecked(False)
    dialog.remote_url.setText("http://gpu-box:8000/v1")
    config = dialog.result_config()
    assert config.ui.reply_voice == "announce" and config.ui.kiosk_pin == "2468"
    assert config.ui.kiosk_attract is False and config.remote.base_url == "http://gpu-box:8000/v1"


def test_a_bad_value_is_refused_in_words_and_the_dialog_stays(qtbot):
    dialog = _dialog(qtbot)
    dialog.show()
    dialog.kiosk_pin.setText("12")
    dialog.accept()
    assert dialog.isVisible() and "kiosk_pin" in dialog.error.text()
    dialog.kiosk_pin.setText("")
    dialog.remote_url.setText("gpu-box")
    dialog.accept()
    assert dialog.isVisible() and "http" in dialog.error.text()


def test_an_engine_the_list_does_not_offer_is_kept(qtbot):
    config = AppConfig().with_overrides(vision={"engine": "llava"}, tts={"engine": "openai"})
    dialog = _dialog(qtbot, config)
    saved = dialog.result_config()
    assert saved.vision.engine == "llava" and saved.tts.engine == "openai"


def test_the_dialog_fits_the_screen_at_4x_text(qtbot, window_manager):
    from PySide6.QtCore import QRect

    from ui import fit_check, theme
    from ui.app import application
    from ui.flow import frame_margins

    app = application()
    theme.apply(app, scale=4.0)
    try:
        dialog = _dialog(qtbot)
        dialog.show()
        qtbot.waitExposed(dialog)
        screen = dialog.screen().availableGeometry()
        # Under a window manager, its frame too (known once the window manager framed it).
        qtbot.waitUntil(lambda: (window_manager is None or frame_margins(dialog).height() > 0)
                        and screen.contains(dialog.frameGeometry()), timeout=5_000)
        assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
        for index in range(dialog.tabs.count()):
            dialog.tabs.setCurrentIndex(index)
            qtbot.wait(50)
            assert fit_check.problems(dialog, QRect(screen)) == [], dialog.tabs.tabText(index)
    finally:
        theme.apply(app)
