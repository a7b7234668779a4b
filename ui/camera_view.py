"""Live camera view: paints the newest frame of a FrameSource, polled by a UI timer.

Frames are grabbed on the source's own thread; the timer here only looks at
the source's ring (``recent(1)``, which never waits) and repaints when a new
frame arrived, so the UI thread never blocks on the camera.
"""
from __future__ import annotations

import time
from collections import deque

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from . import accessibility

POLL_MS = 15   # twice the rate of a 30 fps camera, so a frame waits at most ~15 ms


class CameraView(QWidget):
    frame_shown = Signal(int)   # seq of the frame just painted (tests and the benchmark)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("camera_view")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(320, 240))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to operate; the status says its state
        accessibility.label(self, "Camera view",
                            "The live picture from the camera that questions are about.")
        self._source = None
        self._frame = None          # the Frame being shown (numpy RGB); questions use this one
        self._image: QImage | None = None
        self._last_key: tuple | None = None
        self._message = "Starting the camera…"
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
        else:
            self._message = ""
            self._timer.start(POLL_MS)
            self._poll()

    def source(self):
        return self._source

    def set_message(self, message: str) -> None:
        """Words painted in place of the picture (camera missing, reconnecting...)."""
        self._message = message
        self.setAccessibleDescription(message or "The live picture from the camera.")
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
        image = frame.image
        height, width = image.shape[:2]
        # QImage borrows the numpy buffer; the Frame keeps it alive while shown.
        self._image = QImage(image.data, width, height, image.strides[0], QImage.Format.Format_RGB888)
        self.update()

    # -- painting -------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("black"))
        if self._image is not None and not self._message:
            target = self._fit(self._image.width(), self._image.height())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
            painter.drawImage(target, self._image)
            self._shown_at.append(time.monotonic())
            if self._frame is not None:
                self.frame_shown.emit(self._frame.seq)
        if self._message:
            painter.setPen(QColor("white"))
            painter.drawText(self.rect().adjusted(12, 12, -12, -12),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._message)
        painter.end()

    def _fit(self, width: int, height: int) -> QRectF:
        area = self.rect()
        scale = min(area.width() / max(width, 1), area.height() / max(height, 1))
        w, h = width * scale, height * scale
        return QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h)

    def stop(self) -> None:
        self._timer.stop()
