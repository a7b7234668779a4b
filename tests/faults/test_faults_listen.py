"""``listen --session`` on a full disk: every reply is shown AND spoken; the lost session is
one notice, never a traceback (it used to save before speaking and speak none of them)."""
from __future__ import annotations

import signal
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest
from pulse_support import EventChild, loud_frames, pulse_server

ROOT = Path(__file__).resolve().parents[2]
QUESTION = ROOT / "resources" / "samples" / "question.wav"


@pytest.fixture(scope="module")
def pulse(tmp_path_factory):
    with pulse_server(tmp_path_factory.mktemp("pulse")) as env:
        yield env


def _twice(path: Path) -> Path:
    """The recorded question asked twice, with a pause long enough to answer in between."""
    with wave.open(str(QUESTION)) as w:
        rate, audio = w.getframerate(), np.frombuffer(w.readframes(w.getnframes()), np.int16)
    pause = np.zeros(int(rate * 9), np.int16)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1), out.setsampwidth(2), out.setframerate(rate)
        out.writeframes(np.concatenate([pause[: rate], audio, pause, audio, pause]).tobytes())
    return path


def test_replies_are_spoken_when_the_session_cannot_be_saved(pulse, full_home, tmp_path):
    heard = tmp_path / "speaker.wav"
    recorder = subprocess.Popen(["parec", "--device=vsink.monitor", "--rate=16000", "--channels=1",
                                 "--format=s16le", "--file-format=wav", str(heard)], env=pulse)
    child = EventChild([sys.executable, str(ROOT / "tests/voice/voice_listen_main.py"), "--json",
                        "--image", str(ROOT / "resources/samples/sign.jpg"), "--language", "en",
                        "--session", "kitchen", "--audio-in", str(_twice(tmp_path / "q.wav"))],
                       cwd=ROOT, env={**pulse, "ASSISTANT_HOME": str(full_home)})
    try:
        child.wait_for("TurnTimings", 180)
        child.wait_for("TurnTimings", 90)
    finally:
        code, err = child.finish(signal.SIGTERM)
        recorder.send_signal(signal.SIGTERM)
        recorder.wait(timeout=10)
    timings = [e for e in child.seen if e["event"] == "TurnTimings"]
    assert len(timings) == 2 and all(t["end_to_first_audio_s"] is not None for t in timings)
    with wave.open(str(heard)) as w:
        played = np.frombuffer(w.readframes(w.getnframes()), np.int16) / 32768.0
    assert loud_frames(played, 16000) * 0.1 > 3.0          # both answers were really played
    errors = [e for e in child.seen if e["event"] == "ErrorEvent"]
    assert errors and all(e.get("code") == "session_not_saved" for e in errors), errors
    assert "Traceback" not in err and "Logging error" not in err, err[-2000:]
    assert code == 5, err[-2000:]              # answered, but not saved: the table's status 5
    assert list((full_home / "data").rglob("*.tmp")) == []
