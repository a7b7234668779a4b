"""Where ``assistant serve`` keeps uploads while it works on them: one private folder per run.

Each run's folder is ``<tmp>/assistant-serve-<uid>/run-<pid>-<random>`` (0700). A request's
uploads live in a folder of their own inside it, removed when the request ends; the run's
folder is removed at exit. A run that crashed (kill -9, power cut) cannot remove its own, so
each start removes the folders of runs whose process is gone: uploads (users' recordings
and pictures) never pile up in the temporary folder.

The shared parent is used only when it is a real folder of ours with no access for others;
otherwise (another user made it first, a link was planted) the run gets a private folder of
its own from ``tempfile.mkdtemp``, and nothing is cleaned.
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import stat
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

_RUN = re.compile(r"run-(\d+)-[0-9a-z_]+")


def run_folder(parent: Path | None = None) -> Path:
    """A new private folder for this run; left-overs of dead runs removed first."""
    parent = parent or Path(tempfile.gettempdir()) / f"assistant-serve-{os.getuid()}"
    try:
        parent.mkdir(mode=0o700, exist_ok=True)
        st = os.lstat(parent)
        ours = (stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid()
                and not st.st_mode & 0o077)
    except OSError:
        ours = False
    if not ours:
        log.warning("%s is not a private folder of this user; uploads go to a folder of "
                    "their own and left-overs of earlier runs are not cleaned", parent)
        return Path(tempfile.mkdtemp(prefix="assistant-serve-"))
    removed = remove_dead_runs(parent)
    if removed:
        log.info("removed the uploads left by %d earlier run(s) that did not end cleanly", removed)
    return Path(tempfile.mkdtemp(prefix=f"run-{os.getpid()}-", dir=parent))


def remove_dead_runs(parent: Path) -> int:
    """Remove ``run-<pid>-*`` folders whose process no longer runs; how many were removed."""
    removed = 0
    for entry in parent.iterdir():
        match = _RUN.fullmatch(entry.name)
        if not match or _alive(int(match.group(1))) or entry.is_symlink():
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed += not entry.exists()
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:          # another user's process: alive, and not ours to judge
        return True
    return True
