"""BLIP-2, LLaVA and BLIP are told what OCR and the object detector measured, so they can quote
the text and count right. Tiny random-weight models of the real architectures, loaded through
the factory from folders, as a user's downloaded models would be."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from assistant.config import AppConfig
from assistant.engines.factory import EngineFactory
from assistant.paths import AppPaths
from assistant.pipeline import Assistant
from assistant.vision.grounding import GroundedEngine, grounding_text
from assistant.vision.image import load_image
from assistant.vision.scene import SceneAnalyser

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tiny_vlm import build_tiny_blip, build_tiny_llava  # noqa: E402


@pytest.fixture(scope="module")
def sign(sign_photo_path):
    return load_image(sign_photo_path)


@pytest.fixture(scope="module")
def analyser():
    return SceneAnalyser()


def _factory(tmp_path):
    return EngineFactory(AppPaths(tmp_path / "config", tmp_path / "cache", tmp_path / "data"))


def test_context_names_the_text_and_the_objects(analyser, sign, coffee):
    sign_facts = analyser.facts(np.asarray(sign), ("text", "objects", "faces"))
    assert grounding_text(sign_facts).startswith('Text in the picture: "LAUNCH PAD. NO ENTRY".')
    cup_facts = analyser.facts(np.asarray(coffee), ("text", "objects", "faces"))
    assert grounding_text(cup_facts).startswith("Objects seen: a cup in the middle")


def test_blip2_prompt_carries_what_was_measured(tmp_path, tiny_blip2, coffee):
    config = AppConfig().with_overrides(vision={"blip2_model": str(tiny_blip2), "max_new_tokens": 4})
    engine = _factory(tmp_path).vision(config.vision)
    assert isinstance(engine, GroundedEngine)
    answer = Assistant(vision=engine).ask(coffee, text="What is on the table?")
    prompt = answer.details["prompt"]
    assert prompt.startswith("Objects seen: a cup in the middle")
    assert prompt.endswith("Question: What is on the table? Answer:")
    assert answer.details["grounding"] in prompt
    assert answer.details["image_tokens"] == 4     # the picture still reached the model


def test_reading_is_done_by_ocr_and_descriptions_keep_the_text(tmp_path, tiny_blip2, sign):
    config = AppConfig().with_overrides(vision={"blip2_model": str(tiny_blip2), "max_new_tokens": 4})
    engine = _factory(tmp_path).vision(config.vision)
    read = engine.answer(sign, "What does the sign say?")
    assert read.text == 'The sign says: "LAUNCH PAD. NO ENTRY".'
    assert read.details["read_by"] == "ocr" and read.engine.startswith("blip2:")
    described = engine.answer(sign, "Describe what is in front of me")
    assert described.text.endswith('It says: "LAUNCH PAD. NO ENTRY".')   # random weights said the rest
    assert 'Text in the picture: "LAUNCH PAD. NO ENTRY".' in described.details["prompt"]


def test_grounding_can_be_turned_off(tmp_path, tiny_blip2, coffee):
    config = AppConfig().with_overrides(vision={"blip2_model": str(tiny_blip2), "max_new_tokens": 4,
                                                "grounding": False})
    engine = _factory(tmp_path).vision(config.vision)
    assert not isinstance(engine, GroundedEngine)
    assert engine.answer(coffee, "What is on the table?").details["prompt"] == \
        "Question: What is on the table? Answer:"


@pytest.mark.parametrize("templated", [False, True], ids=["vicuna", "chat-template"])
def test_llava_prompt_carries_the_text(tmp_path, sign, templated):
    from tiny_vlm import LLAVA_15_TEMPLATE

    folder = build_tiny_llava(tmp_path / "llava", chat_template=LLAVA_15_TEMPLATE if templated else None)
    config = AppConfig().with_overrides(vision={"engine": "llava", "llava_model": str(folder),
                                                "max_new_tokens": 3})
    answer = _factory(tmp_path).vision(config.vision).answer(sign, "Is it safe to go in?")
    prompt = answer.details["prompt"]
    assert 'Text in the picture: "LAUNCH PAD. NO ENTRY".' in prompt
    assert prompt.index("Text in the picture") < prompt.index("Is it safe to go in?")


def test_blip_question_carries_the_text(tmp_path, sign):
    folder = build_tiny_blip(tmp_path / "blip", "vqa")
    config = AppConfig().with_overrides(vision={"engine": "blip", "blip_model": str(folder),
                                                "blip_caption_model": str(tmp_path / "none")})
    answer = _factory(tmp_path).vision(config.vision).answer(sign, "Is it safe to go in?")
    assert answer.details["prompt"].startswith('Text in the picture: "LAUNCH PAD. NO ENTRY".')
    assert answer.details["prompt"].endswith("Is it safe to go in?")
