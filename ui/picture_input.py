"""What a person hands the window as a picture, turned into pixels off the UI thread.

A picture comes as a file (Open picture, a copied file, a dropped file) or as image data
(a copied or dropped image). ``request_from`` reads Qt's mime data on the UI thread (only
there may the clipboard be read) into a ``PictureRequest``; ``load`` then runs on a helper
thread: files through ``assistant.vision.image.load_image`` (its size and pixel budget,
FIFOs and devices refused), image data through the same budget and ``usable_image``.
Problems are coded ``InputError``s whose words the window shows.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from assistant.errors import InputError

from .translation import translate

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QImage

# The dialog's filter: what Pillow reads here (load_image decides by content, not by name).
PATTERNS = "*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff"
DIALOG_FILTER = f"Pictures ({PATTERNS});;All files (*)"   # in English; shown: dialog_filter()


def dialog_filter() -> str:
    """``DIALOG_FILTER`` in the window's language (the patterns stay as they are)."""
    return (translate("PictureInput", "Pictures ({patterns})").format(patterns=PATTERNS)
            + ";;" + translate("PictureInput", "All files (*)"))


def not_local() -> InputError:
    return InputError(translate("PictureInput", "Only pictures stored on this computer can be "
                                                "used."),
                      hint=translate("PictureInput", "Save the picture to a folder first, then "
                                                     "open or drop the file."),
                      code="picture_not_local")


def file_label(path: Path) -> str:
    """How a picture file is named to the user: "picture sign.jpg"."""
    return translate("PictureInput", "picture {file}").format(file=path.name)


def sentence(text: str) -> str:
    """``text`` starting with a capital (a picture's name may open a sentence)."""
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class PictureRequest:
    """One picture to load: a file, or image data Qt already decoded (pasted or dropped)."""

    label: str                       # how it is named to the user: "picture sign.jpg"
    path: Path | None = None
    image: "QImage | None" = None


def request_from(mime: "QMimeData | None", how: str) -> PictureRequest | None:
    """The picture in a clipboard or drop (``how``: "pasted", "dropped"); None if it holds none.

    A file beats image data: a file manager offers both for a copied photo, and the file
    keeps its name and full size. Links to pictures elsewhere (a web page's image dragged
    by its address) are refused in words, since nothing is fetched from the network.
    """
    if mime is None:
        return None
    if mime.hasUrls():
        urls = mime.urls()
        local = [url.toLocalFile() for url in urls if url.isLocalFile()]
        if local:
            path = Path(local[0])
            return PictureRequest(file_label(path), path=path)
        if not mime.hasImage():
            raise not_local()
    if mime.hasImage():
        from PySide6.QtGui import QImage

        image = QImage(mime.imageData())
        label = (translate("PictureInput", "the pasted picture") if how == "pasted"
                 else translate("PictureInput", "the dropped picture"))
        if image.isNull():
            raise InputError(sentence(translate("PictureInput", "The {picture} could not be "
                                                "read.").format(picture=label.removeprefix("the "))),
                             hint=translate("PictureInput", "Copy it again, or save it to a file "
                                                            "and open that."),
                             code="image_unreadable")
        return PictureRequest(label, image=image)
    return None


def holds_picture(mime: "QMimeData | None") -> bool:
    """Whether a paste or a drop of this would be taken as a picture (or refused in words)."""
    return mime is not None and (mime.hasImage() or mime.hasUrls())


def load(request: PictureRequest) -> np.ndarray:
    """The picture as an upright RGB array (H x W x 3, uint8) the engines can use."""
    from assistant.vision.image import load_image

    if request.path is not None:
        return np.asarray(load_image(request.path), dtype=np.uint8)
    assert request.image is not None
    return _from_qimage(request.image, request.label)


def _from_qimage(image: "QImage", label: str) -> np.ndarray:
    """Image data held by Qt: the same pixel budget as a file, then ``usable_image``.

    QImage (unlike QPixmap) may be used on any thread, so the conversion happens here."""
    from PIL import Image
    from PySide6.QtGui import QImage

    from assistant.vision.image import MAX_PIXELS, usable_image

    width, height = image.width(), image.height()
    if width * height > MAX_PIXELS:
        limit = translate("PictureInput", "{count} megapixels").format(
            count=f"{MAX_PIXELS / 1e6:.0f}")
        raise InputError(sentence(translate(
            "PictureInput", "The {picture} is too large to use safely ({size} megapixels; the "
            "limit is {limit}).").format(picture=label.removeprefix("the "),
                                         size=f"{width * height / 1e6:.0f}", limit=limit)),
            hint=translate("PictureInput", "Shrink it below {limit}, or save it as a JPEG file "
                                           "and open that.").format(limit=limit),
            code="image_too_large")
    alpha = image.hasAlphaChannel()
    fmt = QImage.Format.Format_RGBA8888 if alpha else QImage.Format.Format_RGB888
    converted = image.convertToFormat(fmt)
    channels = 4 if alpha else 3
    rows = np.frombuffer(converted.constBits(), np.uint8, count=converted.sizeInBytes())
    pixels = rows.reshape(height, converted.bytesPerLine())[:, :width * channels]
    pil = Image.fromarray(pixels.reshape(height, width, channels).copy(),
                          "RGBA" if alpha else "RGB")
    return np.asarray(usable_image(pil), dtype=np.uint8)
