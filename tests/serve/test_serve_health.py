"""``/health?full=1`` (issue 25.1): the quick self-test's result per part, run by the server at
start on the engines it loaded (and daily), behind the token; plain ``/health`` stays open and
cheap. Bit rot in the bundled speech model (a copy of the installed package first on
PYTHONPATH, rotted in place with size and time kept) makes it 503 and name hearing."""
from __future__ import annotations

import os
import time
from pathlib import Path

from serve_support import start


def _full(served, deadline_s: float = 120.0):
    """``/health?full=1`` once the first self-test has run."""
    end = time.monotonic() + deadline_s
    with served.http() as http:
        while True:
            reply = http.get("/health", params={"full": "1"})
            if reply.json().get("selftest") is not None or time.monotonic() > end:
                return reply
            time.sleep(0.5)


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


def test_bit_rot_in_the_bundled_speech_model_is_found_at_start(tmp_path, monkeypatch):
    """The installed tiny.en's weights, copied first on PYTHONPATH, verified once (the stamp),
    then rotted in place with size and time kept: the server's start-up hash finds it, hearing
    is refused (never loaded with rotten weights) and /health?full=1 names it."""
    import subprocess
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "faults"))
    from test_faults_bitrot import copy_package, rot

    from assistant.models import packaged

    file = packaged.TINY_EN_FILES[0]
    site = tmp_path / "site"
    damaged = copy_package(site, file.package, file.path)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(
        p for p in (str(site), os.environ.get("PYTHONPATH")) if p))
    subprocess.run([sys.executable, "-c", "from assistant.models import packaged as p; "
                    "p.verified(p.TINY_EN_FILES[0], stage='test')"], check=True, timeout=120)
    rot(damaged)
    served = start(tmp_path / "rot", config='[asr]\nlanguage = "en"\n[tts]\nengine = "none"\n')
    try:
        reply = _full(served)
        body = reply.json()
        assert reply.status_code == 503 and body["status"] == "failed", body
        hearing = body["selftest"]["parts"]["hearing"]
        assert hearing["status"] == "failed" and file.name in hearing["detail"], hearing
        assert file.package.install in hearing["fix"], hearing
        assert body["selftest"]["parts"]["eyes"]["status"] == "ok"
    finally:
        served.stop()
