"""Frame sources: a live OpenCV camera, a video file and a still image, one protocol.

A camera is read on its own thread and only the newest few frames are kept, so
a question always sees what is in front of the user now, never a backlog from
seconds ago. OpenCV comes in through the constructor (``cv2_module``) so tests
can hand in a capture that replays real photos; it is imported lazily otherwise.
"""
from __future__ import annotations

import logging
import threading
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Protocol

import numpy as np

from ..errors import DeviceError, InputError, require
from .cv_quiet import quiet

log = logging.getLogger(__name__)
RING_SIZE = 5


@dataclass(frozen=True)
class Frame:
    image: np.ndarray   # H x W x 3, RGB, uint8
    timestamp: float    # time.monotonic() when it was captured
    seq: int            # frames captured since open, counting from 1

    def to_pil(self):
        from PIL import Image

        return Image.fromarray(self.image)


class FrameSource(Protocol):
    def open(self) -> None: ...
    def close(self) -> None: ...
    def latest(self, timeout: float = 2.0) -> Frame: ...
    def recent(self, n: int = RING_SIZE) -> list[Frame]: ...
    def __enter__(self) -> "FrameSource": ...
    def __exit__(self, *exc: object) -> None: ...


StatusCallback = Callable[[DeviceError | None], None]


def _to_rgb(frame: np.ndarray) -> np.ndarray:
    """OpenCV hands out BGR (or grey); everything downstream wants RGB uint8."""
    array = np.asarray(frame)
    if array.ndim == 2:
        array = np.stack([array] * 3, axis=-1)
    elif array.shape[2] == 4:
        array = array[..., :3]
    if array.dtype != np.uint8:
        array = np.clip(array, 0, 255).astype(np.uint8)
    return np.ascontiguousarray(array[..., ::-1])


class _Ring:
    """The last few frames, with a condition so readers wait instead of polling."""

    def __init__(self, size: int) -> None:
        self._frames: deque[Frame] = deque(maxlen=size)
        self._cond = threading.Condition()
        self._seq = 0

    def push(self, bgr: np.ndarray) -> Frame:
        with self._cond:
            self._seq += 1
            frame = Frame(_to_rgb(bgr), time.monotonic(), self._seq)
            self._frames.append(frame)
            self._cond.notify_all()
            return frame

    def newest(self, timeout: float, newer_than: int = 0) -> Frame | None:
        with self._cond:
            self._cond.wait_for(lambda: self._frames and self._frames[-1].seq > newer_than,
                                timeout)
            if self._frames and self._frames[-1].seq > newer_than:
                return self._frames[-1]
            return None

    def recent(self, n: int) -> list[Frame]:
        with self._cond:
            return list(self._frames)[-n:] if n > 0 else []

    def clear(self) -> None:
        with self._cond:
            self._frames.clear()

    def wake(self) -> None:
        with self._cond:
            self._cond.notify_all()


class _SourceBase:
    def __init__(self, ring_size: int) -> None:
        if ring_size < 1:
            raise ValueError("ring_size must be at least 1")
        self._ring_size = ring_size
        self._ring = _Ring(ring_size)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def recent(self, n: int = RING_SIZE) -> list[Frame]:
        """Up to ``n`` newest frames, oldest first (to pick the sharpest)."""
        return self._ring.recent(n)

    def __enter__(self):
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _fresh_ring(self) -> None:
        # A reopened source must never hand out frames from before it closed.
        self._ring = _Ring(self._ring_size)

    def _start(self, target: Callable[[], None], name: str) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=target, name=name, daemon=True)
        self._thread.start()

    def _join(self) -> None:
        self._stop.set()
        self._ring.wake()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5.0)
        self._thread = None


