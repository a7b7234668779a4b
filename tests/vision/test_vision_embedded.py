"""The offline engine on real photos: reads signs and pages, names colours, counts faces,
guesses what a photo shows only as far as its labeller is sure, and says when the
frame is too dark or blurred. Real models throughout (RapidOCR, Haar cascades,
MobileNetV2 ImageNet weights); no vision-language weights."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageFilter

from assistant.vision import VisionAnswer
from assistant.vision.embedded import NOT_INSTALLED, EmbeddedEngine
from assistant.vision.image import load_image
from assistant.vision.labels import shared_labeller

BODY_WORDS = 35   # an answer, before the not-installed note, fits in one breath or two


@pytest.fixture(scope="module")
def engine():
    # The ImageNet labeller is handed in so the test means the same on a computer
    # that also has CLIP weights.
    return EmbeddedEngine(labeller=shared_labeller())


@pytest.fixture(scope="module")
def ask(engine):
    """ask(image_key, question) -> VisionAnswer, each pair computed once per module."""
    cache: dict = {}

    def run(key: str, image: Image.Image, question: str) -> VisionAnswer:
        if (key, question) not in cache:
            answer = engine.answer(image, question)
            # Every answer is short enough to be heard: reading out text may run longer.
            limit = 45 if answer.details["intent"] == "read_text" else BODY_WORDS
            assert len(body(answer).split()) <= limit, answer.text
            assert answer.text.endswith(NOT_INSTALLED)
            cache[key, question] = answer
        return cache[key, question]
    return run


@pytest.fixture(scope="module")
def sign(sign_photo_path):
    return load_image(sign_photo_path)


@pytest.fixture(scope="module")
def group(photo):
    """Three real faces side by side: the astronaut, mirrored, and again."""
    astronaut = np.asarray(photo("astronaut"))
    crop = astronaut[10:250, 120:330]
    return Image.fromarray(np.concatenate([crop, crop[:, ::-1], crop], axis=1))


def body(answer: VisionAnswer) -> str:
    return answer.text.removesuffix(NOT_INSTALLED).strip()


def test_reads_the_sign(ask, sign):
    answer = ask("sign", sign, "What does the sign say?")
    assert isinstance(answer, VisionAnswer) and answer.engine == "embedded"
    assert body(answer) == 'The sign says: "LAUNCH PAD. NO ENTRY".'
    assert answer.text.endswith(NOT_INSTALLED)
    assert [line["text"] for line in answer.details["ocr"]] == ["LAUNCH PAD", "NO ENTRY"]
    assert answer.details["intent"] == "read_text"
    assert "labels" not in answer.details and "faces" not in answer.details  # only what was asked


def test_reads_a_printed_page_in_order_and_stops_in_time(ask, photo):
    answer = ask("page", photo("page"), "Read this to me")
    text = body(answer)
    assert text.startswith('It says: "Region-based segmentation. Let us first determine markers')
    assert text.endswith("There is more text.")        # the page is longer than one breath
    assert len(text.split()) <= 40


def test_dark_sign_explains_why_nothing_was_read(ask, sign, dimmed):
    answer = ask("sign-dark", dimmed(sign, 0.06), "What does this say?")
    assert answer.details["ocr"] == []
    text = body(answer)
    assert text.startswith("I can't find any readable text.")
    assert "light" in text and ("dark" in text or "black" in text)


def test_blurred_sign_asks_to_hold_still(ask, sign):
    blurred = sign.filter(ImageFilter.GaussianBlur(6))
    answer = ask("sign-blur", blurred, "What does this say?")
    assert answer.details["quality"]["problem"] == "blurred"
    assert body(answer) == ("I can't find any readable text. The picture is too blurry to read. "
                            "Hold the camera still, about a hand's length from the text.")


def test_colour_of_what_the_camera_points_at(ask, coffee):
    answer = ask("coffee", coffee, "What colour is this?")
    text = body(answer)
    assert text.startswith("In the middle of the picture, it is mostly red")   # the cup
    assert "brown" in text                                                     # the coffee
    assert answer.details["colour_region"] == "middle"
    assert "%" not in text and "ocr" not in answer.details      # no OCR for a colour: it costs a second


def test_colours_of_the_whole_picture(ask, coffee, photo):
    table = body(ask("coffee", coffee, "What colours are in the picture?"))
    assert table.startswith("Mostly light brown")                # the wooden table
    cat = body(ask("chelsea", photo("chelsea"), "What color is it?"))
    assert cat.startswith("In the middle of the picture, it is mostly brown")


def test_light_level(ask, coffee, dimmed):
    dark = ask("coffee-dark", dimmed(coffee, 0.1), "Is the light on?")
    assert body(dark) == "It looks very dark; the light is probably off."
    lit = ask("coffee", coffee, "Is the light on?")
    assert body(lit) == "It looks well lit; the light seems to be on."
    assert dark.details["light"]["brightness"] < lit.details["light"]["brightness"] / 5


def test_counts_the_astronauts_face(ask, photo):
    answer = ask("astronaut", photo("astronaut"), "How many people are here?")
    assert body(answer) == ("I can see one face. People facing away from the camera "
                            "are not counted.")
    assert answer.details["faces"]["count"] == 1


def test_counts_a_group(ask, group):
    answer = ask("group", group, "how many people are there")
    assert body(answer).startswith("I can see three faces.")
    boxes = answer.details["faces"]["boxes"]
    assert len(boxes) == 3 and len({b[0] // 100 for b in boxes}) == 3   # three places, not one twice


def test_no_face_on_a_cat(ask, photo):
    answer = ask("chelsea", photo("chelsea"), "Is anyone here?")
    assert body(answer).startswith("I cannot see anyone's face.")


def test_espresso_is_named(ask, coffee):
    answer = ask("coffee", coffee, "What is this?")
    assert body(answer).startswith("It looks like an espresso.")
    assert answer.details["labels"][0]["label"] == "espresso"
    assert answer.details["labels"][0]["prob"] > 0.6


def test_cat_is_a_cat_first_and_a_breed_second(ask, photo):
    answer = ask("chelsea", photo("chelsea"), "What am I looking at?")
    text = body(answer)
    assert text.startswith("It looks like a cat")
    assert answer.details["label_families"]["cat"] > 0.9
    # Three cat classes share the probability; no single breed is claimed as fact.
    assert "It looks like an Egyptian" not in text and "tabby" not in text.split(",")[0]


def test_sign_is_hedged_and_read(ask, sign):
    answer = ask("sign", sign, "What is in front of me?")
    text = body(answer)
    assert text.startswith("It might be a street sign.")
    assert '"LAUNCH PAD. NO ENTRY"' in text and "dim" in text
    for invented in ("rocket", "tower", "sky", "person"):
        assert invented not in text.lower()


def test_unsure_labels_name_nothing(ask, photo):
    rng = np.random.default_rng(0)
    noise = Image.fromarray(rng.integers(0, 256, (300, 400, 3), dtype=np.uint8))
    answer = ask("noise", noise, "What is this?")
    assert body(answer).startswith("I can't tell what this is.")
    assert answer.details["labels"][0]["prob"] < 0.25     # measured, just not said
    # The astronaut's best ImageNet label is a wrong, unsure one: only the face is said.
    astronaut = ask("astronaut", photo("astronaut"), "describe the scene")
    assert body(astronaut).startswith("I can see one face. I can't tell what else is there.")
    assert astronaut.details["labels"][0]["label"] not in body(astronaut)


def test_blurred_photo_says_so_and_hedges(ask, coffee):
    answer = ask("coffee-blur", coffee.filter(ImageFilter.GaussianBlur(8)), "What is this?")
    text = body(answer)
    assert text.startswith("The picture is blurry. Hold the camera still for a moment.")
    assert "It looks like" not in text


def test_covered_lens_measures_nothing_else(ask):
    grey = Image.new("RGB", (400, 300), (128, 128, 128))
    answer = ask("grey", grey, "What is this?")
    assert body(answer) == ("The camera seems to be covered. Check that nothing is in front "
                            "of the lens.")
    assert "labels" not in answer.details


def test_open_question_admits_it_cannot_answer(ask, coffee):
    answer = ask("coffee", coffee, "Is it hot?")
    assert answer.details["intent"] == "question"
    assert body(answer).startswith("I can't answer that myself")
    assert "espresso" in body(answer)


def test_the_note_is_one_short_sentence():
    assert len(NOT_INSTALLED.split()) <= 12 and NOT_INSTALLED.count(".") == 1


def test_note_can_be_turned_off_after_the_first_answer(coffee):
    engine = EmbeddedEngine(labeller=shared_labeller(), announce_missing_model=False)
    assert engine.answer(coffee, "what colour is this").text.endswith(".")
    assert NOT_INSTALLED not in engine.answer(coffee, "is the light on").text
    # An open question it cannot answer still says why.
    assert engine.answer(coffee, "is it hot?").text.endswith(NOT_INSTALLED)


def test_describe_records_every_measurement(ask, sign):
    details = ask("sign", sign, "What is in front of me?").details
    assert details["intent"] == "describe"
    assert {"ocr", "faces", "labels", "light", "quality", "labeller"} <= details.keys()
    assert details["faces"] == {"count": 0, "boxes": []}
    assert details["labeller"] == "mobilenet_v2-imagenet"
    assert all(0.0 <= entry["prob"] <= 1.0 for entry in details["labels"])
    assert set(details["timings_ms"]) == {"ocr", "faces", "labels"}
