"""Real PulseAudio servers with virtual devices, for tests that run the real PortAudio
(the hub's unplug test, ``assistant listen`` and the window in child processes).

The usual set-up (``pulse_server``): a virtual microphone (``vmic``, its monitor the default
source) and speaker (``vsink``); tests speak into ``vmic`` with paplay, record
``vsink.monitor`` with parec, and route the speaker back into the microphone (``room_echo``:
module-loopback, turned down as a room would) to test the own-voice guard.

PortAudio reaches PulseAudio through ALSA's pulse plugin (Debian
``libasound2-plugins``). ``alsa_devices`` writes an ALSA configuration that
names one PortAudio device per server, so a test can put the microphone and
the speaker on different servers. Why that matters: when a source vanishes,
PulseAudio moves its recordings to another source if it has one (a speaker's
monitor counts), and PortAudio never learns the microphone went; a server
holding only the microphone ends the recording instead, which is what
unplugging a USB microphone does under ALSA.

A missing tool fails the test (never skips it) and names the Debian package,
as ``system_files`` does for data files.
"""
from __future__ import annotations

import glob
import json
import os
import queue
import shutil
import signal
import subprocess
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import numpy as np
import pytest
from system_files import SETUP_HINT

ALSA_CONF = Path("/usr/share/alsa/alsa.conf")
TOOLS = {"pulseaudio": "pulseaudio", "pactl": "pulseaudio-utils", "parec": "pulseaudio-utils",
         "paplay": "pulseaudio-utils"}


def require_pulse_tools() -> None:
    """Fail, naming the package, when the server, its tools or ALSA's pulse plugin are missing."""
    for tool, package in TOOLS.items():
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing; apt-get install {package} (or run: {SETUP_HINT})",
                        pytrace=False)
    if not glob.glob("/usr/lib/*/alsa-lib/libasound_module_pcm_pulse.so"):
        pytest.fail("ALSA's PulseAudio plugin (libasound_module_pcm_pulse.so) is missing; "
                    f"apt-get install libasound2-plugins (or run: {SETUP_HINT})", pytrace=False)
    if not ALSA_CONF.exists():
        pytest.fail(f"{ALSA_CONF} is missing; apt-get install libasound2-data "
                    f"(or run: {SETUP_HINT})", pytrace=False)


class PulseServer:
    """One ``pulseaudio`` daemon of our own, with null sinks, reachable at ``self.server``."""

    def __init__(self, runtime: Path, *sinks: str, default_source: str | None = None) -> None:
        runtime.mkdir(parents=True, exist_ok=True)
        self.runtime = runtime
        self.server = f"unix:{runtime}/native"
        self.env = {**os.environ, "PULSE_RUNTIME_PATH": str(runtime),
                    "XDG_RUNTIME_DIR": str(runtime), "HOME": str(runtime),
                    "PULSE_SERVER": self.server}
        self._log = open(runtime / "pulse.log", "w")
        self.daemon = subprocess.Popen(
            ["pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "--system=false", "-n",
             f"--load=module-native-protocol-unix socket={runtime}/native auth-anonymous=1",
             *[f"--load=module-null-sink sink_name={sink}" for sink in sinks],
             "--log-target=stderr"], env=self.env, stdout=self._log, stderr=self._log)
        deadline = time.monotonic() + 20
        while subprocess.run(["pactl", "info"], env=self.env, capture_output=True).returncode:
            assert self.daemon.poll() is None and time.monotonic() < deadline, \
                (runtime / "pulse.log").read_text()
            time.sleep(0.2)
        if default_source:
            self.pactl("set-default-source", default_source)

    def pactl(self, *args: str) -> str:
        return subprocess.run(["pactl", *args], env=self.env, check=True, capture_output=True,
                              text=True, timeout=20).stdout

    def module_of(self, sink: str) -> str:
        """The id of the module that made ``sink``."""
        for line in self.pactl("list", "short", "modules").splitlines():
            if f"sink_name={sink}" in line:
                return line.split()[0]
        raise AssertionError(f"no module made {sink}")

    def stop(self) -> None:
        self.daemon.terminate()
        try:
            self.daemon.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.daemon.kill()
        self._log.close()


