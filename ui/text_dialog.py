"""A dialog of words with one OK button (the F1 key list, the kiosk's visitor help) that fits
the screen at any text size: the words wrap and scroll, OK stays on screen.

A ``QMessageBox`` grows with its text and has no scroll bar: at 4x text on a 1024x768
screen its OK button was below the screen's edge.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFrame, QLabel, QScrollArea, QVBoxLayout,
                               QWidget)

from . import accessibility as a11y
from .flow import ScreenFit, room_inside
from .translation import translate


class TextDialog(QDialog):
    def __init__(self, title: str, text: str, parent: QWidget | None = None, *,
                 name: str = "text_dialog") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        a11y.label(self, title, text)
        self.words = QLabel(text)
        self.words.setObjectName(f"{name}_words")
        self.words.setWordWrap(True)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                           | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.words.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        a11y.label(self.words, title, text)
        self.scroll = QScrollArea()
        self.scroll.setObjectName(f"{name}_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.words)
        a11y.label(self.scroll, title,
                   translate("TextDialog", "Scrolls with the arrow keys or Page Down."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        a11y.label(self.ok, self.ok.text().replace("&", "") or translate("TextDialog", "OK"),
                   translate("TextDialog", "Close this list."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(buttons)
        self.fit = ScreenFit(self)
        self.ok.setFocus()

    def sizeHint(self):  # noqa: N802 (Qt's name)
        """As wide as its longest line (up to the screen), as tall as its words need there."""
        hint = super().sizeHint()
        room = room_inside(self)
        metrics = self.words.fontMetrics()      # at the font it has now (the kiosk's is larger)
        longest = max((metrics.horizontalAdvance(line) for line in self.text().splitlines()),
                      default=200)
        width = min(max(hint.width(), longest + 60), room.width())
        words = self.words.heightForWidth(width - 60)
        hint.setWidth(width)
        hint.setHeight(min(max(hint.height(), words + self.ok.sizeHint().height() + 60),
                           room.height()))
        return hint

    def text(self) -> str:
        return self.words.text()
