"""The main window: camera view, chat history, question box, voice controls, status line.

It paints and routes: questions go to the worker (``WorkerHost``) with the
frame on screen, typed events come back and update the panes. Keyboard
shortcuts and held-key push-to-talk live in ``ui/controls.py``.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QMainWindow, QProgressBar,
                               QPushButton, QSplitter, QVBoxLayout, QWidget)

from assistant.config import AppConfig
from assistant.conversation.store import HistoryCleared, HistoryRestored, TurnRecorded
from assistant.events import (ErrorEvent, ModelLoaded, ModelLoading, Progress, SpeakingFinished,
                              SpeakingStarted, SpeechStarted, StageStarted, Transcript)
from assistant.paths import AppPaths
from assistant.voice.events import (AnswerGrowing, ListeningChanged, MicLevel, TurnCancelled,
                                    TurnStarted)

from . import accessibility as a11y
from . import controls, theme
from .camera_view import CameraView
from .chat_view import ChatView
from .devices import DeviceThreads
from .worker import READY
from .worker_host import WorkerHost

log = logging.getLogger(__name__)

STAGE_WORDS = {"asr": "Transcribing your question…", "vision": "Thinking…",
               "tts": "Preparing the spoken answer…"}
STAGE_NAMES = {"vision": "Vision", "asr": "Speech recognition", "tts": "Voice"}


class MainWindow(QMainWindow):
    def __init__(self, config: AppConfig, paths: AppPaths, *, kiosk: bool = False,
                 camera=None, microphone=None, factory=None, notice: str | None = None) -> None:
        """``notice``: said once when the window opens (a damaged settings file, say)."""
        super().__init__()
        self.config, self.paths, self.kiosk = config, paths, kiosk
        self.setObjectName("main_window")
        self.setWindowTitle("Local assistant")
        a11y.label(self, "Local assistant", "Ask questions about what the camera sees.")
        self.models: dict[str, str] = {}
        self.ready = False
        self.state = "Starting…"
        self.microphone = False          # the engine has a working microphone
        self.hands_free = False
        self._closing = self._closed_ok = False
        self._pending_close = 0
        self._allow_close = not kiosk
        self._build()
        self.devices = DeviceThreads(self)
        self.devices.camera_opened.connect(self._camera_opened)
        self.devices.camera_failed.connect(self._camera_failed)
        self.devices.camera_status.connect(self._camera_status)
        self.devices.closed.connect(self._one_closed)
        self.host = WorkerHost(config, paths, factory=factory, parent=self,
                               frame=lambda: self.camera_view.current_frame)
        self.host.event.connect(self.on_event)
        self.host.stopped.connect(self._one_closed)
        self.keys = controls.install(self)
        self._retry = QTimer(self, singleShot=True, interval=5000)
        self._retry.timeout.connect(self._reopen_devices)
        self._camera_spec = camera if camera is not None else config.ui.camera
        self._mic_spec = microphone if microphone is not None else config.ui.microphone
        self.host.start()
        self.devices.open_camera(self._camera_spec)
        self.host.open_microphone(self._mic_spec)   # opened once the engine is up
        self._startup_notice = (f"{notice} Saving the settings here keeps a copy of the damaged "
                                "file.") if notice else ""
        if notice:  # after the first paint, so a screen reader hears it
            QTimer.singleShot(0, lambda: self.show_notice(self._startup_notice))

    # -- layout ---------------------------------------------------------------
    def _button(self, text: str, name: str, description: str, action: str | None = None) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        a11y.label(button, text.replace("&", ""), description, action=action, kiosk=self.kiosk)
        return button

    def _build(self) -> None:
        self.camera_view = CameraView()
        self.describe_button = self._button("&Describe", "describe", "Describe what the camera sees now.", "describe")
        self.read_button = self._button("&Read text", "read_text", "Read aloud the text the camera sees.", "read_text")
        self.talk_button = self._button("Push to &talk", "push_to_talk",
                                        "Hold this button, or hold F4, while you speak a question.",
                                        "push_to_talk")
        self.hands_free_button = self._button("Hands-free: off", "hands_free",
                                              "Listen all the time and answer each spoken question.",
                                              "hands_free")
        self.hands_free_button.setCheckable(True)
        self.level_meter = QProgressBar()
        self.level_meter.setObjectName("mic_level")
        self.level_meter.setRange(0, 100)
        self.level_meter.setFormat("Microphone %p%")
        self.level_meter.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        a11y.label(self.level_meter, "Microphone level", "How loud the microphone hears you.")
        self.chat = ChatView()
        self.question = QLineEdit()
        self.question.setObjectName("question")
        self.question.setPlaceholderText("Type a question about the picture, then press Enter")
        self.question.setClearButtonEnabled(True)
        a11y.label(self.question, "Question", "Type a question about what the camera sees and press "
                   "Enter to ask it.", action="focus_question")
        self.ask_button = self._button("&Ask", "ask", "Ask the typed question.", "ask")
        self.repeat_button = self._button("Re&peat", "repeat", "Say the last answer again.", "repeat")
        self.stop_button = self._button("&Stop speaking", "stop", "Stop the spoken answer.", "stop")
        self.notice = QLabel("")
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        a11y.label(self.notice, "Latest notice", "The latest problem or notice, in words.")

        left = QVBoxLayout()
        left.addWidget(self.camera_view, 1)
        row = QHBoxLayout()
        for widget in (self.describe_button, self.read_button, self.talk_button, self.hands_free_button):
            row.addWidget(widget)
        left.addLayout(row)
        left.addWidget(self.level_meter)
        right = QVBoxLayout()
        right.addWidget(self.notice)
        right.addWidget(self.chat, 1)
        ask_row = QHBoxLayout()
        ask_row.addWidget(self.question, 1)
        ask_row.addWidget(self.ask_button)
        right.addLayout(ask_row)
        speak_row = QHBoxLayout()
        speak_row.addWidget(self.repeat_button)
        speak_row.addWidget(self.stop_button)
        speak_row.addStretch(1)
        right.addLayout(speak_row)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for layout in (left, right):
            pane = QWidget()
            pane.setLayout(layout)
            splitter.addWidget(pane)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 540])
        self.setCentralWidget(splitter)

        self.state_label = QLabel(self.state)
        self.state_label.setObjectName("state")
        self.models_label = QLabel("Models: loading…")
        self.models_label.setObjectName("models")
        self.compute_label = QLabel("CPU")
        self.compute_label.setObjectName("compute")
        for widget, name, text in ((self.state_label, "Assistant state", "What the assistant is doing now."),
                                   (self.models_label, "Models", "Which models are loaded."),
                                   (self.compute_label, "Processor", "Whether models run on the CPU or a GPU.")):
            a11y.label(widget, name, text)
        self.statusBar().addWidget(self.state_label, 1)
        self.statusBar().addPermanentWidget(self.models_label)
        self.statusBar().addPermanentWidget(self.compute_label)

        self.ask_button.clicked.connect(self.ask_typed)
        self.question.returnPressed.connect(self.ask_typed)
        self.describe_button.clicked.connect(self.describe_now)
        self.read_button.clicked.connect(self.read_text_now)
        self.repeat_button.clicked.connect(self.repeat)
        self.stop_button.clicked.connect(self.stop_speaking)
        self.talk_button.pressed.connect(self.begin_push_to_talk)
        self.talk_button.released.connect(self.end_push_to_talk)
        self.hands_free_button.toggled.connect(self.set_hands_free)
        self.setTabOrder(self.question, self.ask_button)
        self.resize(1100, 680)
        self.question.setFocus()

    # -- commands -------------------------------------------------------------
    def set_state(self, words: str) -> None:
        self.state = words
        self.state_label.setText(words)

    def ask_typed(self) -> None:
        text = self.question.text().strip()
        if not text:
            self.show_notice("Type a question first.", speak=False)
            return
        self.question.clear()
        self.chat.show_pending(f"You typed: {text} (working on it…)")
        self.set_state("Thinking…")
        self.host.ask_text(text, self.camera_view.current_frame)

    def describe_now(self) -> None:
        self.chat.show_pending("Describing the picture…")
        self.host.describe_now(self.camera_view.current_frame)

    def read_text_now(self) -> None:
        self.chat.show_pending("Reading the text in the picture…")
        self.host.read_text_now(self.camera_view.current_frame)

    def repeat(self) -> None:
        self.host.repeat()
        a11y.announce(self.chat, f"Assistant: {self.chat.last_answer()}")

    def stop_speaking(self) -> None:
        self.host.stop_speaking()

    def begin_push_to_talk(self) -> None:
        if not self.microphone:
            self.show_notice("There is no microphone, so I cannot listen. Type the question instead.")
            return
        self.host.push_to_talk(True)
        self.set_state("Recording: release to ask")

    def end_push_to_talk(self) -> None:
        if self.microphone:
            self.host.push_to_talk(False)

    def set_hands_free(self, on: bool) -> None:
        self.hands_free_button.setText(f"Hands-free: {'on' if on else 'off'}")
        if self.hands_free_button.isChecked() != on:
            self.hands_free_button.setChecked(on)
            return
        if on and not self.microphone:
            self.show_notice("There is no microphone, so hands-free listening cannot start.")
        self.hands_free = on
        self.host.set_hands_free(on)
        self.set_state("Listening (hands-free)" if on else "Ready")
        a11y.announce(self.hands_free_button, f"Hands-free {'on' if on else 'off'}")

    def show_notice(self, message: str, *, speak: bool = True) -> None:
        """A problem in one short sentence: in the window, to screen readers and (queued) spoken."""
        self.notice.setText(message)
        self.chat.add_note(message)
        a11y.announce(self.notice, message, assertive=True)

    # -- devices --------------------------------------------------------------
    def _camera_opened(self, source) -> None:
        if self._closing:
            self.devices.close_all(source, None)
            return
        self.camera_view.set_source(source)

    def _camera_failed(self, message: str) -> None:
        self.camera_view.set_message(message)
        self.show_notice(message)
        if self.kiosk:
            self._retry.start()

    def _camera_status(self, message: str) -> None:
        self.camera_view.set_message(message)
        if message:
            self.show_notice(message)
        else:
            self.notice.setText("The camera is back.")

    def _listening(self, event: ListeningChanged) -> None:
        self.microphone = event.microphone
        self.level_meter.setFormat("Microphone %p%" if event.microphone else "No microphone")
        if event.note:
            self.notice.setText(event.note)
            if not event.microphone:
                self.show_notice(event.note)
        if self.ready:
            self.set_state("Listening (hands-free)" if self.hands_free and self.microphone
                           else "Ready")

    def _reopen_devices(self) -> None:
        if self._closing:
            return
        if self.camera_view.source() is None:
            self.devices.open_camera(self.config.ui.camera if isinstance(self._camera_spec, str)
                                     else self._camera_spec)

    # -- events from the worker -----------------------------------------------
    def on_event(self, event) -> None:
        if isinstance(event, TurnRecorded):
            self.chat.add_turn(event.turn)
            a11y.announce(self.chat, f"Assistant: {event.turn.answer}")
            self.set_state("Ready")
            self.keys.touch()
        elif isinstance(event, Progress):
            if event.stage == READY:
                self.set_state(event.message)
                self.ready = event.total > 0 and event.done >= event.total
                if self.ready:
                    if self.config.ui.hands_free and not self.hands_free_button.isChecked():
                        self.hands_free_button.setChecked(True)
                    self.set_state("Listening (hands-free)" if self.hands_free and self.microphone
                                   else "Ready")
            else:
                self.notice.setText(event.message)
        elif isinstance(event, ModelLoading):
            self.set_state(f"Loading {event.model}…")
        elif isinstance(event, ModelLoaded):
            known = self.models.get(event.stage, "")
            if event.model not in known:  # an engine's helper model (OCR) joins its engine's entry
                self.models[event.stage] = f"{known} + {event.model}" if known else event.model
            if event.device and event.device != "cpu":
                self.models[event.stage] += f" ({event.device})"
            self.models_label.setText("; ".join(f"{STAGE_NAMES.get(k, k)}: {v}"
                                                for k, v in sorted(self.models.items())))
            uses_gpu = any("cuda" in v for v in self.models.values()) or "cuda" in event.device
            self.compute_label.setText("GPU" if uses_gpu else "CPU")
        elif isinstance(event, StageStarted) and event.stage in STAGE_WORDS:
            self.set_state(STAGE_WORDS[event.stage])
        elif isinstance(event, MicLevel):
            self.level_meter.setValue(int(event.level * 100))
        elif isinstance(event, ListeningChanged):
            self._listening(event)
        elif isinstance(event, SpeechStarted):
            self.set_state("Hearing you…")
        elif isinstance(event, Transcript):
            self.chat.show_pending(f"You said: {event.text} (working on it…)")
        elif isinstance(event, TurnStarted):
            self.set_state("Thinking…")
        elif isinstance(event, AnswerGrowing):
            self.chat.show_pending(f"{event.question} — {event.text}…")
        elif isinstance(event, TurnCancelled):
            self.set_state("Listening (hands-free)" if self.hands_free else "Ready")
        elif isinstance(event, SpeakingStarted):
            self.set_state("Speaking")
        elif isinstance(event, SpeakingFinished):
            self.set_state("Listening (hands-free)" if self.hands_free else "Ready")
        elif isinstance(event, ErrorEvent):
            self.chat.drop_pending()
            self.show_notice(event.message)
            self.set_state("Ready")
        elif isinstance(event, HistoryRestored):
            self.chat.set_turns(event.turns)
            if self._startup_notice:  # said once already; kept in the chat the history replaced
                self.chat.add_note(self._startup_notice)
        elif isinstance(event, HistoryCleared):
            self.chat.clear_all()
            self.notice.setText("The chat history was cleared.")
            a11y.announce(self.chat, "The chat history was cleared.")

    # -- settings, look, closing ----------------------------------------------
    def apply_config(self, config: AppConfig) -> None:
        """Take new settings: save them (in the worker) and apply what can change live."""
        old, self.config = self.config, config
        self.host.reload_settings(config)
        theme.apply(controls.app(), scale=config.ui.font_scale, high_contrast=config.ui.high_contrast)
        if config.ui.camera != old.ui.camera:
            old_camera = self.camera_view.source()
            self.camera_view.set_source(None)
            self.camera_view.set_message("Switching camera…")
            self.devices.close_all(old_camera, None)
            self._camera_spec = config.ui.camera
            self.devices.open_camera(config.ui.camera)
        if config.ui.microphone != old.ui.microphone:
            self._mic_spec = config.ui.microphone   # the worker reopens it with the new settings

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
        self.set_state("Closing…")
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
        return super().event(event)
