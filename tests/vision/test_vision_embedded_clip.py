"""With CLIP weights in the models folder the embedded engine labels with CLIP instead of
the bundled ImageNet model, through the same from_pretrained code a user's real weights take. The model
here is a tiny random-weight CLIP, so its labels are near-uniform: nothing may be named."""
from __future__ import annotations

from pathlib import Path

import pytest
from tiny_vlm import build_tiny_clip

from assistant.vision.clip import DEFAULT_MODEL, EVERYDAY_LABELS, is_available
from assistant.notices import NO_VISION_MODEL
from assistant.vision.embedded import EmbeddedEngine

@pytest.fixture(scope="module")
def models_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("models")
    build_tiny_clip(root / DEFAULT_MODEL.split("/")[-1])     # where a user copies the download
    return root


def test_clip_weights_are_used_when_present(models_dir, coffee):
    assert is_available(DEFAULT_MODEL, models_dir=models_dir)
    answer = EmbeddedEngine(models_dir=models_dir).answer(coffee, "What is this?")
    assert answer.details["labeller"] == f"clip:{DEFAULT_MODEL}"
    labels = [entry["label"] for entry in answer.details["labels"]]
    assert set(labels) <= set(EVERYDAY_LABELS) and len(labels) == 5
    # Random weights spread the probability over the labels, under the floor: none of them
    # is said; the cup comes from the object detector.
    detected = {o["name"] for o in answer.details["objects"]}
    for entry in answer.details["labels"]:
        label = entry["label"].split(" ", 1)[-1]      # "a cup" -> "cup"
        if entry["prob"] < 0.25 and label not in detected:
            assert f" {label}" not in f" {answer.text.lower()}"
    assert answer.text.startswith("A cup in the middle")
    assert answer.notices == (NO_VISION_MODEL,) and "'assistant" not in answer.text


def test_without_clip_weights_the_bundled_labeller_is_used(tmp_path, coffee):
    engine = EmbeddedEngine(models_dir=tmp_path)
    answer = engine.answer(coffee, "What is this?")
    expected = (f"clip:{DEFAULT_MODEL}" if is_available(DEFAULT_MODEL, models_dir=tmp_path)
                else "efficientnet_lite3-imagenet")      # a real CLIP in the HF cache wins
    assert answer.details["labeller"] == expected
