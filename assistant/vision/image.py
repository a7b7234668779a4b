"""Opening pictures safely: one RGB ``PIL.Image`` or a coded InputError in plain words.

Every engine gets its picture through here (files) or ``usable_image`` (camera frames,
pasted images), so odd modes, rotated phone photos, tiny and huge images are dealt
with once.
"""
from __future__ import annotations

import hashlib
import re
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError

if TYPE_CHECKING:
    from PIL import Image

MIN_SIDE = 16         # below this nothing in a picture can be made out
MAX_SIDE = 4096       # larger pictures are shrunk: no engine here looks at more detail
# The most pixels decoded for one picture (RGBA: 160 MB). Checked from the header, before
# decoding: a 685 KB PNG can declare 169 megapixels and take gigabytes once decoded. A JPEG
# is decoded at 1/2..1/8 of its size where that is enough (``draft``), so a phone's 200
# megapixel photo is taken; other formats over the budget are refused, naming this limit.
MAX_PIXELS = 40_000_000
_HINT_FILE = "Check the path, or choose another picture."


def load_image(path: str | Path, *, max_side: int = MAX_SIDE) -> "Image.Image":
    """Open a picture file as RGB, turned upright, no larger than ``max_side`` a side."""
    from PIL import Image, UnidentifiedImageError

    from ..userfiles import open_for_reading

    path = Path(path)
    if not path.exists() and not path.is_symlink():
        raise InputError(f"There is no picture at {path}.", hint=_HINT_FILE, code="file_missing")
    # Opened non-blocking and checked: a FIFO or a device is named, never waited on.
    handle = open_for_reading(path, "image")
    try:
        with handle, warnings.catch_warnings():
            # Pillow warns between 89 and 179 megapixels; our own budget is checked first.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(handle) as img:
                if img.format == "JPEG" and max(img.size) > 2 * max_side:
                    # The JPEG decoder can scale by 1/2..1/8 while decoding: far less memory.
                    img.draft("RGB", (max_side, max_side))
                if img.format == "JPEG":
                    _draft_within_budget(img)
                _check_pixels(img.size, path)     # the size that will really be decoded
                img.load()
                return usable_image(img, max_side=max_side)
    except Image.DecompressionBombError as exc:   # Pillow's own ceiling, for any format
        # Only a JPEG gets past our budget up to it (decoded at a fraction of its size).
        ceiling = 2 * (Image.MAX_IMAGE_PIXELS or 0) if _is_jpeg(path) else MAX_PIXELS
        raise _too_large(path, _megapixels(str(exc)), ceiling) from exc
    except UnidentifiedImageError as exc:
        raise InputError(f"{path.name} is not a picture this assistant can read.",
                         hint="Use a JPEG, PNG, WebP, BMP or TIFF file.",
                         code="image_unreadable") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        # Truncated or corrupt data surfaces from the decoder as OSError/SyntaxError.
        raise InputError(f"The picture {path.name} is damaged or cut short and cannot be read.",
                         hint="Copy it again from where it came from, or choose another picture.",
                         code="image_unreadable") from exc


def _draft_within_budget(img: "Image.Image") -> None:
    """A JPEG over the pixel budget decoded at 1/2, 1/4 or 1/8: the largest that fits."""
    width, height = img.size
    for scale in (2, 4, 8):
        if width * height <= MAX_PIXELS:
            return
        img.draft("RGB", (-(-width // scale), -(-height // scale)))
        width, height = img.size


def _is_jpeg(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(3) == b"\xff\xd8\xff"
    except OSError:
        return False


def _check_pixels(size: tuple[int, int], path: Path) -> None:
    width, height = size
    if width * height > MAX_PIXELS:
        raise _too_large(path, f"{width * height / 1e6:.0f} megapixels")


def _too_large(path: Path, how_big: str, pixels: int = MAX_PIXELS) -> InputError:
    limit = f"{pixels / 1e6:.0f} megapixels"
    return InputError(f"The picture {path.name} is too large to open safely ({how_big}; the "
                      f"limit is {limit}).",
                      hint=f"Shrink it below {limit} with an image editor, or save it as a JPEG, "
                           "and try again.", code="image_too_large")


def usable_image(img: "Image.Image", *, max_side: int = MAX_SIDE) -> "Image.Image":
    """Return an upright RGB copy of ``img`` of a size the engines can work with."""
    from PIL import Image, ImageOps

    width, height = img.size
    if width < MIN_SIDE or height < MIN_SIDE:
        raise InputError(
            f"The picture is only {width} x {height} pixels; a picture that small cannot be "
            f"described (it needs at least {MIN_SIDE} x {MIN_SIDE}).",
            hint="Use a larger photo or move the camera closer.", code="image_too_small")
    if max(img.size) > max_side and img.mode in ("RGB", "RGBA", "L", "LA", "RGBX", "CMYK"):
        # Shrunk before any conversion: each conversion of a large picture is a full copy.
        img = img.copy() if img.readonly else img
        img.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    img = ImageOps.exif_transpose(img)  # phone photos are stored sideways with a rotation tag
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        # Transparent parts would turn black; a white page is what a person sees.
        rgba = img.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = Image.alpha_composite(background, rgba)
    elif img.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        img = _stretch_to_8bit(img)
    rgb = img.convert("RGB")
    if max(rgb.size) > max_side:
        rgb.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    return rgb


def image_id(img: "Image.Image") -> str:
    """A short fingerprint of the pixels: the same picture gives the same id in any session."""
    rgb = img if img.mode == "RGB" else img.convert("RGB")
    digest = hashlib.blake2b(digest_size=8)
    digest.update(f"{rgb.width}x{rgb.height}:".encode())
    digest.update(rgb.tobytes())
    return digest.hexdigest()


def scene_hash(img: "Image.Image") -> str:
    """A 64-bit difference hash of the picture as 16 hex digits.

    Two camera frames of the same view differ in every pixel (sensor noise, a hand that
    moves a little) but keep their hash within a few bits; a different view changes about
    half of them. Follow-up questions use it to know they are about the same thing.
    """
    import numpy as np
    from PIL import Image

    grey = img.convert("L").resize((9, 8), Image.Resampling.BILINEAR)
    px = np.asarray(grey, dtype=np.int16)
    bits = (px[:, 1:] > px[:, :-1]).reshape(-1)
    return f"{int(''.join('1' if b else '0' for b in bits), 2):016x}"


def _stretch_to_8bit(img: "Image.Image") -> "Image.Image":
    """16-bit and float greyscale (scanners, thermal cameras) stretched to 0-255."""
    import numpy as np
    from PIL import Image

    values = np.asarray(img, dtype=np.float64)
    low, high = float(values.min()), float(values.max())
    scale = 255.0 / (high - low) if high > low else 0.0
    return Image.fromarray(((values - low) * scale).astype(np.uint8), "L")


def _megapixels(message: str) -> str:
    """Pull the pixel count out of Pillow's bomb message for a friendlier sentence."""
    match = re.search(r"\((\d+) pixels\)", message)
    if not match:
        return "too many pixels"
    return f"{int(match.group(1)) / 1e6:.0f} megapixels"
