"""LLaVA and BLIP stream their answers and stop when the turn is cancelled (tiny random
models of the real architectures, on disk)."""
from __future__ import annotations

import threading
import time

import pytest

from assistant.cancel import CancelToken, Cancelled
from assistant.conversation.history import Turn
from assistant.vision import stream_answer
from assistant.vision.blip import BlipEngine
from assistant.vision.llava import LlavaEngine
from assistant.vision.streaming import THREAD_NAME

PHOTOS = ("coffee", "astronaut", "chelsea")


@pytest.fixture(autouse=True)
def no_thread_left_behind():
    yield
    assert [t for t in threading.enumerate() if t.name == THREAD_NAME and t.is_alive()] == []


def _same_text_streamed(engine, image, question, history=()):
    whole = engine.answer(image, question, history)
    streamed = stream_answer(engine, image, question, history)
    pieces = list(streamed)
    assert "".join(pieces) == whole.text == streamed.answer.text
    assert all(piece.startswith(" ") for piece in pieces[1:])   # whole words only
    assert streamed.answer.details["prompt"] == whole.details["prompt"]
    return whole, streamed.answer


def test_llava_stream_joins_to_its_answer(tiny_llava, photo):
    engine = LlavaEngine(str(tiny_llava), device="cpu", max_new_tokens=16)
    history = (Turn("what is this", "a cup of coffee"),)
    for name in PHOTOS:
        whole, streamed = _same_text_streamed(engine, photo(name), "what colour is it?", history)
        assert streamed.details["new_tokens"] <= whole.details["new_tokens"]
        assert streamed.details["turns_used"] == 1 and streamed.details["image_tokens"] == 16


@pytest.mark.parametrize("question", ["is it on a table?", "Describe the scene"],
                         ids=["vqa", "caption"])
def test_blip_stream_joins_to_its_answer(tiny_blip_vqa, tiny_blip_caption, photo, question):
    engine = BlipEngine(str(tiny_blip_vqa), str(tiny_blip_caption), device="cpu",
                        max_new_tokens=10)
    for name in PHOTOS:
        whole, streamed = _same_text_streamed(engine, photo(name), question)
        assert streamed.details["mode"] == whole.details["mode"]
        assert streamed.details["new_tokens"] == whole.details["new_tokens"]


def test_llava_cancelled_after_the_first_piece_stops_early(tiny_llava, photo):
    engine = LlavaEngine(str(tiny_llava), device="cpu", max_new_tokens=200, min_new_tokens=200)
    engine.load()
    _, model, _, _ = engine._lazy.loaded
    passes = []
    handle = model.register_forward_hook(lambda *args: passes.append(1))
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
    assert len(pieces) == 1 and len(passes) - at_cancel <= 2 and len(passes) < 60
    assert took < 1.0


def test_blip_generation_error_reaches_the_caller(tiny_blip_vqa, photo):
    engine = BlipEngine(str(tiny_blip_vqa), None, device="cpu", max_new_tokens=10)
    engine.load()
    _, model, _, _ = engine._vqa.loaded

    def fail(*args):
        raise RuntimeError("boom in the decoder")

    handle = model.text_decoder.register_forward_hook(fail)
    try:
        with pytest.raises(RuntimeError, match="boom"):
            list(engine.stream(photo("coffee"), "is it on a table?"))
    finally:
        handle.remove()


def test_configure_changes_generation_without_a_reload(tiny_llava, tiny_blip_vqa, photo):
    llava = LlavaEngine(str(tiny_llava), device="cpu", max_new_tokens=2)
    llava.load()
    loaded = llava._lazy.loaded
    llava.configure(max_new_tokens=5, history_turns=0, temperature=0.5)
    assert llava._lazy.loaded is loaded and llava.generation.max_new_tokens == 5
    got = llava.answer(photo("coffee"), "what is it?", (Turn("q", "a"),))
    assert got.details["turns_used"] == 0 and got.details["new_tokens"] <= 5
    blip = BlipEngine(str(tiny_blip_vqa), None, device="cpu", max_new_tokens=2)
    blip.configure(max_new_tokens=1)
    assert blip.answer(photo("coffee"), "is it on a table?").details["new_tokens"] <= 1
    with pytest.raises(ValueError):
        blip.configure(history_turns=99)
    llava.close()
    blip.close()
    assert llava._lazy.loaded is None and blip._vqa.loaded is None
