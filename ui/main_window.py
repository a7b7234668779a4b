"""The main window: camera view, chat history, question box, voice controls, status line.

It paints and routes: questions go to the worker (``WorkerHost``) with the
frame on screen, typed events come back and update the panes. Keyboard
shortcuts and held-key push-to-talk live in ``ui/controls.py``.
"""
from __future__ import annotations

import logging
import os

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from assistant.config import AppConfig
from assistant.paths import AppPaths

from . import accessibility as a11y
from . import controls, history_tools, icons, layout, none_guard, theme
from .devices import DeviceThreads
from .pictures import Pictures
from .chat_view import WORKING
from assistant.voice.events import next_turn_id

from .translation import translate
from .window_events import WindowEvents
from .worker_host import WorkerHost

log = logging.getLogger(__name__)



class MainWindow(QMainWindow):
    # ui.window_state.WindowStatus, each time what the status line says changes
    status_changed = Signal(object)

    def __init__(self, config: AppConfig, paths: AppPaths, *, kiosk: bool = False,
                 camera=None, microphone=None, factory=None, notice: str | None = None) -> None:
        """``notice``: said once when the window opens (a damaged settings file, say)."""
        super().__init__()
        none_guard.install(controls.app())   # PySide6 6.12 on Python 3.11: see ui/none_guard.py
        self.config, self.paths, self.kiosk = config, paths, kiosk
        self.setObjectName("main_window")
        self.setWindowTitle(translate("MainWindow", "Local assistant"))
        a11y.label(self, translate("MainWindow", "Local assistant"),
                   translate("MainWindow", "Ask questions about what the camera sees."))
        self.models: dict[str, str] = {}
        self.ready = False
        self.selftest = None          # the last quick self-test (assistant.health.SelfTestDone)
        self.state = translate("MainWindow", "Starting…")
        self.microphone = False          # the engine has a working microphone
        self.hands_free = False
        self._closing = self._closed_ok = False
        self._pending_close = 0
        self._allow_close = not kiosk
        self._build()
        self.status_events = WindowEvents(self)   # status, notices, announcements
        # Where a screen reader would be listening (ui/screen_reader.py), read once here.
        self.status_events.bus_address = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
        self.devices = DeviceThreads(self)
        self.devices.camera_opened.connect(self._camera_opened)
        self.devices.camera_failed.connect(self._camera_failed)
        self.devices.camera_status.connect(self._camera_status)
        self.devices.closed.connect(self._one_closed)
        self.host = WorkerHost(config, paths, factory=factory, parent=self,
                               frame=lambda: self.camera_view.current_frame)
        if kiosk:   # set before the models load (a queued call)
            self.host.worker.model_note = ""
            self.host.worker.kiosk = True     # visitors' turns: memory only, screen empty at start
        self.host.event.connect(self.on_event)
        self.status_events.set_reply_voice(config.ui.reply_voice)
        self.host.stopped.connect(self._one_closed)
        self.pictures = Pictures(self)   # open, paste, drop a picture; Use camera
        self.keys = controls.install(self)
        if not kiosk:
            history_tools.install_copy(self)
        icons.set_window_icon(self)
        # ui.theme = auto follows the system's light or dark setting as it changes.
        controls.app().styleHints().colorSchemeChanged.connect(self._reapply_look)
        layout.after_keys(self)   # clear-history confirmation; the kiosk's PIN locks
        self._retry = QTimer(self, singleShot=True, interval=5000)
        self._retry.timeout.connect(self._reopen_devices)
        self._camera_spec = camera if camera is not None else config.ui.camera
        self._mic_spec = microphone if microphone is not None else config.ui.microphone
        self.host.start()
        self.devices.open_camera(self._camera_spec)
        self.host.open_microphone(self._mic_spec)   # opened once the engine is up
        self._startup_notice = translate(
            "MainWindow", "{notice} Saving the settings here keeps a copy of the damaged file."
        ).format(notice=notice) if notice else ""
        if notice:  # after the first paint, so a screen reader hears it
            QTimer.singleShot(0, lambda: self.show_notice(self._startup_notice))

    # -- layout ---------------------------------------------------------------
    def _build(self) -> None:
        """Controls and their arrangement (desktop or kiosk face): ``ui/layout.py``."""
        layout.build(self)

    # -- commands -------------------------------------------------------------
    def set_state(self, words: str) -> None:
        """Words outside the status machine (closing)."""
        self.state = words
        self.state_label.setText(words)
        self.state_label.setAccessibleName(translate("MainWindow", "Status: {status}").format(
            status=words))

    def ask_typed(self) -> None:
        text = self.question.text().strip()
        if not text:
            self.status_events.refuse(translate("MainWindow", "Type a question first."))
            return
        self.question.clear()
        turn_id = next_turn_id()      # its own row, whatever other rows say
        self.chat.add_question(turn_id, translate("MainWindow", "You typed: {question}").format(
            question=text) + WORKING)
        self._asked(turn_id, self.host.ask_text(text, self.camera_view.current_frame, turn_id))

    def describe_now(self) -> None:
        turn_id = next_turn_id()
        self.chat.add_question(turn_id, translate("MainWindow", "Describing the picture…"))
        self._asked(turn_id, self.host.describe_now(self.camera_view.current_frame, turn_id))

    def read_text_now(self) -> None:
        turn_id = next_turn_id()
        self.chat.add_question(turn_id, translate("MainWindow", "Reading the text in the picture…"))
        self._asked(turn_id, self.host.read_text_now(self.camera_view.current_frame, turn_id))

    def _asked(self, turn_id: int, handed_on: bool) -> None:
        if handed_on:
            self.status_events.asked()
        else:
            self.chat.cancel(turn_id, translate("MainWindow",
                                                "Not answered: the assistant was closing."))

    def repeat(self) -> None:
        self.host.repeat()
        if self.status_events.announcing:   # else the voice says it again
            a11y.announce(self.chat, translate("MainWindow", "Assistant: {answer}").format(
                answer=self.chat.last_answer()))

    def copy_answer(self) -> None:
        answer = history_tools.answer_for(self.chat)
        if not answer:
            self.status_events.refuse(translate("MainWindow", "There is no answer to copy yet."))
            return
        history_tools.copy_to_clipboard(answer)
        a11y.announce(self.chat, translate("MainWindow", "Answer copied"))

    def new_conversation(self) -> None:
        """The next question starts afresh; the history on screen and on disk stays."""
        self.host.new_conversation()
        self.status_events.notice(translate("MainWindow", "New conversation: the next question "
                                            "starts afresh."))

    def show_details(self):
        from .text_dialog import TextDialog

        box = TextDialog(translate("MainWindow", "Details"), history_tools.details_text(self), self,
                         name="details")
        self.details_box = box     # the tests read it
        box.open()
        return box

    def stop_speaking(self) -> None:
        self.host.stop_speaking()

    def begin_push_to_talk(self) -> None:
        if not self.microphone:
            self.status_events.refuse(translate("MainWindow", "There is no microphone, so I "
                                                "cannot listen. Type the question instead."))
            return
        self.host.push_to_talk(True)
        self.status_events.recording()

    def end_push_to_talk(self) -> None:
        if self.microphone:
            self.host.push_to_talk(False)

    def set_hands_free(self, on: bool) -> None:
        words = (translate("MainWindow", "Hands-free: on") if on
                 else translate("MainWindow", "Hands-free: off"))
        self.hands_free_button.setText(words)
        self.hands_free_button.setAccessibleName(words)   # its name says what it shows
        if self.hands_free_button.isChecked() != on:
            self.hands_free_button.setChecked(on)
            return
        self.hands_free = on
        self.host.set_hands_free(on)
        self.status_events.hands_free(on)

    def show_notice(self, message: str, *, speak: bool = True) -> None:
        """A problem in one short sentence: in the window and the chat, announced once."""
        self.status_events.notice(message)

    # -- devices --------------------------------------------------------------
    def _camera_opened(self, source) -> None:
        if self._closing or self.pictures.active is not None \
                or self.camera_view.source() is not None:
            # Not wanted now (closing, a picture in use) or one already shows: no second camera.
            self.devices.close_all(source, None)
            return
        self.camera_view.set_source(source)
        self.status_events.camera_opened()

    def _camera_failed(self, message: str) -> None:
        if self.pictures.active is not None:   # the camera is not wanted while a picture is
            return
        self.status_events.camera_failed(message)   # said once; then a state, retried quietly
        self._retry.start()

    def _camera_status(self, message: str) -> None:
        if self.pictures.active is not None:
            return
        self.status_events.camera_status(message)

    def _reopen_devices(self) -> None:
        if self._closing:
            return
        if self.camera_view.source() is None:
            self.devices.open_camera(self._camera_spec)
        if self.status_events.retry_microphone and isinstance(self._mic_spec, str):
            self.host.open_microphone(self._mic_spec)
            self._retry.start()

    # -- events from the worker -----------------------------------------------
    def on_event(self, event) -> None:
        self.status_events.on_event(event)

    # -- settings, look, closing ----------------------------------------------
    def apply_config(self, config: AppConfig, *, quiet: bool = False) -> None:
        """Take new settings: save them (in the worker) and apply what can change live.
        ``quiet``: a look key's change, which announced itself (no "Settings saved")."""
        old, self.config = self.config, config
        self.status_events.quiet_save = quiet
        self.keys.visitor_look = None   # staff chose a look: a visitor's own is gone
        self.host.reload_settings(config)
        theme.apply(controls.app(), scale=config.ui.font_scale,
                    high_contrast=config.ui.high_contrast, choice=config.ui.theme)
        for choice, action in self.keys.theme_actions.items():
            action.setChecked(choice == config.ui.theme)
        if config.ui.camera != old.ui.camera and self.pictures.active is not None:
            self._camera_spec = config.ui.camera     # opened by Use camera
        elif config.ui.camera != old.ui.camera:
            old_camera = self.camera_view.source()
            self.camera_view.set_source(None)
            self.camera_view.set_message(translate("MainWindow", "Switching camera…"))
            self.devices.close_all(old_camera, None)
            self._camera_spec = config.ui.camera
            self.devices.open_camera(config.ui.camera)
        if config.ui.microphone != old.ui.microphone:
            self._mic_spec = config.ui.microphone   # the worker reopens it with the new settings
        if config.ui.reply_voice != old.ui.reply_voice:
            self.status_events.set_reply_voice(config.ui.reply_voice)

    def _reapply_look(self, *_scheme) -> None:
        scale, contrast = self.keys.look()
        theme.apply(controls.app(), scale=scale, high_contrast=contrast, choice=self.config.ui.theme)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self._closed_ok:
            event.accept()
            return
        event.ignore()
        if not self._allow_close or self._closing:
            return
        # Stop devices and speech, and wait for the worker without blocking paint:
        # the window closes for real when both report back.
        self._closing = True
        self._pending_close = 2
        self.set_state(translate("MainWindow", "Closing…"))
        if self.kiosk:   # the purge at quit: the last visitor's words leave the screen first
            self.chat.clear_all()
        self.keys.remove()
        self._retry.stop()
        camera = self.camera_view.source()
        self.camera_view.set_source(None)
        self.devices.close_all(camera, None, final=True)
        self.host.shutdown()

    def _one_closed(self) -> None:
        if not self._closing:
            return
        self._pending_close -= 1
        if self._pending_close <= 0:
            self._closed_ok = True
            QTimer.singleShot(0, self.close)

    def request_quit(self) -> None:
        self._allow_close = True
        self.close()

    def event(self, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.WindowActivate:
            self.keys.touch()
            if self.config.ui.reply_voice == "auto" and hasattr(self, "status_events"):
                # a screen reader may have started since
                self.status_events.set_reply_voice("auto")
        return super().event(event)
