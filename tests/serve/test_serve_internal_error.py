"""A bug inside an engine reaches the client as a plain 500, its details only in the log."""
from __future__ import annotations

import asyncio
import logging

from fake_engines import FakeVision
from serve_support import sign_message

from assistant.cancel import NEVER
from assistant.config import AppConfig
from assistant.paths import app_paths
from assistant.serve.app import create_app
from assistant.serve.runtime import Runtime

SECRET = "/home/someone/private/notes.txt"


class BrokenVision(FakeVision):
    """A vision engine with a bug: it fails with a message naming a private file."""

    name = "embedded"

    def answer(self, image, question, history=(), *, context="", cancel=NEVER):
        raise KeyError(f"{SECRET} not in cache")


class BrokenRuntime(Runtime):
    def vision(self):
        return BrokenVision()


def test_an_unexpected_failure_is_500_internal_error_without_details(caplog):
    import httpx2

    config = AppConfig().with_overrides(tts={"engine": "none"}, asr={"engine": "local"})
    runtime = BrokenRuntime(config, app_paths(), workers=1)
    runtime.warm_up()
    app = create_app(runtime, tokens="t", loopback_only=True)

    async def ask():
        transport = httpx2.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx2.AsyncClient(transport=transport, base_url="http://localhost") as http:
            return await http.post("/v1/chat/completions", headers={"Authorization": "Bearer t"},
                                   json={"model": "embedded", "messages": [sign_message()]})

    try:
        with caplog.at_level(logging.ERROR):
            response = asyncio.run(ask())
    finally:
        runtime.close()
    assert response.status_code == 500
    error = response.json()["error"]
    assert error["code"] == "internal_error" and error["type"] == "server_error"
    assert SECRET not in response.text and "Traceback" not in response.text
    assert "KeyError" not in response.text
    assert SECRET in caplog.text      # the log keeps what happened
