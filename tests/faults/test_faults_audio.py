"""Fault matrix, long audio: hours of silence, questions too long to be questions, replayed files.

Rows of issue 10: "4 h of silence, transcribe / ask: 3.3-3.5 GB resident, ~50 s, then
'no question heard'" and "listen --audio-in: the whole file in memory; PCM WAV only;
replays in real time only". Each command runs as a child process, as a user runs it; its
peak resident memory is the kernel's own count for that child (``ru_maxrss``).
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from faults_support import SAMPLES, Cli, no_traceback
from audio_encode import encode

RATE = 16_000
IMAGE = SAMPLES / "sign.jpg"
QUESTION = SAMPLES / "question.wav"


def write_flac(path: Path, seconds: float, *, noise_db: float | None = -60.0, with_length: bool = True) -> Path:
    """Room silence (a minute of white noise ``noise_db`` below full scale, repeated), or digital
    silence; ``with_length=False`` leaves the total out of the header, as a FLAC written to a pipe."""
    import av

    minute = np.zeros(60 * RATE, np.int16)
    if noise_db is not None:
        level = 32768 * 10 ** (noise_db / 20)
        minute = np.random.default_rng(7).normal(0, level, minute.shape[0]).round().astype(np.int16)
    with av.open(str(path), "w", format="flac") as out:
        stream = out.add_stream("flac", rate=RATE)
        stream.layout = "mono"
        for at in range(0, int(seconds), 60):
            n = int(min(60, seconds - at) * RATE)
            frame = av.AudioFrame.from_ndarray(minute[:n].reshape(1, -1), format="s16", layout="mono")
            frame.sample_rate = RATE
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    if not with_length:  # STREAMINFO's 36-bit total sample count, bytes 18-25 of the file
        data = bytearray(path.read_bytes())
        value = int.from_bytes(data[18:26], "big") & ~((1 << 36) - 1)
        data[18:26] = value.to_bytes(8, "big")
        path.write_bytes(bytes(data))
    return path


# A fresh, small interpreter starts the command and reports its children's peak: measured
# from the test process itself, a child would count the pages it shares with pytest at fork.
_LAUNCHER = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[2:]).returncode
with open(sys.argv[1], "w") as out:
    out.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code)
"""


def run_measured(cli: Cli, *args: str, timeout: float = 600) -> tuple[int, str, str, float, float]:
    """(exit code, stdout, stderr, peak resident MB, wall seconds) of ``assistant ARGS``."""
    peak = cli.home / f"peak-{time.monotonic_ns()}"
    began = time.monotonic()
    done = subprocess.run([sys.executable, "-c", _LAUNCHER, str(peak), sys.executable, "-m", "assistant", *args],
                          capture_output=True, text=True, env=cli.env, timeout=timeout)
    wall = time.monotonic() - began
    return done.returncode, done.stdout, done.stderr, int(peak.read_text()) / 1024, wall


@pytest.fixture
def cli(tmp_path) -> Cli:
    home = tmp_path / "home"
    home.mkdir()
    return Cli(home, HF_HUB_OFFLINE="1")


def test_an_hour_of_silence_is_transcribed_in_bounded_memory(cli, tmp_path):
    """Before: the whole recording decoded into memory (1.8 GB resident for two hours)."""
    path = write_flac(tmp_path / "hour.flac", 3600)
    code, out, err, peak_mb, wall = run_measured(cli, "transcribe", str(path), "--format", "json")
    assert code == 0, err[-2000:]
    assert "Traceback" not in err
    result = json.loads(out)
    assert result["text"] == "" and abs(result["duration_s"] - 3600) < 0.1
    assert peak_mb < 800, f"peak resident memory {peak_mb:.0f} MB"


def test_four_hours_as_a_question_are_refused_from_the_header(cli, tmp_path):
    path = write_flac(tmp_path / "four-hours.flac", 4 * 3600, noise_db=None)
    code, out, err, peak_mb, wall = run_measured(cli, "ask", "--image", str(IMAGE), "--audio", str(path),
                                                 "--voice-engine", "none")
    assert code == 2, err[-2000:]
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "4 h 0 min long" in lines[0] and "at most 2 min" in lines[0], err
    assert "assistant transcribe" in lines[0]
    assert peak_mb < 400, f"peak resident memory {peak_mb:.0f} MB: the recording was loaded"


def test_a_long_question_with_no_length_in_its_header_is_refused_while_decoding(cli, tmp_path):
    path = write_flac(tmp_path / "piped.flac", 30 * 60, with_length=False)
    import av

    with av.open(str(path)) as probe:  # the header really does not say
        assert probe.duration is None and probe.streams.audio[0].duration is None
    code, out, err, peak_mb, wall = run_measured(cli, "ask", "--image", str(IMAGE), "--audio", str(path),
                                                 "--voice-engine", "none")
    assert code == 2, err[-2000:]
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "longer than that" in lines[0] and "at most 2 min" in lines[0], err
    assert peak_mb < 400, f"peak resident memory {peak_mb:.0f} MB"


def test_a_question_in_ogg_within_the_limit_is_answered(cli, tmp_path):
    from assistant.audio.files import load_audio

    question = encode(tmp_path / "question.ogg", load_audio(QUESTION), "ogg", "libopus", 48_000)
    done = cli("ask", "--image", str(IMAGE), "--audio", str(question), "--language", "en",
               "--voice-engine", "none")
    no_traceback(done)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "You asked: What does the sign say?" in done.stdout
    assert "LAUNCH PAD" in done.stdout


def test_listen_replays_an_ogg_file_four_times_faster(cli, tmp_path):
    """Before: '--audio-in' took PCM WAV only, and only in real time."""
    from assistant.audio.files import load_audio

    audio = np.concatenate([np.zeros(2 * RATE, np.float32), load_audio(QUESTION), np.zeros(30 * RATE, np.float32)])
    path = encode(tmp_path / "mic.ogg", audio, "ogg", "libopus", 48_000)
    length_s = audio.shape[0] / RATE  # 33.6 s
    child = subprocess.Popen([sys.executable, "-m", "assistant", "listen", "--audio-in", str(path),
                              "--speed", "4", "--image", str(IMAGE), "--voice-engine", "none",
                              "--language", "en", "--json"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=cli.env)
    events, listening_at = [], None
    try:
        for line in child.stdout:
            event = json.loads(line)
            if event["event"] == "Listening":
                listening_at = time.monotonic()
            events.append(event)
        child.wait(timeout=120)
        ended = time.monotonic()
    finally:
        if child.poll() is None:
            child.kill()
        err = child.stderr.read()
    assert child.returncode == 0, err[-2000:]
    assert "Traceback" not in err
    said = [e["text"] for e in events if e["event"] == "Transcript"]
    assert said == ["What does the sign say?"], events
    assert any(e["event"] == "Reply" and "LAUNCH PAD" in e["answer"] for e in events)
    assert listening_at is not None and ended - listening_at < length_s / 2  # 8.4 s at 4x


@pytest.mark.parametrize("speed", ["0", "-2", "fast", "inf"])
def test_listen_refuses_a_speed_it_cannot_keep(cli, speed):
    done = cli("listen", "--audio-in", str(QUESTION), "--speed", speed, "--image", str(IMAGE), timeout=60)
    assert done.returncode == 2
    assert "--speed" in done.stderr and "Traceback" not in done.stderr
