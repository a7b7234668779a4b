"""Shared loading rules of the Hugging Face backends: where weights are found, device, dtype."""
from __future__ import annotations

import shutil

import pytest

from assistant.errors import DeviceError
from assistant.vision.blip import BlipEngine
from assistant.vision.hf_common import choose_dtype, find_weights, resolve_device


def test_found_by_hub_name_in_the_hugging_face_cache(tiny_blip_vqa, tmp_path, monkeypatch, photo):
    """A user's `hf download` leaves this layout; loading goes through it."""
    import huggingface_hub.constants as hub_constants

    repo = tmp_path / "hub" / "models--tiny-org--tiny-blip-vqa"
    snapshot = repo / "snapshots" / ("0" * 40)
    shutil.copytree(tiny_blip_vqa, snapshot)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text("0" * 40)
    monkeypatch.setattr(hub_constants, "HF_HUB_CACHE", str(tmp_path / "hub"))

    assert find_weights("tiny-org/tiny-blip-vqa") == snapshot
    engine = BlipEngine("tiny-org/tiny-blip-vqa", None, device="cpu", max_new_tokens=3)
    got = engine.answer(photo("coffee"), "what is this?")
    assert got.engine == "blip:tiny-org/tiny-blip-vqa" and got.text


def test_found_by_name_under_the_models_folder(tiny_blip_vqa, tmp_path):
    models = tmp_path / "models"
    shutil.copytree(tiny_blip_vqa, models / "Salesforce--blip-vqa-base")
    shutil.copytree(tiny_blip_vqa, models / "blip-image-captioning-base")
    assert find_weights("Salesforce/blip-vqa-base", models) == models / "Salesforce--blip-vqa-base"
    assert find_weights("Salesforce/blip-image-captioning-base", models) == \
        models / "blip-image-captioning-base"
    assert find_weights("Salesforce/blip-vqa-large", models) is None


def test_a_folder_without_weights_is_not_found(tmp_path):
    (tmp_path / "config.json").write_text("{}")
    assert find_weights(str(tmp_path)) is None


def test_dtype_is_half_on_the_gpu_and_full_on_the_cpu():
    import torch

    assert choose_dtype("cpu", "auto", "test") is torch.float32
    assert choose_dtype("cpu", "float16", "test") is torch.float32   # fp16 on a CPU is a trap
    assert choose_dtype("cuda", "auto", "test") is torch.float16
    assert choose_dtype("cuda", "float32", "test") is torch.float32


def test_asking_for_a_missing_gpu_is_a_device_error():
    import torch

    assert resolve_device("cpu", "test") == "cpu"
    expected = "cuda" if torch.cuda.is_available() else "cpu"
    assert resolve_device("auto", "test") == expected
    if not torch.cuda.is_available():
        with pytest.raises(DeviceError) as caught:
            resolve_device("cuda", "test")
        assert "no" in caught.value.message.lower() or "none" in caught.value.message
