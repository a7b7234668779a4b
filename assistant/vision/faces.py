"""Count people's faces with OpenCV's Haar cascades (opencv-python(-headless) 4.x).

Haar cascades are small, fast on a CPU and ship inside the OpenCV wheel, so
"how many people are here?" needs no extra download. Frontal faces use the
``alt2`` cascade (no false positives on our test photos, where ``default`` saw
faces in coins and the moon); turned heads use the profile cascade, run on the
image and its mirror because it only knows left-facing profiles. Overlapping
boxes from the passes are merged.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import DependencyMissingError, ModelMissingError, require

MAX_WIDTH = 640  # larger frames are shrunk first: faces stay findable, time drops


@dataclass(frozen=True)
class FaceBox:
    x: int
    y: int
    w: int
    h: int
    kind: str = "frontal"   # frontal | profile

    @property
    def area(self) -> int:
        return self.w * self.h


@dataclass(frozen=True)
class FaceOptions:
    scale_factor: float = 1.1
    frontal_neighbors: int = 5
    profile_neighbors: int = 8   # the profile cascade fires more easily on texture
    min_face_fraction: float = 1 / 16  # of the shorter side: ignores far-away specks
    use_profile: bool = True
    merge_iou: float = 0.3

    def __post_init__(self) -> None:
        if self.scale_factor <= 1.0:
            raise ValueError("scale_factor must be above 1")
        if not 0 < self.min_face_fraction < 1:
            raise ValueError("min_face_fraction must be between 0 and 1")


def _cv2():
    cv2 = require("cv2", package="opencv-python-headless", extra="vision",
                  purpose="face counter", stage="vision")
    if not hasattr(cv2, "CascadeClassifier") or not hasattr(cv2, "data"):
        # OpenCV 5 dropped the cascades; say which build works.
        raise DependencyMissingError("opencv-python-headless<5", "vision",
                                     purpose="face counter", stage="vision")
    return cv2


def _cascade(cv2: Any, name: str):
    path = cv2.data.haarcascades + f"haarcascade_{name}.xml"
    cascade = cv2.CascadeClassifier(path)
    if cascade.empty():
        raise ModelMissingError(f"OpenCV's face model {name} could not be loaded.",
                                hint="Reinstall opencv-python-headless 4.x.", stage="vision")
    return cascade


def _iou(a: FaceBox, b: FaceBox) -> float:
    ix = max(0, min(a.x + a.w, b.x + b.w) - max(a.x, b.x))
    iy = max(0, min(a.y + a.h, b.y + b.h) - max(a.y, b.y))
    inter = ix * iy
    if inter == 0:
        return 0.0
    # Also treat a box mostly inside another as the same face (a profile hit
    # inside a frontal hit is one person, not two).
    return max(inter / (a.area + b.area - inter), inter / min(a.area, b.area) - 0.5)


def merge_boxes(boxes: list[FaceBox], iou: float) -> list[FaceBox]:
    """Greedy non-maximum merge: frontal boxes win, then bigger boxes."""
    order = sorted(boxes, key=lambda b: (b.kind != "frontal", -b.area))
    kept: list[FaceBox] = []
    for box in order:
        if all(_iou(box, k) < iou for k in kept):
            kept.append(box)
    return sorted(kept, key=lambda b: (b.x, b.y))


class FaceDetector:
    """Loads the cascades once; ``detect`` is safe to call from one thread at a time."""

    def __init__(self, options: FaceOptions = FaceOptions()) -> None:
        self.options = options
        cv2 = _cv2()
        self._frontal = _cascade(cv2, "frontalface_alt2")
        self._profile = _cascade(cv2, "profileface") if options.use_profile else None
        self._lock = threading.Lock()  # cascades keep scratch state between calls

    def detect(self, image: np.ndarray) -> list[FaceBox]:
        cv2 = _cv2()
        opts = self.options
        array = np.asarray(image)
        gray = array if array.ndim == 2 else cv2.cvtColor(
            np.ascontiguousarray(array[..., :3]), cv2.COLOR_RGB2GRAY)
        if gray.dtype != np.uint8:
            gray = np.clip(gray, 0, 255).astype(np.uint8)
        scale = min(1.0, MAX_WIDTH / gray.shape[1])
        if scale < 1.0:
            gray = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        # Equalising helps in dim or backlit rooms, where a blind user cannot
        # know the lighting is poor.
        gray = cv2.equalizeHist(gray)
        side = max(20, int(min(gray.shape) * opts.min_face_fraction))
        kwargs = dict(scaleFactor=opts.scale_factor, minSize=(side, side))
        width = gray.shape[1]
        found: list[FaceBox] = []
        with self._lock:
            for x, y, w, h in self._frontal.detectMultiScale(
                    gray, minNeighbors=opts.frontal_neighbors, **kwargs):
                found.append(FaceBox(int(x), int(y), int(w), int(h), "frontal"))
            if self._profile is not None:
                for mirrored in (False, True):
                    src = np.ascontiguousarray(gray[:, ::-1]) if mirrored else gray
                    for x, y, w, h in self._profile.detectMultiScale(
                            src, minNeighbors=opts.profile_neighbors, **kwargs):
                        x = width - x - w if mirrored else x
                        found.append(FaceBox(int(x), int(y), int(w), int(h), "profile"))
        merged = merge_boxes(found, opts.merge_iou)
        if scale < 1.0:
            merged = [FaceBox(round(b.x / scale), round(b.y / scale), round(b.w / scale),
                              round(b.h / scale), b.kind) for b in merged]
        return merged

    def count(self, image: np.ndarray) -> int:
        return len(self.detect(image))


_shared: FaceDetector | None = None
_shared_lock = threading.Lock()


def shared_detector() -> FaceDetector:
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = FaceDetector()
        return _shared


def detect_faces(image: np.ndarray) -> list[FaceBox]:
    """Face boxes (pixels of the given image) found in an RGB or grey image."""
    return shared_detector().detect(image)
