"""``listen --session`` on a full disk: every reply is shown AND spoken; the lost session is
one notice, never a traceback (it used to save before speaking and speak none of them)."""
from __future__ import annotations

import signal
import subprocess
import wave

import numpy as np
import pytest
from faults_support import listen_twice
from pulse_support import loud_frames, pulse_server

@pytest.fixture(scope="module")
def pulse(tmp_path_factory):
    with pulse_server(tmp_path_factory.mktemp("pulse")) as env:
        yield env


def test_replies_are_spoken_when_the_session_cannot_be_saved(pulse, full_home, tmp_path):
    heard = tmp_path / "speaker.wav"
    recorder = subprocess.Popen(["parec", "--device=vsink.monitor", "--rate=16000", "--channels=1",
                                 "--format=s16le", "--file-format=wav", str(heard)], env=pulse)
    try:
        child, code, err = listen_twice(pulse, full_home, tmp_path)
    finally:
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
