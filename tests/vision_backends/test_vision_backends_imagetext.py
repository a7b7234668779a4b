"""Today's image-text-to-text models through ImageTextEngine, on tiny random-weight models of
three architectures besides BLIP-2 (SmolVLM/Idefics3, Gemma 3, LLaVA 1.5 through the same
path), each saved as a user's folder and loaded back through the factory the CLI, the window
and ``serve`` use (``vision.engine = "imagetext"``)."""
from __future__ import annotations

import gc
import threading
import time
import weakref
from pathlib import Path

import pytest
from PIL import Image

from assistant.cancel import CancelToken, Cancelled
from assistant.config import AppConfig
from assistant.conversation.history import Turn
from assistant.conversation.sessions import SessionStore
from assistant.engines.factory import EngineFactory
from assistant.errors import DependencyMissingError, ModelMissingError
from assistant.events import ModelLoaded, ModelLoading
from assistant.paths import AppPaths
from assistant.pipeline import Assistant
from assistant.vision import stream_answer
from assistant.vision.grounding import GroundedEngine
from assistant.vision.imagetext import ImageTextEngine
from assistant.vision.streaming import THREAD_NAME

ARCHS = ("smolvlm", "gemma3", "llava-1.5")
FAMILY = {"smolvlm": "idefics3", "gemma3": "gemma3", "llava-1.5": "llava"}
SIGN = Path(__file__).resolve().parents[2] / "resources" / "samples" / "sign.jpg"


@pytest.fixture(autouse=True)
def no_thread_left_behind():
    yield
    assert [t for t in threading.enumerate() if t.name == THREAD_NAME and t.is_alive()] == []


def _factory(tmp_path, events=None):
    paths = AppPaths(tmp_path / "config", tmp_path / "cache", tmp_path / "data")
    return EngineFactory(paths, on_event=None if events is None else events.append), paths


def _config(folder, **vision):
    return AppConfig().with_overrides(vision={"engine": "imagetext",
                                              "imagetext_model": str(folder),
                                              "max_new_tokens": 8, **vision}).vision


@pytest.mark.parametrize("arch", ARCHS)
def test_grounded_answers_follow_ups_and_close(tmp_path, tiny_imagetext, arch):
    """Through the factory, grounded: the measured text is in the prompt the model gets, a
    follow-up carries the earlier turn, streamed equals unstreamed, close frees the model."""
    folder = tiny_imagetext(arch)
    factory, paths = _factory(tmp_path)
    engine = factory.vision(_config(folder))
    assert isinstance(engine, GroundedEngine) and isinstance(engine.vlm, ImageTextEngine)
    sign = Image.open(SIGN)
    assistant = Assistant(vision=engine, sessions=SessionStore(paths.sessions_dir))
    first = assistant.ask(sign, text="What is this?", session="s")
    assert first.engines["vision"].startswith(f"imagetext:{folder}")
    grounding = first.details["grounding"]
    assert 'Text in the picture: "' in grounding and "launch" in grounding.lower()
    assert grounding in first.details["prompt"]            # what the model was given
    assert first.details["family"] == FAMILY[arch] and first.details["image_tokens"] > 0
    second = assistant.ask(sign, text="Is it red?", session="s")
    prompt = second.details["prompt"]
    said = " ".join(first.answer.split())
    assert prompt.index("What is this?") < prompt.index(said) < prompt.index("Is it red?")
    assert second.details["turns_used"] == 1 and prompt.count("What is this?") == 1

    whole = engine.answer(sign, "What colour is it?")
    streamed = stream_answer(engine, sign, "What colour is it?")
    assert "".join(streamed) == whole.text == streamed.answer.text
    assert streamed.answer.details["prompt"] == whole.details["prompt"]

    model = weakref.ref(engine.vlm._lazy.loaded.model)
    factory.close()
    gc.collect()
    assert engine.vlm._lazy.loaded is None and model() is None


