"""Reading text in pictures with RapidOCR (PP-OCR models shipped inside the wheel).

One RapidOCR instance is built on first use and shared: it holds ~500 MB of ONNX
sessions and its ``__call__`` changes instance settings, so calls are serialised
by a lock. Lines come back in reading order, filtered by recognition score.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from ..errors import VisionError, require

if TYPE_CHECKING:
    from PIL import Image

_lock = threading.Lock()
_engine = None


@dataclass(frozen=True)
class TextBox:
    """One piece of text RapidOCR found; ``box`` is (left, top, right, bottom) in pixels."""

    text: str
    score: float
    box: tuple[float, float, float, float]

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

    def to_dict(self) -> dict:
        return {"text": self.text, "score": round(self.score, 3),
                "box": [round(v, 1) for v in self.box]}


@dataclass(frozen=True)
class OcrResult:
    lines: tuple[TextLine, ...]
    elapsed_ms: float

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def _shared_engine():
    global _engine
    if _engine is None:
        rapidocr = require("rapidocr", package="rapidocr", extra="vision",
                           purpose="text reading (OCR)", stage="vision")
        # Quiet: RapidOCR logs every call at info level.
        _engine = rapidocr.RapidOCR(params={"Global.log_level": "error"})
    return _engine


def load_ocr() -> None:
    with _lock:
        _shared_engine()


def read_text(image: "Image.Image", *, min_score: float = 0.5) -> OcrResult:
    """All text lines in ``image`` scoring at least ``min_score``, top to bottom."""
    start = time.perf_counter()
    with _lock:
        engine = _shared_engine()
        try:
            output = engine(image.convert("RGB"))
        except Exception as exc:  # onnxruntime/cv2 failures carry no stable type
            raise VisionError("Reading the text in the picture failed.",
                              hint="Try another picture; the log has the details.") from exc
    boxes = _boxes(output, min_score)
    return OcrResult(lines=reading_order(boxes), elapsed_ms=(time.perf_counter() - start) * 1000)


def _boxes(output, min_score: float) -> list[TextBox]:
    if output is None or getattr(output, "boxes", None) is None or not output.txts:
        return []
    found = []
    for quad, text, score in zip(output.boxes, output.txts, output.scores):
        text = " ".join(str(text).split())
        if float(score) < min_score or not _looks_like_text(text):
            continue
        xs, ys = [float(p[0]) for p in quad], [float(p[1]) for p in quad]
        found.append(TextBox(text, float(score), (min(xs), min(ys), max(xs), max(ys))))
    return found


def _looks_like_text(text: str) -> bool:
    # A lone glyph is more often wood grain or a reflection than writing (the coffee
    # photo reads as "8" at 0.90); two letters or digits are needed.
    if sum(ch.isalnum() for ch in text) < 2:
        return False
    # A blurred line comes back as scattered letters ("the o sr e t te re s the");
    # English words average ~4.5 letters, such debris under 2.5.
    words = text.split()
    return len(words) < 4 or sum(len(w) for w in words) / len(words) >= 2.5


def reading_order(boxes: Sequence[TextBox]) -> tuple[TextLine, ...]:
    """Group boxes whose vertical middles are within half a line height; left to right inside."""
    rows: list[list[TextBox]] = []
    for box in sorted(boxes, key=lambda b: b.middle):
        if rows:
            row = rows[-1]
            row_middle = sum(b.middle for b in row) / len(row)
            row_height = max(b.height for b in row)
            if abs(box.middle - row_middle) <= 0.5 * max(row_height, box.height):
                row.append(box)
                continue
        rows.append([box])
    lines = []
    for row in rows:
        row.sort(key=lambda b: b.box[0])
        lines.append(TextLine(
            text=" ".join(b.text for b in row),
            score=min(b.score for b in row),
            box=(min(b.box[0] for b in row), min(b.box[1] for b in row),
                 max(b.box[2] for b in row), max(b.box[3] for b in row)),
        ))
    return tuple(lines)
