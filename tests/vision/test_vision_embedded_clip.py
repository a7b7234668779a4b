"""With CLIP weights in the models folder the embedded engine labels with CLIP instead of
MobileNetV2, through the same from_pretrained code a user's real weights take. The model
here is a tiny random-weight CLIP, so its labels are near-uniform: nothing may be named."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.vision.clip import DEFAULT_MODEL, EVERYDAY_LABELS, is_available
from assistant.vision.embedded import NOT_INSTALLED, EmbeddedEngine

SIZE, PATCH = 32, 8


def _tokenizer():
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import CLIPTokenizer

    tok = Tokenizer(models.BPE(end_of_word_suffix="</w>"))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.train_from_iterator([f"a photo of {label}." for label in EVERYDAY_LABELS] * 3,
                            trainers.BpeTrainer(vocab_size=400, end_of_word_suffix="</w>",
                                                special_tokens=["<|startoftext|>",
                                                                "<|endoftext|>"],
                                                initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    model = json.loads(tok.to_str())["model"]
    merges = [tuple(m.split(" ")) if isinstance(m, str) else tuple(m) for m in model["merges"]]
    return CLIPTokenizer(vocab=model["vocab"], merges=merges)


@pytest.fixture(scope="module")
def models_dir(tmp_path_factory) -> Path:
    import torch
    from transformers import (CLIPConfig, CLIPImageProcessorPil, CLIPModel, CLIPProcessor,
                              CLIPTextConfig, CLIPVisionConfig)

    root = tmp_path_factory.mktemp("models")
    folder = root / DEFAULT_MODEL.split("/")[-1]     # where a user copies the download
    tokenizer = _tokenizer()
    processor = CLIPProcessor(
        image_processor=CLIPImageProcessorPil(size={"shortest_edge": SIZE},
                                              crop_size={"height": SIZE, "width": SIZE}),
        tokenizer=tokenizer)
    text = CLIPTextConfig(vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64,
                          num_hidden_layers=2, num_attention_heads=2, max_position_embeddings=77,
                          bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id,
                          pad_token_id=tokenizer.pad_token_id)
    vision = CLIPVisionConfig(hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                              num_attention_heads=2, image_size=SIZE, patch_size=PATCH)
    torch.manual_seed(0)
    CLIPModel(CLIPConfig(text_config=text.to_dict(), vision_config=vision.to_dict(),
                         projection_dim=32)).eval().save_pretrained(folder)
    processor.save_pretrained(folder)
    return root


def test_clip_weights_are_used_when_present(models_dir, coffee):
    assert is_available(DEFAULT_MODEL, models_dir=models_dir)
    answer = EmbeddedEngine(models_dir=models_dir).answer(coffee, "What is this?")
    assert answer.details["labeller"] == f"clip:{DEFAULT_MODEL}"
    labels = [entry["label"] for entry in answer.details["labels"]]
    assert set(labels) <= set(EVERYDAY_LABELS) and len(labels) == 5
    # Random weights spread the probability over 85 labels: far under the floor.
    assert answer.details["labels"][0]["prob"] < 0.25
    assert answer.text.startswith("I can't tell what this is.")
    assert answer.details["label_families"] == {}     # ImageNet families do not apply
    assert answer.text.endswith(NOT_INSTALLED)


def test_without_clip_weights_the_bundled_labeller_is_used(tmp_path, coffee):
    engine = EmbeddedEngine(models_dir=tmp_path)
    answer = engine.answer(coffee, "What is this?")
    expected = (f"clip:{DEFAULT_MODEL}" if is_available(DEFAULT_MODEL, models_dir=tmp_path)
                else "mobilenet_v2-imagenet")            # a real CLIP in the HF cache wins
    assert answer.details["labeller"] == expected
