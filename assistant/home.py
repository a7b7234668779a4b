"""Whether the assistant's own folders can be used, checked once at start without changing
anything (``os.access`` and ``stat``, no file created).

A home the process cannot read (another user's, mode 0000, a file where the folder should
be) or cannot write (a read-only disk) never stops a command: the settings are the
defaults when they cannot be read, the stores keep nothing, log lines go to the screen, and
one line says which folder and why (``Home.line``). Root passes every permission check, so
for root only a read-only disk or a file in a folder's place is a problem.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .paths import AppPaths


@dataclass(frozen=True)
class Blocked:
    """The folder in the way and why, in words."""

    folder: Path
    why: str


@dataclass(frozen=True)
class Home:
    """What the start-up check found for the settings, cache and data folders."""

    unreadable: dict[Path, Blocked]   # our folder → what stops reading it
    unwritable: dict[Path, Blocked]   # our folder → what stops writing in it

    def can_read(self, folder: Path) -> bool:
        return Path(folder) not in self.unreadable

    def can_write(self, folder: Path) -> bool:
        return Path(folder) not in self.unwritable

    @property
    def ok(self) -> bool:
        return not self.unreadable and not self.unwritable

    def line(self, *, settings_read: bool = True) -> str:
        """The one sentence for stderr: which folder, the problem, what this run does."""
        if self.ok:
            return ""
        blocked = list(dict.fromkeys([*self.unreadable.values(), *self.unwritable.values()]))
        if len({b.why for b in blocked}) == 1 and len(blocked) > 1:   # one cause: name it once
            blocked = [Blocked(Path(os.path.commonpath([b.folder for b in blocked])),
                               blocked[0].why)]
        verb = "read" if self.unreadable else "written"
        places = "; ".join(f"{b.folder} ({b.why})" for b in blocked)
        noun = "folder" if len(blocked) == 1 else "folders"
        does = ["nothing from this run is saved", "log lines go to the screen"]
        if not settings_read:
            does.insert(0, "the default settings are used")
        return (f"The assistant's {noun} {places} cannot be {verb}: {', '.join(does[:-1])} "
                f"and {does[-1]}.")


def check(paths: AppPaths) -> Home:
    unreadable, unwritable = {}, {}
    for folder in (paths.config_dir, paths.cache_dir, paths.data_dir):
        reading = blocked(folder, write=False)
        if reading is not None:
            unreadable[folder] = reading
            unwritable[folder] = reading
            continue
        writing = blocked(folder, write=True)
        if writing is not None:
            unwritable[folder] = writing
    return Home(unreadable, unwritable)


def blocked(folder: Path, *, write: bool) -> Blocked | None:
    """The first folder on the way to ``folder`` that stops reading (or writing) it; None when
    nothing does. A missing folder can be read (it is empty) and written where its nearest
    existing parent can be."""
    folder = Path(os.path.abspath(folder))
    chain = [*reversed(folder.parents), folder]
    for i, step in enumerate(chain):
        try:
            info = os.stat(step)
        except FileNotFoundError:
            if write and not os.access(chain[i - 1], os.W_OK | os.X_OK):
                return Blocked(chain[i - 1], _why(chain[i - 1], write=True))
            return None
        except OSError as exc:
            return Blocked(step, exc.strerror or str(exc))
        if not stat.S_ISDIR(info.st_mode):
            return Blocked(step, "it is a file, not a folder")
        need = os.X_OK
        if step == folder:
            need |= os.R_OK | (os.W_OK if write else 0)
        if not os.access(step, need):
            return Blocked(step, _why(step, write=bool(need & os.W_OK), info=info))
    return None


def _why(folder: Path, *, write: bool, info: os.stat_result | None = None) -> str:
    try:
        info = info or os.stat(folder)
        if write and os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "the disk is read-only"
    except OSError as exc:
        return exc.strerror or str(exc)
    mode = f"mode {stat.S_IMODE(info.st_mode):04o}"
    if info.st_uid != os.geteuid():
        return f"permission denied: it belongs to another user, {mode}"
    return f"permission denied, {mode}"
