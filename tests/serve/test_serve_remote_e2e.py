"""One assistant using another as its remote engine, end to end, over real HTTP.

The server is a real ``assistant serve`` (embedded vision, Whisper here, the local voice);
the client is ``assistant ask`` with vision, speech recognition and speech all set to
"openai" and ``[remote]`` pointing at it. Then the server goes away and the client answers
with its own engines, saying so once.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest
from serve_support import QUESTION_WAV, ROOT, SIGN, start, words

TOKEN = "e2e-token-for-the-kiosks"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    served = start(tmp_path_factory.mktemp("gpu-box"), token=TOKEN,
                   config='[tts]\nengine = "auto"\n')
    yield served
    if served.proc.poll() is None:
        served.stop(signal.SIGKILL)


def _kiosk_config(folder: Path, base_url: str, *, token: str = TOKEN) -> Path:
    config = folder / "kiosk.toml"
    config.write_text(
        '[asr]\nengine = "openai"\nlanguage = "en"\n\n[vision]\nengine = "openai"\n\n'
        '[tts]\nengine = "openai"\nplay = false\n\n'
        f'[remote]\nbase_url = "{base_url}"\napi_key = "{token}"\ntimeout_s = 60.0\nretries = 0\n')
    return config


def _ask(config: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant", "--config", str(config), "ask",
                           "--image", str(SIGN), "--json", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PYTHONWARNINGS": "ignore"})


def _audio(path: Path) -> np.ndarray:
    with wave.open(str(path)) as w:
        assert w.getframerate() >= 8000 and w.getnframes() > w.getframerate() // 2
        return np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)


def test_a_kiosk_answers_through_another_assistant(server, tmp_path):
    host = server.url.removeprefix("http://")
    config = _kiosk_config(tmp_path, server.api)
    speech = tmp_path / "answer.wav"
    run = _ask(config, "--audio", str(QUESTION_WAV), "--speak-to", str(speech))
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    # The server heard and spoke, and ask --json says so. The question is a reading one:
    # OCR on the kiosk read the sign (as for a local VLM), the server was not asked, so
    # the vision engine named is the kiosk's own.
    assert result["engines"]["asr"].startswith("openai:whisper-1@" + host), result["engines"]
    assert result["engines"]["vision"] == "embedded on cpu", result["engines"]
    assert result["engines"]["tts"].startswith("openai:") and host in result["engines"]["tts"]
    # The server's Whisper heard the recording; the sign was read.
    assert {"sign", "say"} <= words(result["transcript"]), result["transcript"]
    assert "LAUNCH PAD" in result["answer"].upper()
    # The server's voice spoke the answer: real audio, not silence.
    assert np.abs(_audio(speech)).max() > 1000
    assert "note:" not in run.stderr, run.stderr


def test_a_description_is_the_servers_answer_with_what_the_kiosk_measured(server, tmp_path):
    config = _kiosk_config(tmp_path, server.api)
    run = _ask(config, "--text", "Describe the picture for me.")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["engines"]["vision"].startswith("openai:")
    assert result.get("details", {}).get("read_by") != "ocr"
    # The server's embedded engine looked at the frame it was sent: the sign's words lead.
    assert {"launch", "pad"} <= words(result["answer"]), result["answer"]


def test_a_wrong_key_is_said_once_and_the_kiosk_still_answers(server, tmp_path):
    config = _kiosk_config(tmp_path, server.api, token="not-the-token")
    run = _ask(config, "--text", "Describe the picture for me.")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert {"launch", "pad"} <= words(result["answer"]), result["answer"]
    notes = [line for line in run.stderr.splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and "key" in notes[0].lower(), run.stderr
    assert "Traceback" not in run.stderr


def test_when_the_server_is_gone_the_kiosk_answers_itself_and_says_so_once(tmp_path):
    served = start(tmp_path / "gone", token=TOKEN, config='[tts]\nengine = "none"\n')
    api = served.api
    assert served.stop(signal.SIGTERM) == 0
    config = _kiosk_config(tmp_path, api)
    run = _ask(config, "--audio", str(QUESTION_WAV))
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert "LAUNCH PAD" in result["answer"].upper()
    assert {"sign", "say"} <= words(result["transcript"])
    # ask --json names the engines that really answered: the ones on this machine.
    assert not any(e.startswith("openai:") for e in result["engines"].values()), result["engines"]
    notes = [line for line in run.stderr.splitlines() if line.startswith("note:")]
    # One note per engine that could not reach it (speech recognition, vision), none twice.
    assert notes and len(notes) == len(set(notes)) <= 3, run.stderr
    assert all("cannot be reached" in n for n in notes), notes
    assert "Traceback" not in run.stderr
