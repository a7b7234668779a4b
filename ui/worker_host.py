"""The window's side of the worker thread: owns the QThread and the worker, and is the only way
the window talks to it. Slow commands (start-up, settings, the microphone, history files) are
queued signals to the worker's thread; instant ones (ask, stop, push-to-talk, hands-free) go
straight to the conversation engine, which is thread-safe and never blocks the caller."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal

from assistant.config import AppConfig
from assistant.paths import AppPaths

from .worker import AssistantWorker


class WorkerHost(QObject):
    """Owns the thread and the worker; the window talks to the worker only through this."""

    event = Signal(object)
    stopped = Signal()            # the worker thread has ended
    _load = Signal()
    _microphone = Signal(object)
    _reload = Signal(object)
    _clear = Signal()
    _export = Signal(str)
    _shutdown = Signal()

    def __init__(self, config: AppConfig, paths: AppPaths, *, factory=None,
                 frame: Callable[[], Any] = lambda: None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName("assistant-worker")
        self.worker = AssistantWorker(config, paths, factory=factory, frame=frame)
        self.worker.moveToThread(self.thread)
        queued = Qt.ConnectionType.QueuedConnection
        self.worker.event.connect(self.event, queued)
        self._load.connect(self.worker.load, queued)
        self._microphone.connect(self.worker.open_microphone, queued)
        self._reload.connect(self.worker.reload_settings, queued)
        self._clear.connect(self.worker.clear_history, queued)
        self._export.connect(self.worker.export_history, queued)
        self._shutdown.connect(self.worker.shutdown, queued)
        # Standard wiring: finished → quit → deleteLater; the window waits on ``stopped``.
        self.worker.finished.connect(self.thread.quit)
        self.worker.finished.connect(self.worker.deleteLater)
        self.thread.finished.connect(self.thread.deleteLater)
        self.thread.finished.connect(self.stopped)
        self.running = False

    def start(self) -> None:
        self.thread.start()
        self.running = True
        self._load.emit()

    @property
    def engine(self):
        """The conversation engine (None until the models are loaded)."""
        return self.worker.engine

    def open_microphone(self, spec_or_source) -> None:
        """A device name, "" for the default, a .wav file, or an AudioSource."""
        self._microphone.emit(spec_or_source)

    # Each returns whether the question was handed on (False once the worker has stopped).
    def ask_text(self, text: str, frame, turn_id: int | None = None) -> bool:
        if self.running:
            self.worker.ask_text(text, frame, turn_id)
        return self.running

    def describe_now(self, frame, turn_id: int | None = None) -> bool:
        if self.running:
            self.worker.describe_now(frame, turn_id)
        return self.running

    def read_text_now(self, frame, turn_id: int | None = None) -> bool:
        if self.running:
            self.worker.read_text_now(frame, turn_id)
        return self.running

    def repeat(self) -> None:
        if self.running:
            self.worker.repeat()

    def stop_speaking(self) -> None:
        if self.running:
            self.worker.interrupt()

    def push_to_talk(self, pressed: bool) -> None:
        if self.running:
            self.worker.push_to_talk(pressed)

    def set_hands_free(self, on: bool) -> None:
        if self.running:
            self.worker.set_hands_free(on)

    def set_reply_voice(self, *, speak: bool) -> None:
        """Speak replies, or leave them to the screen reader (a flag: safe from any thread)."""
        self.worker.set_reply_voice(speak)

    def reload_settings(self, config: AppConfig) -> None:
        self._reload.emit(config)

    def new_conversation(self) -> None:
        self.worker.new_conversation()

    def clear_history(self) -> None:
        self._clear.emit()

    def export_history(self, path: str) -> None:
        self._export.emit(str(path))

    def shutdown(self) -> None:
        """Ask the worker to close its engines; ``stopped`` fires when its thread ended."""
        if not self.running:
            self.stopped.emit()
            return
        self.running = False
        self.worker.stop_loading()
        self.worker.interrupt()
        self._shutdown.emit()
