"""Paths the user gave us (``--image``, ``--audio``, ``--speak-to``, ``history export``,
``--config``): read only what can be read without hanging, write without replacing what
we were not asked to create.

Reading: a regular file, or ``-`` for standard input where a command allows it. A FIFO,
device, socket or folder is refused and named for what it is. Files are opened
non-blocking, so a FIFO nobody writes to never hangs the assistant.

Writing (house rule: "writes go through symlinks and into devices, never over them"):

* a symlink is written through to its target (the link stays);
* a character device or a FIFO (``/dev/null``, ``/dev/stdout``, a pipe) is written to
  directly: never truncated, renamed over or replaced; a full one says so;
* a regular file is replaced atomically, keeping its mode (and owner, when root writes);
  a file with other hard links is written in place, so every name sees the new text;
* a missing folder is an error naming it (exit 2): nothing is created on the way;
* a folder, a block device (a disk), a socket or a symlink loop is refused.
"""
from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO

from .errors import InputError
from .storage import failure_words, file_kind as kind

STDIN = "-"
STDIN_WAIT_S = 15.0          # a pipe that brings nothing in this long is an error, not a hang
STDIN_MAX_BYTES = 1 << 30    # held in memory (no disk needed); a longer recording: give its path


def is_stdin(path: str | os.PathLike[str] | None) -> bool:
    return path is not None and os.fspath(path) == STDIN


def check_readable(path: str | os.PathLike[str], what: str) -> Path:
    """``path`` when it is a regular file we may read (links followed); otherwise an
    InputError in words: missing, permission denied, or what it is (a FIFO, a device…)."""
    open_for_reading(path, what).close()
    return Path(path)


def open_for_reading(path: str | os.PathLike[str], what: str) -> BinaryIO:
    """Open a regular file to read; opened non-blocking, so a FIFO cannot hang, then checked."""
    path = Path(path)
    try:
        # Looked at before it is opened: opening some devices does something (a tape rewinds).
        _refuse_unless_regular(path, os.stat(path).st_mode, what)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(f"The {what} file {path} does not exist.", hint="Check the path.",
                         code="file_missing") from None
    except OSError as exc:
        raise InputError(f"The {what} file {path} cannot be read ({_why(exc)}).",
                         hint="Check the path and its permissions.", code="file_unreadable") from exc
    try:
        _refuse_unless_regular(path, os.fstat(fd).st_mode, what)   # swapped in meanwhile?
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _refuse_unless_regular(path: Path, mode: int, what: str) -> None:
    if not stat.S_ISREG(mode):
        raise InputError(f"{path} is {kind(mode)}, not {_a(what)} file.",
                         hint="Give the path of a file.", code="not_a_file")


def read_stdin(stream: BinaryIO | None = None, *, what: str = "recording",
               wait_s: float = STDIN_WAIT_S, max_bytes: int = STDIN_MAX_BYTES) -> bytes:
    """All of standard input; a terminal, silence for ``wait_s`` or too much is an InputError."""
    import select

    stream = stream if stream is not None else sys.stdin.buffer
    if stream.isatty():
        raise InputError(f"Standard input is the terminal, not {_a(what)}.",
                         hint=f"Pipe the {what} in, e.g.: assistant transcribe - < talk.wav",
                         code="stdin_terminal")
    ready, _, _ = select.select([stream], [], [], wait_s)
    if not ready:
        raise InputError(f"Nothing arrived on standard input in {wait_s:g} s.",
                         hint=f"Pipe the {what} in, or give its path.", code="stdin_silent")
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"The {what} on standard input is larger than {max_bytes >> 20} MB.",
                         hint="Give the path of the file instead.", code="stdin_too_large")
    return data


@contextlib.contextmanager
def stdin_as_file(what: str = "recording"):
    """Standard input as a path readers can open: held in memory (``memfd``), no disk needed."""
    data = read_stdin(what=what)
    if hasattr(os, "memfd_create"):
        fd = os.memfd_create("stdin")
        try:
            _write_all(fd, data)
            yield Path(f"/proc/self/fd/{fd}")
        finally:
            os.close(fd)
        return
    with tempfile.NamedTemporaryFile(prefix="assistant-stdin-") as spool:  # no memfd: a temp file
        spool.write(data)
        spool.flush()
        yield Path(spool.name)


