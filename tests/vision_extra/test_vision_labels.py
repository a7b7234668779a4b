"""ImageNet labels from the bundled MobileNetV2 weights, on real photos."""
from __future__ import annotations

import time

import numpy as np
import pytest

from assistant.vision import labels


@pytest.fixture(scope="module")
def labeller():
    t0 = time.perf_counter()
    model = labels.shared_labeller()
    assert time.perf_counter() - t0 < 30
    return model


def test_labels_coffee_is_espresso_like(labeller, photos) -> None:
    top = labels.top_labels(photos["coffee"], k=3)
    names = " ".join(name.lower() for name, _ in top)
    assert any(word in names for word in ("espresso", "cup", "mug", "coffee"))
    assert top[0][1] > 0.5


def test_labels_chelsea_is_a_cat(labeller, photos) -> None:
    top = labeller.top_labels(photos["chelsea"], k=3)
    cat_words = ("cat", "tabby", "mau", "siamese", "persian", "lynx")
    assert any(w in name.lower() for name, _ in top for w in cat_words)


def test_labels_are_sorted_probabilities(labeller, photos) -> None:
    top = labeller.top_labels(photos["rocket"], k=5)
    probs = [p for _, p in top]
    assert len(top) == 5 and probs == sorted(probs, reverse=True)
    assert 0 < sum(probs) <= 1.0001
    full = labeller.probabilities(photos["rocket"])
    assert full.shape == (1000,) and abs(full.sum() - 1) < 1e-4
    # Different photos give different answers (not a constant head).
    assert labeller.top_labels(photos["coffee"], 1)[0][0] != top[0][0]


def test_labels_accept_pil_and_grey(labeller, photos) -> None:
    from PIL import Image

    a = labeller.probabilities(photos["coffee"])
    b = labeller.probabilities(Image.fromarray(photos["coffee"]))
    assert np.allclose(a, b, atol=1e-5)
    grey = photos["coffee"].mean(axis=2).astype(np.uint8)
    assert len(labeller.top_labels(grey, 2)) == 2


def test_labels_architecture_matches_torchvision_keys() -> None:
    import torch

    model = labels.build_mobilenet_v2()
    state = torch.load(labels.bundled_weights_path(), map_location="cpu", weights_only=True)
    assert set(model.state_dict()) == set(state)
    assert labels.shared_labeller() is labels.shared_labeller()


def test_labels_bad_weights_file_is_plain_error(tmp_path) -> None:
    from assistant.errors import ModelMissingError

    bad = tmp_path / "weights.pth"
    bad.write_bytes(b"not a checkpoint")
    with pytest.raises(ModelMissingError) as info:
        labels.ImageLabeller(bad)
    assert "could not be loaded" in info.value.message
