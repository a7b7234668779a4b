"""Is a screen reader actually running? Decides ``ui.reply_voice = auto``.

Qt's ``QAccessible.isActive()`` is not the answer on Linux: Qt turns its accessibility
bridge on whenever AT-SPI says accessibility is enabled (``org.a11y.Status.IsEnabled``,
which a desktop sets for an on-screen keyboard, a magnifier or a password manager too),
so with no screen reader listening a reply would be announced to nobody and never spoken.
On Linux the session bus says it: ``org.a11y.Status.ScreenReaderEnabled`` on
``org.a11y.Bus`` (set when Orca is turned on from the desktop), or Orca's own service
(``org.gnome.Orca.Service``, Orca 46 and later) on the bus. No session bus: no AT-SPI,
so no screen reader can hear the window. On Windows the system's own flag
(``SPI_GETSCREENREADER``, set by NVDA, JAWS and Narrator); on macOS VoiceOver turns Qt's
accessibility on, so Qt's flag is the answer there.

Read with Qt's own D-Bus module (``PySide6.QtDBus``), no other package.
"""
from __future__ import annotations

import logging
import sys
from dataclasses import dataclass

log = logging.getLogger(__name__)

A11Y_SERVICE, A11Y_PATH, A11Y_STATUS = "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Status"
ORCA_SERVICE = "org.gnome.Orca.Service"
TIMEOUT_MS = 500          # a healthy session bus answers in about a millisecond
SPI_GETSCREENREADER = 0x0046


@dataclass(frozen=True)
class BusStatus:
    """What the session bus says about assistive technologies."""

    is_enabled: bool = False       # accessibility on (any assistive technology)
    screen_reader: bool = False    # ScreenReaderEnabled
    orca: bool = False             # Orca's service is on the bus


def running(platform: str, bus: BusStatus | None, *, qt_active: bool,
            windows_flag: bool | None = None) -> bool:
    """The decision, pure: is a screen reader there to hear an announcement?"""
    if platform.startswith("linux") or platform.startswith("freebsd"):
        if bus is None:            # no session bus: nothing can read AT-SPI
            return False
        return bus.screen_reader or bus.orca
    if platform == "win32" and windows_flag is not None:
        return windows_flag
    return qt_active


def read_bus(address: str | None) -> BusStatus | None:
    """The session bus at ``address`` (``DBUS_SESSION_BUS_ADDRESS``); None when none answers."""
    if not address:
        return None
    try:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusVariant
    except ImportError:    # a Qt built without D-Bus
        return None
    name = f"assistant-a11y-{address}"
    connection = QDBusConnection.connectToBus(address, name)
    try:
        if not connection.isConnected():
            return None
        props = QDBusInterface(A11Y_SERVICE, A11Y_PATH, "org.freedesktop.DBus.Properties",
                               connection)
        props.setTimeout(TIMEOUT_MS)

        def flag(prop: str) -> bool:
            reply = props.call("Get", A11Y_STATUS, prop)
            values = reply.arguments()
            if reply.errorMessage() or not values:   # no AT-SPI on this bus
                return False
            value = values[0]
            return bool(value.variant() if isinstance(value, QDBusVariant) else value)

        orca = connection.interface().isServiceRegistered(ORCA_SERVICE)
        return BusStatus(is_enabled=flag("IsEnabled"), screen_reader=flag("ScreenReaderEnabled"),
                         orca=bool(orca.isValid() and orca.value()))
    except Exception:  # noqa: BLE001 (an odd bus must not stop the window)
        log.debug("reading the accessibility status failed", exc_info=True)
        return None
    finally:
        QDBusConnection.disconnectFromBus(name)


def windows_flag() -> bool | None:
    """Windows' "a screen reader is running" flag; None elsewhere or when unreadable."""
    if sys.platform != "win32":
        return None
    try:
        import ctypes

        value = ctypes.c_int(0)
        ok = ctypes.windll.user32.SystemParametersInfoW(SPI_GETSCREENREADER, 0,
                                                        ctypes.byref(value), 0)
        return bool(value.value) if ok else None
    except Exception:  # noqa: BLE001
        return None


def screen_reader_running(address: str | None) -> bool:
    """This machine now: the bus at ``address`` (Linux), the system flag, or Qt's."""
    from PySide6.QtGui import QAccessible

    bus = read_bus(address) if sys.platform.startswith(("linux", "freebsd")) else None
    return running(sys.platform, bus, qt_active=QAccessible.isActive(),
                   windows_flag=windows_flag())
