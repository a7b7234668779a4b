"""The settings dialog's fields: the choice tables (English words marked for translation,
translated where shown), and the small builders every tab uses -- combo boxes that keep a
value they do not list, spin boxes, check boxes whose words wrap at large text sizes, notes,
and the names of the text fields inside editable fields."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractSpinBox, QCheckBox, QComboBox, QDoubleSpinBox,
                               QHBoxLayout, QLabel, QLineEdit, QWidget)

from . import accessibility as a11y
from . import device_names
from .translation import QT_TRANSLATE_NOOP, translate

# (setting, words): the words in English, translated where they are shown (translated).
LANGUAGES = (("", QT_TRANSLATE_NOOP("SettingsDialog", "Detect the language")),
             ("en", QT_TRANSLATE_NOOP("SettingsDialog", "English")),
             ("fr", QT_TRANSLATE_NOOP("SettingsDialog", "French")),
             ("de", QT_TRANSLATE_NOOP("SettingsDialog", "German")),
             ("es", QT_TRANSLATE_NOOP("SettingsDialog", "Spanish")),
             ("it", QT_TRANSLATE_NOOP("SettingsDialog", "Italian")),
             ("pt", QT_TRANSLATE_NOOP("SettingsDialog", "Portuguese")),
             ("nl", QT_TRANSLATE_NOOP("SettingsDialog", "Dutch")))
# The window's and the answers' language (ui.language): each in its own words, as a user who
# cannot read the current language looks for them.
WINDOW_LANGUAGES = (("en", "English"), ("fr", "Français"), ("de", "Deutsch"), ("es", "Español"))
VISION_CHOICES = (("auto", QT_TRANSLATE_NOOP("SettingsDialog", "Automatic")),
                  ("embedded", QT_TRANSLATE_NOOP("SettingsDialog",
                                                 "Embedded: text, light, colours (fast)")),
                  ("imagetext", QT_TRANSLATE_NOOP("SettingsDialog",
                                                  "Image-text model: SmolVLM, Qwen2-VL, Gemma 3...")),
                  ("blip", QT_TRANSLATE_NOOP("SettingsDialog", "BLIP (smaller model)")),
                  ("blip2", QT_TRANSLATE_NOOP("SettingsDialog", "BLIP-2 (large, best with a GPU)")),
                  ("llava", QT_TRANSLATE_NOOP("SettingsDialog", "LLaVA (large, needs a GPU)")),
                  ("openai", QT_TRANSLATE_NOOP("SettingsDialog",
                                               "A server on the network (see Advanced)")))
VOICE_CHOICES = (("auto", QT_TRANSLATE_NOOP("SettingsDialog", "Automatic")), ("piper", "Piper"),
                 ("pyttsx3", "eSpeak"), ("none", QT_TRANSLATE_NOOP("SettingsDialog", "Do not speak")),
                 ("openai", QT_TRANSLATE_NOOP("SettingsDialog",
                                              "A server on the network (see Advanced)")))
REPLY_CHOICES = (("auto", QT_TRANSLATE_NOOP("SettingsDialog", "Automatic: read by the screen "
                                                              "reader when one runs, else spoken")),
                 ("speak", QT_TRANSLATE_NOOP("SettingsDialog", "Spoken")),
                 ("announce", QT_TRANSLATE_NOOP("SettingsDialog", "Read by the screen reader")))
STACK_CHARS = 60    # labels go above their fields with fewer characters than this across
REMOTE_WARNING = QT_TRANSLATE_NOOP(
    "SettingsDialog", "Pictures and recordings are sent to this server whenever an engine is set "
                      "to \"a server on the network\". Leave it empty to keep everything on this "
                      "computer.")


def translated(choices) -> list[tuple[str, str]]:
    """A table of (setting, English words) with the words in the window's language."""
    return [(value, translate("SettingsDialog", words)) for value, words in choices]


def combo(values, current: str, *, editable: bool = True) -> QComboBox:
    box = QComboBox()
    box.setEditable(editable)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(12)
    for value in values:
        if isinstance(value, tuple):
            box.addItem(value[1], value[0])
        else:
            box.addItem(value, value)
    index = box.findData(current)
    if index >= 0:
        box.setCurrentIndex(index)
    elif editable:
        box.setEditText(current)
    elif current:   # a value this list does not offer is kept, not silently changed
        box.addItem(current, current)
        box.setCurrentIndex(box.count() - 1)
    return box


def refill(box: QComboBox, choices: list[tuple[str, str]]) -> None:
    """``box`` offering ``choices`` (setting, label), the setting shown now kept: a system
    route ("pulse") as the system default, a value not listed (a file, an unplugged device)
    as typed."""
    current = value_of(box)
    box.clear()
    for value, label in choices:
        box.addItem(label, value)
    if current.lower() in device_names.SYSTEM_ROUTES and box.findData(current) < 0:
        box.addItem("{} ({})".format(device_names.system_default(), current), current)
    index = box.findData(current)
    if index >= 0:
        box.setCurrentIndex(index)
    else:
        box.setEditText(current)


def value_of(box: QComboBox) -> str:
    text = box.currentText()
    index = box.findText(text)
    data = box.itemData(index) if index >= 0 else None
    return str(data if data is not None else text).strip()


def spin(low: float, high: float, step: float, value: float, suffix: str = "") -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(low, high)
    spin.setSingleStep(step)
    spin.setDecimals(2)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


def check(text: str, on: bool) -> QCheckBox:
    """A check box whose words are a wrapping label beside it (a check box's own text cannot
    wrap, so at large text sizes it would run off the dialog)."""
    box = QCheckBox()
    box.setChecked(on)
    box.setProperty("words", text)
    return box


class CheckWords(QLabel):
    """The words of a check box: wrap, carry its mnemonic, and toggle it when clicked."""

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.buddy() is not None:
            self.buddy().toggle()
            self.buddy().setFocus()


def check_row(box: QCheckBox) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    words = CheckWords(box.property("words"))
    words.setWordWrap(True)
    words.setBuddy(box)
    words.setAccessibleName(words.text().replace("&", ""))
    layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(words, 1)
    return row


def note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("settings_note")
    a11y.label(label, text, translate("SettingsDialog", "A note about the settings above."))
    return label


def name_inner_editors(widget: QWidget, name: str, description: str) -> None:
    """An editable combo box or a spin box has a text field inside: it gets the same name."""
    editor = widget.lineEdit() if isinstance(widget, QComboBox) else (
        widget.findChild(QLineEdit) if isinstance(widget, QAbstractSpinBox) else None)
    if editor is not None:
        a11y.label(editor, name, description)
