"""Helpers for the screen-reader tests: catch the announcements Qt is asked to send, and
read names from the accessibility tree a screen reader walks."""
from __future__ import annotations

import pytest


@pytest.fixture
def heard(monkeypatch):
    """Every announcement event handed to Qt's accessibility layer: (message, assertive).

    PySide6 has no ``QAccessible.installUpdateHandler``, so the one entry point every event
    passes through, ``QAccessible.updateAccessibility``, is wrapped: the real call still
    happens, whoever in the window makes it.
    """
    from PySide6.QtGui import QAccessible

    real = QAccessible.updateAccessibility
    events: list[tuple[str, bool]] = []

    def record(event):
        if event.type() == QAccessible.Event.Announcement:
            events.append((event.message(), event.politeness()
                           == QAccessible.AnnouncementPoliteness.Assertive))
        return real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", record)
    return events


def tree_name(widget) -> str:
    from PySide6.QtGui import QAccessible

    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def replies(events) -> list[str]:
    return [message for message, _ in events if message.startswith("Assistant:")]
