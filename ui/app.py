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
    from . import theme, translation
    from .main_window import MainWindow

    app = application()
    # The window's words: ui.language when fixed, else the system locale (as the replies).
    translation.install(app, translation.window_language(config.ui.language))
    theme.apply(app, scale=config.ui.font_scale, high_contrast=config.ui.high_contrast,
                choice=config.ui.theme)
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
    _service_hooks(app, window)
    return int(app.exec())


def _service_hooks(app, window) -> None:
    """As a service (systemd user unit, a kiosk's session): SIGTERM and SIGHUP close the
    window as staff's quit does (devices closed, the kiosk's purge), ``READY=1`` once shown,
    and watchdog pings from the event loop itself, so a hung window is restarted."""
    import signal

    from PySide6.QtCore import QTimer

    from assistant.service import notify, watchdog_interval_s

    def close(signum, frame) -> None:
        QTimer.singleShot(0, window.request_quit)

    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, close)
    # Python runs a signal handler only between its own bytecodes; Qt's loop is C++, so a
    # light timer lets the handler run within a quarter of a second.
    ticks = QTimer(app)
    ticks.timeout.connect(lambda: None)
    ticks.start(250)
    interval = watchdog_interval_s()
    if interval:
        pings = QTimer(app)
        pings.timeout.connect(lambda: notify("WATCHDOG=1"))
        pings.start(max(50, int(interval * 500)))
    QTimer.singleShot(0, lambda: notify("READY=1", "STATUS=The window is open."))
