"""Named conversations kept on disk, so ``--session NAME`` follow-ups see earlier turns."""
from __future__ import annotations

import json
import logging
import re
import unicodedata
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import InputError
from ..events import ErrorEvent, Event
from ..storage import file_lock, private_dir, set_aside, set_aside_copies, write_private
from .history import Turn

log = logging.getLogger(__name__)

MAX_NAME = 64          # characters; with the UTF-8 limit below a file name always fits (255 bytes)
_MAX_NAME_BYTES = 200
_NAME_HINT = ("Use letters (any language), digits, spaces, dots, dashes or underscores, up to "
              f"{MAX_NAME}; not starting with a dot or a space.")
MAX_TURNS = 200  # older turns are dropped: a session is context, not an archive
SESSION_DAMAGED = "session_damaged"   # ErrorEvent code: a session file was set aside
_SUFFIX = ".json"


class _Damaged(Exception):
    """A session file that cannot be read, or is not what we write (the reason in words)."""


@dataclass(frozen=True)
class SessionInfo:
    """What ``assistant sessions list`` shows about one conversation."""

    name: str
    turns: int | None      # None: the file could not be read
    last_used: float       # wall-clock seconds: the newest turn, else the file's time
    path: Path


class SessionStore:
    """One JSON file per session (0600, in a 0700 folder), replaced atomically.

    Appends hold a lock across processes (``flock`` on ``.NAME.lock`` beside the file), so
    two ``ask --session`` runs at once both keep their turn. A file that cannot be read or
    has the wrong shape is never overwritten: it is renamed ``NAME.json.corrupt-<UTC time>``,
    logged, reported as an ``ErrorEvent`` (code ``session_damaged``) in ``notices`` and to
    ``on_event``, and the conversation starts afresh.
    """

    def __init__(self, folder: Path, on_event: Callable[[Event], None] | None = None) -> None:
        self.folder = Path(folder)
        self.on_event = on_event
        self.notices: list[ErrorEvent] = []

    def _path(self, name: str) -> Path:
        return self.folder / f"{check_name(name)}{_SUFFIX}"

    def _lock_path(self, name: str) -> Path:
        return self.folder / f".{name}.lock"

    def load(self, name: str) -> list[Turn]:
        path = self._path(name)
        try:
            return _parse(path.read_bytes())
        except FileNotFoundError:
            return []
        except (OSError, _Damaged):
            pass
        # Damaged: look again under the lock (another process may have set it aside already).
        with file_lock(self._lock_path(name), best_effort=True):
            return self._read(name, path, writing=False)

    def append(self, name: str, turn: Turn) -> None:
        path = self._path(name)
        private_dir(self.folder)
        with file_lock(self._lock_path(name)):
            self._remove_temp(name)
            turns = (self._read(name, path, writing=True) + [turn])[-MAX_TURNS:]
            write_private(path, json.dumps({"turns": [t.to_dict() for t in turns]},
                                           ensure_ascii=False, indent=1))

    def _read(self, name: str, path: Path, *, writing: bool) -> list[Turn]:
        """The turns in ``path``; a damaged file is set aside first (the caller holds the lock).

        When ``writing`` and the damaged file cannot be moved, this raises: overwriting it
        would lose the earlier conversation without a trace.
        """
        try:
            return _parse(path.read_bytes())
        except FileNotFoundError:
            return []
        except OSError as exc:
            why = exc.strerror or str(exc)
        except _Damaged as exc:
            why = str(exc)
        try:
            aside = set_aside(path)
        except OSError as exc:
            log.warning("the session file %s is damaged (%s) and could not be set aside: %s",
                        path, why, exc)
            if writing:
                raise
            self._report(f"The conversation '{name}' could not be read ({why}); this question "
                         "starts afresh.")
            return []
        log.warning("the session file %s is damaged (%s); set aside as %s", path, why, aside)
        self._report(f"The conversation '{name}' could not be read ({why}); it was kept as "
                     f"{aside.name} and a new one started.")
        return []

    def _report(self, message: str) -> None:
        event = ErrorEvent(code=SESSION_DAMAGED, stage="history", message=message)
        self.notices.append(event)
        if self.on_event is not None:
            self.on_event(event)

    def names(self) -> list[str]:
        """Every session on disk, sorted."""
        try:
            files = sorted(self.folder.glob(f"*{_SUFFIX}"))
        except OSError:
            return []
        return [f.name[:-len(_SUFFIX)] for f in files if _name_problem(f.name[:-len(_SUFFIX)]) is None]

    def info(self, name: str) -> SessionInfo:
        """Turns and last use, read without changing anything (a damaged file is left as is)."""
        path = self._path(name)
        try:
            mtime = path.stat().st_mtime
            turns = _parse(path.read_bytes())
        except FileNotFoundError:
            raise InputError(f"There is no conversation named '{name}'.",
                             hint="'assistant sessions list' shows them.",
                             code="no_such_session") from None
        except (OSError, _Damaged):
            return SessionInfo(name, None, mtime, path)
        last = max((t.at for t in turns), default=0.0) or mtime
        return SessionInfo(name, len(turns), last, path)

    def clear(self, name: str) -> bool:
        """Delete a conversation, its copies set aside and temporary files; False when there
        was none.

        Under the writers' lock, and the lock file stays: deleting it would let a writer
        waiting on the old file and one opening a new file both hold "the lock" (a turn
        appended right after would be lost). A turn appended after ``clear`` returns is kept.
        """
        path = self._path(name)
        found = False
        with file_lock(self._lock_path(name), best_effort=True):
            found = bool(self._remove_temp(name))
            for victim in [path, *set_aside_copies(path)]:
                try:
                    victim.unlink()
                    found = True
                except FileNotFoundError:
                    pass
        return found

    def _remove_temp(self, name: str) -> list[Path]:
        """Temporary files a writer killed mid-write left (the caller holds the lock, so no
        live writer has one): they hold the whole conversation."""
        removed = []
        for leftover in self._temp_files(name):
            try:
                leftover.unlink()
                removed.append(leftover)
            except FileNotFoundError:
                pass
        return removed

    def _temp_files(self, name: str) -> list[Path]:
        pattern = re.compile(rf"\.{re.escape(name)}{re.escape(_SUFFIX)}\.[a-z0-9_]+\.tmp")
        try:
            return [p for p in self.folder.glob(f".*{_SUFFIX}.*.tmp") if pattern.fullmatch(p.name)]
        except OSError:
            return []

    def remove_leftovers(self) -> int:
        """At start: every conversation's temporary files left by a killed writer, each
        removed under that conversation's lock; how many. Never fails (a read-only home)."""
        names = set()
        try:
            for leftover in self.folder.glob(f".*{_SUFFIX}.*.tmp"):
                stem = leftover.name[1:].rsplit(".", 2)[0]
                if stem.endswith(_SUFFIX) and _name_problem(stem[:-len(_SUFFIX)]) is None:
                    names.add(stem[:-len(_SUFFIX)])
        except OSError:
            return 0
        removed = 0
        for name in sorted(names):
            try:
                with file_lock(self._lock_path(name)):
                    removed += len(self._remove_temp(name))
            except OSError as exc:
                log.warning("leftover temporary files of the conversation '%s' could not be "
                            "removed: %s", name, exc)
        return removed

    def damaged_copies(self) -> list[Path]:
        """Damaged session files kept beside the sessions."""
        try:
            return sorted(self.folder.glob(f"*{_SUFFIX}.corrupt-*"))
        except OSError:
            return []


