"""Chat history pane: one list item per question and per answer, read well by screen readers.

A plain QListWidget keeps every entry a real accessible list item whose text
says who spoke ("You said: ...", "Assistant: ..."), so nothing depends on
colour or layout. The frame a question was about is the question's icon.
Rows wrap to the pane's width at any text size (``WrapDelegate``), never cut
with "…". Each question gets its own row as soon as it is asked
(``add_question``) and its answer grows and ends in the row under it
(``grow_answer``/``finish``), matched by the caller's turn id.
"""
from __future__ import annotations

import math
import time

from PySide6.QtCore import QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (QFont, QFontMetrics, QIcon, QImage, QPainter, QPalette, QPixmap, QTextLayout,
                           QTextOption)
from PySide6.QtWidgets import (QAbstractItemView, QListView, QListWidget, QListWidgetItem, QStyle,
                               QStyledItemDelegate, QStyleOptionViewItem, QWidget)

from assistant.conversation.store import StoredTurn

from . import accessibility

THUMB = QSize(96, 72)
ROLE_TURN = Qt.ItemDataRole.UserRole + 1
ROLE_KIND = Qt.ItemDataRole.UserRole + 2
ROLE_ID = Qt.ItemDataRole.UserRole + 3
PAD = 10          # the style sheet's item padding (6) and border (2), and a little air
WRAP = Qt.TextFlag.TextWordWrap
WORKING = " (working on it…)"   # after a question while it is answered


def wrap_option() -> QTextOption:
    """Break between words, and inside a word longer than the row (a file path, a link)."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option


_HEIGHTS: dict[tuple, int] = {}     # (font, width, text) -> height: rows are re-measured often


def wrapped_height(font: QFont, width: int, text: str) -> int:
    """Height of ``text`` wrapped at ``width`` the way ``paint`` draws it."""
    key = (font.key(), width, text)
    known = _HEIGHTS.get(key)
    if known is not None:
        return known
    if len(_HEIGHTS) > 4000:
        _HEIGHTS.clear()
    _HEIGHTS[key] = height = _measure(font, max(width, 1), text)
    return height


def _measure(font: QFont, width: int, text: str) -> int:
    height = 0.0
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(wrap_option())
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            height += line.height()
        layout.endLayout()
    return math.ceil(height)
WELCOME = ("Nothing asked yet. Press F5 to hear what the camera sees, or F6 to have its text read "
           "aloud. Type a question below and press Enter, or hold F4 and speak. F1 lists every key.")


def timings_text(timings_ms: dict) -> str:
    order = ("asr", "vision", "tts", "total")
    keys = [k for k in order if k in timings_ms] + sorted(k for k in timings_ms if k not in order)
    return "Timings: " + ", ".join(f"{k} {timings_ms[k]:.0f} ms" for k in keys)


def question_text(turn: StoredTurn) -> str:
    if turn.spoken:
        return f"You said: {turn.transcript or turn.question}"
    return f"You typed: {turn.question}"


def answer_text(turn: StoredTurn, *, with_timings: bool) -> str:
    text = f"Assistant: {turn.answer}"
    if with_timings and turn.timings_ms:
        text += f"\n{timings_text(turn.timings_ms)}" + (f" ({turn.engine})" if turn.engine else "")
    return text


def thumbnail_icon(jpeg: bytes | None) -> QIcon | None:
    if not jpeg:
        return None
    image = QImage.fromData(jpeg, "JPEG")
    if image.isNull():
        return None
    return QIcon(QPixmap.fromImage(image))


class WrapDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the list's current width (scroll bar included)."""

    def text_rect(self, rect: QRect, has_icon: bool) -> QRect:
        inner = rect.adjusted(PAD, PAD, -PAD, -PAD)
        if has_icon:
            inner.setLeft(inner.left() + THUMB.width() + PAD)
        return inner

    def row_size(self, view: QListWidget, text: str, has_icon: bool) -> QSize:
        """A row's size at the list's current width. Stored on each item (``setSizeHint``)
        rather than asked of this delegate, so laying out a long history calls no Python."""
        width = max(view.viewport().width() - 2, 4 * PAD + 20)
        area = self.text_rect(QRect(0, 0, width, 1_000_000), has_icon)
        needed = wrapped_height(view.font(), area.width(), text)
        return QSize(width, max(needed, THUMB.height() if has_icon else 0) + 2 * PAD)

    def paint(self, painter: QPainter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, icon = str(opt.text), QIcon(opt.icon)   # copies: the option is reused below
        opt.text, opt.icon = "", QIcon()
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:   # background, selection and focus, as the style sheet says
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        has_icon = not icon.isNull()
        if has_icon:
            icon.paint(painter, QRect(option.rect.left() + PAD, option.rect.top() + PAD,
                                      THUMB.width(), THUMB.height()))
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(role))
        painter.setFont(self.parent().font())
        painter.drawText(QRectF(self.text_rect(option.rect, has_icon)), text, wrap_option())
        painter.restore()


