"""The offline engine answers only from measurements, and says the full model is missing."""
from __future__ import annotations

import pytest

from assistant.vision import VisionAnswer
from assistant.vision.embedded import NOT_INSTALLED, EmbeddedEngine, topic_of
from assistant.vision.image import load_image


@pytest.fixture(scope="module")
def engine():
    return EmbeddedEngine()


@pytest.fixture(scope="module")
def sign(sign_photo_path):
    return load_image(sign_photo_path)


def test_reads_the_sign(engine, sign):
    answer = engine.answer(sign, "What does the sign say?")
    assert isinstance(answer, VisionAnswer) and answer.engine == "embedded"
    assert answer.text.startswith('The sign says: "LAUNCH PAD. NO ENTRY".')
    assert answer.text.endswith(NOT_INSTALLED)
    assert [line["text"] for line in answer.details["ocr"]] == ["LAUNCH PAD", "NO ENTRY"]


def test_colour_question(engine, coffee):
    answer = engine.answer(coffee, "What colour is this?")
    assert "brown" in answer.text and "red" in answer.text
    assert answer.text.endswith(NOT_INSTALLED)
    assert "ocr" not in answer.details        # no OCR for a colour question: it costs a second


def test_light_on_in_a_dark_room(engine, coffee, dimmed):
    dark = engine.answer(dimmed(coffee, 0.1), "Is the light on?")
    assert "very dark" in dark.text and "probably off" in dark.text
    lit = engine.answer(coffee, "Is the light on?")
    assert "seems to be on" in lit.text
    assert dark.details["light"]["brightness"] < lit.details["light"]["brightness"]


def test_no_text_is_said_honestly(engine, photo):
    answer = engine.answer(photo("chelsea"), "Can you read it?")
    assert answer.text.startswith("I cannot find any readable text")


def test_open_question_gives_measurements_and_claims_no_objects(engine, sign):
    answer = engine.answer(sign, "What is in front of me?")
    assert "dim" in answer.text and "LAUNCH PAD" in answer.text
    for invented in ("rocket", "tower", "sky"):
        assert invented not in answer.text.lower()
    assert answer.text.endswith(NOT_INSTALLED)


@pytest.mark.parametrize("question,topic", [
    ("What does the sign say?", "text"), ("read this for me", "text"),
    ("What colour is the sign?", "colour"), ("what color is it", "colour"),
    ("Is the light on?", "light"), ("is it too dark in here", "light"),
    ("What is this?", "summary"), ("how many people are there", "summary"),
])
def test_topics(question, topic):
    assert topic_of(question) == topic
