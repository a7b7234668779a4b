"""The main window's layout, built so it fits the screen at any text size (1× to 4×).

Three arrangements of the same widgets, chosen from the window's width in
characters of the current font:

* wide: camera and its buttons on the left, chat and question box on the right;
* narrow (larger text, small screen): camera and chat side by side on top, every
  button below in a row that wraps (``FlowLayout``), the question box last;
* column (fewer than ``COLUMN_CHARS`` across: above about 2x on 1024x768): a small
  camera above the chat, so the newest answer has the window's whole width.

The window's maximum size is the screen's available area less the window
manager's frame, so large text never pushes controls off screen; the menus fold
into one "Menu" when the menu bar would not fit (``controls.compact_menus``); text wraps (labels, chat rows, buttons flow onto
more lines) instead of being cut. Ctrl+0 (text back to 1×) also brings back the
window size from before the text grew. The kiosk arranges the same widgets in
its own face (``ui/kiosk_view.py``).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QMessageBox, QProgressBar,
                               QPushButton, QSplitter, QVBoxLayout, QWidget)

from . import accessibility as a11y
from .camera_view import CameraView
from .chat_view import ChatView
from .flow import fit_to_screen, flow, frame_margins, room_inside
from .history_tools import HistorySearch
from .translation import translate

WIDE_CHARS = 95      # the wide arrangement needs about this many average characters of width
COLUMN_CHARS = 64    # with fewer (above about 2x on 1024x768): one column, the answers full width


class NoticeLabel(QLabel):
    """The notice line: wraps, and takes no room while there is nothing to say."""

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self.setVisible(bool(text))


def _button(window, text: str, name: str, description: str, action: str | None = None) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    a11y.label(button, text.replace("&", ""), description, action=action, kiosk=window.kiosk)
    return button


def build(window) -> None:
    """Make the window's controls, wire them to its commands and arrange them."""
    w = window
    w.camera_view = CameraView()
    w.describe_button = _button(w, translate("Layout", "&Describe"), "describe",
                                translate("Layout", "Describe what the camera sees now."), "describe")
    w.read_button = _button(w, translate("Layout", "&Read text"), "read_text",
                            translate("Layout", "Read aloud the text the camera sees."), "read_text")
    w.camera_button = _button(w, translate("Layout", "Use &camera"), "use_camera",
                              translate("Layout", "Ask about the live camera again instead of "
                                        "the picture."), "use_camera")
    w.camera_button.setParent(w)   # arranged by the desktop layout; the kiosk has no pictures
    w.camera_button.hide()         # shown while a picture is in use (ui/pictures.py)
    w.talk_button = _button(w, translate("Layout", "Push to &talk"), "push_to_talk",
                            translate("Layout", "Hold this button, or hold F4, while you speak "
                                      "a question."), "push_to_talk")
    w.hands_free_button = _button(w, translate("Layout", "Hands-free: off"), "hands_free",
                                  translate("Layout", "Listen all the time and answer each spoken "
                                            "question."), "hands_free")
    w.hands_free_button.setCheckable(True)
    w.level_meter = QProgressBar()
    w.level_meter.setObjectName("mic_level")
    w.level_meter.setRange(0, 100)
    w.level_meter.setFormat(translate("Layout", "Microphone %p%"))
    w.level_meter.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    a11y.label(w.level_meter, translate("Layout", "Microphone level"),
               translate("Layout", "How loud the microphone hears you."))
    w.chat = ChatView()
    w.history_search = HistorySearch(w.chat)
    w.question = QLineEdit()
    w.question.setObjectName("question")
    w.question.setPlaceholderText(translate("Layout", "Type a question, then press Enter"))
    w.question.setClearButtonEnabled(True)
    a11y.label(w.question, translate("Layout", "Question"),
               translate("Layout", "Type a question about what the camera sees and press "
                         "Enter to ask it."), action="focus_question")
    w.ask_button = _button(w, translate("Layout", "&Ask"), "ask",
                           translate("Layout", "Ask the typed question."), "ask")
    w.repeat_button = _button(w, translate("Layout", "Re&peat"), "repeat",
                              translate("Layout", "Say the last answer again."), "repeat")
    w.stop_button = _button(w, translate("Layout", "&Stop speaking"), "stop",
                            translate("Layout", "Stop the spoken answer."), "stop")
    w.notice = NoticeLabel("")
    w.notice.setObjectName("notice")
    w.notice.setWordWrap(True)
    w.notice.setVisible(False)
    w.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    a11y.label(w.notice, translate("Layout", "Latest notice"),
               translate("Layout", "The latest problem or notice, in words."))

    w.state_label = QLabel(w.state)
    w.state_label.setObjectName("state")
    w.state_label.setWordWrap(True)
    w.models_label = QLabel(translate("Layout", "Models: loading…"))
    w.models_label.setObjectName("models")
    w.models_label.setWordWrap(True)
    w.compute_label = QLabel("CPU")
    w.compute_label.setObjectName("compute")
    for widget, name, text in ((w.state_label, translate("Layout", "Assistant state"),
                                translate("Layout", "What the assistant is doing now.")),
                               (w.models_label, translate("Layout", "Models"),
                                translate("Layout", "Which models are loaded.")),
                               (w.compute_label, translate("Layout", "Processor"),
                                translate("Layout", "Whether models run on the CPU or a GPU."))):
        a11y.label(widget, name, text)
    # Models and the processor are details (Help → Details, Ctrl+I), not the main view's words.
    w.details_holder = QWidget(w)
    w.details_holder.hide()
    w.models_label.setParent(w.details_holder)
    w.compute_label.setParent(w.details_holder)
    w.statusBar().addWidget(w.state_label, 1)
    w.statusBar().setSizeGripEnabled(False)

    w.ask_button.clicked.connect(w.ask_typed)
    w.question.returnPressed.connect(w.ask_typed)
    w.describe_button.clicked.connect(w.describe_now)
    w.read_button.clicked.connect(w.read_text_now)
    w.repeat_button.clicked.connect(w.repeat)
    w.stop_button.clicked.connect(w.stop_speaking)
    w.talk_button.pressed.connect(w.begin_push_to_talk)
    w.talk_button.released.connect(w.end_push_to_talk)
    w.hands_free_button.toggled.connect(w.set_hands_free)
    w.camera_button.clicked.connect(lambda: w.pictures.use_camera())
    if w.kiosk:
        from .kiosk_view import KioskFace

        w.kiosk_face = KioskFace(w)
        w.fit = None
    else:
        w.fit = Fit(w)
        # A kiosk is shown full screen (no frame, no cap): capped now, before it is, by the
        # frame of a window seen earlier, it would leave a strip of the screen bare.
        fit_to_screen(w, QSize(1100, 680))
    w.question.setFocus()


