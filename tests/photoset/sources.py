"""Where the photo set's real pixels and fonts come from, all offline.

Only two kinds of source are allowed, so the set builds the same on any machine that
has run the test set-up: photos bundled inside the scikit-image wheel, and photos
from the Debian package ``opencv-doc``; fonts only from Debian ``fonts-dejavu-core``.
A missing file raises ``SourceMissing`` naming what to install, never a download.

Some opencv-doc photos are screenshots of a detector's output with its class names
drawn on them ("CUP: 0.82"). Those labels would hand an OCR engine the answer, so
``photo`` paints them out (OpenCV inpainting over the listed boxes and the thin green
frames) before any case sees the picture.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
from PIL import Image, ImageFont

OPENCV_DOC = Path("/usr/share/doc/opencv-doc")
OPENCV_FOLDERS = (OPENCV_DOC / "examples" / "data", OPENCV_DOC / "examples" / "text",
                  OPENCV_DOC / "opencv4" / "html")
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {
    "sans": "DejaVuSans.ttf", "sans-bold": "DejaVuSans-Bold.ttf",
    "mono": "DejaVuSansMono.ttf", "mono-bold": "DejaVuSansMono-Bold.ttf",
    "serif": "DejaVuSerif.ttf", "serif-bold": "DejaVuSerif-Bold.ttf",
}
SKIMAGE_PHOTOS = frozenset({"astronaut", "coffee", "chelsea", "rocket", "camera", "page",
                            "text", "cat", "coins", "brick", "grass", "gravel", "clock",
                            "colorwheel", "hubble_deep_field", "immunohistochemistry"})

Box = tuple[int, int, int, int]  # left, top, right, bottom in the original file


class Source(NamedTuple):
    file: str
    crop: Box | None = None
    labels: tuple[Box, ...] = ()   # drawn text boxes to paint out
    frames: tuple[Box, ...] = ()   # drawn rectangle outlines to paint out


OPENCV_PHOTOS: dict[str, Source] = {
    # A cat on a window sill beside an orchid; a phone screenshot with detector labels.
    "cat_window": Source("11_demo.jpg", (0, 34, 800, 480),
                         ((176, 53, 467, 74), (443, 206, 625, 230)),
                         ((176, 74, 346, 438), (444, 228, 622, 451))),
    # A breakfast table: bottle, mug, orange, banana on a plate, knife, fork, phone.
    "breakfast": Source("yolo.jpg", (4, 92, 1028, 804),
                        ((358, 102, 484, 124), (490, 282, 632, 304), (214, 308, 370, 330),
                         (495, 482, 630, 504), (121, 522, 314, 544))),
    "candle_glass": Source("HDRtoneMapping_candleSample.jpg", (0, 110, 515, 550)),
    "lecture_hall": Source("studentsSample_input.jpg"),
    "bus": Source("pexels_double_decker_bus.jpg"),
    "plant": Source("plant.jpg"),
    "pumpkin": Source("astra_color.jpg"),
    "campus": Source("Background_Subtraction_Tutorial_frame.jpg", (0, 30, 576, 432)),
    "portrait": Source("230501201_1.jpg"),
    "portrait2": Source("227943776_1.jpg"),
    "hand": Source("handSrc.jpg"),
    "desk_bag": Source("box_in_scene.png"),
    "football": Source("messi5.jpg"),
    "fruits": Source("fruits.jpg"),
    "apple": Source("apple.jpg"),
    "orange": Source("orange.jpg"),
    "players": Source("basketball1.png"),
    "squirrel": Source("squirrel_cls.jpg"),
    "town": Source("leuvenA.jpg"),
    "building": Source("building.jpg"),
    "desk_things": Source("stuff.jpg"),
    "text_defocus": Source("text_defocus.jpg"),
    "text_motion": Source("text_motion.jpg"),
    "car_motion": Source("licenseplate_motion.jpg"),
    "sign_parking": Source("scenetext01.jpg"),
    "sign_sports": Source("scenetext02.jpg"),
    "sign_copy": Source("scenetext03.jpg"),
    "sign_generator": Source("scenetext04.jpg"),
    "sign_barrier": Source("scenetext05.jpg"),
    "sign_galleries": Source("scenetext06.jpg"),
}


class SourceMissing(RuntimeError):
    """A source photo or font is not on this machine; the message says what to install."""


def photo(name: str) -> Image.Image:
    """A fresh RGB copy of the named source photo (an OPENCV_PHOTOS key or a skimage name)."""
    return _cached(name).copy()


def source_files() -> list[Path]:
    """Every file the set reads, for the cache key and for a check that all are present."""
    files = [_opencv_path(entry.file) for entry in OPENCV_PHOTOS.values()]
    return files + [FONT_DIR / name for name in FONTS.values()]


@lru_cache(maxsize=None)
def font(kind: str, size: int) -> ImageFont.FreeTypeFont:
    """A DejaVu font: kind is one of FONTS ('sans', 'serif-bold', 'mono'...)."""
    path = FONT_DIR / FONTS[kind]
    if not path.is_file():
        raise SourceMissing(f"font {path} is missing: install the Debian package "
                            f"fonts-dejavu-core (apt-get install fonts-dejavu-core)")
    return ImageFont.truetype(str(path), size)


@lru_cache(maxsize=None)
def _cached(name: str) -> Image.Image:
    if name in OPENCV_PHOTOS:
        return _opencv(name)
    if name in SKIMAGE_PHOTOS:
        return _skimage(name)
    raise KeyError(f"unknown source photo {name!r}")


def _skimage(name: str) -> Image.Image:
    try:
        from skimage import data
    except ImportError as exc:
        raise SourceMissing("scikit-image is not installed: pip install scikit-image "
                            "(its wheel bundles the photos the set uses)") from exc
    try:
        pixels = getattr(data, name)()
    except Exception as exc:  # a build without bundled data tries to download: refuse
        raise SourceMissing(f"scikit-image photo {name!r} is not bundled in this install; "
                            f"reinstall the wheel: pip install --force-reinstall "
                            f"scikit-image") from exc
    if pixels.dtype == bool:
        pixels = pixels.astype(np.uint8) * 255
    return Image.fromarray(pixels).convert("RGB")


def _opencv_path(file: str) -> Path:
    for folder in OPENCV_FOLDERS:
        if (folder / file).is_file():
            return folder / file
    return OPENCV_FOLDERS[0] / file


def _opencv(name: str) -> Image.Image:
    source = OPENCV_PHOTOS[name]
    path = _opencv_path(source.file)
    if not path.is_file():
        raise SourceMissing(f"source photo {source.file} is missing: install the Debian "
                            f"package opencv-doc (apt-get install opencv-doc)")
    with Image.open(path) as img:
        rgb = img.convert("RGB")
    if source.labels or source.frames:
        rgb = _paint_out(rgb, source.labels, source.frames)
    return rgb.crop(source.crop) if source.crop else rgb


def _paint_out(img: Image.Image, boxes, frames) -> Image.Image:
    """Inpaint drawn detector labels and their pure-green frames so no class name remains."""
    import cv2

    bgr = cv2.cvtColor(np.asarray(img), cv2.COLOR_RGB2BGR)
    b, g, r = (bgr[..., i].astype(np.int16) for i in range(3))
    mask = ((g > 150) & (r < 110) & (b < 110) & (g - np.maximum(r, b) > 90)).astype(np.uint8)
    for left, top, right, bottom in boxes:
        mask[top:bottom, left:right] = 1
    for left, top, right, bottom in frames:
        mask[top:bottom + 1, (left, right)] = 1
        mask[(top, bottom), left:right + 1] = 1
    mask = cv2.dilate(mask * 255, np.ones((5, 5), np.uint8))
    fixed = cv2.inpaint(bgr, mask, 5, cv2.INPAINT_TELEA)
    return Image.fromarray(cv2.cvtColor(fixed, cv2.COLOR_BGR2RGB))
