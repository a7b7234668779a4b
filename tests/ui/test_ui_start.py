"""Starts or says why (issue 22.7): the real `assistant` process with a screen it cannot reach,
or a Qt platform plugin that does not exist, says so in one line and exits 4 (no device),
with the same line in the log; never Qt's abort ("Reinstalling the application may fix this
problem", exit 134) nor a traceback."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.errors import EXIT_NO_DEVICE
from ui.qt_start import cause


def _free_display() -> str:
    """An X display number no server listens on (no socket, no lock file)."""
    for number in range(99, 400):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return f":{number}"
    raise AssertionError("no free X display number")


def _start(tmp_path: Path, **env: str) -> tuple[subprocess.CompletedProcess, str]:
    home = tmp_path / "home"
    environ = {k: v for k, v in os.environ.items()
               if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    environ.update(env, ASSISTANT_HOME=str(home))
    done = subprocess.run([sys.executable, "-m", "assistant"], env=environ, capture_output=True,
                          text=True, timeout=120)
    log = home / "cache" / "assistant.log"
    return done, log.read_text() if log.exists() else ""


@pytest.mark.parametrize("platform", ["xcb", ""])
def test_a_screen_that_cannot_be_reached_is_one_line_and_exit_4(tmp_path, platform):
    display = _free_display()
    env = {"DISPLAY": display, **({"QT_QPA_PLATFORM": platform} if platform else {})}
    done, log = _start(tmp_path, **env)
    lines = done.stderr.splitlines()
    assert done.returncode == EXIT_NO_DEVICE, done.stderr
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"error: The window cannot reach the screen (display {display}).")
    assert "Traceback" not in done.stderr and "Reinstalling" not in done.stderr
    assert done.stdout == ""
    assert lines[0].removeprefix("error: ") in log        # logged too


def test_a_qt_plugin_that_cannot_load_is_one_line_and_exit_4(tmp_path):
    done, log = _start(tmp_path, QT_QPA_PLATFORM="no-such-plugin")
    lines = done.stderr.splitlines()
    assert done.returncode == EXIT_NO_DEVICE and len(lines) == 1, done.stderr
    assert "no display plugin called 'no-such-plugin'" in lines[0]
    assert "xcb" in lines[0]                               # what can be chosen instead
    assert lines[0].removeprefix("error: ") in log and "Traceback" not in done.stderr


def test_a_missing_system_library_is_named():
    # Qt 6.5+'s own words when libxcb-cursor0 is missing and the display is fine.
    error = cause(["From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb "
                   "platform plugin.",
                   'Could not load the Qt platform plugin "xcb" in "" even though it was found.',
                   "This application failed to start because no Qt platform plugin could be "
                   "initialized. Reinstalling the application may fix this problem."])
    assert error.exit_status == EXIT_NO_DEVICE
    assert "needs libxcb-cursor0, which is not installed" in error.user_text()
    assert "Reinstalling" not in error.user_text()
