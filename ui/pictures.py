"""Pictures the way people give them: Open picture (Ctrl+O), paste (Ctrl+V), drag and drop,
and Use camera (F9) to go back to the live camera.

A picture given here takes the camera's place in the camera view: every question after it
(typed, spoken, Describe, Read) is about it, because they all ask about the frame on
screen. The camera is closed meanwhile (its light goes off) and opened again by Use
camera. Loading happens on a helper thread (``ui/picture_input.py``); the newest request
wins. The kiosk has none of this: a file dialog on a public screen opens the whole disk.
"""
from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, QObject, QStandardPaths, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog

from assistant.errors import AssistantError
from assistant.vision.camera import RING_SIZE, Frame

from . import accessibility as a11y
from . import picture_input
from .picture_input import PictureRequest, sentence
from .translation import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

# English, marked for translation: ``translate("Pictures", ...)`` where shown.
CAMERA_NAME = QT_TRANSLATE_NOOP("Pictures", "Camera view")
CAMERA_DESCRIPTION = QT_TRANSLATE_NOOP(
    "Pictures", "The live picture from the camera that questions are about.")
NO_PICTURE = QT_TRANSLATE_NOOP(
    "Pictures", "The clipboard holds no picture. Copy a picture or a picture file, then press "
    "Ctrl+V.")
_DRAG = (QEvent.Type.DragEnter, QEvent.Type.DragMove)


class StillPicture:
    """A picture the user gave, as a FrameSource: every read is the same frame."""

    def __init__(self, pixels: np.ndarray, label: str) -> None:
        self.label = label
        self.frame = Frame(pixels, time.monotonic(), 1)

    def open(self) -> None:
        pass

    def close(self) -> None:
        pass

    def latest(self, timeout: float = 2.0) -> Frame:
        return self.frame

    def recent(self, n: int = RING_SIZE) -> list[Frame]:
        return [self.frame] if n > 0 else []

    def __enter__(self) -> "StillPicture":
        return self

    def __exit__(self, *exc: object) -> None:
        pass


class Pictures(QObject):
    """The window's picture commands; ``active`` is the picture in use (None: the camera)."""

    _loaded = Signal(int, object, str)     # request number, RGB pixels, label
    _failed = Signal(int, str)             # request number, what went wrong in words

    def __init__(self, window) -> None:
        super().__init__(window)
        self.w = window
        self.active: StillPicture | None = None
        self.dialog: QFileDialog | None = None      # the open dialog (the tests drive it)
        self._folder = ""
        self._request = 0
        self._loaded.connect(self._use)
        self._failed.connect(self._refused)
        if not window.kiosk:
            window.setAcceptDrops(True)
            for target in (window, window.question):   # the question box takes drops itself
                target.installEventFilter(self)

    # -- the commands -------------------------------------------------------------------
    def open_dialog(self) -> QFileDialog:
        """Open picture: a file dialog, window-modal, that never blocks the window."""
        folder = self._folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.PicturesLocation)
        dialog = QFileDialog(self.w, translate("Pictures", "Open picture"), folder,
                             picture_input.dialog_filter())
        dialog.setObjectName("open_picture_dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setAccessibleName(translate("Pictures", "Open picture"))
        dialog.fileSelected.connect(self.open_file)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_file(self, path: str) -> None:
        if not path:
            return
        file = Path(path)
        self._folder = str(file.parent)
        self._load(PictureRequest(picture_input.file_label(file), path=file))

    def paste(self) -> bool:
        """Ctrl+V: the clipboard's picture or copied picture file; False if it holds neither."""
        return self._take(QApplication.clipboard().mimeData(), "pasted", refuse=True)

    def use_camera(self) -> None:
        w = self.w
        if self.active is None:
            w.status_events.refuse(translate("Pictures", "The camera is already in use."))
            return
        self._request += 1                  # a picture still loading is not wanted now
        self.active = None
        self._show(None)
        w.camera_view.set_message(translate("Pictures", "Starting the camera…"))
        w.devices.open_camera(w._camera_spec)
        w.status_events.notice(translate("Pictures", "Using the camera."))

    # -- pasting into the question box, dragging and dropping --------------------------------
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.KeyPress and obj is self.w.question \
                and event.matches(QKeySequence.StandardKey.Paste):
            # A picture on the clipboard is the question's picture; text is pasted as text.
            return self._take(QApplication.clipboard().mimeData(), "pasted", refuse=False)
        if kind in _DRAG and picture_input.holds_picture(event.mimeData()):
            event.acceptProposedAction()
            return True
        if kind == QEvent.Type.Drop and picture_input.holds_picture(event.mimeData()):
            event.acceptProposedAction()
            self._take(event.mimeData(), "dropped", refuse=True)
            return True
        return False

    def _take(self, mime, how: str, *, refuse: bool) -> bool:
        try:
            request = picture_input.request_from(mime, how)
        except AssistantError as exc:
            self._refused(self._request, exc.user_text())
            return True
        if request is None:
            if refuse:
                self.w.status_events.refuse(translate("Pictures", NO_PICTURE))
            return False
        self._load(request)
        return True

    # -- loading off the UI thread ------------------------------------------------------------
    def _load(self, request: PictureRequest) -> None:
        self._request += 1
        number = self._request
        self.w.status_events.set_notice_line(
            translate("Pictures", "Opening {picture}…").format(picture=request.label))

        def work() -> None:
            try:
                pixels = picture_input.load(request)
            except AssistantError as exc:
                log.info("picture refused (%s): %s", exc.code, exc.user_text())
                self._failed.emit(number, exc.user_text())
                return
            except Exception:   # noqa: BLE001 - a bug: the log keeps the traceback
                log.exception("loading %s failed", request.label)
                self._failed.emit(number, sentence(translate(
                    "Pictures", "The {picture} could not be opened. Details are in the "
                    "log.").format(picture=request.label.removeprefix("the "))))
                return
            self._loaded.emit(number, pixels, request.label)

        threading.Thread(target=work, name="load-picture", daemon=True).start()

    def _use(self, number: int, pixels: np.ndarray, label: str) -> None:
        w = self.w
        if number != self._request or w._closing:
            return
        camera = w.camera_view.source()
        if camera is not None and not isinstance(camera, StillPicture):
            w.devices.close_all(camera, None)          # off the UI thread; its light goes off
        self.active = StillPicture(pixels, label)
        self._show(self.active)
        # The camera is not wanted now: no "no camera" state, and no "camera is back" later.
        events = w.status_events
        events.machine.fixed("no_camera")
        events.publish()
        events.notice(sentence(translate("Pictures", "Using {picture}. F9 goes back to the "
                                                     "camera.").format(picture=label)))

    def _refused(self, number: int, words: str) -> None:
        if number == self._request and not self.w._closing:
            self.w.status_events.notice(words, assertive=True)

    def _show(self, picture: StillPicture | None) -> None:
        w = self.w
        w.camera_view.set_source(picture)
        w.camera_button.setVisible(picture is not None)
        if picture is None:
            a11y.label(w.camera_view, translate("Pictures", CAMERA_NAME),
                       translate("Pictures", CAMERA_DESCRIPTION))
        else:
            name = sentence(picture.label)
            a11y.label(w.camera_view, name, translate(
                "Pictures", "{picture}: questions are about it until you choose Use "
                "camera.").format(picture=name))