class _Row(QListWidgetItem):
    """A chat row that fits its size to its words whenever they change."""

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        view = self.listWidget()
        if isinstance(view, ChatView):
            view.fit_row(self)


class ChatView(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chat_history")
        self.setWordWrap(True)
        self.setIconSize(THUMB)
        self.setUniformItemSizes(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Wrap to the pane's width instead of scrolling sideways.
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setItemDelegate(WrapDelegate(self))
        self._refit = QTimer(self, singleShot=True, interval=0)
        self._refit.timeout.connect(self.fit_rows)
        self.show_timings = False
        self.welcome = WELCOME
        self._pending: QListWidgetItem | None = None
        self._open: dict[object, list] = {}     # turn id -> [question item, answer item or None]
        accessibility.label(self, "Chat history",
                            "Your questions and the assistant's answers, newest last. "
                            "Use the arrow keys to read them.", action="focus_history")
        self._describe_empty()

    # -- rows that wrap -------------------------------------------------------
    def fit_row(self, item: QListWidgetItem) -> None:
        item.setSizeHint(self.itemDelegate().row_size(self, item.text(), not item.icon().isNull()))

    def fit_rows(self) -> None:
        for row in range(self.count()):
            self.fit_row(self.item(row))

    def addItem(self, item) -> None:  # noqa: N802 (Qt's names)
        super().addItem(item)
        self.fit_row(item)

    def insertItem(self, row: int, item) -> None:  # noqa: N802
        super().insertItem(row, item)
        self.fit_row(item)

    def resizeEvent(self, event) -> None:  # noqa: N802
        # The viewport's size (a scroll bar coming or going changes it too).
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._refit.start()   # rows' heights follow the new width

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.StyleChange):
            self._refit.start()

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.count() == 0 and self.welcome:
            painter = QPainter(self.viewport())
            area = self.viewport().rect().adjusted(PAD, PAD, -PAD, -PAD)
            font = QFont(self.font())
            # The hint shrinks to fit a small pane at a large text size instead of being cut.
            while font.pointSizeF() > 7 and QFontMetrics(font).boundingRect(
                    area, int(WRAP), self.welcome).height() > area.height():
                font.setPointSizeF(font.pointSizeF() * 0.9)
            painter.setFont(font)
            painter.setPen(self.palette().color(QPalette.ColorRole.Text))
            painter.drawText(area, int(WRAP | Qt.AlignmentFlag.AlignTop), self.welcome)
            painter.end()

    def _describe_empty(self) -> None:
        base = ("Your questions and the assistant's answers, newest last. Use the arrow keys to "
                "read them. Shortcut: Ctrl+H.")
        self.setAccessibleDescription(f"{base} {self.welcome}" if self.count() == 0 else base)

    def _added(self, item: QListWidgetItem) -> None:
        self._describe_empty()
        self.scrollToItem(item)

    # -- turns, one row each, matched by the caller's turn id -----------------
    def add_question(self, turn_id, text: str) -> QListWidgetItem:
        """A question's own row, shown as soon as it is asked; its answer goes under it.

        ``text`` may end with ``WORKING``; the row drops it when the turn ends either way."""
        self.drop_pending()
        item = _Row(text)
        item.setData(ROLE_KIND, "asking")
        item.setData(ROLE_ID, turn_id)
        self.addItem(item)
        self._open[turn_id] = [item, None]
        self._added(item)
        return item

    def grow_answer(self, turn_id, text: str) -> QListWidgetItem | None:
        """The answer so far, in the row under its own question."""
        rows = self._open.get(turn_id)
        if rows is None:
            return None
        if rows[1] is None:
            rows[1] = _Row()
            rows[1].setData(ROLE_KIND, "growing")
            rows[1].setData(ROLE_ID, turn_id)
            self.insertItem(self.row(rows[0]) + 1, rows[1])
        rows[1].setText(f"Assistant: {text}…")
        if self.row(rows[1]) == self.count() - 1:
            self.scrollToItem(rows[1])
        return rows[1]

    def finish(self, turn_id, text: str = "", *, turn: StoredTurn | None = None) -> QListWidgetItem:
        """The answer is complete: it fills the row of its own question (or a new pair)."""
        rows = self._open.pop(turn_id, None)
        words_only = turn is None
        if rows is not None and rows[0].text().endswith(WORKING):   # answered: no longer working
            rows[0].setText(rows[0].text()[:-len(WORKING)])
        if turn is None:
            asked = rows[0].text().split(": ", 1)[-1] if rows else ""
            turn = StoredTurn(question=asked, answer=text, started_at=time.time())
        if rows is None:
            return self.add_turn(turn)
        question, answer = rows
        if words_only:   # the question row keeps its words ("You said: …")
            question.setData(ROLE_KIND, "question")
            question.setData(ROLE_TURN, turn)
        else:
            self._fill_question(question, turn)
        if answer is None:
            answer = _Row()
            self.insertItem(self.row(question) + 1, answer)
        self._fill_answer(answer, turn)
        self.setCurrentItem(answer)
        self.scrollToItem(answer)
        return answer

    def cancel(self, turn_id, note: str = "Not answered.") -> None:
        """A turn that ends without an answer keeps its question row, with the reason under it."""
        rows = self._open.pop(turn_id, None)
        if rows is None:
            return
        if rows[0].text().endswith(WORKING):   # no longer being worked on
            rows[0].setText(rows[0].text()[:-len(WORKING)])
        if rows[1] is None:
            rows[1] = _Row()
            self.insertItem(self.row(rows[0]) + 1, rows[1])
        rows[1].setText(note)
        rows[1].setData(ROLE_KIND, "notice")

    def open_turns(self) -> list:
        return list(self._open)

    # -- the older API: one pending row, then the whole turn ------------------
    def show_pending(self, text: str) -> None:
        """The question being worked on, shown until its answer arrives."""
        if self._pending is None:
            self._pending = _Row()
            self._pending.setData(ROLE_KIND, "pending")
            self.addItem(self._pending)
        self._pending.setText(text)
        self._added(self._pending)

    def drop_pending(self) -> None:
        if self._pending is not None:
            self.takeItem(self.row(self._pending))
            self._pending = None
            self._describe_empty()

    def _fill_question(self, item: QListWidgetItem, turn: StoredTurn) -> None:
        item.setText(question_text(turn))
        icon = thumbnail_icon(turn.thumbnail_jpeg)
        if icon is not None:
            item.setIcon(icon)
        item.setData(ROLE_KIND, "question")
        item.setData(ROLE_TURN, turn)
        self.fit_row(item)   # the picture may have come with the words
        item.setToolTip(time.strftime("Asked at %H:%M:%S", time.localtime(turn.started_at or time.time())))

    def _fill_answer(self, item: QListWidgetItem, turn: StoredTurn) -> None:
        item.setText(answer_text(turn, with_timings=self.show_timings))
        item.setData(ROLE_KIND, "answer")
        item.setData(ROLE_TURN, turn)
        if turn.timings_ms:
            item.setToolTip(timings_text(turn.timings_ms))

    def add_turn(self, turn: StoredTurn) -> QListWidgetItem:
        """Append a finished turn; returns the answer's item."""
        self.drop_pending()
        asked, answered = _Row(), _Row()
        self._fill_question(asked, turn)
        self._fill_answer(answered, turn)
        self.addItem(asked)
        self.addItem(answered)
        self.setCurrentItem(answered)
        self._added(answered)
        return answered

    def add_note(self, text: str) -> QListWidgetItem:
        """An error or a notice, written where the conversation is."""
        self.drop_pending()
        item = _Row(f"Notice: {text}")
        item.setData(ROLE_KIND, "notice")
        self.addItem(item)
        self._added(item)
        return item

    def set_turns(self, turns: list[StoredTurn] | tuple[StoredTurn, ...]) -> None:
        self.clear()
        self._pending = None
        self._open.clear()
        for turn in turns:
            self.add_turn(turn)
        self._describe_empty()

    def turns(self) -> list[StoredTurn]:
        return [self.item(i).data(ROLE_TURN) for i in range(self.count())
                if self.item(i).data(ROLE_KIND) == "answer"]

    def texts(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]

    def last_answer(self) -> str:
        turns = self.turns()
        return turns[-1].answer if turns else ""

    def set_show_timings(self, show: bool) -> None:
        self.show_timings = show
        for i in range(self.count()):
            item = self.item(i)
            if item.data(ROLE_KIND) == "answer":
                item.setText(answer_text(item.data(ROLE_TURN), with_timings=show))
        self.doItemsLayout()  # the rows' heights changed with their text

    def clear_all(self) -> None:
        self.clear()
        self._pending = None
        self._open.clear()
        self._describe_empty()
