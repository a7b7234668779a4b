"""BLIP-2 follow-up questions reuse the frame's image encoding and still give exactly the tokens
that transformers' own ``Blip2ForConditionalGeneration.generate`` gives (OPT and Flan-T5)."""
from __future__ import annotations

import pytest

from assistant.conversation.history import Turn
from assistant.conversation.prompt import blip2_prompt
from assistant.vision.blip2 import Blip2Engine
from assistant.vision.blip2_parts import GenerationSettings
from assistant.vision.hf_common import new_tokens

SETTINGS = [{}, {"num_beams": 2, "repetition_penalty": 1.3, "length_penalty": 0.8,
                 "min_new_tokens": 3}]


def reference_ids(engine: Blip2Engine, image, prompt: str, **settings) -> list[int]:
    """The plain transformers call (processor + generate) on the engine's own loaded model."""
    import torch

    processor, model, _ = engine._lazy.loaded
    inputs = processor(images=image, text=prompt, return_tensors="pt")
    with torch.inference_mode():
        out = model.generate(**inputs, **GenerationSettings(max_new_tokens=8, **settings).kwargs())
    return new_tokens(out[0], inputs["input_ids"][0]).tolist()


@pytest.fixture(scope="module", params=["opt", "flan-t5"])
def folder(request, tiny_blip2_lively, tiny_blip2_t5):
    return tiny_blip2_lively if request.param == "opt" else tiny_blip2_t5


@pytest.mark.parametrize("settings", SETTINGS, ids=["greedy", "beams"])
def test_cached_and_plain_generation_give_identical_tokens(folder, settings, photo):
    engine = Blip2Engine(str(folder), device="cpu", max_new_tokens=8, **settings)
    astronaut, cat = photo("astronaut"), photo("chelsea")
    first = engine.answer(astronaut, "What is in the picture?")
    history = (Turn("What is in the picture?", first.text),)
    follow = engine.answer(astronaut, "What colour is it?", history)
    other = engine.answer(cat, "What colour is it?", history)

    assert (first.details["image_encoding"], follow.details["image_encoding"],
            other.details["image_encoding"]) == ("computed", "reused", "computed")
    for image, answer in ((astronaut, first), (astronaut, follow), (cat, other)):
        expected = reference_ids(engine, image, answer.details["prompt"], **settings)
        assert list(answer.details["answer_ids"]) == expected
    if not settings:
        # Greedy answers depend on the picture here: a stale encoding would not go unnoticed.
        assert follow.details["answer_ids"] != other.details["answer_ids"]


def test_least_recently_used_frame_is_dropped(tiny_blip2_lively, photo):
    engine = Blip2Engine(str(tiny_blip2_lively), device="cpu", max_new_tokens=2, cache_frames=2)
    a, b, c = photo("astronaut"), photo("chelsea"), photo("coffee")

    def how(image) -> str:
        return engine.answer(image, "What is this?").details["image_encoding"]

    assert [how(a), how(b), how(a), how(c), how(a), how(b)] == \
        ["computed", "computed", "reused", "computed", "reused", "computed"]


def test_cache_can_be_turned_off(tiny_blip2_lively, photo):
    engine = Blip2Engine(str(tiny_blip2_lively), device="cpu", max_new_tokens=2, cache_frames=0)
    cat = photo("chelsea")
    assert [engine.answer(cat, "What?").details["image_encoding"] for _ in range(2)] == \
        ["computed", "computed"]


def test_same_pixels_in_a_new_image_object_reuse_the_encoding(tiny_blip2_lively, photo):
    engine = Blip2Engine(str(tiny_blip2_lively), device="cpu", max_new_tokens=2)
    engine.answer(photo("coffee"), "What is this?")
    again = engine.answer(photo("coffee").copy(), "Is it hot?")
    assert again.details["image_encoding"] == "reused"


def test_flan_t5_answer_is_text(tiny_blip2_t5, photo):
    engine = Blip2Engine(str(tiny_blip2_t5), device="cpu", max_new_tokens=6)
    answer = engine.answer(photo("coffee"), "What is on the table?")
    assert answer.text and answer.details["image_tokens"] == 4
    assert answer.details["prompt"] == blip2_prompt("What is on the table?")
    assert answer.details["new_tokens"] >= 1


def _jittered(image, seed: int = 3):
    """The same view a moment later: sensor noise and a hand that moved a few pixels."""
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(seed)
    pixels = np.asarray(image, dtype=np.float64)
    later = np.roll(np.clip(pixels + rng.normal(0, 6, pixels.shape), 0, 255), (4, 6), axis=(0, 1))
    return Image.fromarray(later.astype(np.uint8))


def test_a_live_frame_of_the_same_view_reuses_the_encoding(tiny_blip2_lively, photo):
    engine = Blip2Engine(str(tiny_blip2_lively), device="cpu", max_new_tokens=2)
    coffee = photo("coffee")
    assert engine.answer(coffee, "What is this?").details["image_encoding"] == "computed"
    assert engine.answer(_jittered(coffee), "Is it hot?").details["image_encoding"] == "reused"
    assert engine.answer(photo("chelsea"), "Is it hot?").details["image_encoding"] == "computed"
    still = Blip2Engine(str(tiny_blip2_lively), device="cpu", max_new_tokens=2, scene_window_s=0)
    still.answer(coffee, "What is this?")
    assert still.answer(_jittered(coffee), "Is it hot?").details["image_encoding"] == "computed"


def test_scene_matches_expire_after_the_window():
    from assistant.vision.blip2_parts import FrameCache

    now = [100.0]
    cache = FrameCache(4, window_s=10.0, clock=lambda: now[0])
    cache.put("frame-1", "encoding", scene="ffff0000ffff0000")
    assert cache.get("frame-2", scene="ffff0000ffff0001") == "encoding"   # one bit apart
    assert cache.get("frame-2", scene="0000ffff0000ffff") is None         # another view
    now[0] += 10.5
    assert cache.get("frame-2", scene="ffff0000ffff0001") is None         # too long ago
    assert cache.get("frame-1") == "encoding"                             # exact frames still hit
