"""End to end through a PulseAudio server with a virtual microphone and speaker.

``assistant listen`` runs in a child process recording from ``vmic.monitor`` and
playing into ``vsink``. The test speaks into ``vmic`` with paplay, records what
the assistant says from ``vsink.monitor``, and routes the assistant's voice back
into the microphone (module-loopback, turned down as a room would) so the
own-voice guard is exercised together with barge-in.
"""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from pulse_support import EventChild, pactl, pulse_server, room_echo
from voice_helpers import QUESTION, librivox, read_pcm16, silence, transcript_of, write_pcm16

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def pulse(tmp_path_factory):
    with pulse_server(tmp_path_factory.mktemp("pulse")) as env:
        yield env


def listen(env, home: Path, *args: str) -> EventChild:
    """``assistant listen --json`` with its events collected from stdout."""
    return EventChild([sys.executable, str(ROOT / "tests/voice/voice_listen_main.py"), "--json",
                       *args], cwd=ROOT,
                      # PYTHONFAULTHANDLER: a native abort says where (threads, frames).
                      env={**env, "ASSISTANT_HOME": str(home), "HF_HUB_OFFLINE": "1",
                           "PYTHONFAULTHANDLER": "1"})


def _words(text: str) -> set[str]:
    return set(text.lower().replace(".", "").replace(",", "").replace("!", "").replace("?", "").split())


def _overlap(text: str) -> bool:
    """Whether ``text`` has at least four words of the interruption (LibriVox 0880)."""
    return len(_words(text) & set(transcript_of("0880").split())) >= 4


def _of_the_interruption(text: str) -> bool:
    """Mostly words of the interruption: all of it, or a word a pause split off ("He.")."""
    words = _words(text)
    return bool(words) and len(words & set(transcript_of("0880").split())) >= len(words) / 2


def _rms_track(path: Path, step_s: float = 0.1) -> np.ndarray:
    audio = read_pcm16(path)
    n = int(step_s * 16000)
    return np.array([np.sqrt(np.mean(audio[i:i + n] ** 2)) for i in range(0, audio.shape[0] - n, n)])


def test_spoken_question_answered_aloud_own_voice_ignored_and_barge_in(pulse, tmp_path):
    question = write_pcm16(tmp_path / "q.wav", np.concatenate([read_pcm16(QUESTION), silence(0.3)]))
    interruption = write_pcm16(tmp_path / "i.wav", np.concatenate([librivox("0880"), silence(0.3)]))
    # The assistant's voice comes back into the microphone, 25 dB down and a little late.
    module = room_echo(pulse)
    heard = tmp_path / "speaker.wav"
    recorder = subprocess.Popen(["parec", "--device=vsink.monitor", "--rate=16000", "--channels=1",
                                 "--format=s16le", "--file-format=wav", str(heard)], env=pulse)
    child = listen(pulse, tmp_path / "home", "--image", str(ROOT / "resources/samples/sign.jpg"))
    try:
        child.wait_for("Listening", 120)
        time.sleep(0.5)
        subprocess.run(["paplay", "--device=vmic", str(question)], env=pulse, check=True, timeout=30)
        said = child.wait_for("Transcript", 30)
        assert "sign" in said["text"].lower()
        reply = child.wait_for("Reply", 30)
        spoken = " ".join([reply["answer"], *(n["message"] for n in reply["notices"])])
        assert len(spoken.split()) > 15  # the answer, then its notice: long enough to talk over
        timing = child.wait_for("TurnTimings", 30)
        assert timing["end_to_first_audio_s"] is not None
        time.sleep(3.0)  # the reply plays, and its echo reaches the microphone the whole time
        assert not [e for e in child.seen if e["event"] in ("BargedIn", "Transcript")][1:]

        subprocess.run(["paplay", "--device=vmic", str(interruption)], env=pulse, check=True, timeout=30)
        barge = child.wait_for("BargedIn", 20)   # a loaded machine can be slow to hear it
        assert barge["stop_ms"] < 200
        # A word the pause split off may come first as a turn of its own, then be joined into
        # the whole sentence's turn (TurnCancelled "continued"): wait for the whole one's reply.
        deadline = time.monotonic() + 30
        while not _overlap(child.wait_for("Reply", max(0.1, deadline - time.monotonic()))["question"]):
            pass
        time.sleep(2.0)
    finally:
        code, err = child.finish(signal.SIGTERM)
        recorder.send_signal(signal.SIGTERM)
        recorder.wait(timeout=10)
        pactl(pulse, "unload-module", module)
    assert code == 0, err
    transcripts = [e["text"] for e in child.seen if e["event"] == "Transcript"]
    # The echo of the replies never became a question: after the question, everything heard
    # is the interruption (whole, or a word of it first split off by a pause, then joined).
    assert "sign" in transcripts[0].lower()
    assert all(_of_the_interruption(t) for t in transcripts[1:]), transcripts
    assert any(_overlap(t) for t in transcripts[1:]), transcripts
    assert "Traceback" not in err
    loud = _rms_track(heard) > 0.01
    assert loud.sum() * 0.1 > 3.0  # the answers were really played on the speaker
