"""``/health?full=1`` (issue 25.1): the quick self-test's result per part, run by the server at
start on the engines it loaded (and daily), behind the token; plain ``/health`` stays open and
cheap. A damaged speech model (a copy of the bundled tiny.en with 64 KiB of bit rot, pointed
at by ``asr.model``) makes it 503 and name hearing."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from serve_support import start

from assistant.asr import bundled


def _full(served, deadline_s: float = 600.0):
    """``/health?full=1`` once the first self-test has run."""
    end = time.monotonic() + deadline_s
    with served.http() as http:
        while True:
            reply = http.get("/health", params={"full": "1"})
            if reply.json().get("selftest") is not None or time.monotonic() > end:
                return reply
            time.sleep(0.5)


def _rotted_tiny_en(folder: Path) -> Path:
    real = bundled.tiny_en_path()
    folder.mkdir()
    for src in real.iterdir():
        (folder / src.name).symlink_to(src)
    (folder / "model.bin").unlink()
    shutil.copyfile(real / "model.bin", folder / "model.bin")
    size = (folder / "model.bin").stat().st_size
    with open(folder / "model.bin", "r+b") as handle:
        handle.seek(size // 2)
        handle.write(os.urandom(64 * 1024))
    return folder


def test_full_health_needs_the_token_and_reports_every_part(tmp_path):
    served = start(tmp_path / "ok", config='[tts]\nengine = "none"\n')
    try:
        with served.http(token="") as anonymous:
            plain = anonymous.get("/health")
            assert plain.status_code == 200 and "selftest" not in plain.json()
            refused = anonymous.get("/health", params={"full": "1"})
            assert refused.status_code == 401 and "selftest" not in refused.text
        with served.http(token="not-the-token-0000") as wrong:
            assert wrong.get("/health", params={"full": "1"}).status_code == 401
        reply = _full(served)
        body = reply.json()
        assert reply.status_code == 200 and body["status"] == "ok", body
        parts = body["selftest"]["parts"]
        assert body["selftest"]["sentence"] == "Everything works."
        assert parts["hearing"]["status"] == "ok" and "sign" in parts["hearing"]["detail"].lower()
        assert parts["eyes"]["status"] == "ok" and parts["voice"]["status"] == "off", parts
        assert body["selftest"]["elapsed_ms"] < 10_000, body["selftest"]   # the quick form
    finally:
        served.stop()


def test_a_damaged_speech_model_makes_full_health_fail_naming_hearing(tmp_path):
    folder = _rotted_tiny_en(tmp_path / "tiny")
    served = start(tmp_path / "bad", config=f'[asr]\nmodel = "{folder}"\nlanguage = "en"\n'
                                            '[tts]\nengine = "none"\n')
    try:
        with served.http(token="") as anonymous:
            assert anonymous.get("/health").status_code == 200   # it serves; the probe stays cheap
        reply = _full(served)
        body = reply.json()
        assert reply.status_code == 503 and body["status"] == "failed", body
        hearing = body["selftest"]["parts"]["hearing"]
        assert hearing["status"] == "failed" and hearing["fix"], hearing
        assert body["selftest"]["sentence"].startswith("I can't hear"), body
        assert body["selftest"]["parts"]["eyes"]["status"] == "ok"
    finally:
        served.stop()