def check_writable(path: str | os.PathLike[str], what: str) -> Path:
    """Where a write to ``path`` will land (links followed); refused now, before any model runs,
    when it cannot be: a missing folder, a folder, a disk device, a socket or a symlink loop."""
    path = Path(path)
    if is_stdin(path):
        return path
    target, opened = _through_links(path)
    try:
        st = os.stat(target) if opened else os.lstat(target)
    except (FileNotFoundError, NotADirectoryError):
        parent = target.parent
        if parent.is_dir():
            return target
        if parent.exists():
            named = f"{parent} is {kind(os.stat(parent).st_mode)}, not a folder"
        else:
            named = f"The folder {parent} does not exist"
        raise InputError(f"{named}, so {what} cannot be written to {path}.",
                         hint="Create the folder first, or choose another place.",
                         code="folder_missing") from None
    except OSError as exc:
        raise InputError(f"{what[:1].upper()}{what[1:]} cannot be written to {path} ({_why(exc)}).",
                         hint="Choose another place.", code="bad_output_path") from exc
    if stat.S_ISREG(st.st_mode) or stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode) or (
            opened and stat.S_ISSOCK(st.st_mode)):
        return target
    named = f"{path} is {kind(st.st_mode)}" + (f" ({target})" if target != path else "")
    raise InputError(f"{named}; {what} is not written there.", hint="Give a file name.",
                     code="bad_output_path")


def write_user_file(path: str | os.PathLike[str], data: bytes | str, what: str = "the file") -> Path:
    """Write ``data`` to the user's ``path`` as the module docstring says; returns where it went.

    Raises InputError for a place that cannot be written (see ``check_writable``) and OSError
    when the write itself fails (``storage.failure_words`` words it).
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = check_writable(path, what)
    if is_stdin(target):            # "-": standard output
        sys.stdout.flush()
        _write_all(sys.stdout.fileno(), payload)
        return target
    fd_number = _own_fd(target)
    if fd_number is not None:       # /dev/stdout, /dev/fd/N: the open file itself, same offset
        _write_all(fd_number, payload)
        return target
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        _write_in_place(target, payload, truncate=False)     # a device or a FIFO
    elif st is not None and st.st_nlink > 1:
        _write_in_place(target, payload, truncate=True)      # every hard link sees it
    else:
        _replace(target, payload, st)
    return target


def is_stdout(path: str | os.PathLike[str]) -> bool:
    """Whether a write to ``path`` goes to this process's standard output."""
    if is_stdin(path):
        return True
    try:
        return os.path.samestat(os.stat(path), os.fstat(sys.stdout.fileno()))
    except (OSError, ValueError):
        return False


def _through_links(path: Path) -> tuple[Path, bool]:
    """The path a write lands on, symlinks followed; True when it is one of /proc's links to an
    open file (``/dev/stdout``: a pipe has no name), which is opened as it is."""
    for _ in range(40):
        if str(path).startswith(("/proc/", "/dev/fd/")) and path.is_symlink():
            return path, True
        if not path.is_symlink():
            return path, False
        link = Path(os.readlink(path))
        path = link if link.is_absolute() else path.parent / link
    raise InputError(f"{path} is a symlink that leads back to itself (or too many links).",
                     hint="Give a file name.", code="bad_output_path")


def _own_fd(target: Path) -> int | None:
    """N for /proc/self/fd/N, /proc/<our pid>/fd/N or /dev/fd/N; else None."""
    parts = target.parts
    if len(parts) == 5 and parts[1] == "proc" and parts[2] in ("self", str(os.getpid())) \
            and parts[3] == "fd" and parts[4].isdigit():
        return int(parts[4])
    if len(parts) == 4 and parts[1:3] == ("dev", "fd") and parts[3].isdigit():
        return int(parts[3])
    return None


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view):]


def _write_in_place(target: Path, payload: bytes, *, truncate: bool) -> None:
    # No O_CREAT: it exists. A device is never truncated; O_NONBLOCK makes a FIFO with no
    # reader fail at once (ENXIO) instead of waiting for one.
    flags = os.O_WRONLY | getattr(os, "O_CLOEXEC", 0) | (os.O_TRUNC if truncate else os.O_NONBLOCK)
    fd = os.open(target, flags)
    try:
        os.set_blocking(fd, True)
        _write_all(fd, payload)
        if stat.S_ISREG(os.fstat(fd).st_mode):
            os.fsync(fd)
    finally:
        os.close(fd)


def _replace(target: Path, payload: bytes, st: os.stat_result | None) -> None:
    """Atomic: a temporary file beside it, flushed, then renamed over (its old mode kept)."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        if st is not None:
            os.fchmod(fd, stat.S_IMODE(st.st_mode))
            if os.geteuid() == 0 and (st.st_uid, st.st_gid) != (0, 0):
                with contextlib.suppress(OSError):
                    os.fchown(fd, st.st_uid, st.st_gid)   # root saving a user's file keeps it theirs
        _write_all(fd, payload)
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.replace(tmp, target)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _why(exc: OSError) -> str:
    return failure_words(exc)


def _a(what: str) -> str:
    return f"an {what}" if what[:1].lower() in "aeiou" else f"a {what}"

