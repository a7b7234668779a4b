"""A private PulseAudio server with a virtual microphone (``vmic``) and speaker (``vsink``).

Tests speak into ``vmic`` with paplay, record ``vsink.monitor`` with parec, and route the
speaker back into the microphone (module-loopback, turned down as a room would) to test
the own-voice guard. Missing PulseAudio fails the test with the Debian package to install.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def pactl(env: dict, *args: str) -> str:
    return subprocess.run(["pactl", *args], env=env, check=True, capture_output=True, text=True,
                          timeout=20).stdout


@contextmanager
def pulse_server(runtime: Path) -> Iterator[dict]:
    """Yields the environment a child process needs to use this server."""
    for tool, package in (("pulseaudio", "pulseaudio"), ("pactl", "pulseaudio-utils"),
                          ("paplay", "pulseaudio-utils")):
        assert shutil.which(tool), (f"{tool} is missing; apt-get install {package} "
                                    "(or run: bash scripts/setup.sh install test)")
    env = {**os.environ, "PULSE_RUNTIME_PATH": str(runtime), "XDG_RUNTIME_DIR": str(runtime),
           "HOME": str(runtime), "PULSE_SERVER": f"unix:{runtime}/native"}
    log = open(runtime / "pulse.log", "w")
    daemon = subprocess.Popen(
        ["pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "--system=false", "-n",
         f"--load=module-native-protocol-unix socket={runtime}/native auth-anonymous=1",
         "--load=module-null-sink sink_name=vsink", "--load=module-null-sink sink_name=vmic",
         "--log-target=stderr"], env=env, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 20
        while subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode != 0:
            assert daemon.poll() is None and time.monotonic() < deadline, \
                (runtime / "pulse.log").read_text()
            time.sleep(0.2)
        pactl(env, "set-default-source", "vmic.monitor")
        pactl(env, "set-default-sink", "vsink")
        yield env
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
        log.close()


def room_echo(env: dict, volume: str = "35%") -> str:
    """The speaker heard back by the microphone, quieter and a little late; returns the module."""
    module = pactl(env, "load-module", "module-loopback", "source=vsink.monitor", "sink=vmic",
                   "latency_msec=60").strip()
    for line in pactl(env, "list", "short", "sink-inputs").splitlines():
        pactl(env, "set-sink-input-volume", line.split()[0], volume)
    return module
