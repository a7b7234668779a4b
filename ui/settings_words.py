"""What the window says when settings or the history cannot be kept, or a chosen vision model
is not on this computer: what happened and what to do, in the reader's words (no errno, no
command line, no log the reader may not have), translated for the window (Qt's
``translate``, safe on any thread). No widgets, no files.
"""
from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from assistant.errors import AssistantError
from assistant.storage import failure_words

from .translation import QT_TRANSLATE_NOOP, translate

# the engine names the settings offer (ui/settings_dialog.py VISION_CHOICES); shown through
# engine_name(), which translates them
ENGINE_NAMES = {"blip2": "BLIP-2", "blip": "BLIP", "llava": "LLaVA",
                "embedded": QT_TRANSLATE_NOOP("SettingsWords", "the embedded engine"),
                "openai": QT_TRANSLATE_NOOP("SettingsWords", "the server on the network")}


def __getattr__(name: str) -> str:
    """``SAVED``: the words said once the settings are saved, in the window's language of now
    (a module constant would be English: it is read before any translator is installed)."""
    if name == "SAVED":
        return translate("SettingsWords", "Settings saved and applied.")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def language_changed() -> str:
    """Saved with a new ``ui.language``: the answers follow now, the window's words at the next
    start (its widgets are built in the language of the start)."""
    return translate("SettingsWords", "Settings saved and applied. Answers are in the new "
                     "language from now on; the window changes at the next start.")


def engine_name(engine: str) -> str:
    """The words for a vision engine (its setting's value), translated."""
    return translate("SettingsWords", ENGINE_NAMES[engine]) if engine in ENGINE_NAMES else engine


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
    if code == errno.ENOSPC:
        return translate("SettingsWords", "the disk is full")
    if code == errno.EROFS:
        return translate("SettingsWords", "the disk is read-only")
    if code in (errno.EACCES, errno.EPERM):
        return translate("SettingsWords", "this account may not write there")
    if isinstance(exc, AssistantError):
        return exc.message.rstrip(".")
    return failure_words(exc)


def _to_do(exc: BaseException, folder: Path, *, again: bool = True) -> str:
    """What the reader can do about it (nothing they cannot do: no free-space advice for a
    read-only disk). ``again``: ending with "then save again" where that helps."""
    code = _errno(exc)
    if code == errno.ENOSPC:
        return (translate("SettingsWords", "Free some space on the disk, then save again.") if again
                else translate("SettingsWords", "Free some space on the disk."))
    if code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return translate("SettingsWords", "Ask whoever looks after this computer to let this "
                         "account write to {folder}, or to start the assistant with "
                         "ASSISTANT_HOME set to a folder it can write.").format(folder=folder)
    return (translate("SettingsWords", "Check that {folder} can be written, then save again.")
            if again else translate("SettingsWords", "Check that {folder} can be written.")
            ).format(folder=folder)


def settings_not_saved(exc: BaseException, path: Path) -> str:
    """The settings were applied but could not be written: one message, never followed by
    "saved"."""
    return translate("SettingsWords", "Settings applied until the assistant closes, but not "
                     "saved: {why}. {to_do}").format(why=_why(exc),
                                                     to_do=_to_do(exc, Path(path).parent))


def history_unwritable(exc: BaseException, folder: Path, shown: int) -> str:
    """The history cannot be written at start; ``shown`` earlier turns could still be read."""
    if shown:
        said = translate("SettingsWords", "The chat history cannot be saved: {why}. Earlier "
                         "conversations are shown; new questions and answers stay on screen "
                         "until the assistant closes. {to_do}")
    else:
        said = translate("SettingsWords", "The chat history cannot be saved: {why}. Nothing "
                         "earlier could be read; new questions and answers stay on screen until "
                         "the assistant closes. {to_do}")
    return said.format(why=_why(exc), to_do=_to_do(exc, Path(folder), again=False))


def turn_not_saved(exc: BaseException, folder: Path) -> str:
    """One finished turn could not be added to the history on disk (it stays on screen)."""
    code = _errno(exc)
    if code == errno.ENOSPC:
        to_do = translate("SettingsWords", "Free some space on the disk to keep the next ones.")
    else:
        to_do = _to_do(exc, Path(folder), again=False)
    return translate("SettingsWords", "This answer was not saved in the chat history: {why}. "
                     "It stays on screen. {to_do}").format(why=_why(exc), to_do=to_do)


def model_missing(engine: str, repo: str, *, kept: str) -> str:
    """The chosen vision model is not on this computer: said plainly, with the way to get it,
    and which engine answers meanwhile (``kept``: its words)."""
    where = translate("SettingsWords", "Settings, Vision page, Download button")
    return translate("SettingsWords", "Settings saved, but {name} is not on this computer "
                     "({model}), so {kept} answers until it is downloaded ({where})."
                     ).format(name=engine_name(engine), model=repo, kept=kept, where=where)
