"""Fixtures for the BLIP, LLaVA and CLIP backends: tiny models from tests/tiny_vlm.py."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from tiny_vlm import LLAVA_15_TEMPLATE, build_tiny_blip, build_tiny_clip, build_tiny_llava

# Hub-free: anything from transformers/huggingface_hub must come from disk.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session")
def tiny_blip_vqa(tmp_path_factory) -> Path:
    return build_tiny_blip(tmp_path_factory.mktemp("tiny-blip-vqa"), "vqa")


@pytest.fixture(scope="session")
def tiny_blip_caption(tmp_path_factory) -> Path:
    return build_tiny_blip(tmp_path_factory.mktemp("tiny-blip-caption"), "caption")


@pytest.fixture(scope="session")
def tiny_llava(tmp_path_factory) -> Path:
    return build_tiny_llava(tmp_path_factory.mktemp("tiny-llava"))


@pytest.fixture(scope="session")
def tiny_llava_templated(tmp_path_factory) -> Path:
    return build_tiny_llava(tmp_path_factory.mktemp("tiny-llava-chat"),
                            chat_template=LLAVA_15_TEMPLATE)


@pytest.fixture(scope="session")
def tiny_clip(tmp_path_factory) -> Path:
    return build_tiny_clip(tmp_path_factory.mktemp("tiny-clip"))


@pytest.fixture(scope="session")
def tiny_imagetext(tmp_path_factory):
    """``tiny_imagetext(arch)``: a saved tiny model of ``arch`` (tests/tiny_imagetext.py), built
    once per run; "llava-1.5" is LLaVA 1.5 with its chat template, through the same engine."""
    from tiny_imagetext import BUILDERS

    built: dict[str, Path] = {}

    def folder(arch: str) -> Path:
        if arch not in built:
            where = tmp_path_factory.mktemp(f"tiny-{arch}")
            built[arch] = build_tiny_llava(where, chat_template=LLAVA_15_TEMPLATE) \
                if arch == "llava-1.5" else BUILDERS[arch](where)
        return built[arch]
    return folder
