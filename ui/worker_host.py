"""The window's side of the worker thread: owns the QThread and the worker, and is the only way
the window talks to it (queued signals in, one ``event`` signal out)."""
from __future__ import annotations

import itertools

from PySide6.QtCore import QObject, Qt, QThread, Signal

from assistant.config import AppConfig
from assistant.paths import AppPaths

from .worker import DESCRIBE_QUESTION, READ_TEXT_QUESTION, AssistantWorker


class WorkerHost(QObject):
    """Owns the thread and the worker; the window talks to the worker only through this."""

    event = Signal(object)
    stopped = Signal()            # the worker thread has ended
    _load = Signal()
    _ask_text = Signal(int, str, object)
    _ask_audio = Signal(int, object, object)
    _repeat = Signal()
    _stop = Signal()
    _reload = Signal(object)
    _clear = Signal()
    _export = Signal(str)
    _shutdown = Signal()

    def __init__(self, config: AppConfig, paths: AppPaths, *, factory=None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self.thread = QThread()
        self.thread.setObjectName("assistant-worker")
        self.worker = AssistantWorker(config, paths, factory=factory)
        self.worker.moveToThread(self.thread)
        queued = Qt.ConnectionType.QueuedConnection
        self.worker.event.connect(self.event, queued)
        self._load.connect(self.worker.load, queued)
        self._ask_text.connect(self.worker.ask_text, queued)
        self._ask_audio.connect(self.worker.ask_audio, queued)
        self._repeat.connect(self.worker.repeat, queued)
        self._stop.connect(self.worker.stop_speaking, queued)
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

    def _next_id(self) -> int:
        request = next(self._ids)
        self.worker._latest = request   # older queued questions are skipped
        return request

    def ask_text(self, text: str, frame) -> int:
        if not self.running:
            return 0
        self.worker.interrupt()
        request = self._next_id()
        self._ask_text.emit(request, text, frame)
        return request

    def ask_audio(self, audio, frame) -> int:
        if not self.running:
            return 0
        self.worker.interrupt()
        request = self._next_id()
        self._ask_audio.emit(request, audio, frame)
        return request

    def describe_now(self, frame) -> int:
        return self.ask_text(DESCRIBE_QUESTION, frame)

    def read_text_now(self, frame) -> int:
        return self.ask_text(READ_TEXT_QUESTION, frame)

    def repeat(self) -> None:
        self._repeat.emit()

    def stop_speaking(self) -> None:
        if not self.running:
            return
        self.worker.interrupt()   # at once, even while the worker is busy answering
        self._stop.emit()

    def reload_settings(self, config: AppConfig) -> None:
        self._reload.emit(config)

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
        self.worker.interrupt()
        self._shutdown.emit()
