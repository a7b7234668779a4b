"""Named conversations kept on disk, so ``--session NAME`` follow-ups see earlier turns."""
from __future__ import annotations

import json
import os
import re
import tempfile
import threading
from pathlib import Path

from ..errors import InputError
from .history import Turn

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
MAX_TURNS = 200  # older turns are dropped: a session is context, not an archive


class SessionStore:
    """One JSON file per session; each write replaces the file atomically."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, name: str) -> Path:
        if not _NAME.match(name):
            raise InputError(f"The session name '{name}' cannot be used.",
                             hint="Use letters, digits, dots, dashes or underscores (up to 64).",
                             code="bad_session_name")
        return self.folder / f"{name}.json"

    def load(self, name: str) -> list[Turn]:
        path = self._path(name)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError):
            # A damaged session file costs its context, never the question being asked.
            return []
        return [Turn.from_dict(t) for t in data.get("turns", []) if isinstance(t, dict)]

    def append(self, name: str, turn: Turn) -> None:
        turns = (self.load(name) + [turn])[-MAX_TURNS:]
        path = self._path(name)
        self.folder.mkdir(parents=True, exist_ok=True)
        payload = json.dumps({"turns": [t.to_dict() for t in turns]}, ensure_ascii=False, indent=1)
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=f".{name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(payload)
        os.replace(tmp, path)

    def clear(self, name: str) -> None:
        self._path(name).unlink(missing_ok=True)


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
