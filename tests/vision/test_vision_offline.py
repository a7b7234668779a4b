"""Offline by default: every from_pretrained we make asks for local files only (issue 10.8).

The tiny random-weight BLIP-2 is built and saved by the fixture and loaded through the real
engine; transformers' own ``from_pretrained`` is wrapped only to see what it was asked.
"""
from __future__ import annotations

import pytest

from assistant import offline
from assistant.vision.blip2 import Blip2Engine


@pytest.fixture
def calls(monkeypatch):
    import transformers

    seen: list[tuple[str, dict]] = []
    for cls in (transformers.Blip2Processor, transformers.Blip2ForConditionalGeneration):
        real = cls.from_pretrained.__func__

        def from_pretrained(klass, folder, *args, _real=real, **options):
            seen.append((klass.__name__, dict(options)))
            return _real(klass, folder, *args, **options)

        monkeypatch.setattr(cls, "from_pretrained", classmethod(from_pretrained))
    return seen


def test_blip2_loads_local_files_only(calls, tiny_blip2, coffee):
    engine = Blip2Engine(str(tiny_blip2), max_new_tokens=3)
    answer = engine.answer(coffee, "What is this?")
    assert answer.engine
    assert {name for name, _ in calls} == {"Blip2Processor", "Blip2ForConditionalGeneration"}
    assert all(options.get("local_files_only") is True for _, options in calls), calls
    engine.close()


def test_enforce_sets_the_hub_offline_unless_downloads_are_allowed(monkeypatch):
    env: dict[str, str] = {}
    assert offline.enforce(env) is True
    assert env == {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
    assert offline.hub_options() == {"local_files_only": True}
    try:
        allowed = {"ASSISTANT_ALLOW_DOWNLOADS": "1"}
        assert offline.enforce(allowed) is False
        assert allowed == {"ASSISTANT_ALLOW_DOWNLOADS": "1"}
        assert offline.hub_options() == {"local_files_only": False}
    finally:
        offline.enforce({})   # back to offline for the rest of the run
