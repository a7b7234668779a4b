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

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from assistant.conversation.store import StoredTurn

from . import accessibility
from .chat_rows import (PAD, ROLE_ID, ROLE_KIND, ROLE_TURN, THUMB, WELCOME, WORKING, WRAP,
                        WrapDelegate, answer_text, question_text, thumbnail_icon, timings_text,
                        working)
from .chat_rows import wrapped_height  # noqa: F401 (the tests measure rows with it)
from .translation import translate


def _without_working(item: QListWidgetItem) -> None:
    """The row's words without the "working on it" ending (in English or translated)."""
    text = item.text()
    for ending in (working(), WORKING):
        if ending and text.endswith(ending):
            item.setText(text[:-len(ending)])
            return


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
        # Following the newest answer until the reader scrolls or moves up; the text size
        # or the width changing (row heights change) must not lose it.
        self.following = True
        self.verticalScrollBar().actionTriggered.connect(
            lambda _action: QTimer.singleShot(0, self, self._note_position))
        self.currentRowChanged.connect(self._row_chosen)
        self.show_timings = False
        self.welcome = translate("ChatRows", WELCOME)
        self._pending: QListWidgetItem | None = None
        self._open: dict[object, list] = {}     # turn id -> [question item, answer item or None]
        accessibility.label(self, translate("ChatView", "Chat history"),
                            translate("ChatView", "Your questions and the assistant's answers, "
                                      "newest last. Use the arrow keys to read them."),
                            action="focus_history")
        self._describe_empty()

    # -- rows that wrap -------------------------------------------------------
    def fit_row(self, item: QListWidgetItem) -> None:
        item.setSizeHint(self.itemDelegate().row_size(self, item.text(), not item.icon().isNull()))

    def fit_rows(self) -> None:
        for row in range(self.count()):
            self.fit_row(self.item(row))
        self.keep_newest_in_view()

    # -- the newest answer in view --------------------------------------------
    def _note_position(self) -> None:
        bar = self.verticalScrollBar()
        self.following = bar.value() >= bar.maximum() - 2

    def _row_chosen(self, row: int) -> None:
        self.following = row < 0 or row == self.count() - 1

    def keep_newest_in_view(self) -> None:
        """After rows change height (text size, width): back to the newest answer if the
        reader was there; once the rows have their new heights (the next turn of the loop)."""
        if self.following and self.count():
            QTimer.singleShot(0, self, self.show_newest)

    def show_newest(self) -> None:
        """The newest row: its start when it is taller than the pane, else the very end."""
        if not self.count():
            return
        self.doItemsLayout()
        last = self.item(self.count() - 1)
        if self.visualItemRect(last).height() > self.viewport().height():
            self.scrollToItem(last, QAbstractItemView.ScrollHint.PositionAtTop)
        else:
            self.scrollToBottom()
        self.following = True

    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt's names)
        super().wheelEvent(event)
        self._note_position()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        # End (and Ctrl+End) goes to the end of the newest answer, even when its row is
        # already the current one (Qt's End then did nothing).
        if event.key() == Qt.Key.Key_End and self.count():
            self.setCurrentRow(self.count() - 1)
            self.doItemsLayout()
            self.scrollToBottom()
            self.following = True
            event.accept()
            return
        super().keyPressEvent(event)

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
        elif event.oldSize().height() != event.size().height():
            self.keep_newest_in_view()

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
        base = translate("ChatView", "Your questions and the assistant's answers, newest last. "
                         "Use the arrow keys to read them. Shortcut: {keys}.").format(
            keys=accessibility.keys_for("focus_history"))
        self.setAccessibleDescription(f"{base} {self.welcome}" if self.count() == 0 else base)

    def _added(self, item: QListWidgetItem) -> None:
        self._describe_empty()
        self.scrollToItem(item)
        self.following = True

    # -- turns, one row each, matched by the caller's turn id -----------------
    def add_question(self, turn_id, text: str) -> QListWidgetItem:
        """A question's own row, shown as soon as it is asked; its answer goes under it.

        ``text`` may end with ``WORKING``; the row drops it when the turn ends either way."""
        self.drop_pending()
        if text.endswith(WORKING) and working() != WORKING:   # a caller's English ending
            text = text[:-len(WORKING)] + working()
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
        rows[1].setText(translate("ChatView", "Assistant: {answer}…").format(answer=text))
        if self.row(rows[1]) == self.count() - 1:
            self.scrollToItem(rows[1])
        return rows[1]

    def finish(self, turn_id, text: str = "", *, turn: StoredTurn | None = None) -> QListWidgetItem:
        """The answer is complete: it fills the row of its own question (or a new pair)."""
        rows = self._open.pop(turn_id, None)
        words_only = turn is None
        if rows is not None:   # answered: no longer working
            _without_working(rows[0])
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

    def cancel(self, turn_id, note: str = "") -> None:
        """A turn that ends without an answer keeps its question row, with the reason under it."""
        rows = self._open.pop(turn_id, None)
        if rows is None:
            return
        _without_working(rows[0])   # no longer being worked on
        if rows[1] is None:
            rows[1] = _Row()
            self.insertItem(self.row(rows[0]) + 1, rows[1])
        rows[1].setText(note or translate("ChatView", "Not answered."))
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
        asked = time.strftime("%H:%M:%S", time.localtime(turn.started_at or time.time()))
        item.setToolTip(translate("ChatView", "Asked at {time}").format(time=asked))

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
        item = _Row(translate("ChatView", "Notice: {notice}").format(notice=text))
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
