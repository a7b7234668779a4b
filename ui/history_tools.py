"""Tools over the chat history: search (a filter field), copy an answer, the details box.

The search field hides the rows that do not hold the words (a question and its answer stay
together: either matching shows both), says how many turns match once typing pauses, and
keeps filtering rows that arrive while it holds words. "Copy answer" takes the answer of
the chosen row (a question row gives its own answer) or, with none chosen, the newest.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit

from . import accessibility as a11y
from .chat_rows import ROLE_KIND, ROLE_TURN
from .translation import translate

ANNOUNCE_PAUSE_MS = 400   # one announcement when typing pauses, not one per key


def _pairs(chat) -> list[list[int]]:
    """The rows in groups: a question with the rows under it that answer it; a note alone."""
    groups: list[list[int]] = []
    for row in range(chat.count()):
        kind = chat.item(row).data(ROLE_KIND)
        if groups and kind in ("answer", "growing", "notice") \
                and chat.item(groups[-1][0]).data(ROLE_KIND) in ("question", "asking") \
                and len(groups[-1]) == 1:
            groups[-1].append(row)
        else:
            groups.append([row])
    return groups


def filter_rows(chat, words: str) -> int:
    """Hide the turns without ``words`` (any case); show all for no words. Returns the number
    of turns (or notes) left shown."""
    needle = words.strip().casefold()
    shown = 0
    for group in _pairs(chat):
        match = not needle or any(needle in chat.item(r).text().casefold() for r in group)
        for row in group:
            chat.setRowHidden(row, not match)
        shown += match
    if not needle:
        chat.keep_newest_in_view()
    return shown


def answer_for(chat) -> str:
    """The chosen row's answer (a question row: the answer under it), else the newest one."""
    row = chat.currentRow()
    if row >= 0 and not chat.isRowHidden(row):
        for candidate in (row, row + 1):
            item = chat.item(candidate) if candidate < chat.count() else None
            if item is not None and item.data(ROLE_KIND) == "answer":
                return item.data(ROLE_TURN).answer
    return chat.last_answer()


class HistorySearch(QLineEdit):
    """The filter field over the chat history (Ctrl+F); Escape empties it."""

    def __init__(self, chat, parent=None) -> None:
        super().__init__(parent)
        self.chat = chat
        self.setObjectName("history_search")
        self.setPlaceholderText(translate("HistorySearch", "Search the history"))
        self.setClearButtonEnabled(True)
        a11y.label(self, translate("HistorySearch", "Search the history"),
                   translate("HistorySearch", "Shows only the questions and answers holding "
                             "these words. Escape shows them all again."),
                   action="search_history")
        self._said = QTimer(self, singleShot=True, interval=ANNOUNCE_PAUSE_MS)
        self._said.timeout.connect(self._announce)
        self.shown = 0
        # Large text (the narrow and one-column arrangements): shown only while in use
        # (Ctrl+F, or words in it), so it takes no line from the answers otherwise.
        self.on_demand = False
        self.textChanged.connect(self._changed)
        chat.model().rowsInserted.connect(self._rows_added)

    def set_on_demand(self, on_demand: bool) -> None:
        self.on_demand = on_demand
        self.setVisible(not on_demand or bool(self.text()) or self.hasFocus())

    def open(self) -> None:
        """Ctrl+F: shown (if it was put away) and focused, its words selected."""
        self.show()
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().focusOutEvent(event)
        if self.on_demand and not self.text():
            self.hide()

    def _changed(self, words: str) -> None:
        self.shown = filter_rows(self.chat, words)
        self._said.start()

    def _rows_added(self, *_args) -> None:
        if self.text().strip():      # new rows obey the filter too, once their kind is set
            QTimer.singleShot(0, self, lambda: filter_rows(self.chat, self.text()))

    def _announce(self) -> None:
        if not self.text().strip():
            a11y.announce(self, translate("HistorySearch", "Showing the whole history"))
            return
        words = self.text().strip()
        if not self.shown:
            found = translate("HistorySearch", "No match for {words}")
        elif self.shown == 1:
            found = translate("HistorySearch", "1 match for {words}")
        else:
            found = translate("HistorySearch", "{count} matches for {words}")
        a11y.announce(self, found.format(count=self.shown, words=words))

    def event(self, event) -> bool:  # noqa: D102
        from PySide6.QtCore import QEvent

        # Escape empties the field first (the window's Escape, stop speaking, comes after).
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Escape \
                and self.text():
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)


def install_copy(window) -> QAction:
    """Ctrl+C in the history and the rows' context menu copy the answer."""
    chat = window.chat
    action = QAction(translate("HistorySearch", "Copy answer"), chat)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(window.copy_answer)
    chat.addAction(action)
    chat.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action


def copy_to_clipboard(text: str) -> None:
    QApplication.clipboard().setText(text)


def details_text(window) -> str:
    """What the Details box says: the state, the models in use and where they run."""
    from .theme import DARK, HIGH, colours, system_is_dark

    ui = window.config.ui
    look = colours(ui.theme, high_contrast=ui.high_contrast,
                   system_dark=system_is_dark(QApplication.instance()))
    scheme = (translate("HistorySearch", "high contrast") if look is HIGH
              else translate("HistorySearch", "dark") if look is DARK
              else translate("HistorySearch", "light"))
    models = window.models_label.text() if window.models else translate("HistorySearch",
                                                                         "loading…")
    return "\n".join((
        translate("HistorySearch", "Status: {state}").format(state=window.state),
        translate("HistorySearch", "Models: {models}").format(models=models),
        translate("HistorySearch", "Processor: {processor}").format(
            processor=window.compute_label.text()),
        translate("HistorySearch", "Theme: {scheme} ({setting})").format(scheme=scheme,
                                                                         setting=ui.theme),
        translate("HistorySearch", "Settings file: {file}").format(
            file=window.paths.config_file)))
