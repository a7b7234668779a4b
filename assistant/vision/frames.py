"""Which frame to answer from, and what to tell the user when no frame is good enough.

When a question arrives the camera holds the last few frames; the best one is
the sharpest of those a person could make something of (not dark, not blurred,
not covered). If none is, the least bad is still used and the answer says, in
one plain sentence, what is wrong and what to do about it: a blind user cannot
see that the lens is covered or that the room is dark.
"""
from __future__ import annotations

from typing import Any, Sequence, TypeVar

import numpy as np

from ..i18n import _
from .quality import FrameQuality, QualityThresholds, check_frame, sharpest

T = TypeVar("T")

# What the user can do about each problem, by what they asked for. "" is any task.
_BLACK = ("The picture is almost black: the lens may be covered, or the light is off. "
          "Check the lens, or turn on a light.")
_WORDS: dict[tuple[str, str], str] = {
    ("covered", ""): "The camera seems to be covered. Check that nothing is in front of the lens.",
    ("dark", ""): "The picture is too dark. Try turning on a light.",
    ("blurred", ""): "The picture is blurry. Hold the camera still for a moment.",
    ("noise", ""): "The picture is only speckles, like a camera with no signal. Check the camera.",
    ("dark", "read_text"): "The picture is too dark to read. Turn on a light, or move closer "
                           "to a window.",
    ("blurred", "read_text"): "The picture is too blurry to read. Hold the camera still, "
                              "about a hand's length from the text.",
    ("blurred", "count_people"): "The picture is blurry, so I may miss faces. "
                                 "Hold the camera still for a moment.",
    ("dark", "count_people"): "The picture is dark, so I may miss faces. Try turning on a light.",
}


def pixels(frame: Any) -> np.ndarray:
    """The RGB array of a camera Frame, a numpy array or a PIL image."""
    if isinstance(frame, np.ndarray):
        return frame
    image = getattr(frame, "image", frame)
    return np.asarray(image.convert("RGB") if hasattr(image, "convert") else image)


def best_frame(frames: Sequence[T], thresholds: QualityThresholds = QualityThresholds()
               ) -> tuple[T, FrameQuality]:
    """The sharpest usable frame and its quality; the sharpest of all if none is usable."""
    if not frames:
        raise ValueError("best_frame needs at least one frame")
    checked = [(frame, check_frame(pixels(frame), thresholds)) for frame in frames]
    usable = [frame for frame, quality in checked if quality.ok]
    # Usable beats sharp: a crisp frame of a covered lens (sensor noise) tells nothing.
    pool = usable or [frame for frame, quality in checked if not quality.covered] or list(frames)
    chosen = sharpest(pool) if len(pool) > 1 else pool[0]
    quality = next(q for frame, q in checked if frame is chosen)
    return chosen, quality


def problem_words(quality: FrameQuality | None, task: str = "") -> str:
    """One or two sentences naming what is wrong with the frame and the fix, in the reply
    language; '' if nothing."""
    if quality is None or quality.ok:
        return ""
    problem = quality.problem
    if problem == "covered" and quality.brightness < QualityThresholds().covered_mean:
        # Nearly black and flat: a covered lens and a dark room look the same.
        return _(_BLACK)
    return _(_WORDS.get((problem, task)) or _WORDS[(problem, "")])
