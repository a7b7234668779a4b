"""Fixtures for tests/remote: a real OpenAI-compatible HTTP server on a free local port."""
from __future__ import annotations

from pathlib import Path

import pytest
from fake_openai_server import FakeOpenAIServer

from assistant.events import ErrorEvent
from assistant.paths import AppPaths, app_paths


@pytest.fixture
def server():
    with FakeOpenAIServer() as running:
        yield running


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return app_paths({"ASSISTANT_HOME": str(tmp_path / "home")})


@pytest.fixture
def sign(samples):
    from assistant.vision.image import load_image

    return load_image(samples / "sign.jpg")


class Notices(list):
    """Every event the engines emitted; ``codes`` the ErrorEvents' codes in order."""

    @property
    def codes(self) -> list[str]:
        return [e.code for e in self if isinstance(e, ErrorEvent)]

    def messages(self) -> list[str]:
        return [e.message for e in self if isinstance(e, ErrorEvent)]


@pytest.fixture
def events() -> Notices:
    return Notices()
