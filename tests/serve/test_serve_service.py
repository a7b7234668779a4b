"""``assistant serve`` under systemd: READY=1 when it answers, watchdog pings while its loop
turns, SIGHUP reloads the tokens without a restart, STOPPING=1 and exit 0 on SIGTERM.

systemd's side is played by a real datagram socket named in ``NOTIFY_SOCKET``, as systemd
itself passes it (sd_notify(3)); the server is the real one in a child process.
"""
from __future__ import annotations

import signal
import socket
import time
from pathlib import Path

import pytest
from serve_support import start

from assistant.service import Watchdog, notify


class Manager:
    """The service manager's end: every datagram the service sends, in order."""

    def __init__(self, path: Path | str) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.sock.settimeout(0.2)
        self.lines: list[str] = []

    def until(self, line: str, timeout: float) -> list[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                self.lines += self.sock.recv(4096).decode().splitlines()
            except TimeoutError:
                pass
            if line in self.lines:
                return self.lines
        raise AssertionError(f"no {line!r} within {timeout} s; got {self.lines}")

    def drain(self, seconds: float) -> list[str]:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                self.lines += self.sock.recv(4096).decode().splitlines()
            except TimeoutError:
                pass
        return self.lines


@pytest.fixture
def manager(tmp_path, monkeypatch):
    path = tmp_path / "notify.sock"
    manager = Manager(path)
    monkeypatch.setenv("NOTIFY_SOCKET", str(path))
    yield manager
    manager.sock.close()


def test_serve_tells_systemd_it_is_ready_pings_and_reloads_tokens_on_sighup(tmp_path, manager, monkeypatch):
    monkeypatch.setenv("WATCHDOG_USEC", "400000")       # a ping at least every 0.2 s
    old, new = "old-token-for-the-kiosk-0001", "new-token-for-the-kiosk-0002"
    served = start(tmp_path / "srv", token="", config=f'[serve]\ntokens = ["{old}"]\n')
    try:
        manager.until("READY=1", 30)
        assert any(line.startswith("STATUS=Serving on") for line in manager.lines)
        pings = manager.drain(1.5).count("WATCHDOG=1")
        assert pings >= 4, manager.lines              # the loop turns: pinged

        with served.http(old) as http:
            assert http.get("/v1/models").status_code == 200
        (tmp_path / "srv" / "config.toml").write_text(f'[serve]\ntokens = ["{new}"]\nworkers = 3\n')
        manager.lines.clear()
        served.proc.send_signal(signal.SIGHUP)
        manager.until("READY=1", 10)
        told = [line for line in manager.lines if line != "WATCHDOG=1"]
        assert told[0] == "RELOADING=1" and told.index("READY=1") > 0, manager.lines
        with served.http(new) as http:
            assert http.get("/v1/models").status_code == 200
        with served.http(old) as http:
            assert http.get("/v1/models").status_code == 401   # the old token left the file
        assert served.proc.poll() is None                       # still serving
        said = "".join(served.stderr)
        assert "Settings reloaded" in said and "restart is needed for serve.workers" in said, said

        manager.lines.clear()
        assert served.stop(signal.SIGTERM) == 0
        manager.until("STOPPING=1", 5)
    finally:
        served.stop(signal.SIGKILL)
    assert "Traceback" not in "".join(served.stderr)


def test_a_damaged_settings_file_at_reload_keeps_the_running_tokens(tmp_path, manager):
    token = "kept-token-for-the-kiosk-0003"
    served = start(tmp_path / "srv", token="", config=f'[serve]\ntokens = ["{token}"]\n')
    try:
        manager.until("READY=1", 30)
        (tmp_path / "srv" / "config.toml").write_text("[serve\ntokens = \n")
        served.proc.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 10
        while "running settings are kept" not in "".join(served.stderr) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "running settings are kept" in "".join(served.stderr), "".join(served.stderr)
        with served.http(token) as http:
            assert http.get("/v1/models").status_code == 200
    finally:
        assert served.stop(signal.SIGTERM) == 0


def test_notify_reaches_an_abstract_socket_and_does_nothing_outside_systemd(monkeypatch):
    name = f"assistant-test-{time.monotonic_ns()}"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind("\0" + name)
    sock.settimeout(2)
    try:
        monkeypatch.setenv("NOTIFY_SOCKET", "@" + name)
        assert notify("READY=1", "STATUS=two\nlines")
        assert sock.recv(4096).decode() == "READY=1\nSTATUS=two lines"
    finally:
        sock.close()
    monkeypatch.delenv("NOTIFY_SOCKET")
    assert notify("READY=1") is False


def test_the_watchdog_stops_pinging_when_the_service_stops_working(manager):
    healthy = [True]
    dog = Watchdog(lambda: healthy[0], interval_s=0.1).start()
    try:
        assert manager.drain(0.5).count("WATCHDOG=1") >= 3
        healthy[0] = False
        time.sleep(0.2)
        manager.lines.clear()
        assert manager.drain(0.5).count("WATCHDOG=1") == 0
    finally:
        dog.stop()


def test_the_units_are_notify_services_with_the_command_filled_in_by_the_setup(tmp_path):
    import configparser
    import subprocess

    root = Path(__file__).resolve().parents[2]
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    config_home = tmp_path / "config"
    foreign = config_home / "systemd" / "user" / "assistant-window.service"
    foreign.parent.mkdir(parents=True)
    foreign.write_text("[Service]\nExecStart=/usr/bin/true\n")     # someone else's: kept
    # The setup's own function, run alone (the rest of the script installs packages).
    script = (root / "scripts" / "setup.sh").read_text()
    function = script[script.index("install_units() {"):script.index("\n}\n", script.index("install_units() {")) + 3]
    done = subprocess.run(["bash", "-c", f"set -euo pipefail\nVENV={venv}\n{function}\ninstall_units"],
                          cwd=root, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(config_home)})
    assert done.returncode == 0, done.stderr
    assert foreign.read_text() == "[Service]\nExecStart=/usr/bin/true\n"
    assert "not ours" in done.stderr
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.read(config_home / "systemd" / "user" / "assistant-serve.service")
    assert unit["Service"]["Type"] == "notify" and "WatchdogSec" in unit["Service"]
    assert unit["Service"]["ExecStart"] == f"{venv}/bin/assistant serve"
    assert "kill -HUP" in unit["Service"]["ExecReload"]
