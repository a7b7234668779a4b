"""Live camera view: paints the newest frame of a FrameSource, polled by a UI timer.

Frames are grabbed on the source's own thread; the timer here only looks at
the source's ring (``recent(1)``, which never waits) and repaints when a new
frame arrived, so the UI thread never blocks on the camera.
"""
from __future__ import annotations

import time
from collections import deque

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QImage, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from . import accessibility
from .translation import translate

POLL_MS = 15   # twice the rate of a 30 fps camera, so a frame waits at most ~15 ms


class CameraView(QWidget):
    frame_shown = Signal(int)   # seq of the frame just painted (tests and the benchmark)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("camera_view")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(160, 120))   # small panes at large text sizes still fit
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to operate; the status says its state
        accessibility.label(self, translate("CameraView", "Camera view"),
                            translate("CameraView", "The live picture from the camera that "
                                                    "questions are about."))
        self._source = None
        self._frame = None          # the Frame being shown (numpy RGB); questions use this one
        self._image: QImage | None = None   # the frame at the pane's size
        self._pixels = None
        self._last_key: tuple | None = None
        self._message = translate("CameraView", "Starting the camera…")
        self._shown_at: deque[float] = deque(maxlen=120)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._poll)

    # -- source ---------------------------------------------------------------
    def set_source(self, source) -> None:
        """Show frames from an opened FrameSource (None: show the message instead)."""
        self._source = source
        self._last_key = None
        if source is None:
            self._timer.stop()
            self._frame = self._image = None    # no question is asked about a closed source
        else:
            self._message = ""
            self._timer.start(POLL_MS)
            self._poll()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(480, 360)

    def source(self):
        return self._source

    def set_message(self, message: str) -> None:
        """Words painted in place of the picture (camera missing, reconnecting...)."""
        self._message = message
        self.setAccessibleDescription(message or translate("CameraView",
                                                           "The live picture from the camera."))
        self.update()

    @property
    def current_frame(self):
        return self._frame

    def fps(self) -> float:
        """Frames painted per second over the last few seconds."""
        times = [t for t in self._shown_at if t >= time.monotonic() - 3.0]
        if len(times) < 2:
            return 0.0
        return (len(times) - 1) / (times[-1] - times[0])

    def _poll(self) -> None:
        source = self._source
        if source is None:
            return
        try:
            frames = source.recent(1)
        except Exception:  # a source going away mid-read: the status event explains it
            frames = []
        if not frames:
            return
        frame = frames[-1]
        # A still picture is stamped anew on every read; the same pixels need no repaint.
        key = (frame.seq, id(frame.image))
        if key == self._last_key:
            return
        self._last_key = key
        self._frame = frame
        self._image = self._scaled(frame.image)
        self.update()

    def _scaled(self, image) -> QImage | None:
        """The frame scaled to the pane once per new frame, in the byte order the screen uses,
        so painting is a plain copy: cv2 does the work without holding Python's lock, where
        scaling in paintEvent held the event loop for tens of milliseconds on a busy CPU."""
        import cv2

        height, width = image.shape[:2]
        size = self._fit(width, height).size().toSize()
        w, h = max(size.width(), 1), max(size.height(), 1)
        if (w, h) != (width, height):
            image = cv2.resize(image, (w, h), interpolation=cv2.INTER_LINEAR)   # ~0.4 ms at 640x480
        self._pixels = cv2.cvtColor(image, cv2.COLOR_RGB2BGRA)   # kept: QImage borrows it
        return QImage(self._pixels.data, w, h, self._pixels.strides[0], QImage.Format.Format_RGB32)

    # -- painting -------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        # The picture keeps its shape; the rest of the pane is the window's own colour, not black.
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Window))
        if self._image is not None and not self._message:
            if self._frame is not None and self._image.size() != self._fit(
                    *self._frame.image.shape[1::-1]).size().toSize():
                self._image = self._scaled(self._frame.image)    # the pane changed size
            target = self._fit(self._image.width(), self._image.height())
            painter.drawImage(target.topLeft(), self._image)
            self._shown_at.append(time.monotonic())
            if self._frame is not None:
                self.frame_shown.emit(self._frame.seq)
        if self._message:
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            area = self.rect().adjusted(12, 12, -12, -12)
            flags = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
            font = QFont(self.font())
            # Large text in a small pane: the words shrink until they fit rather than being cut.
            while font.pointSizeF() > 7 and QFontMetrics(font).boundingRect(
                    area, flags, self._message).height() > area.height():
                font.setPointSizeF(font.pointSizeF() * 0.9)
            painter.setFont(font)
            painter.drawText(area, flags, self._message)
        painter.end()

    def _fit(self, width: int, height: int) -> QRectF:
        area = self.rect()
        scale = min(area.width() / max(width, 1), area.height() / max(height, 1))
        w, h = width * scale, height * scale
        return QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h)

    def stop(self) -> None:
        self._timer.stop()
