"""Reading text in pictures with RapidOCR (PP-OCR models shipped inside the wheel).

One RapidOCR instance is built on first use and shared: it holds ~500 MB of ONNX
sessions and its ``__call__`` changes instance settings, so calls are serialised by a
lock. Hand-held photos are tilted, upside down and partly unreadable, so besides the
lines (in reading order, low-confidence debris dropped) the result says how many pieces
of text were seen but could not be read, the text's tilt, and whether it was upside down.
"""
from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np

from ..errors import VisionError, require
from .words import plausible, tidy

if TYPE_CHECKING:
    from PIL import Image

_lock = threading.Lock()
_engine = None
UNREADABLE_SCORE = 0.3     # below this a detected piece is not even counted as text
DETECT_SIDE = 960          # longest side text is looked for at; bench/eyes.py: same words read
SMALL_SIDE = 736           # a picture shorter than this on its short side is scaled up to it


@dataclass(frozen=True)
class TextBox:
    """One piece of text RapidOCR found; ``box`` is (left, top, right, bottom) in pixels."""

    text: str
    score: float
    box: tuple[float, float, float, float]
    angle: float = 0.0       # degrees, of the piece's baseline

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]

    @property
    def middle(self) -> float:
        return (self.box[1] + self.box[3]) / 2


@dataclass(frozen=True)
class TextLine:
    text: str
    score: float          # the lowest score of the pieces joined into this line
    box: tuple[float, float, float, float]
    height: float = 0.0   # letter height in pixels (the tallest piece, tilt removed)
    partial: bool = False  # only the words that could be made out of a line not read whole

    def to_dict(self) -> dict:
        out = {"text": self.text, "score": round(self.score, 3),
               "box": [round(v, 1) for v in self.box], "height": round(self.height, 1)}
        if self.partial:
            out["partial"] = True
        return out


@dataclass(frozen=True)
class OcrResult:
    lines: tuple[TextLine, ...]
    elapsed_ms: float
    unreadable: int = 0        # pieces of text seen but not read well enough to say
    angle: float = 0.0         # median tilt of the text, degrees (positive: clockwise)
    upside_down: bool = False
    size: tuple[int, int] = (0, 0)   # the picture's width and height

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def _shared_engine():
    global _engine
    if _engine is None:
        rapidocr = require("rapidocr", package="rapidocr", extra="vision",
                           purpose="text reading (OCR)", stage="vision")
        from ..models import packaged

        # Its models checked first: a missing one would send RapidOCR to the network for it.
        packaged.verified_all(packaged.RAPIDOCR_FILES, stage="vision")
        # Quiet (it logs every call); every recognised piece comes back, we judge the scores.
        # Text is found on the picture at most DETECT_SIDE pixels long (RapidOCR's own
        # default scales every picture *up* to 736 on its short side: a phone photo was
        # searched at full size, 0.6-1.0 s); small pictures are scaled up here instead.
        _engine = rapidocr.RapidOCR(params={"Global.log_level": "error",
                                            "Global.text_score": 0.0,
                                            "Det.limit_type": "max",
                                            "Det.limit_side_len": DETECT_SIDE})
    return _engine


def load_ocr() -> None:
    with _lock:
        _shared_engine()


