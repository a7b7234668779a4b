"""The chat's rows: their words ("You said: …", "Assistant: …", timings), thumbnails, and the
delegate that wraps each row to the pane's width at any text size (split from
``chat_view.py``, which arranges the rows)."""
from __future__ import annotations

import io
import logging
import math

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import (QFont, QIcon, QImage, QPainter, QPalette, QPixmap, QTextLayout,
                           QTextOption)
from PySide6.QtWidgets import QListWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from assistant.conversation.store import StoredTurn

from .translation import QT_TRANSLATE_NOOP, translate

THUMB = QSize(96, 72)
ROLE_TURN = Qt.ItemDataRole.UserRole + 1
ROLE_KIND = Qt.ItemDataRole.UserRole + 2
ROLE_ID = Qt.ItemDataRole.UserRole + 3
PAD = 10          # the style sheet's item padding (6) and border (2), and a little air
WRAP = Qt.TextFlag.TextWordWrap
WORKING = QT_TRANSLATE_NOOP("ChatRows", " (working on it…)")   # after a question being answered


def working() -> str:
    """``WORKING`` in the window's language."""
    return translate("ChatRows", WORKING)


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
# English, marked for translation: ``translate("ChatRows", WELCOME)`` where shown.
WELCOME = QT_TRANSLATE_NOOP(
    "ChatRows", "Nothing asked yet. Press F5 to hear what the camera sees, or F6 to have its text "
    "read aloud. Type a question below and press Enter, or hold F4 and speak. F1 lists every key.")


def timings_text(timings_ms: dict) -> str:
    order = ("asr", "vision", "tts", "total")
    keys = [k for k in order if k in timings_ms] + sorted(k for k in timings_ms if k not in order)
    listed = ", ".join(f"{k} {timings_ms[k]:.0f} ms" for k in keys)
    return translate("ChatRows", "Timings: {timings}").format(timings=listed)


def question_text(turn: StoredTurn) -> str:
    if turn.spoken:
        return translate("ChatRows", "You said: {question}").format(
            question=turn.transcript or turn.question)
    return translate("ChatRows", "You typed: {question}").format(question=turn.question)


def answer_text(turn: StoredTurn, *, with_timings: bool) -> str:
    text = translate("ChatRows", "Assistant: {answer}").format(answer=turn.answer)
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


log = logging.getLogger(__name__)
THUMB_SIDE = 160   # the stored thumbnail's longer side, in pixels


def thumbnail_jpeg(frame) -> bytes | None:
    from PIL import Image

    try:
        image = getattr(frame, "image", frame)
        image = image.copy() if hasattr(image, "thumbnail") else Image.fromarray(image)
        image.thumbnail((THUMB_SIDE, THUMB_SIDE))
        out = io.BytesIO()
        image.convert("RGB").save(out, "JPEG", quality=80)
        return out.getvalue()
    except Exception:  # a thumbnail is a nicety; the turn still counts
        log.debug("thumbnail failed", exc_info=True)
        return None
