"""The fault matrix's tools: a full disk, a read-only home, and the CLI run as a user would.

Full and read-only disks are real file systems (a small tmpfs mounted for the test, then
filled or remounted read-only), because root ignores file modes and a patched ``open``
would not show what the libraries under us do. Where mounting is impossible (no root, a
container without CAP_SYS_ADMIN) those tests skip and say why.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"


@contextlib.contextmanager
def tmpfs(path: Path, size: str = "4m") -> Iterator[Path]:
    """A fresh tmpfs of ``size`` mounted at ``path`` for the duration."""
    path.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs",
                           str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({done.stderr.strip() or 'not root'}): "
                    "disk-full and read-only cases need one")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def fill(path: Path, leave: int = 0) -> None:
    """Fill the file system holding ``path`` until at most ``leave`` bytes are free."""
    filler = path / f".filler-{uuid.uuid4().hex[:6]}"
    with open(filler, "wb") as out:
        block = b"\0" * 65536
        try:
            while True:
                free = shutil.disk_usage(path).free
                if free <= leave:
                    break
                out.write(block[: max(1, min(len(block), free - leave))])
                out.flush()
        except OSError:
            pass


def make_read_only(path: Path) -> None:
    done = subprocess.run(["mount", "-o", "remount,ro", str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot remount read-only: {done.stderr.strip()}")


class Cli:
    """``python -m assistant`` in a child process with its own home, as a user runs it."""

    def __init__(self, home: Path, **env: str) -> None:
        self.home = home
        self.env = {**os.environ, "ASSISTANT_HOME": str(home), **env}

    def __call__(self, *args: str, timeout: float = 240, input: str | bytes | None = None,
                 text: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True,
                              text=text, env=self.env, timeout=timeout, input=input)


def no_traceback(done: subprocess.CompletedProcess) -> None:
    out = f"{done.stdout}{done.stderr}"
    assert "Traceback" not in out and "Logging error" not in out, out[-3000:]


def question_twice(path: Path) -> Path:
    """The recorded question ("What does the sign say?") asked twice, with a pause long
    enough to answer in between: a replayed microphone for ``listen``."""
    import wave

    import numpy as np

    with wave.open(str(SAMPLES / "question.wav")) as w:
        rate, audio = w.getframerate(), np.frombuffer(w.readframes(w.getnframes()), np.int16)
    pause = np.zeros(int(rate * 15), np.int16)   # room for a slow answer on a busy machine
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1), out.setsampwidth(2), out.setframerate(rate)
        out.writeframes(np.concatenate([pause[:rate], audio, pause, audio, pause]).tobytes())
    return path


def listen_twice(env: dict, home: Path, tmp: Path):
    """``listen --session kitchen`` about the sign, hearing the question twice; returns the
    child (its events in ``seen``), its exit status and its stderr once both turns ended."""
    import signal

    from pulse_support import EventChild

    child = EventChild([sys.executable, str(ROOT / "tests/voice/voice_listen_main.py"), "--json",
                        "--image", str(SAMPLES / "sign.jpg"), "--language", "en",
                        "--session", "kitchen", "--audio-in", str(question_twice(tmp / "q.wav"))],
                       cwd=ROOT, env={**env, "ASSISTANT_HOME": str(home)})
    try:
        child.wait_for("TurnTimings", 180)
        child.wait_for("TurnTimings", 90)
    finally:
        code, err = child.finish(signal.SIGTERM)
    return child, code, err
