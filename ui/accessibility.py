"""Screen-reader support: names and descriptions, announcements, the shortcut list.

Every control gets an accessible name (what it is) and description (what it
does, with its shortcut), and each new reply is announced with Qt's
announcement event, so Orca, NVDA or VoiceOver read it even while focus stays
in the question box.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any, Iterator

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

from .translation import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Shortcut:
    action: str      # stable id used in code and tests
    keys: str        # QKeySequence text
    english: str     # what the user reads in the help and the menus, before translation

    @property
    def label(self) -> str:
        """The words shown in the help and the menus, in the window's language."""
        return translate("Accessibility", self.english)


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("ask", "Return", QT_TRANSLATE_NOOP(
        "Accessibility", "Ask the typed question (in the question box)")),
    Shortcut("focus_question", "Ctrl+L", QT_TRANSLATE_NOOP(
        "Accessibility", "Go to the question box")),
    Shortcut("push_to_talk", "F4", QT_TRANSLATE_NOOP(
        "Accessibility", "Push to talk: hold to speak a question")),
    Shortcut("hands_free", "F8", QT_TRANSLATE_NOOP(
        "Accessibility", "Hands-free listening on or off")),
    Shortcut("describe", "F5", QT_TRANSLATE_NOOP(
        "Accessibility", "Describe what the camera sees now")),
    Shortcut("read_text", "F6", QT_TRANSLATE_NOOP(
        "Accessibility", "Read the text the camera sees now")),
    Shortcut("open_picture", "Ctrl+O", QT_TRANSLATE_NOOP(
        "Accessibility", "Open a picture to ask about")),
    Shortcut("paste_picture", "Ctrl+V", QT_TRANSLATE_NOOP(
        "Accessibility", "Paste a picture or a copied picture file to ask about")),
    Shortcut("use_camera", "F9", QT_TRANSLATE_NOOP(
        "Accessibility", "Use the camera again after a picture")),
    Shortcut("repeat", "F7", QT_TRANSLATE_NOOP(
        "Accessibility", "Repeat the last answer")),
    Shortcut("stop", "Escape", QT_TRANSLATE_NOOP(
        "Accessibility", "Stop speaking")),
    Shortcut("focus_history", "Ctrl+H", QT_TRANSLATE_NOOP(
        "Accessibility", "Go to the chat history")),
    Shortcut("search_history", "Ctrl+F", QT_TRANSLATE_NOOP(
        "Accessibility", "Search the chat history")),
    Shortcut("copy_answer", "Ctrl+Shift+A", QT_TRANSLATE_NOOP(
        "Accessibility", "Copy the answer (the chosen one, else the newest); "
        "Ctrl+C in the history")),
    Shortcut("new_conversation", "Ctrl+N", QT_TRANSLATE_NOOP(
        "Accessibility", "New conversation: the next question starts afresh "
        "(the history stays)")),
    Shortcut("timings", "Ctrl+T", QT_TRANSLATE_NOOP(
        "Accessibility", "Show or hide timings in the history")),
    Shortcut("bigger", "Ctrl++", QT_TRANSLATE_NOOP(
        "Accessibility", "Larger text")),
    Shortcut("smaller", "Ctrl+-", QT_TRANSLATE_NOOP(
        "Accessibility", "Smaller text")),
    Shortcut("normal_size", "Ctrl+0", QT_TRANSLATE_NOOP(
        "Accessibility", "Normal text size")),
    Shortcut("contrast", "Ctrl+Shift+C", QT_TRANSLATE_NOOP(
        "Accessibility", "High-contrast theme on or off")),
    Shortcut("clear_history", "Ctrl+Shift+Delete", QT_TRANSLATE_NOOP(
        "Accessibility", "Clear the chat history")),
    Shortcut("settings", "Ctrl+,", QT_TRANSLATE_NOOP(
        "Accessibility", "Settings")),
    Shortcut("help", "F1", QT_TRANSLATE_NOOP(
        "Accessibility", "List of keyboard shortcuts")),
    Shortcut("details", "Ctrl+I", QT_TRANSLATE_NOOP(
        "Accessibility", "Details: the models in use and the processor")),
    Shortcut("quit", "Ctrl+Q", QT_TRANSLATE_NOOP(
        "Accessibility", "Quit")),
)
KIOSK_SHORTCUTS = {"settings": "Ctrl+Alt+Shift+S", "quit": "Ctrl+Alt+Shift+Q"}
# Not in the kiosk: a file dialog on a public screen would open the whole disk.
# Nor the history tools and the details: a visitor's screen keeps to the conversation.
DESKTOP_ONLY = frozenset({"open_picture", "paste_picture", "use_camera", "search_history",
                          "copy_answer", "new_conversation", "details"})


