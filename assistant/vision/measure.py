"""Light level of a picture, from its luminance. Pure numpy, no model.

Brightness is measured on the gamma-encoded values (what a person sees on screen),
weighted as in Rec. 709 luma, so a white wall reads bright and a night sky dark.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from PIL import Image

# (upper bound of mean luma on 0..1, plain word). Bounds were set by looking at real
# photos: a dusk launch pad is ~0.2, indoor daylight photos 0.35-0.6.
LIGHT_LEVELS = (
    (0.08, "very dark"),
    (0.20, "dark"),
    (0.35, "dim"),
    (0.65, "well lit"),
    (0.85, "bright"),
    (1.01, "very bright"),
)
_LUMA = np.array([0.2126, 0.7152, 0.0722])
_SHADOW, _HIGHLIGHT = 0.06, 0.96


@dataclass(frozen=True)
class LightLevel:
    brightness: float      # mean luma, 0 (black) .. 1 (white)
    label: str             # a word from LIGHT_LEVELS
    shadow_share: float    # share of pixels that are nearly black
    highlight_share: float # share of pixels that are nearly white (blown out)

    def __post_init__(self) -> None:
        if not 0.0 <= self.brightness <= 1.0:
            raise ValueError(f"brightness must be within 0..1, not {self.brightness}")

    @property
    def is_dark(self) -> bool:
        return self.label in ("very dark", "dark")

    def sentence(self) -> str:
        text = f"The picture is {self.label} (brightness {self.brightness:.0%})"
        if self.highlight_share >= 0.25:
            text += ", with large washed-out white areas"
        elif self.shadow_share >= 0.5 and not self.is_dark:
            text += ", with large black areas"
        return text + "."

    def to_dict(self) -> dict:
        return {"brightness": round(self.brightness, 3), "label": self.label,
                "shadow_share": round(self.shadow_share, 3),
                "highlight_share": round(self.highlight_share, 3)}


def rgb_array(img: "Image.Image | np.ndarray", *, max_side: int = 256) -> np.ndarray:
    """Float RGB in 0..1, shrunk so measuring costs milliseconds whatever the photo size."""
    if isinstance(img, np.ndarray):
        array = img
        if array.ndim == 2:
            array = np.repeat(array[..., None], 3, axis=2)
        array = array[..., :3]
        step = max(1, int(np.ceil(max(array.shape[:2]) / max_side)))
        array = array[::step, ::step]
        return array.astype(np.float32) / (255.0 if array.dtype == np.uint8 else 1.0)
    small = img.convert("RGB")
    if max(small.size) > max_side:
        small = small.copy()
        small.thumbnail((max_side, max_side))
    return np.asarray(small, dtype=np.float32) / 255.0


def light_level(img: "Image.Image | np.ndarray") -> LightLevel:
    luma = rgb_array(img) @ _LUMA
    brightness = float(np.clip(luma.mean(), 0.0, 1.0))
    label = next(word for bound, word in LIGHT_LEVELS if brightness < bound)
    return LightLevel(brightness=brightness, label=label,
                      shadow_share=float((luma < _SHADOW).mean()),
                      highlight_share=float((luma > _HIGHLIGHT).mean()))
