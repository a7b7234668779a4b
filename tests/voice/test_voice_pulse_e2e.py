"""End to end through a PulseAudio server with a virtual microphone and speaker.

``assistant listen`` runs in a child process recording from ``vmic.monitor`` and
playing into ``vsink``. The test speaks into ``vmic`` with paplay, records what
the assistant says from ``vsink.monitor``, and routes the assistant's voice back
into the microphone (module-loopback, turned down as a room would) so the
own-voice guard is exercised together with barge-in.
"""
from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from voice_helpers import QUESTION, librivox, read_pcm16, silence, transcript_of, write_pcm16

ROOT = Path(__file__).resolve().parents[2]


def _pactl(env, *args) -> str:
    return subprocess.run(["pactl", *args], env=env, check=True, capture_output=True, text=True,
                          timeout=20).stdout


@pytest.fixture(scope="module")
def pulse(tmp_path_factory):
    if shutil.which("pulseaudio") is None:  # the test setup script installs it
        pytest.skip("pulseaudio is not installed")
    runtime = tmp_path_factory.mktemp("pulse")
    env = {**os.environ, "PULSE_RUNTIME_PATH": str(runtime), "XDG_RUNTIME_DIR": str(runtime),
           "HOME": str(runtime), "PULSE_SERVER": f"unix:{runtime}/native"}
    log = open(runtime / "pulse.log", "w")
    daemon = subprocess.Popen(
        ["pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "--system=false", "-n",
         f"--load=module-native-protocol-unix socket={runtime}/native auth-anonymous=1",
         "--load=module-null-sink sink_name=vsink", "--load=module-null-sink sink_name=vmic",
         "--log-target=stderr"], env=env, stdout=log, stderr=log)
    deadline = time.monotonic() + 20
    while subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode != 0:
        assert daemon.poll() is None and time.monotonic() < deadline, (runtime / "pulse.log").read_text()
        time.sleep(0.2)
    _pactl(env, "set-default-source", "vmic.monitor")
    _pactl(env, "set-default-sink", "vsink")
    yield env
    daemon.terminate()
    daemon.wait(timeout=10)
    log.close()


class Child:
    """``assistant listen --json`` with its events collected from stdout."""

    def __init__(self, env, home: Path, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(ROOT / "tests/voice/voice_listen_main.py"), "--json", *args],
            cwd=ROOT, env={**env, "ASSISTANT_HOME": str(home), "HF_HUB_OFFLINE": "1"},
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.events: queue.Queue = queue.Queue()
        self.seen: list[dict] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            if line.startswith("{"):
                self.events.put(json.loads(line))

    def wait_for(self, name: str, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                event = self.events.get(timeout=0.1)
            except queue.Empty:
                assert self.proc.poll() is None, self.proc.stderr.read()
                continue
            self.seen.append(event)
            if event["event"] == name:
                return event
        raise AssertionError(f"no {name} within {timeout} s; saw {self.seen}")

    def finish(self) -> tuple[int, str]:
        self.proc.send_signal(signal.SIGINT)
        out, err = self.proc.communicate(timeout=30)
        for line in out.splitlines():
            if line.startswith("{"):
                self.seen.append(json.loads(line))
        return self.proc.returncode, err


def _rms_track(path: Path, step_s: float = 0.1) -> np.ndarray:
    audio = read_pcm16(path)
    n = int(step_s * 16000)
    return np.array([np.sqrt(np.mean(audio[i:i + n] ** 2)) for i in range(0, audio.shape[0] - n, n)])


def test_spoken_question_answered_aloud_own_voice_ignored_and_barge_in(pulse, tmp_path):
    question = write_pcm16(tmp_path / "q.wav", np.concatenate([read_pcm16(QUESTION), silence(0.3)]))
    interruption = write_pcm16(tmp_path / "i.wav", np.concatenate([librivox("0880"), silence(0.3)]))
    # The assistant's voice comes back into the microphone, 25 dB down and a little late.
    module = _pactl(pulse, "load-module", "module-loopback", "source=vsink.monitor", "sink=vmic",
                    "latency_msec=60").strip()
    inputs = [line.split()[0] for line in _pactl(pulse, "list", "short", "sink-inputs").splitlines()]
    for index in inputs:
        _pactl(pulse, "set-sink-input-volume", index, "35%")
    heard = tmp_path / "speaker.wav"
    recorder = subprocess.Popen(["parec", "--device=vsink.monitor", "--rate=16000", "--channels=1",
                                 "--format=s16le", "--file-format=wav", str(heard)], env=pulse)
    child = Child(pulse, tmp_path / "home", "--image", str(ROOT / "resources/samples/sign.jpg"))
    try:
        child.wait_for("Listening", 120)
        time.sleep(0.5)
        subprocess.run(["paplay", "--device=vmic", str(question)], env=pulse, check=True, timeout=30)
        said = child.wait_for("Transcript", 30)
        assert "sign" in said["text"].lower()
        reply = child.wait_for("Reply", 30)
        assert len(reply["answer"].split()) > 15  # long enough to be talked over
        timing = child.wait_for("TurnTimings", 30)
        assert timing["end_to_first_audio_s"] is not None
        time.sleep(3.0)  # the reply plays, and its echo reaches the microphone the whole time
        assert not [e for e in child.seen if e["event"] in ("BargedIn", "Transcript")][1:]

        subprocess.run(["paplay", "--device=vmic", str(interruption)], env=pulse, check=True, timeout=30)
        barge = child.wait_for("BargedIn", 10)
        assert barge["stop_ms"] < 200
        second = child.wait_for("Transcript", 30)
        words = set(second["text"].lower().replace(".", "").split())
        assert len(words & set(transcript_of("0880").split())) >= 4, child.seen
        child.wait_for("Reply", 30)
        time.sleep(2.0)
    finally:
        code, err = child.finish()
        recorder.send_signal(signal.SIGINT)
        recorder.wait(timeout=10)
        _pactl(pulse, "unload-module", module)
    assert code == 0, err
    transcripts = [e["text"] for e in child.seen if e["event"] == "Transcript"]
    assert len(transcripts) == 2, transcripts  # the echo of the replies never became a question
    assert "Traceback" not in err
    loud = _rms_track(heard) > 0.01
    assert loud.sum() * 0.1 > 3.0  # the answers were really played on the speaker