def keys_for(action: str, *, kiosk: bool = False) -> str:
    if kiosk and action in KIOSK_SHORTCUTS:
        return KIOSK_SHORTCUTS[action]
    return next(s.keys for s in SHORTCUTS if s.action == action)


def help_text(*, kiosk: bool = False) -> str:
    return "\n".join(f"{keys_for(s.action, kiosk=kiosk)}: {s.label}" for s in SHORTCUTS
                     if not (kiosk and s.action in DESKTOP_ONLY))


def label(widget: QWidget, name: str, description: str, *, action: str | None = None,
          kiosk: bool = False) -> QWidget:
    """Name and describe a control; the shortcut goes into the description and tooltip."""
    if action is not None:
        description = translate("Accessibility", "{description} Shortcut: {keys}.").format(
            description=description, keys=keys_for(action, kiosk=kiosk))
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    widget.setToolTip(description)
    return widget


def announce(source: QObject, message: str, *, assertive: bool = False) -> None:
    """Ask screen readers to read ``message`` now, wherever the focus is."""
    if not message:
        return
    try:
        event = QAccessibleAnnouncementEvent(source, message)
        if assertive:
            event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
        QAccessible.updateAccessibility(event)
    except Exception:  # an old Qt without announcements: the spoken reply still reaches the user
        log.debug("accessibility announcement failed", exc_info=True)


def accessible_tree(root: QObject) -> Iterator[Any]:
    """Every accessible interface under ``root``, as a screen reader walks them."""
    top = QAccessible.queryAccessibleInterface(root)
    stack = [top] if top is not None else []
    while stack:
        node = stack.pop()
        yield node
        stack.extend(c for c in (node.child(i) for i in range(node.childCount())) if c is not None)


def unnamed_focusable(root: QWidget) -> list[str]:
    """What a screen reader would read badly when tabbing through ``root``: a focusable,
    shown control with no name, a name still holding a mnemonic "&", or a combo box named
    by its current value (no label tied to it)."""
    bad = []
    for node in accessible_tree(root):
        state, role = node.state(), node.role()
        if not state.focusable or state.invisible or role == QAccessible.Role.ListItem:
            continue
        name = node.text(QAccessible.Text.Name).strip()
        what = _where(node.object(), role.name)
        if not name:
            bad.append(f"{what} has no name")
        elif "&" in name.replace("&&", ""):
            bad.append(f"{what} is named {name!r}")
        elif role == QAccessible.Role.ComboBox and name == node.text(QAccessible.Text.Value) \
                and not node.object().accessibleName():
            bad.append(f"{what} is named by its value {name!r}")
    return bad


def _where(obj: Any, role: str) -> str:
    """A control as a developer finds it: role, object name, or its parent and text."""
    name = obj.objectName() if obj is not None else ""
    if name or obj is None:
        return f"{role}:{name}"
    parent = obj.parent()
    text = obj.text() if callable(getattr(obj, "text", None)) else ""
    return f"{role}:{type(obj).__name__} in {type(parent).__name__} {parent.objectName()!r} " \
           f"showing {text!r}"


_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def mnemonics(root: QWidget) -> dict[str, list[str]]:
    """Alt+letter → the visible texts using it in one window (menu titles, buttons, labels
    tied to a field, group boxes, tabs): two texts under one letter is a clash."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenuBar, QTabBar

    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QMenuBar):
            texts.extend(a.text() for a in widget.actions() if a.isVisible())
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
    found: dict[str, list[str]] = {}
    for text in texts:
        match = _MNEMONIC.search(text or "")
        if match:
            found.setdefault(match.group(1).lower(), []).append(text)
    return found


def mnemonic_clashes(root: QWidget) -> dict[str, list[str]]:
    return {key: texts for key, texts in mnemonics(root).items() if len(texts) > 1}


def unlabelled_controls(root: QWidget) -> list[str]:
    """Focusable widgets lacking an accessible name or description (used by the tests)."""
    from PySide6.QtCore import Qt

    missing = []
    for widget in root.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(root):
            continue
        if widget.objectName().startswith("qt_"):  # Qt's own internals (scroll bars' viewports)
            continue
        if not widget.accessibleName() or not widget.accessibleDescription():
            missing.append(f"{type(widget).__name__}:{widget.objectName()}")
    return missing
