"""The kiosk's own face (``assistant --kiosk``): a large live picture, three huge buttons,
big plain words, an idle screen, and settings and quit behind a PIN.

The same controls as the desktop window (so every shortcut and the status work
the same) arranged for a visitor: Describe, Read, Ask by voice; what the
assistant is doing in large words (from the window's ``status_changed``); the
latest answers in large text. F1 shows visitor help only. The admin chords
(Ctrl+Alt+Shift+S / Q) ask for ``ui.kiosk_pin``; with no PIN set, settings and
quit stay locked: an admin sets one in the config file (``[ui] kiosk_pin``,
4-12 digits; ``assistant config path`` shows where) or in the desktop window's
Settings > Kiosk, then restarts the kiosk.
"""
from __future__ import annotations

import hmac
import logging
import time

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, QTimer
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QSizePolicy, QSplitter,
                               QStackedWidget, QVBoxLayout, QWidget)

from . import accessibility as a11y
from .flow import FlowLayout, ScreenFit, fit_to_screen
from .translation import QT_TRANSLATE_NOOP, translate
from .window_events import VISITOR_WORDS

KIOSK_SCALE = 2.0        # kiosk text is this much larger than the chosen text size
BUTTON_SCALE = 1.5       # and its three buttons larger still
MAX_POINTS = 44.0        # but never so large that the face leaves the screen
# English here (marked for translation); translated where shown: translate("KioskView", ...).
STATE_WORDS = {"loading": QT_TRANSLATE_NOOP("KioskView", "Getting ready…"),
               "ready": QT_TRANSLATE_NOOP("KioskView", "Ready. Press a button."),
               "listening": QT_TRANSLATE_NOOP("KioskView", "Listening. Ask your question."),
               "thinking": QT_TRANSLATE_NOOP("KioskView", "Thinking…"),
               "speaking": QT_TRANSLATE_NOOP("KioskView", "Speaking…")}
PROBLEM_WORDS = VISITOR_WORDS   # for a visitor, who can only tell staff (context "WindowEvents")
VISITOR_HELP = QT_TRANSLATE_NOOP(
    "KioskView",
    "Press Describe (or F5) to hear what the camera sees.\n"
    "Press Read (or F6) to hear the text the camera sees: signs, labels, letters.\n"
    "Press Ask by voice (or F8) and ask your question aloud; press it again to stop listening.\n"
    "Or type a question in the box and press Enter.\n"
    "Escape stops the voice. F7 says the last answer again.\n"
    "Ctrl and plus makes the text larger, Ctrl and minus smaller.")
LOCKED = QT_TRANSLATE_NOOP(
    "KioskView",
    "Settings and quitting are switched off on this kiosk. Staff: set a kiosk PIN "
    "(4 to 12 digits) in the settings file, under [ui] kiosk_pin, and restart.")
# The PIN box's prompt for each purpose, whole sentences (a translator needs the sentence).
PIN_PROMPTS = {"open the settings": QT_TRANSLATE_NOOP("KioskView",
                                                      "Enter the staff PIN to open the settings."),
               "quit the kiosk": QT_TRANSLATE_NOOP("KioskView",
                                                   "Enter the staff PIN to quit the kiosk.")}
MAX_TRIES, LOCKOUT_S = 3, 30.0

log = logging.getLogger(__name__)


def _big(button: QPushButton) -> QPushButton:
    button.setObjectName("kiosk_button")
    button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return button


