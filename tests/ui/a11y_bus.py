"""A real D-Bus session bus (dbus-daemon) with AT-SPI's status object on it, as a desktop
has: ``org.a11y.Bus`` at ``/org/a11y/bus`` exporting ``org.a11y.Status``'s IsEnabled and
ScreenReaderEnabled. Run as a child: ``python a11y_bus.py ADDRESS SCREEN_READER(0|1)``;
the tests use ``session_bus()`` and ``status_service()``."""
from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
from pathlib import Path


# A session bus of its own, with no service files: nothing on this machine (at-spi2-core's
# bus launcher, say) is started on the tests' behalf and answers in place of the test's own.
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=%s</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@contextlib.contextmanager
def session_bus():
    """A private session bus (Debian's dbus-daemon, installed by scripts/setup.sh test)."""
    import tempfile

    daemon = shutil.which("dbus-daemon")
    assert daemon, "dbus-daemon is missing: bash scripts/setup.sh install test"
    folder = tempfile.TemporaryDirectory(prefix="a11y-bus-")
    config = Path(folder.name) / "bus.conf"
    config.write_text(BUS_CONFIG % folder.name)
    proc = subprocess.Popen([daemon, f"--config-file={config}", "--nofork", "--nopidfile",
                             "--print-address=1"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        address = proc.stdout.readline().strip()
        assert address, "dbus-daemon gave no address"
        yield address
    finally:
        proc.terminate()
        proc.wait(10)
        folder.cleanup()


@contextlib.contextmanager
def status_service(address: str, *, screen_reader: bool, enabled: bool = True):
    """AT-SPI's status on the bus, as at-spi-bus-launcher serves it, until the block ends."""
    proc = subprocess.Popen([sys.executable, str(Path(__file__)), address,
                             "1" if screen_reader else "0", "1" if enabled else "0"],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        yield proc
    finally:
        proc.terminate()
        proc.wait(10)


def _serve(address: str, screen_reader: bool, enabled: bool) -> None:
    from PySide6.QtCore import ClassInfo, Property, QCoreApplication, QObject
    from PySide6.QtDBus import QDBusConnection

    @ClassInfo({"D-Bus Interface": "org.a11y.Status"})
    class Status(QObject):
        def _enabled(self) -> bool:
            return enabled

        def _reader(self) -> bool:
            return screen_reader

        IsEnabled = Property(bool, _enabled)
        ScreenReaderEnabled = Property(bool, _reader)

    app = QCoreApplication([])
    bus = QDBusConnection.connectToBus(address, "a11y-status")
    status = Status()
    assert bus.registerObject("/org/a11y/bus", status,
                              QDBusConnection.RegisterOption.ExportAllProperties)
    assert bus.registerService("org.a11y.Bus")
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    _serve(sys.argv[1], sys.argv[2] == "1", sys.argv[3] == "1")
