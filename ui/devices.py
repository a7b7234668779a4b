"""Camera and microphone for the window: built from settings, opened and closed off the UI thread
(the microphone by the worker, which hands it to the conversation engine).

Opening a camera can take seconds (the driver, a busy device) and closing one
joins its reader thread, so both happen on short-lived helper threads that
report back through queued Qt signals.
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal

from assistant.errors import AssistantError

from .translation import translate

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp"}


def make_frame_source(spec: str, on_status: Callable | None = None):
    """"0", "1"…: a camera by number; a picture or a video file: a stand-in camera."""
    from assistant.vision.camera import ImageFileSource, OpenCVCamera, VideoFileSource

    spec = spec.strip() or "0"
    if spec.isdigit():
        return OpenCVCamera(int(spec), on_status=on_status)
    path = Path(spec).expanduser()
    if path.suffix.lower() in IMAGE_SUFFIXES:
        return ImageFileSource(path)
    return VideoFileSource(path, realtime=True, loop=True)


def make_audio_source(spec: str, on_state: Callable | None = None):
    """"": the default microphone; a name: that microphone; a recording (.wav, .flac, .ogg,
    .mp3...): a replayed one."""
    from assistant.audio.sources import MicrophoneSource, WavReplaySource
    from assistant.audio.files import RECORDING_SUFFIXES

    spec = spec.strip()
    if spec.lower().endswith(RECORDING_SUFFIXES):
        return WavReplaySource(Path(spec).expanduser())
    return MicrophoneSource(spec or None, on_state=on_state)


def describe(exc: BaseException) -> str:
    if isinstance(exc, AssistantError):
        return exc.user_text()
    return translate("DeviceThreads", "The device could not be used ({reason}).").format(reason=exc)


class DeviceThreads(QObject):
    """Opens and closes devices on helper threads; results come back as signals."""

    camera_opened = Signal(object)      # an opened FrameSource
    camera_failed = Signal(str)
    camera_status = Signal(str)         # "" when the camera is back, else what went wrong
    closed = Signal()

    def _spawn(self, target: Callable[[], None], name: str) -> threading.Thread:
        thread = threading.Thread(target=target, name=name, daemon=True)
        thread.start()
        return thread

    _camera_logged: str | None = None   # the camera problem the log last heard of
    camera_spec = ""

    def _log_camera(self, problem: str | None) -> None:
        """Staff details in the log once per change of state, never once per retry (a kiosk
        without its camera retries all day)."""
        if problem == self._camera_logged:
            return
        before, self._camera_logged = self._camera_logged, problem
        if problem is not None:
            log.warning("camera %s: %s (retrying quietly)", self.camera_spec, problem)
        elif before is not None:
            log.info("camera %s works again", self.camera_spec)

    def camera_status_callback(self, problem) -> None:
        # Called on the camera's reader thread; the signal is queued to the UI.
        words = None if problem is None else describe(problem)
        self._log_camera(words)
        self.camera_status.emit(words or "")

    def open_camera(self, source_or_spec) -> None:
        self.camera_spec = source_or_spec if isinstance(source_or_spec, str) else "(given)"

        def work() -> None:
            try:
                source = source_or_spec
                if isinstance(source, str):
                    source = make_frame_source(source, self.camera_status_callback)
                source.open()
            except Exception as exc:  # noqa: BLE001 - told to the user, the app goes on
                words = describe(exc)
                self._log_camera(f"{words} [{type(exc).__name__}: {exc}]")
                self.camera_failed.emit(words)
                return
            self._log_camera(None)
            self.camera_opened.emit(source)

        self._spawn(work, "open-camera")

    def close_all(self, camera, voice, *, final: bool = False) -> None:
        """Stop both on a helper thread; with ``final``, ``closed`` fires when they are stopped."""
        def work() -> None:
            for stop in (getattr(voice, "stop", None), getattr(camera, "close", None)):
                if stop is None:
                    continue
                try:
                    stop()
                except Exception:
                    log.debug("closing a device failed", exc_info=True)
            if final:
                self.closed.emit()

        self._spawn(work, "close-devices")
