"""Is this frame worth describing? Darkness, blur and a covered lens, in plain words.

Pure functions over an RGB uint8 array (cv2 only for the Laplacian and resize,
imported lazily). Frames are scaled to a fixed width first so the blur score
means the same for a 480p webcam and a 4K phone photo.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence, TypeVar

import numpy as np

ANALYSIS_WIDTH = 512  # blur thresholds below are tuned at this width


@dataclass(frozen=True)
class QualityThresholds:
    dark_mean: float = 45.0       # mean luma (0-255) below this is too dark
    covered_mean: float = 40.0    # a lens cap or pocket is dark...
    covered_std: float = 4.0      # ...and nearly uniform (dim rooms still show edges)
    uniform_std: float = 3.0      # a finger in daylight is bright but featureless
    blur_variance: float = 10.0   # sharpness (see ``sharpness``) below this is blurred
    noise_structure: float = 0.3  # pixel noise keeps ~0.16 of its contrast at 64 px, photos > 0.5

    def __post_init__(self) -> None:
        if not (0 <= self.covered_mean <= 255 and 0 <= self.dark_mean <= 255):
            raise ValueError("brightness thresholds must be between 0 and 255")
        if min(self.blur_variance, self.covered_std, self.uniform_std) < 0:
            raise ValueError("blur and uniformity thresholds cannot be negative")


@dataclass(frozen=True)
class FrameQuality:
    brightness: float   # mean luma, 0-255
    contrast: float     # standard deviation of luma
    sharpness: float    # variance of the Laplacian at ANALYSIS_WIDTH
    too_dark: bool
    blurred: bool
    covered: bool
    noise: bool = False        # speckles with no structure: static, a broken camera
    structure: float = 1.0     # share of contrast that survives shrinking to 64 px wide
    coarse: float = 100.0      # luma contrast at 16 px wide: shapes and regions, not detail

    @property
    def ok(self) -> bool:
        return not (self.too_dark or self.blurred or self.covered or self.noise)

    @property
    def problem(self) -> str:
        """The one problem to tell the user about: covered, noise, dark, blurred or ''."""
        if self.covered:
            return "covered"
        if self.noise:
            return "noise"
        if self.too_dark:
            return "dark"
        if self.blurred:
            return "blurred"
        return ""

    @property
    def message(self) -> str:
        # One sentence at a time: a blind user can act on one fix, not a list.
        return _MESSAGES[self.problem]


_MESSAGES = {
    "covered": "The camera seems to be covered. Check that nothing is in front of the lens.",
    "dark": "The picture is too dark. Try turning on a light.",
    "blurred": "The picture is blurry. Hold the camera still for a moment.",
    "noise": "The picture is only speckles, like a camera with no signal. Check the camera.",
    "": "",
}


def _luma_small(image: np.ndarray) -> np.ndarray:
    import cv2

    array = np.asarray(image)
    if array.ndim == 3:
        # ITU-R BT.601 weights on RGB, like cv2's RGB2GRAY.
        gray = array[..., :3].astype(np.float32) @ np.array([0.299, 0.587, 0.114], np.float32)
    else:
        gray = array.astype(np.float32)
    h, w = gray.shape
    if w != ANALYSIS_WIDTH:
        size = (ANALYSIS_WIDTH, max(1, round(h * ANALYSIS_WIDTH / w)))
        gray = cv2.resize(gray, size, interpolation=cv2.INTER_AREA)
    return gray


def sharpness(image: np.ndarray) -> float:
    """How crisp the edges are: high for a sharp photo, low for blur or camera shake."""
    return _sharpness(_luma_small(image))


def _sharpness(gray: np.ndarray) -> float:
    """Variance of the Laplacian after a light denoise, at a contrast of 50.

    Phone sensors add speckle noise, most of all in dim rooms, and noise is all edges: on
    the raw picture a smeared, noisy frame scores as sharp. A sigma-1 blur first removes
    the speckle and keeps real edges; dividing out the contrast keeps a dim but sharp
    picture from scoring as blurred (the Laplacian grows with contrast squared).
    """
    import cv2

    smooth = cv2.GaussianBlur(gray, (0, 0), 1.0)
    contrast = max(float(gray.std()), 5.0)
    return float(cv2.Laplacian(smooth, cv2.CV_32F).var()) * (50.0 / contrast) ** 2


def check_frame(image: np.ndarray, thresholds: QualityThresholds = QualityThresholds()) -> FrameQuality:
    if image is None or np.asarray(image).size == 0:
        raise ValueError("check_frame needs a non-empty image")
    import cv2

    gray = _luma_small(image)
    brightness = float(gray.mean())
    contrast = float(gray.std())
    lap_var = _sharpness(gray)
    # Independent pixel noise averages away when the picture is shrunk; real scenes keep
    # most of their contrast (textures like grass keep about half).
    tiny = cv2.resize(gray, (64, max(1, round(gray.shape[0] * 64 / gray.shape[1]))),
                      interpolation=cv2.INTER_AREA)
    structure = float(tiny.std()) / contrast if contrast > 1e-6 else 1.0
    # What survives at 16 px wide is regions (a page on a table, a screen in a dark room):
    # blur leaves it, a plain wall or ceiling has none.
    coarse = float(cv2.resize(gray, (16, max(1, round(gray.shape[0] * 16 / gray.shape[1]))),
                              interpolation=cv2.INTER_AREA).std())
    covered = ((brightness < thresholds.covered_mean and contrast < thresholds.covered_std)
               or contrast < thresholds.uniform_std)
    return FrameQuality(
        brightness=brightness,
        contrast=contrast,
        sharpness=lap_var,
        too_dark=brightness < thresholds.dark_mean,
        blurred=lap_var < thresholds.blur_variance,
        covered=covered,
        noise=contrast >= 10 and structure < thresholds.noise_structure,
        structure=structure,
        coarse=coarse,
    )


T = TypeVar("T")


def sharpest(frames: Sequence[T]) -> T:
    """The sharpest of a few frames (numpy arrays, or objects with an ``image``)."""
    if not frames:
        raise ValueError("sharpest needs at least one frame")
    return max(frames, key=lambda f: sharpness(_pixels(f)))


def _pixels(frame: Any) -> np.ndarray:
    return frame if isinstance(frame, np.ndarray) else np.asarray(frame.image)
