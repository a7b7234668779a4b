"""Closed terminals and service managers: SIGHUP ends ``listen`` as cleanly as Ctrl+C and
SIGTERM do (devices closed, "Stopped.", exit 0), where it used to kill it with status 129
and nothing closed; the window under systemd says READY=1 once shown and closes on SIGTERM
the way staff's quit does."""
from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
import wave
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
IMAGE = ROOT / "resources" / "samples" / "sign.jpg"


def _silence(path: Path, seconds: float) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(np.zeros(int(16000 * seconds), np.int16).tobytes())
    return path


def test_sighup_ends_listen_cleanly(cli, tmp_path):
    audio = _silence(tmp_path / "quiet.wav", 120)
    child = subprocess.Popen([sys.executable, "-m", "assistant", "listen", "--audio-in", str(audio),
                              "--image", str(IMAGE), "--voice-engine", "none", "--language", "en",
                              "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=cli.env)
    try:
        for line in child.stdout:
            if json.loads(line)["event"] == "Listening":
                break
        child.send_signal(signal.SIGHUP)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
        err = child.stderr.read()
    assert child.returncode == 0, err[-2000:]
    assert "Stopped." in err and "Traceback" not in err, err[-2000:]


@pytest.mark.alone
def test_the_window_says_ready_to_systemd_and_closes_on_sigterm(cli, tmp_path):
    path = tmp_path / "notify.sock"
    manager = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    manager.bind(str(path))
    manager.settimeout(0.5)
    env = {**cli.env, "NOTIFY_SOCKET": str(path), "WATCHDOG_USEC": "1000000"}
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    log = (tmp_path / "stderr.txt").open("w+")     # a file: Qt's chatter never fills a pipe
    child = subprocess.Popen([sys.executable, "-m", "assistant", "--kiosk"], env=env,
                             stdout=subprocess.DEVNULL, stderr=log, text=True)
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 120
        while "READY=1" not in lines or lines.count("WATCHDOG=1") < 2:
            assert time.monotonic() < deadline and child.poll() is None, lines
            try:
                lines += manager.recv(4096).decode().splitlines()
            except TimeoutError:
                pass
        child.send_signal(signal.SIGTERM)
        # Closing waits for the one model being loaded (one, not all: build_engines stops).
        # Before: killed at once, status -15.
        child.wait(timeout=60)
    finally:
        manager.close()
        if child.poll() is None:
            child.kill()
    log.seek(0)
    err = log.read()
    assert child.returncode == 0, err[-2000:]
    assert "Traceback" not in err, err[-2000:]