def after_keys(window) -> None:
    """Once the window's actions exist: a clear-history confirmation; the kiosk's locks."""
    keys = window.keys
    clear = keys.actions.get("clear_history")
    if clear is not None:
        clear.triggered.disconnect()
        clear.triggered.connect(lambda: confirm_clear_history(window))
    if window.kiosk:
        window.kiosk_face.lock(keys)


def confirm_clear_history(window) -> bool:
    """Clearing cannot be undone: ask first, with No as the default answer."""
    box = QMessageBox(QMessageBox.Icon.Question, translate("Layout", "Clear the chat history"),
                      translate("Layout", "Delete every question and answer in the history? "
                                "This cannot be undone."),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    box.setAccessibleName(translate("Layout", "Clear the chat history?"))
    window.clear_question = box          # tests answer it

    def done(answer: int) -> None:
        if answer == QMessageBox.StandardButton.Yes:
            window.host.clear_history()

    box.finished.connect(done)
    box.open()
    return True


class Fit(QObject):
    """Re-arranges the desktop window when the text size or the window width changes."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.wide: bool | None = None
        self.mode: str | None = None      # "wide", "narrow" or "column"
        self._margins = None
        self._size_at_1x: QSize | None = None
        self._scale = None
        self._later = QTimer(self, singleShot=True, interval=0)
        self._later.timeout.connect(self.update)
        self.update()
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if obj is self.window and event.type() in (QEvent.Type.FontChange, QEvent.Type.Resize,
                                                   QEvent.Type.ApplicationFontChange,
                                                   QEvent.Type.ScreenChangeInternal):
            self._later.start()
        elif obj is self.window and event.type() in (QEvent.Type.Move, QEvent.Type.Show) \
                and frame_margins(self.window) != self._margins:
            self._later.start()   # the window manager has framed it: fit the frame too
        return False

    def char_width(self) -> int:
        return max(QFontMetrics(self.window.font()).averageCharWidth(), 1)

    def update(self) -> None:
        w = self.window
        scale = round(w.font().pointSizeF(), 1)
        restore = None
        changed = self._scale is not None and scale != self._scale
        if scale != self._scale:
            restore = self._text_size_changed(self._scale, scale)
            self._scale = scale
        self._margins = frame_margins(w)
        width = (restore or w.size()).width()
        mode = ("wide" if width >= WIDE_CHARS * self.char_width()
                else "column" if width < COLUMN_CHARS * self.char_width() else "narrow")
        if mode != self.mode:
            self.arrange(mode)
        keys = getattr(w, "keys", None)
        if keys is not None:
            keys.compact_menus(keys.menu_bar_width() > w.width())
        metrics = QFontMetrics(w.font())
        if self.wide:
            widest = translate("WindowEvents", "No microphone") + " 100%"   # what it may show
            w.level_meter.setMinimumSize(metrics.horizontalAdvance(widest) + 24,
                                         metrics.height() + 8)
            w.level_meter.setMaximumHeight(16_777_215)
        else:
            w.level_meter.setMinimumSize(0, 0)
            w.level_meter.setFixedHeight(max(8, metrics.height() // 5))
        if self.mode == "column":   # short of height: the picture and the answers may shrink
            w.camera_view.setMinimumSize(2 * metrics.height(), metrics.height())
            w.chat.setMinimumHeight(metrics.height())
        else:
            w.camera_view.setMinimumSize(QSize(160, 120))
            w.chat.setMinimumHeight(0)
        long_hint = translate("Layout", "Type a question, then press Enter")
        w.question.setPlaceholderText(long_hint if metrics.horizontalAdvance(long_hint) + 40
                                      < w.question.width() else translate("Layout", "Question"))
        need = self._fit_height(restore.width() if restore is not None else None)
        if restore is None and changed and not self.wide and not (w.isMaximized() or w.isFullScreen()):
            # Larger text: taller (up to the screen), so the picture and chat keep some room.
            chrome = w.height() - w.centralWidget().height()
            restore = QSize(w.width(), max(w.height(), chrome + need + 8 * metrics.height()))
        room = room_inside(w)
        if restore is None and need + w.height() - w.centralWidget().height() > room.height() \
                and w.width() < room.width() and not (w.isMaximized() or w.isFullScreen()):
            # Its rows do not fit at this width: the whole screen, so the buttons take fewer rows.
            restore = QSize(room)
        fit_to_screen(w, restore)
        if restore is not None:   # once the rows have settled at the new size
            QTimer.singleShot(50, self, lambda: fit_to_screen(w, restore))
        if self._at_1x(scale) and w.isVisible() and not (w.isMaximized() or w.isFullScreen()):
            self._size_at_1x = QSize(w.size())          # Ctrl+0 comes back to this

    @staticmethod
    def _at_1x(points: float) -> bool:
        from .theme import BASE_POINT_SIZE

        return abs(points - BASE_POINT_SIZE) < 0.05

    def _fit_height(self, width: int | None = None) -> int:
        """The window grows (up to the screen) to the height its rows need at this width."""
        w = self.window
        central = w.centralWidget()
        layout = central.layout()
        if layout is None:
            return 0
        layout.activate()
        width = max(width or central.width(), 1)
        need = (layout.totalMinimumHeightForWidth(width) if layout.hasHeightForWidth()
                else layout.totalMinimumSize().height())
        chrome = w.height() - central.height()
        room = room_inside(w).height() - chrome
        central.setMinimumHeight(max(0, min(need, room)))
        return need

    def _text_size_changed(self, before, now) -> QSize | None:
        """The size to go back to when the text is back at 1× (Ctrl+0), else None."""
        w = self.window
        if before is None:
            return None
        if self._at_1x(now) and self._size_at_1x is not None \
                and not (w.isMaximized() or w.isFullScreen()):
            return QSize(self._size_at_1x)
        return None

    def arrange(self, mode: str) -> None:
        w = self.window
        self.mode = mode
        self.wide = wide = mode == "wide"
        one_column = mode == "column"
        focus = w.focusWidget()
        central = QWidget()
        central.setObjectName("central")
        outer = QVBoxLayout(central)
        outer.addWidget(w.notice)
        if wide:
            left = QWidget()
            column = QVBoxLayout(left)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(w.camera_view, 1)
            column.addLayout(flow(w.describe_button, w.read_button, w.camera_button,
                                  w.talk_button, w.hands_free_button))
            column.addWidget(w.level_meter)
            right = QWidget()
            column = QVBoxLayout(right)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(w.history_search)
            column.addWidget(w.chat, 1)
            ask = QHBoxLayout()
            ask.addWidget(w.question, 1)
            ask.addWidget(w.ask_button)
            column.addLayout(ask)
            column.addLayout(flow(w.repeat_button, w.stop_button))
            panes = (left, right)
        else:
            below = flow(w.describe_button, w.read_button, w.camera_button, w.talk_button,
                         w.repeat_button, w.hands_free_button, w.stop_button)
            # The search field: a line of its own above the panes, while in use (Ctrl+F).
            outer.addWidget(w.history_search)
            panes = (w.camera_view, w.chat)
        # Short words on the buttons when space is short; their accessible names stay whole.
        for button, (full, short) in (
                (w.read_button, (translate("Layout", "&Read text"), translate("Layout", "&Read"))),
                (w.talk_button, (translate("Layout", "Push to &talk"), translate("Layout", "&Talk"))),
                (w.stop_button, (translate("Layout", "&Stop speaking"),
                                 translate("Layout", "&Stop")))):
            button.setText(full if wide else short)
        # The level meter: its words beside the bar when wide; a thin bar when narrow (the
        # status line says "no microphone" in words either way).
        w.level_meter.setTextVisible(wide)
        w.history_search.set_on_demand(not wide)
        splitter = QSplitter(Qt.Orientation.Vertical if one_column else Qt.Orientation.Horizontal)
        splitter.setObjectName("panes")
        splitter.setChildrenCollapsible(False)
        for pane in panes:
            splitter.addWidget(pane)
        # Narrow: the answers get the larger share; large text needs the width to be read.
        # Column: the answers get the whole width and most of the height.
        splitter.setStretchFactor(0, 1 if wide or one_column else 2)
        splitter.setStretchFactor(1, 1 if wide else 3)
        if one_column:
            splitter.setSizes([w.height() // 4, 3 * w.height() // 4])
        elif not wide:
            splitter.setSizes([2 * w.width() // 5, 3 * w.width() // 5])
        outer.addWidget(splitter, 1)
        if not wide:
            outer.addWidget(w.level_meter)
            outer.addLayout(below)
            ask = QHBoxLayout()
            ask.addWidget(w.question, 1)
            ask.addWidget(w.ask_button)
            outer.addLayout(ask)
        old = w.takeCentralWidget()
        w.setCentralWidget(central)
        if old is not None:
            old.deleteLater()
        # Tab follows what the user reads: the question, the answer's controls, the camera's
        # and voice controls, then the history (its search field first).
        chain = (w.question, w.ask_button, w.repeat_button, w.stop_button, w.describe_button,
                 w.read_button, w.camera_button, w.talk_button, w.hands_free_button,
                 w.history_search, w.chat)
        for first, second in zip(chain, chain[1:]):
            w.setTabOrder(first, second)
        if focus is not None and focus.window() is w:
            focus.setFocus()
        w.chat.keep_newest_in_view()