@pytest.mark.parametrize("arch", ARCHS)
def test_stream_equals_answer_and_the_encoding_is_reused(tiny_imagetext, photo, arch):
    folder = tiny_imagetext(arch)
    engine = ImageTextEngine(str(folder), device="cpu", max_new_tokens=12)
    fresh = ImageTextEngine(str(folder), device="cpu", max_new_tokens=12, cache_frames=0)
    history = (Turn("what is this", "a cup of coffee"),)
    texts = set()
    for name in ("coffee", "astronaut"):
        image = photo(name)
        whole = engine.answer(image, "what colour is it?", history)
        streamed = stream_answer(engine, image, "what colour is it?", history)
        pieces = list(streamed)
        assert "".join(pieces) == whole.text == streamed.answer.text
        assert all(piece.startswith(" ") for piece in pieces[1:])   # whole words only
        assert whole.details["image_encoding"] == "computed"
        assert streamed.answer.details["image_encoding"] == "reused"
        plain = fresh.answer(image, "what colour is it?", history)
        assert plain.details["image_encoding"] == "pixels" and plain.text == whole.text
        texts.add(whole.text)
    assert len(texts) == 2   # the picture reaches the words


@pytest.mark.parametrize("arch", ARCHS)
def test_cancel_stops_generation_within_a_token(tiny_imagetext, photo, arch):
    engine = ImageTextEngine(str(tiny_imagetext(arch)), device="cpu", max_new_tokens=200,
                             min_new_tokens=200)
    engine.load()
    passes = []
    handle = engine._lazy.loaded.model.register_forward_hook(lambda *args: passes.append(1))
    token = CancelToken()
    pieces = []
    try:
        with pytest.raises(Cancelled):
            for piece in engine.stream(photo("coffee"), "what is this?", cancel=token):
                pieces.append(piece)
                at_cancel, started = len(passes), time.perf_counter()
                token.cancel()
        took = time.perf_counter() - started
    finally:
        handle.remove()
    assert len(pieces) == 1 and len(passes) - at_cancel <= 2 and len(passes) < 100
    assert took < 2.0
    engine.close()


def test_history_length_and_settings_change_without_a_reload(tiny_imagetext, photo):
    events = []
    engine = ImageTextEngine(str(tiny_imagetext("smolvlm")), device="cpu", max_new_tokens=3,
                             on_event=events.append)
    engine.load()
    engine.load()
    assert [type(e) for e in events] == [ModelLoading, ModelLoaded]
    loaded = engine._lazy.loaded
    engine.configure(history_turns=0, max_new_tokens=2, temperature=0.5)
    got = engine.answer(photo("coffee"), "what is it?", (Turn("earlier q", "earlier a"),))
    assert engine._lazy.loaded is loaded and got.details["new_tokens"] <= 2
    assert got.details["turns_used"] == 0 and "earlier q" not in got.details["prompt"]
    with pytest.raises(ValueError):
        engine.configure(history_turns=99)
    engine.close()
    engine.close()   # twice is harmless


def test_missing_model_is_announced_like_the_others(tmp_path, photo):
    events = []
    folder = tmp_path / "SmolVLM-256M-Instruct"
    folder.mkdir()
    (folder / "config.json").write_text("{}")   # half-copied: no weights
    engine = ImageTextEngine(str(folder), device="cpu", on_event=events.append)
    with pytest.raises(ModelMissingError) as caught:
        engine.answer(photo("coffee"), "what is this?")
    assert caught.value.code == "model_missing" and str(folder) in caught.value.message
    assert "vision.imagetext_model" in caught.value.hint
    assert events == []   # nothing was said to be loading


def test_a_model_without_chat_template_is_refused_in_plain_words(tiny_llava, photo):
    engine = ImageTextEngine(str(tiny_llava), device="cpu")
    with pytest.raises(ModelMissingError) as caught:
        engine.answer(photo("coffee"), "what is this?")
    assert caught.value.code == "model_broken" and "chat template" in caught.value.message
    engine.close()


def test_qwen2_vl_needs_torchvision_or_answers(tmp_path, photo):
    """transformers 5 builds the Qwen2-VL processor (it also reads video) only with torchvision;
    without it the user is told which package to install, not that the model is damaged."""
    import importlib.util

    from tiny_imagetext import build_tiny_qwen2_vl

    folder = build_tiny_qwen2_vl(tmp_path / "qwen2-vl")
    engine = ImageTextEngine(str(folder), device="cpu", max_new_tokens=4)
    if importlib.util.find_spec("torchvision") is None:
        with pytest.raises(DependencyMissingError) as caught:
            engine.answer(photo("coffee"), "what is this?")
        assert caught.value.package == "torchvision"
        assert "pip install torchvision" in caught.value.hint
    else:
        got = engine.answer(photo("coffee"), "what is this?")
        assert got.details["family"] == "qwen2_vl" and got.details["image_tokens"] > 0
