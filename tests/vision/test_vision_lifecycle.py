"""Engine lifecycle: the factory keeps an engine while only run-time settings change, and
closes (frees) it when a load-time setting needs another model.

Tiny random-weight BLIP-2 and LLaVA folders, loaded through the factory as a user's would be.
A GPU's memory cannot be measured here; that the model object itself is released (a weak
reference to it dies) is what lets ``torch.cuda.empty_cache`` give the memory back.
"""
from __future__ import annotations

import dataclasses
import gc
import sys
import weakref
from pathlib import Path

import pytest

from assistant.config import AppConfig, AsrConfig, TtsConfig
from assistant.events import ModelLoading, ModelUnloaded
from assistant.engines.factory import EngineFactory
from assistant.paths import AppPaths
from assistant.vision.blip2 import Blip2Engine
from assistant.vision.grounding import GroundedEngine

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tiny_vlm import build_tiny_llava  # noqa: E402


def _factory(tmp_path, events: list):
    paths = AppPaths(tmp_path / "config", tmp_path / "cache", tmp_path / "data")
    return EngineFactory(paths, on_event=events.append)


def _blip2_config(folder, **vision):
    return AppConfig().with_overrides(vision={"engine": "blip2", "blip2_model": str(folder),
                                              "max_new_tokens": 3, **vision}).vision


def _loads(events, model=None) -> int:
    return sum(isinstance(e, ModelLoading) and (model is None or e.model == str(model))
               for e in events)


def test_temperature_keeps_the_engine_and_a_new_model_closes_the_old(
        tmp_path, tiny_blip2, tiny_blip2_t5, photo):
    events: list = []
    factory = _factory(tmp_path, events)
    config = _blip2_config(tiny_blip2, grounding=False)
    first = factory.vision(config)
    assert isinstance(first, Blip2Engine)
    first.answer(photo("coffee"), "What is this?")
    model = weakref.ref(first._lazy.loaded[1])

    warmer = dataclasses.replace(config, temperature=0.7, do_sample=True)
    again = factory.vision(warmer)
    assert again is first                       # no new engine built ...
    assert (first.generation.temperature, first.generation.do_sample) == (0.7, True)
    again.answer(photo("coffee"), "What is this?")
    assert _loads(events) == 1                  # ... and no reload
    assert not [e for e in events if isinstance(e, ModelUnloaded)]

    other = factory.vision(dataclasses.replace(warmer, blip2_model=str(tiny_blip2_t5)))
    assert other is not first and isinstance(other, Blip2Engine)
    assert first._lazy.loaded is None and len(first._frames) == 0   # closed: nothing held
    gc.collect()
    assert model() is None, "the old model is still referenced somewhere"
    unloaded = [e for e in events if isinstance(e, ModelUnloaded)]
    assert [(e.stage, e.model, e.reason) for e in unloaded] == \
        [("vision", first.name, "replaced")]
    assert other.generation.temperature == 0.7  # the new engine has the current settings
    factory.close()


def test_history_turns_and_grounding_change_without_a_reload(tmp_path, tiny_blip2, photo):
    events: list = []
    factory = _factory(tmp_path, events)
    config = _blip2_config(tiny_blip2)          # grounded, as by default
    grounded = factory.vision(config)
    assert isinstance(grounded, GroundedEngine)
    grounded.load()
    assert factory.vision(dataclasses.replace(config, history_turns=1)) is grounded
    assert factory.vision(dataclasses.replace(config, max_new_tokens=7)) is grounded
    assert grounded.vlm.generation.max_new_tokens == 7
    bare = factory.vision(dataclasses.replace(config, grounding=False))
    assert bare is grounded.vlm                 # the same loaded model, ungrounded
    assert factory.vision(config) is grounded
    assert _loads(events, tiny_blip2) == 1      # (the grounding models load once too)
    factory.close()
    assert grounded.vlm._lazy.loaded is None


def test_llava_takes_history_length_and_closes_on_another_folder(tmp_path, photo):
    events: list = []
    factory = _factory(tmp_path, events)
    first_folder = build_tiny_llava(tmp_path / "llava-a")
    second_folder = build_tiny_llava(tmp_path / "llava-b")
    config = AppConfig().with_overrides(vision={
        "engine": "llava", "llava_model": str(first_folder), "max_new_tokens": 2,
        "grounding": False, "history_turns": 3}).vision
    engine = factory.vision(config)
    engine.load()
    model = weakref.ref(engine._lazy.loaded[1])
    assert engine.history_turns == 3
    same = factory.vision(dataclasses.replace(config, history_turns=1, temperature=0.5))
    assert same is engine and engine.history_turns == 1
    assert engine.generation.temperature == 0.5
    assert _loads(events) == 1

    newer = factory.vision(dataclasses.replace(config, llava_model=str(second_folder)))
    assert newer is not engine
    assert engine._lazy.loaded is None
    gc.collect()
    assert model() is None
    assert [e.model for e in events if isinstance(e, ModelUnloaded)] == [engine.name]
    engine.close()                              # twice is harmless
    factory.close()


def test_bad_run_time_values_are_refused_as_at_construction(tiny_blip2):
    engine = Blip2Engine(str(tiny_blip2), device="cpu")
    with pytest.raises(ValueError):
        engine.configure(temperature=0.0)
    with pytest.raises(TypeError):
        engine.configure(temprature=0.5)        # a misspelt setting is not silently ignored
    assert engine.generation.temperature == 1.0


def test_a_closed_engine_loads_again_when_used(tiny_blip2, photo):
    events: list = []
    engine = Blip2Engine(str(tiny_blip2), device="cpu", max_new_tokens=2, on_event=events.append)
    engine.answer(photo("coffee"), "What is this?")
    engine.close()
    engine.close()
    assert engine.answer(photo("coffee"), "What is this?").text
    assert _loads(events) == 2


def test_transcriber_keeps_its_models_across_language_changes(tmp_path):
    events: list = []
    factory = _factory(tmp_path, events)
    first = factory.transcriber(AsrConfig(language="en"))    # built lazily: nothing loads yet
    assert factory.transcriber(AsrConfig(language="de", beam_size=3)) is first
    assert first.config.language == "de" and first.config.beam_size == 3
    other = factory.transcriber(AsrConfig(language="de", compute_type="float32"))
    assert other is not first
    assert [e.stage for e in events if isinstance(e, ModelUnloaded)] == ["asr"]
    factory.close()


def test_speaker_keeps_its_voice_across_rate_changes(tmp_path):
    events: list = []
    factory = _factory(tmp_path, events)
    first = factory.speaker(TtsConfig(engine="pyttsx3", play=False))
    faster = factory.speaker(TtsConfig(engine="pyttsx3", play=False, rate=1.5))
    assert faster is first and first._rate == 1.5
    other = factory.speaker(TtsConfig(engine="pyttsx3", voice="gmw/en-us", play=False))
    assert other is not first and first._closed
    assert [e.stage for e in events if isinstance(e, ModelUnloaded)] == ["tts"]
    # One engine per role: replacing the speaker left the others alone.
    vision = factory.vision(AppConfig().with_overrides(vision={"engine": "embedded"}).vision)
    assert set(factory._cache) == {"tts", "vision"} and factory._cache["vision"] is vision
    factory.close()
    assert other._closed and factory._cache == {}
