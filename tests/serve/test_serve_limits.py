"""The limits of ``assistant serve``: a full queue (429), sizes (413), binding rules, Ctrl+C.

A server started with ``workers = 1, queue = 1`` and small size limits in its config file.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

import pytest
from serve_support import QUESTION_WAV, ROOT, SIGN, data_url, sign_message, start


@pytest.fixture(scope="module")
def tight(tmp_path_factory):
    served = start(tmp_path_factory.mktemp("tight"), config=(
        "[serve]\nworkers = 1\nqueue = 1\nmax_image_mb = 0.05\nmax_text_chars = 200\n"
        "[tts]\nengine = \"none\"\n"))
    yield served
    if served.proc.poll() is None:
        served.stop(signal.SIGKILL)


def _error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert set(error) == {"message", "type", "param", "code"} and error["code"] == code
    assert "Traceback" not in response.text
    return error


def test_a_flood_beyond_workers_and_queue_gets_429_and_the_rest_answers(tight):
    statuses: list[int] = []
    bodies: list[dict] = []
    lock = threading.Lock()
    start_together = threading.Barrier(12)
    audio = QUESTION_WAV.read_bytes()

    def one() -> None:
        with tight.http() as http:
            start_together.wait(30)
            r = http.post("/v1/audio/transcriptions", data={"model": "whisper-1"},
                          files={"file": ("q.wav", audio, "audio/wav")})
        with lock:
            statuses.append(r.status_code)
            bodies.append(r.json() | {"_retry": r.headers.get("retry-after")})

    threads = [threading.Thread(target=one) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert len(statuses) == 12 and set(statuses) <= {200, 429}, statuses
    assert statuses.count(200) >= 2 and statuses.count(429) >= 1, statuses
    for status, body in zip(statuses, bodies):
        if status == 200:
            assert "sign" in body["text"].lower()
        else:
            assert body["error"]["code"] == "queue_full"
            assert body["error"]["type"] == "rate_limit_error" and body["_retry"] == "1"
    # The queue drains: the next request is answered.
    with tight.http() as http:
        r = http.post("/v1/audio/transcriptions", data={"model": "whisper-1"},
                      files={"file": ("q.wav", audio, "audio/wav")})
    assert r.status_code == 200


def test_too_large_is_413(tight):
    with tight.http() as http:
        # sign.jpg is 56 kB; this server takes pictures up to 50 kB.
        _error(http.post("/v1/chat/completions", json={"model": "embedded",
                                                       "messages": [sign_message()]}),
               413, "image_too_large")
        _error(http.post("/vqa", files={"image": ("sign.jpg", SIGN.read_bytes())},
                         data={"question": "What does it say?"}), 413, "image_too_large")
        # Refused from Content-Length, before the body is read.
        _error(http.post("/caption", files={"image": ("big.jpg", b"\xff" * 400_000)}), 413, "too_large")
        # No Content-Length (chunked): refused as the body passes the limit.
        chunked = (b"x" * 10_000 for _ in range(30))
        _error(http.post("/v1/audio/speech", content=chunked,
                         headers={"content-type": "application/json"}), 413, "too_large")
        _error(http.post("/v1/chat/completions", json={"model": "embedded", "messages": [
            {"role": "user", "content": [{"type": "text", "text": "why " * 100},
                                         {"type": "image_url", "image_url": {"url": data_url()}}]}]}),
               413, "text_too_long")


def test_ctrl_c_stops_with_130(tight):
    assert tight.stop(signal.SIGINT) == 130
    assert "Stopped." in "".join(tight.stderr)


def _cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=ROOT, text=True,
                          capture_output=True, timeout=60, env=env)


def test_beyond_loopback_without_a_token_refuses_to_start():
    env = {k: v for k, v in os.environ.items() if k != "ASSISTANT_API_TOKEN"}
    done = _cli("serve", "--host", "0.0.0.0", "--port", "0", env=env)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "token" in lines[0]


def test_loopback_without_a_token_makes_one_for_the_run_and_answers_only_local_names(tmp_path):
    import re

    served = start(tmp_path, token="", config="[tts]\nengine = \"none\"\n")
    try:
        made = re.search(r"this run's token: (\S+)", served.ready_line)
        assert made, served.ready_line
        with served.http(token="") as http:
            _error(http.get("/v1/models"), 401, "unauthorized")
            assert http.get("/health").status_code == 200
        with served.http(token=made.group(1)) as http:
            assert http.get("/v1/models").status_code == 200
            # A web page whose name was rebound to 127.0.0.1 (DNS rebinding) is refused.
            _error(http.get("/v1/models", headers={"Host": "evil.example:80"}), 403, "bad_host")
    finally:
        assert served.stop(signal.SIGTERM) == 0


def test_a_request_past_its_timeout_gets_504_and_the_server_goes_on(tmp_path):
    import io
    import wave

    import numpy as np

    with wave.open(str(QUESTION_WAV)) as w:
        speech = np.frombuffer(w.readframes(w.getnframes()), "<i2")
        rate = w.getframerate()
    gap = np.zeros(rate // 2, "<i2")
    long = np.concatenate([np.concatenate([speech, gap]) for _ in range(90)])   # about 4 min
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(long.tobytes())
    served = start(tmp_path, config="[serve]\nrequest_timeout_s = 3.0\n[tts]\nengine = \"none\"\n")
    try:
        with served.http() as http:
            error = _error(http.post("/v1/audio/transcriptions", data={"model": "whisper-1"},
                                     files={"file": ("long.wav", out.getvalue())}), 504, "timeout")
            assert "request_timeout_s" in error["message"]
            # The stopped work ends at its next segment, and its slot with it; on a busy machine
            # that can take a moment, so a question right after may itself time out once.
            for _attempt in range(3):
                short = http.post("/v1/audio/transcriptions", data={"model": "whisper-1"},
                                  files={"file": ("q.wav", QUESTION_WAV.read_bytes())})
                if short.status_code != 504:
                    break
        assert short.status_code == 200 and "sign" in short.json()["text"].lower()
    finally:
        assert served.stop(signal.SIGTERM) == 0


def test_a_short_token_beyond_loopback_refuses_to_start():
    env = {**os.environ, "ASSISTANT_API_TOKEN": "abc"}
    done = _cli("serve", "--host", "0.0.0.0", "--port", "0", env=env)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert lines[0].startswith("error:") and "3 characters" in lines[0] and "16" in lines[0]


def test_deeply_nested_json_is_a_400_not_a_500(tmp_path):
    served = start(tmp_path, config="[tts]\nengine = \"none\"\n")
    try:
        with served.http() as http:
            r = http.post("/v1/chat/completions", content=b"[" * 5000 + b"]" * 5000,
                          headers={"content-type": "application/json"})
            _error(r, 400, "invalid_json")
            assert http.get("/health").status_code == 200
    finally:
        assert served.stop(signal.SIGTERM) == 0


def test_a_lone_surrogate_in_a_log_line_does_not_switch_the_log_off(tmp_path):
    """A client's text with a lone UTF-16 surrogate used to make the log file's encoder fail,
    which the log took for a broken disk: nothing more was logged in that run."""
    code = ("import logging, sys\nfrom pathlib import Path\n"
            "from assistant.cli import _setup_logging\nfrom assistant.paths import app_paths\n"
            "_setup_logging(app_paths(), False)\n"
            "logging.getLogger('t').warning('question %s', 'what is \\ud800 this')\n"
            "logging.getLogger('t').warning('the next line')\n")
    env = {**os.environ, "ASSISTANT_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0 and "cannot be written" not in done.stderr, done.stderr
    log = next(tmp_path.rglob("assistant.log")).read_text(encoding="utf-8")
    assert "question what is \\ud800 this" in log and "the next line" in log
