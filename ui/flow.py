"""Layout pieces both faces of the window use: a row of widgets that wraps like text
(``FlowLayout``), and keeping a window inside the screen's free area (``fit_to_screen``).
Split from ``layout.py`` so the kiosk face (``kiosk_view.py``) and the desktop layout need
not import each other."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLayout, QWidget


class FlowLayout(QLayout):
    """Items left to right, wrapping onto more rows when the width runs out (Qt's flow example)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:  # noqa: N802 (Qt's names below)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        gap = self.spacing()
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint().expandedTo(item.minimumSize())
            width = min(hint.width(), area.width())
            if x + width > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + gap
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


def flow(*widgets: QWidget) -> FlowLayout:
    layout = FlowLayout()
    for widget in widgets:
        layout.addWidget(widget)
    return layout


def available(window) -> QRect:
    """The screen's free area (``window.screen_limit``, when set, stands in for a smaller screen)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry()
    limit = getattr(window, "screen_limit", None)
    return room.intersected(limit) if limit is not None else room


def fit_to_screen(window, wanted: QSize | None = None) -> None:
    """Never larger than the screen's free area; ``wanted`` is the size asked for, if any."""
    room = available(window)
    window.setMaximumSize(room.size())
    size = wanted if wanted is not None else window.size()
    size = size.boundedTo(room.size())
    if size != window.size():
        window.resize(size)
    if window.isVisible() and not window.isFullScreen() and not room.contains(window.frameGeometry()):
        window.move(room.topLeft())