def read_text(image: "Image.Image", *, min_score: float = 0.5) -> OcrResult:
    """The text lines in ``image`` worth reading aloud, in reading order."""
    start = time.perf_counter()
    rgb = np.asarray(image.convert("RGB"))
    scale = 1.0
    seen = rgb
    if min(rgb.shape[:2]) < SMALL_SIDE:
        import cv2

        scale = SMALL_SIDE / min(rgb.shape[:2])
        seen = cv2.resize(rgb, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    with _lock:
        engine = _shared_engine()
        try:
            pieces, flipped = _recognise(engine, seen)
        except Exception as exc:  # onnxruntime/cv2 failures carry no stable type
            raise VisionError("Reading the text in the picture failed.",
                              hint="Try another picture; the log has the details.") from exc
    if scale != 1.0:
        pieces = [TextBox(p.text, p.score, tuple(v / scale for v in p.box), p.angle)
                  for p in pieces]
    kept = [p for p in pieces if p.score >= min_score and plausible(p.text, p.score)]
    unreadable = sum(1 for p in pieces if p not in kept and p.score >= UNREADABLE_SCORE
                     and len(p.text) >= 2)
    upside_down = bool(pieces) and flipped * 2 > len(pieces)
    angle = float(np.median([p.angle for p in pieces])) if pieces else 0.0
    lines = reading_order(kept, angle=angle, upside_down=upside_down)
    return OcrResult(lines=lines, elapsed_ms=(time.perf_counter() - start) * 1000,
                     unreadable=unreadable, angle=angle, upside_down=upside_down,
                     size=(rgb.shape[1], rgb.shape[0]))


def _recognise(engine: Any, rgb: np.ndarray) -> tuple[list[TextBox], int]:
    """All recognised pieces and how many the angle classifier turned upside down.

    RapidOCR's one-call API drops the classifier's verdicts, so its steps are run one by
    one where this version has them; otherwise the plain call (no upside-down verdict).
    """
    steps = all(hasattr(engine, n) for n in ("preprocess_img", "run_ocr_steps",
                                             "build_final_output"))
    flipped = 0
    if steps:
        img, record = engine.preprocess_img(rgb)
        det, cls, rec, crops = engine.run_ocr_steps(img, record)
        labels = getattr(cls, "cls_res", None) or ()
        # Only the pieces the classifier was sure enough to turn (RapidOCR's cls_thresh).
        sure = float(getattr(getattr(getattr(engine, "cfg", None), "Cls", None), "cls_thresh", 0.9))
        flipped = sum(1 for label in labels if str(label[0]) == "180" and float(label[1]) >= sure)
        output = engine.build_final_output(rgb, det, cls, rec, crops, record)
    else:
        output = engine(rgb)
    return _boxes(output), flipped


def _boxes(output) -> list[TextBox]:
    if output is None or getattr(output, "boxes", None) is None or not output.txts:
        return []
    found = []
    for quad, text, score in zip(output.boxes, output.txts, output.scores):
        text = tidy(str(text))
        if not text:
            continue
        points = np.asarray(quad, dtype=float).reshape(-1, 2)
        xs, ys = points[:, 0], points[:, 1]
        found.append(TextBox(text, float(score), (float(xs.min()), float(ys.min()),
                                                  float(xs.max()), float(ys.max())),
                             angle=_baseline_angle(points)))
    return found


def _baseline_angle(points: np.ndarray) -> float:
    """Tilt of a quad's longer side, degrees in (-90, 90]; 0 for level text."""
    dx, dy = points[1] - points[0]
    if math.hypot(dx, dy) < math.hypot(*(points[2] - points[1])):
        dx, dy = points[2] - points[1]
    angle = math.degrees(math.atan2(dy, dx))
    if angle > 90:
        angle -= 180
    elif angle <= -90:
        angle += 180
    return angle


def reading_order(boxes: Sequence[TextBox], *, angle: float = 0.0,
                  upside_down: bool = False) -> tuple[TextLine, ...]:
    """Group pieces into lines along the text's own tilt; top to bottom, left to right.

    Pieces whose middles (measured across the tilted baseline) lie within half a line
    height share a line. Upside-down text is read from the picture's bottom up.
    """
    theta = math.radians(angle)
    cos, sin = math.cos(theta), math.sin(theta)
    flip = -1.0 if upside_down else 1.0

    def along(b: TextBox) -> float:       # position along the baseline
        x, y = (b.box[0] + b.box[2]) / 2, b.middle
        return flip * (x * cos + y * sin)

    def across(b: TextBox) -> float:      # position down the page
        x, y = (b.box[0] + b.box[2]) / 2, b.middle
        return flip * (-x * sin + y * cos)

    def tall(b: TextBox) -> float:        # letter height with the tilt taken out
        w, h = b.box[2] - b.box[0], b.height
        return max(1.0, h * abs(cos) - w * abs(sin)) if abs(angle) < 45 else max(1.0, w)

    rows: list[list[TextBox]] = []
    for box in sorted(boxes, key=across):
        if rows:
            row = rows[-1]
            row_middle = sum(across(b) for b in row) / len(row)
            row_height = max(tall(b) for b in row)
            if abs(across(box) - row_middle) <= 0.5 * max(row_height, tall(box)):
                row.append(box)
                continue
        rows.append([box])
    lines = []
    for row in rows:
        row.sort(key=along)
        lines.append(TextLine(
            text=" ".join(b.text for b in row),
            score=min(b.score for b in row),
            box=(min(b.box[0] for b in row), min(b.box[1] for b in row),
                 max(b.box[2] for b in row), max(b.box[3] for b in row)),
            height=max(tall(b) for b in row),
        ))
    return tuple(lines)
