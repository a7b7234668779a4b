"""Layout pieces both faces of the window use: a row of widgets that wraps like text
(``FlowLayout``), and keeping a window inside the screen's free area (``fit_to_screen``).
Split from ``layout.py`` so the kiosk face (``kiosk_view.py``) and the desktop layout need
not import each other."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer
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


QWIDGETSIZE_MAX = 16_777_215   # Qt's "no limit" for a widget's size
_last_frame = QSize(0, 0)   # the frame last seen: the same window manager frames the next window


def frame_margins(window: QWidget) -> QSize:
    """What the window manager's frame (title bar, borders) adds to the window's own size.

    Known once the window manager has framed the window; before that, a dialog borrows its
    parent window's frame, else the last frame seen (the same window manager draws them all),
    else nothing is known (0)."""
    global _last_frame
    own = (window.frameGeometry().size() - window.geometry().size()).expandedTo(QSize(0, 0))
    if own.width() > 0 or own.height() > 0:
        _last_frame = own
        return own
    if window.isVisible() and window.testAttribute(Qt.WidgetAttribute.WA_Mapped):
        return own
    parent = window.parentWidget()
    guess = frame_margins(parent.window()) if parent is not None else QSize(0, 0)
    return guess if not guess.isNull() else _last_frame


def room_inside(window: QWidget) -> QSize:
    """The largest size the window may have so that its frame, too, stays on the screen
    (at 1024x768 under openbox, a 1024-wide window was 1026 wide with its borders)."""
    return (available(window).size() - frame_margins(window)).expandedTo(QSize(100, 100))


def fit_to_screen(window, wanted: QSize | None = None) -> None:
    """Never larger than the screen's free area, frame included; ``wanted`` is the size asked
    for, if any."""
    if window.windowState() & Qt.WindowState.WindowFullScreen:
        # Full screen (the kiosk) has no frame and covers the whole screen: no cap, or a
        # frame seen on an earlier window would leave a strip of the screen bare.
        if window.maximumSize() != QSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX):
            window.setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX)
        return
    room = available(window)
    inside = room_inside(window)
    if window.maximumSize() != inside:
        window.setMaximumSize(inside)
    size = wanted if wanted is not None else window.size()
    size = size.boundedTo(inside)
    if size != window.size():
        window.resize(size)
    if window.isVisible() and not window.isFullScreen() and not room.contains(window.frameGeometry()):
        frame = window.frameGeometry()
        x = min(max(frame.x(), room.x()), room.right() + 1 - frame.width())
        y = min(max(frame.y(), room.y()), room.bottom() + 1 - frame.height())
        window.move(max(x, room.x()), max(y, room.y()))


class ScreenFit(QObject):
    """Keeps a dialog inside the screen, frame included, from the moment it is shown: its
    size capped (its pages scroll), moved back when it sticks out. The window manager frames
    a window only once it is shown, so the check runs again when the frame is known."""

    def __init__(self, dialog: QWidget) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self._later = QTimer(self, singleShot=True, interval=0)
        self._later.timeout.connect(self.fit)
        dialog.installEventFilter(self)
        self.fit(dialog.sizeHint())

    def fit(self, wanted: QSize | None = None) -> None:
        fit_to_screen(self.dialog, wanted)

    def needed(self) -> QSize:
        """The size its words need at its width (a label that wraps grows taller)."""
        dialog = self.dialog
        size = dialog.size().expandedTo(dialog.minimumSizeHint())
        layout = dialog.layout()
        if layout is not None and layout.hasHeightForWidth():
            size.setHeight(max(size.height(), layout.totalHeightForWidth(size.width())))
        return size

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if obj is self.dialog:
            kind = event.type()
            if kind == QEvent.Type.Show:
                self.fit(self.dialog.sizeHint().expandedTo(self.needed()))
            elif kind == QEvent.Type.LayoutRequest:
                QTimer.singleShot(0, self, lambda: self.fit(self.needed()))
            elif kind in (QEvent.Type.Move, QEvent.Type.Resize):
                self._later.start()    # framed, or moved: back inside the screen if need be
        return False