class PinDialog(QDialog):
    """Asks the staff PIN; a wrong one is refused in plain words and the field cleared."""

    def __init__(self, pin: str, purpose: str, parent: QWidget | None = None,
                 wait_s: float = 0.0) -> None:
        """``wait_s``: after too many wrong tries, the field opens only after this long."""
        super().__init__(parent)
        self.setObjectName("kiosk_pin")
        self.setWindowTitle(translate("KioskView", "Staff PIN"))
        self._pin, self.tries = pin, 0
        if purpose in PIN_PROMPTS:
            words = translate("KioskView", PIN_PROMPTS[purpose])
        else:
            words = translate("KioskView", "Enter the staff PIN to {purpose}.").format(purpose=purpose)
        a11y.label(self, translate("KioskView", "Staff PIN"), words)
        prompt = QLabel(words)
        prompt.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setObjectName("pin")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,12}"), self))
        a11y.label(self.field, translate("KioskView", "Staff PIN"),
                   translate("KioskView", "The digits of the staff PIN."))
        prompt.setBuddy(self.field)
        self.message = QLabel("")
        self.message.setObjectName("pin_message")
        self.message.setWordWrap(True)
        a11y.label(self.message, translate("KioskView", "PIN message"),
                   translate("KioskView", "Whether the PIN was accepted."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            a11y.label(button, button.text().replace("&", ""),
                       translate("KioskView", "Check the PIN.") if button is
                       buttons.button(QDialogButtonBox.StandardButton.Ok)
                       else translate("KioskView", "Go back."))
        layout = QVBoxLayout(self)
        for widget in (prompt, self.field, self.message, buttons):
            layout.addWidget(widget)
        self.fit = ScreenFit(self)    # grows with a message, never past the screen
        if wait_s > 0:   # said here only, to whoever asked for the PIN, not on the public screen
            self.field.setEnabled(False)
            self.message.setText(translate("KioskView", "Please wait {seconds} seconds, then try "
                                           "again.").format(seconds=max(1, round(wait_s))))
            QTimer.singleShot(int(wait_s * 1000), self, self._open_again)

    def _open_again(self) -> None:
        self.field.setEnabled(True)
        self.message.setText("")
        self.field.setFocus()

    def check(self) -> None:
        if hmac.compare_digest(self.field.text().encode(), self._pin.encode()):
            self.accept()
            return
        self.tries += 1
        self.field.clear()
        if self.tries >= MAX_TRIES:
            self.done(QDialog.DialogCode.Rejected)
            return
        words = translate("KioskView", "That PIN is not right. Try again.")
        self.message.setText(words)
        a11y.announce(self.message, words, assertive=True)


class KioskFace(QObject):
    """Builds the kiosk's central widget from the window's controls and keeps it current."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = w = window
        self.pin = window.config.ui.kiosk_pin
        self.locked_until = 0.0
        self.status = None
        self.stack = QStackedWidget()
        self.stack.setObjectName("kiosk")
        self.face = QWidget()
        self.face.setObjectName("kiosk_face")
        self.state = QLabel(translate("KioskView", STATE_WORDS["loading"]))
        self.state.setObjectName("kiosk_state")
        self.state.setWordWrap(True)
        a11y.label(self.state, translate("KioskView", "Status"),
                   translate("KioskView", "What the assistant is doing now."))
        self.problem = QLabel("")
        self.problem.setObjectName("kiosk_problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        a11y.label(self.problem, translate("KioskView", "Problem"),
                   translate("KioskView", "A device that is missing, in words."))
        w.describe_button.setText(translate("KioskView", "&Describe"))
        w.read_button.setText(translate("KioskView", "&Read"))
        self.voice_button = QPushButton(translate("KioskView", "Ask by &voice"))
        self.voice_button.setCheckable(True)
        a11y.label(self.voice_button, translate("KioskView", "Ask by voice"),
                   translate("KioskView", "Press, then ask your question aloud. "
                             "Press again to stop listening. Shortcut: F8."))
        self.voice_button.toggled.connect(self._voice)
        w.hands_free_button.toggled.connect(self._voice_shown)
        self.buttons = (w.describe_button, w.read_button, self.voice_button)
        for button in self.buttons:
            _big(button)
        row = FlowLayout(spacing=12)
        for button in self.buttons:
            row.addWidget(button)
        middle = QSplitter(Qt.Orientation.Horizontal)
        middle.setChildrenCollapsible(False)
        middle.addWidget(w.camera_view)
        middle.addWidget(w.chat)
        middle.setStretchFactor(0, 3)
        middle.setStretchFactor(1, 2)
        ask = QHBoxLayout()
        ask.addWidget(w.question, 1)
        ask.addWidget(w.ask_button)
        column = QVBoxLayout(self.face)
        column.addWidget(self.state)
        column.addWidget(self.problem)
        column.addWidget(middle, 1)
        column.addLayout(row)
        column.addLayout(ask)
        w.chat.welcome = translate("KioskView", "Press Describe to hear what the camera sees, or "
                                   "Read to hear its text. Press Ask by voice to ask a question "
                                   "aloud.")
        w.chat.update()
        # Kept (shortcuts and the status still use them) but not shown to visitors; notices
        # are in the chat, and a missing device is the problem line above.
        self.spare = QWidget()
        for hidden in (w.talk_button, w.hands_free_button, w.repeat_button, w.stop_button,
                       w.level_meter, w.models_label, w.notice, w.history_search):
            hidden.setParent(self.spare)
        self.attract = self._attract_page()
        self.stack.addWidget(self.face)
        self.stack.addWidget(self.attract)
        w.setCentralWidget(self.stack)
        w.statusBar().hide()
        chain = (w.describe_button, w.read_button, self.voice_button, w.question, w.ask_button, w.chat)
        for first, second in zip(chain, chain[1:]):
            w.setTabOrder(first, second)
        if hasattr(w, "status_changed"):
            w.status_changed.connect(self.show_status)
        else:   # an older window without the status signal: follow its status line
            self._poll = QTimer(self, interval=300)
            self._poll.timeout.connect(lambda: self.state.setText(w.state_label.text()))
            self._poll.start()
        self.restyle()
        w.installEventFilter(self)
        QApplication.instance().installEventFilter(self)

    # -- look -----------------------------------------------------------------
    def restyle(self) -> None:
        """Text larger than the chosen size, capped so the face stays on screen. A style sheet
        on the face, because the application's style sheet stops fonts passing to children."""
        base = QApplication.instance().font().pointSizeF()
        size = min(base * KIOSK_SCALE, MAX_POINTS)
        self.stack.setStyleSheet(
            f"QWidget {{ font-size: {size:.1f}pt; }}\n"
            f"QPushButton#kiosk_button {{ font-size: {min(size * BUTTON_SCALE, MAX_POINTS * 1.2):.1f}pt; }}\n"
            f"QLabel#kiosk_state {{ font-size: {min(size * 1.3, MAX_POINTS * 1.2):.1f}pt; "
            "font-weight: bold; }\n"
            f"QLabel#kiosk_attract_title {{ font-size: {min(size * 1.6, MAX_POINTS * 1.3):.1f}pt; "
            "font-weight: bold; }")
        if self.window.isVisible():   # before it shows, its state (full screen) is not known
            fit_to_screen(self.window)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if obj is self.window and kind == QEvent.Type.ApplicationFontChange:
            QTimer.singleShot(0, self, self.restyle)
        if self.stack.currentWidget() is self.attract and kind in (
                QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self.wake()
            # The touch or key that wakes the screen does nothing else; staff chords still work.
            return not (kind == QEvent.Type.KeyPress
                        and event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        return False

    # -- status ---------------------------------------------------------------
    def show_status(self, status) -> None:
        self.status = status
        headline = (translate("KioskView", STATE_WORDS[status.state])
                    if status.state in STATE_WORDS else status.text)
        if status.state == "ready" and "no_camera" in status.problems:
            # Describe and Read cannot work without it
            headline = translate("KioskView", "Waiting for the camera.")
        self.state.setText(headline)
        words = " ".join(translate("WindowEvents", PROBLEM_WORDS[p])
                         for p in status.problems if p in PROBLEM_WORDS)
        self.problem.setText(words)
        self.problem.setVisible(bool(words))
        self.voice_button.setEnabled("no_microphone" not in status.problems)
        for button in (self.window.describe_button, self.window.read_button):   # no picture
            button.setEnabled("no_camera" not in status.problems)

    def _voice(self, on: bool) -> None:
        if self.window.hands_free_button.isChecked() != on:
            self.window.hands_free_button.setChecked(on)

    def _voice_shown(self, on: bool) -> None:
        self.voice_button.setText(translate("KioskView", "Stop &listening") if on
                                  else translate("KioskView", "Ask by &voice"))
        if self.voice_button.isChecked() != on:
            self.voice_button.setChecked(on)

    # -- idle screen ------------------------------------------------------------
    def _attract_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("kiosk_attract")
        title = QLabel(translate("KioskView", "Hello! I can tell you what this camera sees, "
                                 "and read signs, labels and letters aloud."))
        title.setObjectName("kiosk_attract_title")
        title.setWordWrap(True)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(translate("KioskView", "Touch the screen or press any key to start."))
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label in (title, hint):
            a11y.label(label, label.text(), translate("KioskView", "Welcome screen."))
        # The idle screen takes the focus (what a screen reader reads on arrival): a named
        # element, not whatever button of the hidden face had it.
        title.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.attract_title = title
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addStretch(1)
        return page

    def idle(self) -> None:
        """No one has used the kiosk for a while: the welcome screen, if the settings ask for it."""
        if self.window.config.ui.kiosk_attract:
            self.stack.setCurrentWidget(self.attract)
            self.attract_title.setFocus(Qt.FocusReason.OtherFocusReason)
            a11y.announce(self.attract, translate("KioskView", "Welcome. Touch the screen or "
                                                  "press any key to start."))

    def wake(self) -> None:
        self.stack.setCurrentWidget(self.face)
        self.window.describe_button.setFocus()
        self.window.keys.touch()

    # -- the admin's locks ------------------------------------------------------
    def lock(self, keys) -> None:
        """Visitor help on F1; settings and quit behind the PIN; the idle screen on idle."""
        for name, handler in (("help", self.help), ("settings", lambda: self.unlock("settings")),
                              ("quit", lambda: self.unlock("quit"))):
            action = keys.actions[name]
            action.triggered.disconnect()
            action.triggered.connect(handler)
        keys.idle.timeout.connect(self.idle)

    def help(self):
        from .text_dialog import TextDialog

        box = TextDialog(translate("KioskView", "How to use this assistant"),
                         translate("KioskView", VISITOR_HELP), self.window, name="kiosk_help")
        box.setFont(self.face.font())
        box.fit.fit(box.sizeHint())
        box.open()
        self.help_box = box
        return box

    def unlock(self, what: str):
        """The PIN dialog for settings or quit (None when they are locked)."""
        w = self.window
        if not self.pin:
            w.show_notice(translate("KioskView", LOCKED))
            return None
        # A lockout is said in the PIN box only: visitors see no alarm on the public screen.
        wait_s = max(0.0, self.locked_until - time.monotonic())
        dialog = PinDialog(self.pin, "open the settings" if what == "settings" else "quit the kiosk",
                           w, wait_s=wait_s)
        self.pin_dialog = dialog

        def done(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                if what == "settings":
                    w.keys.open_settings()
                else:
                    w.request_quit()
            elif dialog.tries >= MAX_TRIES:
                self.locked_until = time.monotonic() + LOCKOUT_S
                log.warning("kiosk: the staff PIN was wrong %d times; locked for %.0f s",
                            MAX_TRIES, LOCKOUT_S)

        dialog.finished.connect(done)
        dialog.open()
        return dialog