class OpenCVCamera(_SourceBase):
    """A webcam read on its own thread; ``latest()`` is always the newest frame.

    When reads start failing (unplugged, driver crash) it reports a
    ``DeviceError`` with code ``camera_lost`` through ``on_status`` and from
    ``latest()``, and keeps trying to reopen; ``on_status(None)`` says it is back.
    """

    def __init__(self, index: int = 0, *, cv2_module: Any = None, ring_size: int = RING_SIZE,
                 on_status: StatusCallback | None = None, open_timeout_s: float = 5.0,
                 failures_before_lost: int = 5, reopen_interval_s: float = 1.0) -> None:
        super().__init__(ring_size)
        self.index = index
        self._cv2 = cv2_module
        self._on_status = on_status
        self._open_timeout_s = open_timeout_s
        self._failures_before_lost = max(1, failures_before_lost)
        self._reopen_interval_s = reopen_interval_s
        self._cap: Any = None
        self._lost: DeviceError | None = None

    @property
    def problem(self) -> DeviceError | None:
        """The current fault, or None while frames are arriving."""
        return self._lost

    def _module(self):
        if self._cv2 is None:
            self._cv2 = require("cv2", package="opencv-python-headless", extra="vision",
                                purpose="camera", stage="device")
        return self._cv2

    def _connect(self) -> Any:
        cv2 = self._module()
        with quiet(cv2):    # our _unavailable() line says it, once
            cap = cv2.VideoCapture(self.index)
        if cap is None or not cap.isOpened():
            if cap is not None:
                cap.release()
            return None
        try:
            # Ask the driver not to queue frames; not every backend honours it,
            # which is why the reader thread drains reads anyway.
            cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)
        except Exception:  # a backend without the property is fine
            pass
        return cap

    def _unavailable(self) -> DeviceError:
        return DeviceError(f"Camera number {self.index} could not be opened.",
                           hint="Check that the camera is plugged in and that no other "
                                "program is using it, or choose another camera.",
                           code="camera_unavailable")

    def open(self) -> None:
        if self._thread is not None:
            return
        self._cap = self._connect()
        if self._cap is None:
            raise self._unavailable()
        self._lost = None
        self._fresh_ring()
        self._start(self._run, f"camera-{self.index}")
        # A camera can open and still never deliver (busy, wrong mode); say so now.
        if self._ring.newest(self._open_timeout_s) is None:
            self.close()
            raise self._unavailable()

    def close(self) -> None:
        self._join()
        if self._cap is not None:
            self._cap.release()
            self._cap = None

    def latest(self, timeout: float = 2.0) -> Frame:
        if self._thread is None:
            raise DeviceError("The camera is not on.", hint="Open the camera first.",
                              code="camera_closed")
        if self._lost is not None:
            raise self._lost
        frame = self._ring.newest(timeout)
        if frame is None:
            raise self._lost or self._unavailable()
        return frame

    def _report(self, problem: DeviceError | None) -> None:
        self._lost = problem
        if problem is not None:
            log.warning("camera %s: %s", self.index, problem.message)
        else:
            log.info("camera %s is back", self.index)
        if self._on_status is not None:
            try:
                self._on_status(problem)
            except Exception:  # a listener's bug must not kill the reader
                log.exception("camera status listener failed")

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            cap = self._cap
            if cap is None:
                self._cap = self._connect()
                if self._cap is None:
                    self._stop.wait(self._reopen_interval_s)
                else:
                    failures = 0
                    self._report(None)
                continue
            try:
                ok, bgr = cap.read()
            except Exception:  # some backends raise instead of returning False
                log.debug("camera read raised", exc_info=True)
                ok, bgr = False, None
            if ok and bgr is not None:
                failures = 0
                self._ring.push(bgr)
                continue
            failures += 1
            if failures < self._failures_before_lost:
                self._stop.wait(0.05)  # a dropped frame is normal; do not spin
                continue
            cap.release()
            self._cap = None
            # Pictures from before the fault would describe a scene that may be gone.
            self._ring.clear()
            self._report(DeviceError("The camera stopped sending pictures.",
                                     hint="Check its cable. I will keep trying to reconnect.",
                                     code="camera_lost"))


def _check_file(path: Path, what: str) -> Path:
    path = Path(path)
    if not path.is_file():
        raise InputError(f"The {what} file {path} was not found.",
                         hint="Check the file name and try again.")
    return path


