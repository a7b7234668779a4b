"""Small file helpers every store shares: private folders and files, atomic writes, damaged
files set aside (never silently overwritten), and a lock that works across processes.

Private means readable by the user alone: folders 0700, files 0600. The conversations, the
camera thumbnails and the log say what a blind user asked about their home and their mail.
"""
from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time
from pathlib import Path
from typing import Iterator

DIR_MODE = 0o700
FILE_MODE = 0o600
CORRUPT = ".corrupt-"


def private_dir(path: Path, *, tighten: bool = True) -> Path:
    """Create ``path`` (and any missing parent) as 0700; an existing one of ours is tightened.

    ``tighten`` changes only ``path`` itself, never a parent it did not create: the user's
    home or a kiosk's mount point keep the modes they were given.
    """
    path = Path(path)
    missing = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):   # another process made it first
            folder.mkdir(mode=DIR_MODE)
        _chmod(folder, DIR_MODE)   # exactly 0700 whatever the umask took away from mkdir's mode
    if tighten and path.is_dir():
        tighten_mode(path, DIR_MODE)
    return path


def tighten_mode(path: Path, mode: int = FILE_MODE) -> None:
    """Drop group and other access from a file or folder we own; quietly skip what we cannot."""
    try:
        current = os.stat(path).st_mode & 0o777
    except OSError:
        return
    if current & 0o077:
        _chmod(path, (current & 0o700) | (mode & 0o700))


def _chmod(path: Path, mode: int) -> None:
    with contextlib.suppress(OSError):   # read-only media, a folder owned by someone else
        os.chmod(path, mode)


class NotOurFile(OSError):
    """A store's file is a symlink, device, FIFO or folder: someone else put it there."""


def write_private(path: Path, data: bytes | str) -> Path:
    """Replace ``path`` atomically with ``data`` as a 0600 file.

    Written to a temporary file beside it, flushed to disk, then renamed over it; on any
    failure (a full disk, an interrupt) the temporary file is removed and the old file stays.

    Only a regular file (or nothing) is replaced. A symlink, device or FIFO where a store's
    file should be is refused (``NotOurFile``), not written through: these files hold what a
    user asked, privately, and following a link planted in our folder would copy that to
    wherever it points, or, run as root, overwrite a system file with it; nor would the
    promises here (0600, atomic, damaged copies set aside) hold for a file elsewhere. Renaming
    over it would destroy what someone else made. User-chosen paths go through ``userfiles``.
    """
    path = Path(path)
    private_dir(path.parent, tighten=False)
    _refuse_not_regular(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:   # mkstemp makes it 0600
            fd = -1
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
        sync_dir(path.parent)   # the rename itself reaches the disk (power loss)
    except BaseException:
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path


def sync_dir(folder: Path) -> None:
    """Flush a folder's entries (a rename, a new file) to the disk; quietly skipped where the
    system cannot (Windows, some network file systems)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def file_kind(mode: int) -> str:
    """What a file is, in words: 'a folder', 'a FIFO (named pipe)', 'a device'…"""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a device"
    if stat.S_ISBLK(mode):
        return "a disk device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISLNK(mode):
        return "a symlink"
    return "a file"


def _refuse_not_regular(path: Path) -> None:
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise NotOurFile(errno.EEXIST, f"it is {file_kind(mode)}, not a file the assistant "
                                       "wrote, and was left as it is", str(path))


def utc_stamp(seconds: float | None = None) -> str:
    """``20261130T224100Z``: sorts by time, safe in a file name on every system."""
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(time.time() if seconds is None else seconds))


def set_aside(path: Path, *, keep: bool = False) -> Path:
    """Rename a damaged file to ``<name>.corrupt-<UTC time>`` beside it and return the new path.

    Never replaces an earlier copy: a second one in the same second gets ``-2``, ``-3``….
    ``keep``: a hard link instead, so the file stays where it is too (until the caller
    replaces it with its repaired copy).
    """
    path = Path(path)
    stamp = utc_stamp()
    target = path.with_name(f"{path.name}{CORRUPT}{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}{CORRUPT}{stamp}-{n}")
    if keep:
        try:
            os.link(path, target)
        except OSError:   # a file system without hard links (FAT, some network shares)
            import shutil

            shutil.copyfile(path, target)
    else:
        os.rename(path, target)
    sync_dir(path.parent)
    tighten_mode(target)   # what it held is as private as the file it replaces
    return target


def set_aside_copies(path: Path) -> list[Path]:
    """The copies of ``path`` set aside so far, oldest first."""
    path = Path(path)
    try:
        return sorted(path.parent.glob(f"{path.name}{CORRUPT}*"))
    except OSError:
        return []


@contextlib.contextmanager
def file_lock(path: Path, *, best_effort: bool = False) -> Iterator[bool]:
    """An exclusive lock held on ``path`` (created 0600) across processes; yields whether held.

    ``flock`` rather than a lock-file library: it is in the standard library, and the kernel
    drops it when the holder dies, even by ``kill -9``, so a crash never leaves a stale lock.
    ``best_effort``: where the lock file cannot be created (a read-only home), go on unlocked.
    """
    try:
        import fcntl
    except ImportError:  # Windows: each write is still an atomic rename
        yield False
        return
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    except OSError:
        if not best_effort:
            raise
        yield False
        return
    try:
        tighten_mode(path)
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield True
    finally:
        os.close(fd)   # closing releases the lock


def failure_words(exc: BaseException) -> str:
    """Why a file could not be written, in a few words ("the disk is full")."""
    if isinstance(exc, NotOurFile):
        return exc.strerror
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return "the disk is full"
        if exc.errno == errno.EROFS:
            return "the disk is read-only"
        if exc.errno in (errno.EACCES, errno.EPERM):
            return "permission denied"
        if exc.errno == errno.EEXIST and exc.filename:
            return f"{exc.filename} is a file, not a folder"
        if exc.errno == errno.ENOTDIR:
            return "part of the path is a file, not a folder"
        if exc.errno == errno.ENOENT:
            return "the folder does not exist"
        if exc.errno == errno.EISDIR:
            return "it is a folder"
        if exc.errno == errno.ENXIO:
            return "nothing is reading from it"
        return exc.strerror or str(exc)
    if isinstance(exc, UnicodeError):
        return "the text is not valid UTF-8"
    from .errors import AssistantError

    if isinstance(exc, AssistantError):
        return exc.message.rstrip(".")
    return str(exc) or type(exc).__name__


def failure_hint(exc: BaseException) -> str:
    """What to do about a write that failed, matching why it failed."""
    if isinstance(exc, NotOurFile):
        return "Move it away if it is not wanted there, then try again."
    code = exc.errno if isinstance(exc, OSError) else None
    if code == errno.ENOSPC:
        return "Free some space, or choose another place."
    if code == errno.EROFS:
        return "Choose a place on a disk that can be written."
    if code in (errno.EACCES, errno.EPERM):
        return "Choose a place you may write to, or ask whoever owns it."
    if code == errno.ENOENT:
        return "Create the folder first, or choose another place."
    return "Choose another place."


def write_problem(folder: Path) -> OSError | None:
    """Why nothing can be written in ``folder`` (its nearest existing parent), or None.

    Found by trying (a temporary file, removed at once): file modes say nothing to root, and
    a disk mounted read-only says it only when written to. A library's vaguer error (SQLite's
    "unable to open database file") can then be told in words."""
    probe = Path(folder)
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        with tempfile.TemporaryFile(dir=probe):
            pass
    except OSError as exc:
        return exc
    return None
