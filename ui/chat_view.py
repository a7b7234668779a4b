"""Chat history pane: one list item per question and per answer, read well by screen readers.

A plain QListWidget keeps every entry a real accessible list item whose text
says who spoke ("You said: ...", "Assistant: ..."), so nothing depends on
colour or layout. The frame a question was about is the question's icon.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from assistant.conversation.store import StoredTurn

from . import accessibility

THUMB = QSize(96, 72)
ROLE_TURN = Qt.ItemDataRole.UserRole + 1
ROLE_KIND = Qt.ItemDataRole.UserRole + 2


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
        self.show_timings = False
        self._pending: QListWidgetItem | None = None
        accessibility.label(self, "Chat history",
                            "Your questions and the assistant's answers, newest last. "
                            "Use the arrow keys to read them.", action="focus_history")

    # -- turns ----------------------------------------------------------------
    def show_pending(self, text: str) -> None:
        """The question being worked on, shown until its answer arrives."""
        if self._pending is None:
            self._pending = QListWidgetItem()
            self._pending.setData(ROLE_KIND, "pending")
            self.addItem(self._pending)
        self._pending.setText(text)
        self.scrollToItem(self._pending)

    def drop_pending(self) -> None:
        if self._pending is not None:
            self.takeItem(self.row(self._pending))
            self._pending = None

    def add_turn(self, turn: StoredTurn) -> QListWidgetItem:
        """Append a finished turn; returns the answer's item."""
        self.drop_pending()
        asked = QListWidgetItem(question_text(turn))
        icon = thumbnail_icon(turn.thumbnail_jpeg)
        if icon is not None:
            asked.setIcon(icon)
        asked.setData(ROLE_KIND, "question")
        asked.setData(ROLE_TURN, turn)
        asked.setToolTip(time.strftime("Asked at %H:%M:%S", time.localtime(turn.started_at or time.time())))
        answered = QListWidgetItem(answer_text(turn, with_timings=self.show_timings))
        answered.setData(ROLE_KIND, "answer")
        answered.setData(ROLE_TURN, turn)
        if turn.timings_ms:
            answered.setToolTip(timings_text(turn.timings_ms))
        self.addItem(asked)
        self.addItem(answered)
        self.setCurrentItem(answered)
        self.scrollToItem(answered)
        return answered

    def add_note(self, text: str) -> QListWidgetItem:
        """An error or a notice, written where the conversation is."""
        self.drop_pending()
        item = QListWidgetItem(f"Notice: {text}")
        item.setData(ROLE_KIND, "notice")
        self.addItem(item)
        self.scrollToItem(item)
        return item

    def set_turns(self, turns: list[StoredTurn] | tuple[StoredTurn, ...]) -> None:
        self.clear()
        self._pending = None
        for turn in turns:
            self.add_turn(turn)

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
