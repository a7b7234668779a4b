"""What the window says when settings or the history cannot be kept, or a chosen vision model
is not on this computer: what happened and what to do, in the reader's words (no errno, no
command line, no log the reader may not have). Pure: no Qt, no files.
"""
from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from assistant.errors import AssistantError
from assistant.storage import failure_words

SAVED = "Settings saved and applied."
# the engine names the settings offer (ui/settings_dialog.py VISION_CHOICES)
ENGINE_NAMES = {"blip2": "BLIP-2", "blip": "BLIP", "llava": "LLaVA", "embedded": "the embedded engine",
                "openai": "the server on the network"}
DOWNLOAD_WHERE = "Settings, Vision page, Download button"


def _errno(exc: BaseException | None) -> int | None:
    """The errno behind ``exc``, SQLite's own codes included ("database or disk is full")."""
    while exc is not None:
        if isinstance(exc, OSError) and exc.errno is not None:
            return exc.errno
        if isinstance(exc, sqlite3.Error):
            name = getattr(exc, "sqlite_errorname", "") or ""
            if name.startswith("SQLITE_FULL") or "disk is full" in str(exc):
                return errno.ENOSPC
            if name.startswith("SQLITE_READONLY") or "readonly" in str(exc):
                return errno.EROFS
        exc = exc.__cause__
    return None


def _why(exc: BaseException) -> str:
    code = _errno(exc)
    words = {errno.ENOSPC: "the disk is full", errno.EROFS: "the disk is read-only",
             errno.EACCES: "this account may not write there",
             errno.EPERM: "this account may not write there"}
    if code in words:
        return words[code]
    if isinstance(exc, AssistantError):
        return exc.message.rstrip(".")
    return failure_words(exc)


def _to_do(exc: BaseException, folder: Path) -> str:
    """What the reader can do about it (nothing they cannot do: no free-space advice for a
    read-only disk)."""
    code = _errno(exc)
    if code == errno.ENOSPC:
        return "Free some space on the disk, then save again."
    if code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (f"Ask whoever looks after this computer to let this account write to {folder}, "
                "or to start the assistant with ASSISTANT_HOME set to a folder it can write.")
    return f"Check that {folder} can be written, then save again."


def settings_not_saved(exc: BaseException, path: Path) -> str:
    """The settings were applied but could not be written: one message, never followed by
    "saved"."""
    return (f"Settings applied until the assistant closes, but not saved: {_why(exc)}. "
            f"{_to_do(exc, Path(path).parent)}")


def history_unwritable(exc: BaseException, folder: Path, shown: int) -> str:
    """The history cannot be written at start; ``shown`` earlier turns could still be read."""
    earlier = ("Earlier conversations are shown" if shown else "Nothing earlier could be read")
    return (f"The chat history cannot be saved: {_why(exc)}. {earlier}; new questions and "
            "answers stay on screen until the assistant closes. "
            f"{_to_do(exc, Path(folder)).replace(', then save again', '')}")


def turn_not_saved(exc: BaseException, folder: Path) -> str:
    """One finished turn could not be added to the history on disk (it stays on screen)."""
    code = _errno(exc)
    if code == errno.ENOSPC:
        to_do = "Free some space on the disk to keep the next ones."
    else:
        to_do = _to_do(exc, Path(folder)).replace(", then save again", "")
    return f"This answer was not saved in the chat history: {_why(exc)}. It stays on screen. {to_do}"


def model_missing(engine: str, repo: str, *, kept: str) -> str:
    """The chosen vision model is not on this computer: said plainly, with the way to get it,
    and which engine answers meanwhile (``kept``: its words)."""
    name = ENGINE_NAMES.get(engine, engine)
    return (f"Settings saved, but {name} is not on this computer ({repo}), so {kept} answers "
            f"until it is downloaded ({DOWNLOAD_WHERE}).")
