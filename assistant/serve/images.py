"""Pictures sent by clients: data URLs, uploads, and files inside ``serve.allowed_folders``.

Decoding goes through ``vision.image.load_image`` (the same checks as the CLI: damaged,
too small, too many pixels), from a private scratch file; messages never name that file.
Pictures on the internet are not fetched: nothing leaves this machine on a client's behalf.
"""
from __future__ import annotations

import base64
import binascii
from pathlib import Path
from typing import Any

from ..errors import AssistantError, InputError
from .errors import ApiError, bad_request, from_assistant_error
from .limits import allowed_file, check_size

_FRIENDLY = {
    "image_unreadable": "The picture could not be read: it is damaged, cut short, or not a "
                        "picture (JPEG, PNG, WebP, BMP or TIFF).",
    "file_missing": "There is no picture at that path.",
}


def image_bytes(url: Any, *, max_mb: float, folders: list[str]) -> bytes:
    """The picture an ``image_url`` names, as bytes (data URL, or an allowed file)."""
    if isinstance(url, dict):
        url = url.get("url")
    if not isinstance(url, str) or not url.strip():
        raise bad_request("An image_url part needs a 'url': a data URL such as "
                          "'data:image/jpeg;base64,...'.", "image_missing", "image_url")
    url = url.strip()
    if url[:5].lower() == "data:":
        header, _, payload = url.partition(",")
        if not header.replace(" ", "").lower().endswith(";base64"):
            raise bad_request("Only base64 data URLs are taken ('data:image/png;base64,...').",
                              "image_unreadable", "image_url")
        return _base64(payload, max_mb)
    if url.startswith(("http://", "https://")):
        raise bad_request("This server does not fetch pictures from the internet (nothing "
                          "leaves this computer). Send the picture itself as a data URL.",
                          "remote_image_url", "image_url")
    if url.startswith("file://") or url.startswith(("/", "~")):
        path = allowed_file(url, folders)
        try:
            size = path.stat().st_size
        except OSError:
            raise ApiError(400, "There is no picture at that path.", code="file_missing",
                           param="image_url") from None
        check_size(size, max_mb, "picture", "image_too_large", "image_url")
        try:
            return path.read_bytes()
        except OSError as exc:
            raise ApiError(400, f"The picture could not be read ({exc.strerror or 'error'}).",
                           code="image_unreadable", param="image_url") from None
    raise bad_request("An image_url must be a data URL ('data:image/jpeg;base64,...') or a "
                      "file inside the server's allowed folders.", "image_unreadable", "image_url")


# URL-safe base64 (RFC 4648 section 5) read as the standard alphabet: '-' is '+', '_' is '/'.
_URL_SAFE = str.maketrans("-_", "+/")


def _base64(payload: str, max_mb: float) -> bytes:
    """A data URL's payload as clients send it: lines wrapped (MIME's 76 columns, PEM's 64),
    either alphabet, padding left off; anything else that is not base64 is refused."""
    text = "".join(payload.split()).translate(_URL_SAFE)
    # Checked before decoding: base64 is 4 characters for 3 bytes.
    check_size(len(text) * 3 // 4, max_mb, "picture", "image_too_large", "image_url")
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise bad_request("The picture's data URL is not valid base64.", "image_unreadable",
                          "image_url") from None


def decode_image(data: bytes, scratch: Path, *, param: str = "image_url"):
    """An upright RGB ``PIL.Image`` from picture bytes, or a 400/413 ApiError in words."""
    from ..vision.image import load_image

    if not data:
        raise bad_request("The picture is empty (no bytes).", "image_empty", param)
    path = scratch / "picture"
    path.write_bytes(data)
    try:
        return load_image(path)
    except AssistantError as exc:
        if exc.code in _FRIENDLY:
            exc = InputError(_FRIENDLY[exc.code], hint="Send another picture.", code=exc.code)
        elif path.name in exc.message:   # "The picture picture is too large..." reads badly
            exc = InputError(exc.message.replace(f" {path.name} ", " "), hint=exc.hint,
                             code=exc.code)
        raise from_assistant_error(exc, param=param, hide=(str(scratch) + "/",)) from None
    finally:
        path.unlink(missing_ok=True)
