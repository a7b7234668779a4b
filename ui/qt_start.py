"""Starting Qt without its abort: a screen that cannot be reached, or a platform plugin that
cannot load, ends the process with one line in words and exit 4 (no device), logged.

Qt reports these with ``qFatal`` from inside the QApplication constructor and then calls
``abort()`` (exit 134, "Reinstalling the application may fix this problem"), so no
exception can be caught around it. A message handler installed for the construction
collects Qt's messages; on the fatal one it words the cause from them, writes it the way
the console writes every error, and leaves with ``os._exit`` before Qt can abort. After a
successful start Qt's own handler is put back.
"""
from __future__ import annotations

import logging
import os
import re
import sys
from typing import Callable

from assistant.errors import EXIT_NO_DEVICE, DeviceError

log = logging.getLogger(__name__)

_TERMINAL = "Use 'assistant ask' or 'assistant listen' in a terminal instead."


def cause(messages: list[str]) -> DeviceError:
    """Why Qt could not start, in words, from the messages it gave before giving up."""
    text = "\n".join(messages)
    display = re.search(r"could not connect to display ?(\S*)", text)
    if display or "wl_display" in text:
        where = display.group(1) if display and display.group(1) else os.environ.get(
            "WAYLAND_DISPLAY" if not display else "DISPLAY", "")
        named = f" (display {where})" if where else ""
        return DeviceError(f"The window cannot reach the screen{named}.",
                           hint="Check that the desktop session is running and that DISPLAY "
                                f"names it. {_TERMINAL}", code="no_display")
    missing = re.search(r'Could not find the Qt platform plugin "([^"]*)"', text)
    available = re.search(r"Available platform plugins are: ([^.\n]*)", text)
    choices = f" one of: {available.group(1)}" if available else " another platform"
    if missing:
        return DeviceError(f"The window cannot start: Qt has no display plugin called "
                           f"'{missing.group(1)}' (QT_QPA_PLATFORM).",
                           hint=f"Unset QT_QPA_PLATFORM, or set it to{choices}.",
                           code="display_plugin")
    failed = re.search(r'Could not load the Qt platform plugin "([^"]*)"', text)
    library = re.search(r"(lib[\w.+-]+) is needed", text)
    if failed and library:
        return DeviceError(f"The window cannot start: Qt's '{failed.group(1)}' display plugin "
                           f"needs {library.group(1)}, which is not installed.",
                           hint=(f"Install {library.group(1)} (scripts/setup.sh installs what the "
                                 "window needs). ") + _TERMINAL, code="display_plugin")
    if failed:   # Wayland says no more than this when its compositor cannot be reached
        return DeviceError(f"The window cannot start: Qt's '{failed.group(1)}' display plugin "
                           "could not open the screen.",
                           hint="Check that the desktop session is running and that DISPLAY or "
                                f"WAYLAND_DISPLAY names it. {_TERMINAL}", code="no_display")
    first = next((line for line in text.splitlines() if line.strip()), "no reason given")
    return DeviceError(f"The window cannot start: Qt could not open the screen ({first.strip()}).",
                       hint=_TERMINAL, code="no_display")


def _give_up(error: DeviceError) -> None:
    """The console's one error line, logged, then exit 4 before Qt aborts."""
    log.error("the window could not start (%s): %s", error.code, error.user_text())
    logging.shutdown()              # the log file is written before the process ends
    sys.stderr.write(f"error: {error.user_text()}\n")
    sys.stderr.flush()
    os._exit(EXIT_NO_DEVICE)


def create(make: Callable[[], object]) -> object:
    """``make()`` (the QApplication constructor), its fatal start-up failure turned into words."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    messages: list[str] = []

    def handler(kind, context, message: str) -> None:
        messages.append(message)
        if kind == QtMsgType.QtFatalMsg:
            _give_up(cause(messages))
        else:   # while starting, Qt's notes go to the log rather than the terminal
            log.info("Qt: %s", message)

    previous = qInstallMessageHandler(handler)
    try:
        return make()
    finally:
        qInstallMessageHandler(previous)