def check_name(name: str) -> str:
    """The session name to use (Unicode NFC, so "küche" typed either way is one file), or an
    InputError saying what is wrong; the console calls it before any model loads."""
    name = unicodedata.normalize("NFC", name)
    problem = _name_problem(name)
    if problem is not None:
        raise InputError(problem, hint=_NAME_HINT, code="bad_session_name")
    return name


def _name_problem(name: str) -> str | None:
    if not name:
        return "The session name is empty."
    shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)
    if len(name) > MAX_NAME or len(name.encode("utf-8", "surrogatepass")) > _MAX_NAME_BYTES:
        return f"The session name '{shown[:MAX_NAME]}…' is too long."
    if name[0] == ".":
        return f"The session name '{shown}' starts with a dot (a hidden file)."
    if name[0] == " " or name[-1] == " ":
        return f"The session name '{shown}' starts or ends with a space."
    for i, char in enumerate(name):
        group = unicodedata.category(char)[0]
        # Letters and digits of every script; marks (accents, Indic vowel signs) after one.
        if group in "LN" or (group == "M" and i > 0) or char in " ._-":
            continue
        return f"The session name '{shown}' cannot be used: it holds {_char_words(char)}."
    return None


def _char_words(char: str) -> str:
    if char in "/\\":
        return "a slash"
    if unicodedata.category(char) == "Cs":
        return "bytes that are not valid text"
    if not char.isprintable():
        return "a control character"
    return f"'{char}'"


def _parse(raw: bytes) -> list[Turn]:
    """The turns of a session file, or ``_Damaged`` saying what is wrong with it."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _Damaged("not UTF-8 text") from None
    except ValueError:
        raise _Damaged("not JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("turns"), list):
        raise _Damaged("no list of turns")
    turns = []
    for i, item in enumerate(data["turns"]):
        if not (isinstance(item, dict) and isinstance(item.get("question"), str)
                and isinstance(item.get("answer"), str)
                and all(isinstance(item.get(k, ""), str) for k in ("image_id", "engine", "scene"))
                and isinstance(item.get("at", 0.0), (int, float))
                and not isinstance(item.get("at"), bool)):
            raise _Damaged(f"turn {i + 1} is not a question and its answer")
        turns.append(Turn.from_dict({**item, "at": float(item.get("at", 0.0))}))
    return turns


class MemorySessions:
    """Conversations kept in memory only: the window's follow-up context.

    Nothing reaches the disk here, so turning history off or clearing it (a kiosk's idle
    purge included) leaves no trace of what was asked.
    """

    def __init__(self, max_turns: int = MAX_TURNS) -> None:
        self._turns: dict[str, list[Turn]] = {}
        self._lock = threading.Lock()
        self._max = max_turns

    def load(self, name: str) -> list[Turn]:
        with self._lock:
            return list(self._turns.get(name, ()))

    def append(self, name: str, turn: Turn) -> None:
        with self._lock:
            self._turns[name] = (self._turns.get(name, []) + [turn])[-self._max:]

    def clear(self, name: str | None = None) -> None:
        with self._lock:
            if name is None:
                self._turns.clear()
            else:
                self._turns.pop(name, None)