class VideoFileSource(_SourceBase):
    """Plays a video file as if it were a camera.

    ``realtime=True`` paces frames at the file's frame rate on a thread, like a
    live camera, and loops by default (a stand-in camera should not run dry).
    ``realtime=False`` has no thread: each ``latest()`` steps one frame, which
    makes tests and benchmarks repeatable. At the end with ``loop=False``,
    ``ended`` is set and ``latest()`` keeps returning the last frame.
    """

    def __init__(self, path: str | Path, *, realtime: bool = True, loop: bool = True,
                 cv2_module: Any = None, ring_size: int = RING_SIZE) -> None:
        super().__init__(ring_size)
        self.path = Path(path)
        self.realtime = realtime
        self.loop = loop
        self._cv2 = cv2_module
        self._cap: Any = None
        self.fps = 0.0
        self.frame_count = 0
        self.ended = threading.Event()
        self._served_first = False

    def open(self) -> None:
        if self._cap is not None:
            return
        _check_file(self.path, "video")
        cv2 = self._cv2 or require("cv2", package="opencv-python-headless", extra="vision",
                                   purpose="video reader", stage="input")
        self._cv2 = cv2
        with quiet(cv2):    # an unreadable video: our InputError below says it
            cap = cv2.VideoCapture(str(self.path))
            ok, first = (cap.read() if cap.isOpened() else (False, None))
        if not ok or first is None:
            cap.release()
            raise InputError(f"The file {self.path.name} could not be read as a video.",
                             hint="Use a common video format such as MP4 or AVI.")
        fps = float(cap.get(cv2.CAP_PROP_FPS) or 0.0)
        self.fps = fps if 0 < fps <= 240 else 25.0  # some containers report 0 or nonsense
        self.frame_count = int(cap.get(cv2.CAP_PROP_FRAME_COUNT) or 0)
        self._cap = cap
        self.ended.clear()
        self._served_first = False
        self._fresh_ring()
        self._ring.push(first)
        if self.realtime:
            self._start(self._run, f"video-{self.path.name}")

    def close(self) -> None:
        self._join()
        if self._cap is not None:
            self._cap.release()
            self._cap = None

    def _next(self) -> np.ndarray | None:
        ok, bgr = self._cap.read()
        if ok and bgr is not None:
            return bgr
        if not self.loop:
            return None
        self._cap.set(self._cv2.CAP_PROP_POS_FRAMES, 0)
        ok, bgr = self._cap.read()
        return bgr if ok else None

    def _run(self) -> None:
        period = 1.0 / self.fps
        due = time.monotonic() + period
        while not self._stop.wait(max(0.0, due - time.monotonic())):
            bgr = self._next()
            if bgr is None:
                self.ended.set()
                return
            self._ring.push(bgr)
            # Fall behind gracefully: never burst to catch up, like a camera.
            due = max(due + period, time.monotonic())

    def latest(self, timeout: float = 2.0) -> Frame:
        if self._cap is None:
            raise DeviceError("The video is not open.", hint="Open it first.",
                              code="camera_closed")
        if not self.realtime:
            # Step mode: the first call gets the frame open() read, later calls the next.
            if self._served_first and not self.ended.is_set():
                bgr = self._next()
                if bgr is None:
                    self.ended.set()
                else:
                    self._ring.push(bgr)
            self._served_first = True
        frame = self._ring.newest(timeout)
        assert frame is not None  # open() pushed the first frame
        return frame


class ImageFileSource(_SourceBase):
    """A still photo as a frame source; every ``latest()`` is the same picture."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(1)
        self.path = Path(path)
        self._image: np.ndarray | None = None

    def open(self) -> None:
        if self._image is not None:
            return
        _check_file(self.path, "image")
        from PIL import Image, UnidentifiedImageError

        try:
            with Image.open(self.path) as pil:
                self._image = np.asarray(pil.convert("RGB"), dtype=np.uint8).copy()
        except (UnidentifiedImageError, OSError) as exc:
            raise InputError(f"The file {self.path.name} could not be read as a picture.",
                             hint="Use a common image format such as JPEG or PNG.") from exc

    def close(self) -> None:
        self._image = None

    def latest(self, timeout: float = 2.0) -> Frame:
        if self._image is None:
            self.open()
        assert self._image is not None
        # Stamped now: a still stands for "what is in front of me now".
        frame = Frame(self._image, time.monotonic(), 1)
        return frame

    def recent(self, n: int = RING_SIZE) -> list[Frame]:
        return [self.latest()] if n > 0 else []
