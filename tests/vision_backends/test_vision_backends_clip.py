"""CLIP zero-shot labels through ClipLabeller, on a tiny random-weight CLIP saved to disk."""
from __future__ import annotations

import numpy as np
import pytest

from assistant.errors import ModelMissingError
from assistant.vision import VisionAnswer
from assistant.vision.clip import EVERYDAY_LABELS, TEMPLATE, ClipLabeller, spoken_guess


@pytest.fixture(scope="module")
def clip(tiny_clip):
    return ClipLabeller(str(tiny_clip), device="cpu")


def test_probabilities_match_the_plain_clip_call(clip, tiny_clip, photo):
    import torch
    from transformers import CLIPModel, CLIPProcessor

    image = photo("chelsea")
    got = clip.probabilities(image)
    assert got.shape == (len(EVERYDAY_LABELS),)
    assert got.sum() == pytest.approx(1.0, abs=1e-5)

    processor = CLIPProcessor.from_pretrained(tiny_clip)
    model = CLIPModel.from_pretrained(tiny_clip).eval()
    inputs = processor(text=[TEMPLATE.format(label) for label in EVERYDAY_LABELS], images=image,
                       padding=True, return_tensors="pt")
    with torch.inference_mode():
        expected = model(**inputs).logits_per_image.softmax(dim=-1)[0].numpy()
    np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-6)


def test_top_labels_are_ranked_and_follow_the_picture(clip, photo):
    tops = {}
    for name in ("coffee", "astronaut", "chelsea", "camera"):
        ranked = clip.top_labels(photo(name), k=4)
        assert len(ranked) == 4
        assert all(label in EVERYDAY_LABELS for label, _ in ranked)
        probs = [p for _, p in ranked]
        assert probs == sorted(probs, reverse=True) and 0 < probs[0] <= 1
        tops[name] = tuple(probs)
    assert len(set(tops.values())) == 4   # the pixels change the scores


def test_custom_labels(tiny_clip, photo):
    labeller = ClipLabeller(str(tiny_clip), device="cpu", labels=["a cat", "a dog", "a car"])
    ranked = labeller.top_labels(photo("chelsea"), k=5)
    assert sorted(label for label, _ in ranked) == ["a car", "a cat", "a dog"]
    assert sum(p for _, p in ranked) == pytest.approx(1.0, abs=1e-5)


def test_streams_its_whole_answer_in_one_piece_and_stops_when_cancelled(clip, photo):
    from assistant.cancel import CancelToken, Cancelled
    from assistant.vision import stream_answer

    whole = clip.answer(photo("coffee"), "what is this?")
    streamed = stream_answer(clip, photo("coffee"), "what is this?")
    assert list(streamed) == [whole.text] and streamed.answer == whole
    token = CancelToken()
    token.cancel("stop")
    with pytest.raises(Cancelled):
        clip.answer(photo("coffee"), "what is this?", cancel=token)
    with pytest.raises(Cancelled):
        next(clip.stream(photo("coffee"), "what is this?", cancel=token))


def test_answers_what_is_this_without_overclaiming(clip, photo):
    got = clip.answer(photo("coffee"), "what is this?")
    assert isinstance(got, VisionAnswer) and got.engine.startswith("clip:")
    best, p_best = got.details["labels"][0]
    assert best in got.text
    # Random weights spread the probability thin: the answer must say it is unsure.
    if p_best < 0.5:
        assert "not sure" in got.text


def test_spoken_guess_wording():
    assert spoken_guess([("a cup", 0.8), ("a mug", 0.1)]) == "It looks like a cup."
    assert spoken_guess([("a cup", 0.3), ("a mug", 0.2)]) == \
        "It might be a cup or a mug, but I am not sure."
    assert spoken_guess([]) == "I cannot tell what this is."


def test_missing_weights_and_bad_settings(tmp_path, photo):
    with pytest.raises(ModelMissingError) as caught:
        ClipLabeller(str(tmp_path / "clip"), device="cpu").top_labels(photo("coffee"))
    assert "CLIP" in caught.value.message
    assert "openai/clip-vit-base-patch32" in caught.value.hint
    with pytest.raises(ValueError):
        ClipLabeller(labels=["only one"])
    with pytest.raises(ValueError):
        ClipLabeller(template="no slot")
