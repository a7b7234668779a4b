"""Entry point of the desktop window: ``assistant`` with no arguments (``--kiosk`` for kiosks)."""
from __future__ import annotations

import logging
import sys

from assistant.config import AppConfig
from assistant.paths import AppPaths

log = logging.getLogger(__name__)


def application(argv: list[str] | None = None):
    """The running QApplication, created once."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        from .qt_start import create

        # An unreachable screen or a broken Qt plugin: one line and exit 4, not Qt's abort.
        app = create(lambda: QApplication(argv if argv is not None else sys.argv[:1]))
        app.setApplicationName("Local assistant")
        app.setOrganizationName("local-assistant")
    return app


def build_window(config: AppConfig, paths: AppPaths, *, kiosk: bool = False,
                 camera=None, microphone=None, factory=None, notice: str | None = None):
    """Make (not show) the main window. ``camera``/``microphone``: a FrameSource /
    AudioSource or a settings string; None takes them from ``config.ui``."""
    from . import theme
    from .main_window import MainWindow

    app = application()
    theme.apply(app, scale=config.ui.font_scale, high_contrast=config.ui.high_contrast)
    return MainWindow(config, paths, kiosk=kiosk, camera=camera, microphone=microphone,
                      factory=factory, notice=notice)


def _check_display() -> None:
    """Qt aborts the process when it has no screen; say so in words instead."""
    import os

    if os.environ.get("QT_QPA_PLATFORM") or sys.platform in ("win32", "darwin"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        from assistant.errors import DeviceError

        raise DeviceError("There is no screen to open the window on.",
                          hint="Run it from a desktop session, or use 'assistant listen' or "
                               "'assistant ask' in a terminal.", code="no_display")


def run(config: AppConfig, paths: AppPaths, *, kiosk: bool = False, notice: str | None = None) -> int:
    """Show the window and run the event loop until it closes; returns the exit status."""
    _check_display()
    app = application()
    window = build_window(config, paths, kiosk=kiosk, notice=notice)
    if kiosk:
        window.showFullScreen()
    else:
        window.show()
    return int(app.exec())
