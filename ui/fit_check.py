"""Checks that every shown control is on screen and no text is cut (used by tests and scripts).

A control counts as off screen when its rectangle is not inside ``area`` or
sticks out of its parent (unless the parent scrolls it); as clipped when its
text needs more room than it has: a one-line label or a button narrower than
its text, a wrapping label shorter than its wrapped text, a question box
whose hint does not fit, a tab narrower than its words; a menu bar whose menus
hide behind its » button counts too.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (QAbstractButton, QAbstractScrollArea, QAbstractSpinBox, QComboBox,
                               QLabel, QLineEdit, QMenu, QMenuBar, QTabBar, QToolButton, QWidget)


def global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def _scrolled(widget: QWidget) -> QWidget | None:
    """The scroll area's viewport the widget is inside (off view by scrolling is fine), or None."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return parent.viewport()
        parent = parent.parentWidget()
    return None


def _text_cut(widget: QWidget) -> str:
    if isinstance(widget, QMenuBar):
        more = widget.findChild(QToolButton, "qt_menubar_ext_button")
        if more is not None and more.isVisible():
            return "menus hidden behind the » button"
    if isinstance(widget, QTabBar):
        for index in range(widget.count()):
            if widget.tabRect(index).width() < widget.tabSizeHint(index).width() - 1:
                return f"tab {widget.tabText(index)!r} narrower than its words"
    if isinstance(widget, QLabel) and widget.text() and not widget.pixmap():
        if widget.wordWrap():
            if widget.heightForWidth(widget.width()) > widget.height() + 1:
                return "wrapped text taller than the label"
        elif QFontMetrics(widget.font()).horizontalAdvance(widget.text()) > widget.contentsRect().width() + 1:
            return "text wider than the label"
    if isinstance(widget, QAbstractButton) and widget.text():
        text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        if QFontMetrics(widget.font()).horizontalAdvance(text) > widget.width():
            return "text wider than the button"
        if widget.sizeHint().height() > widget.height() + 1:
            return "button lower than its text"
    inner = isinstance(widget.parentWidget(), (QComboBox, QAbstractSpinBox))
    if isinstance(widget, (QComboBox, QAbstractSpinBox)) or (isinstance(widget, QLineEdit) and not inner):
        if widget.sizeHint().height() > widget.height() + 1:
            return "field lower than its text"
    if isinstance(widget, QLineEdit):
        hint = widget.placeholderText()
        if hint and not widget.text() and QFontMetrics(widget.font()).horizontalAdvance(hint) \
                > widget.width() - 12:
            return "hint wider than the field"
    return ""


def problems(root: QWidget, area: QRect) -> list[str]:
    """Every shown widget under ``root`` that is off ``area``, outside its parent, or cut."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or isinstance(widget, QMenu) or widget.objectName().startswith("qt_"):
            continue
        name = f"{type(widget).__name__}:{widget.objectName() or widget.accessibleName()}"
        rect = global_rect(widget)
        if widget.width() <= 0 or widget.height() <= 0:
            continue
        view = _scrolled(widget)
        if view is not None:   # only the part scrolled into view must be on the screen
            rect = rect.intersected(global_rect(view))
            if rect.isEmpty():
                continue
        if not area.contains(rect):
            found.append(f"{name} at {rect.getRect()} is off the screen {area.getRect()}")
            continue
        parent = widget.parentWidget()
        if parent is not None and widget is not root and view is None \
                and not global_rect(parent).contains(rect):
            found.append(f"{name} sticks out of its parent")
            continue
        cut = _text_cut(widget)
        if cut:
            found.append(f"{name}: {cut}")
    return found
