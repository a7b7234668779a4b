"""Shared fixtures: real photos, a fake cv2 whose camera replays them, a real video."""
from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
from skimage import data


@pytest.fixture(scope="session")
def photos() -> dict[str, np.ndarray]:
    """Real RGB photos from scikit-image."""
    return {name: getattr(data, name)() for name in ("astronaut", "coffee", "chelsea", "rocket")}


class FakeCv2:
    """Stands in for the cv2 module: a webcam at ``index`` that replays real photos.

    ``unplug()`` makes reads fail and reopening fail (the cable pulled);
    ``plug()`` brings it back. Reads block for one frame period like a driver.
    """

    CAP_PROP_BUFFERSIZE = 38

    def __init__(self, frames_rgb: list[np.ndarray], index: int = 0, fps: float = 60.0,
                 silent: bool = False) -> None:
        self.frames_bgr = [np.ascontiguousarray(f[..., ::-1]) for f in frames_rgb]
        self.index = index
        self.period = 1.0 / fps
        self.silent = silent          # opens, but never delivers a frame
        self.plugged = True
        self.reads = 0                # successful reads, across reopenings
        self.opened = 0
        self.released = 0
        self._lock = threading.Lock()
        self._tick = threading.Event()  # never set: wait() is a timed block
        outer = self

        class VideoCapture:
            def __init__(self, index: int) -> None:
                self._open = outer.plugged and index == outer.index
                if self._open:
                    outer.opened += 1

            def isOpened(self) -> bool:
                return self._open

            def set(self, prop: int, value: float) -> bool:
                return True

            def read(self):
                outer._tick.wait(outer.period)
                if not (self._open and outer.plugged) or outer.silent:
                    return False, None
                with outer._lock:
                    frame = outer.frames_bgr[outer.reads % len(outer.frames_bgr)]
                    outer.reads += 1
                return True, frame.copy()

            def release(self) -> None:
                if self._open:
                    outer.released += 1
                self._open = False

        self.VideoCapture = VideoCapture

    def unplug(self) -> None:
        self.plugged = False

    def plug(self) -> None:
        self.plugged = True


@pytest.fixture
def make_fake_cv2():
    """The FakeCv2 class, for tests that need one with other settings."""
    return FakeCv2


@pytest.fixture
def fake_cv2(photos) -> FakeCv2:
    return FakeCv2([photos["astronaut"], photos["coffee"], photos["chelsea"]])


def crop_sequence(photos: dict[str, np.ndarray], n: int, size=(160, 120)) -> list[np.ndarray]:
    """Frames panning across real photos: astronaut, then coffee (a scene change)."""
    w, h = size
    frames = []
    for i in range(n):
        src = photos["astronaut"] if i < n // 2 else photos["coffee"]
        x = 8 * (i % (n // 2))
        frames.append(np.ascontiguousarray(src[100:100 + h, 100 + x:100 + x + w]))
    return frames


@pytest.fixture(scope="session")
def video_file(tmp_path_factory, photos) -> tuple[Path, list[np.ndarray], float]:
    """A real MJPG .avi made with cv2.VideoWriter from panning crops of real photos."""
    import cv2

    frames = crop_sequence(photos, 20)
    fps = 20.0
    path = tmp_path_factory.mktemp("video") / "pan.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (160, 120))
    assert writer.isOpened()
    for rgb in frames:
        writer.write(np.ascontiguousarray(rgb[..., ::-1]))
    writer.release()
    return path, frames, fps