def alsa_devices(path: Path, devices: dict[str, str]) -> str:
    """Write an ALSA configuration naming one PulseAudio PCM per entry (name -> server);
    returns the value for ALSA_CONFIG_PATH (the system configuration, then this one)."""
    text = "".join(
        f'pcm.{name} {{\n    type pulse\n    server "{server}"\n'
        f'    hint {{ show on description "{name} (test PulseAudio server)" }}\n}}\n'
        for name, server in devices.items())
    path.write_text(text)
    return f"{ALSA_CONF}:{path}"


def loud_frames(audio: np.ndarray, rate: int, *, step_s: float = 0.1, level: float = 0.01) -> int:
    """How many ``step_s`` frames of ``audio`` are louder (RMS) than ``level``."""
    n = int(step_s * rate)
    frames = audio[: audio.shape[0] // n * n].reshape(-1, n)
    return int((np.sqrt(np.mean(frames.astype(np.float64) ** 2, axis=1)) > level).sum())


@contextmanager
def pulse_server(runtime: Path) -> Iterator[dict]:
    """One server with ``vsink`` (the default sink) and ``vmic`` (its monitor the default
    source); yields the environment a child process needs to use it."""
    require_pulse_tools()
    server = PulseServer(runtime, "vsink", "vmic", default_source="vmic.monitor")
    try:
        server.pactl("set-default-sink", "vsink")
        yield server.env
    finally:
        server.stop()


def pactl(env: dict, *args: str) -> str:
    return subprocess.run(["pactl", *args], env=env, check=True, capture_output=True, text=True,
                          timeout=20).stdout


def room_echo(env: dict, volume: str = "35%") -> str:
    """The speaker heard back by the microphone, quieter and a little late; returns the module."""
    module = pactl(env, "load-module", "module-loopback", "source=vsink.monitor", "sink=vmic",
                   "latency_msec=60").strip()
    for line in pactl(env, "list", "short", "sink-inputs").splitlines():
        pactl(env, "set-sink-input-volume", line.split()[0], volume)
    return module


class EventChild:
    """A child process printing one JSON event a line; ``wait_for`` reads until one matches."""

    def __init__(self, args: list[str], *, env: dict, cwd: Path) -> None:
        self.proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        self.events: queue.Queue = queue.Queue()
        self.seen: list[dict] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        try:
            for line in self.proc.stdout:
                if line.startswith("{"):
                    self.events.put(json.loads(line))
        except (ValueError, OSError):   # finish() took over the pipe: it reads the rest
            pass

    def wait_for(self, name: str, timeout: float, **match) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                event = self.events.get(timeout=0.1)
            except queue.Empty:
                if self.proc.poll() is not None:
                    # It ended: what it printed last may still be in the pipe, on its way here.
                    self._reader.join(timeout=5)
                    if self.events.empty():
                        raise AssertionError(self.proc.stderr.read()[-3000:]) from None
                continue
            self.seen.append(event)
            if event["event"] == name and all(event.get(k) == v for k, v in match.items()):
                return event
        raise AssertionError(f"no {name} within {timeout} s; saw {self.seen[-15:]}")

    def finish(self, sig: int = signal.SIGTERM) -> tuple[int, str]:
        """Ask it to end; its remaining events join ``seen``; returns (exit code, stderr)."""
        self.proc.send_signal(sig)
        try:
            out, err = self.proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, err = self.proc.communicate()
        while not self.events.empty():
            self.seen.append(self.events.get())
        for line in (out or "").splitlines():
            if line.startswith("{"):
                self.seen.append(json.loads(line))
        return self.proc.returncode, err
