"""The offline engine on real photos: composed descriptions from objects, text, colours and
labels; reading; colours; counting; follow-ups; and one honest sentence for bad pictures.
Real models throughout (RapidOCR, the SSD-MobileNet-v2 COCO detector, Haar cascades, the
EfficientNet-Lite3 and MobileNetV2 ImageNet labellers); no vision-language weights."""
from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageFilter

from assistant.conversation.history import Turn
from assistant.vision import VisionAnswer
from assistant.notices import NO_VISION_MODEL
from assistant.vision.embedded import EmbeddedEngine
from assistant.vision.image import load_image

BODY_WORDS = 35   # a description, before the not-installed note, fits in one breath or two


@pytest.fixture(scope="module")
def engine():
    return EmbeddedEngine()


@pytest.fixture(scope="module")
def ask(engine):
    """ask(image_key, question) -> VisionAnswer, each pair computed once per module."""
    cache: dict = {}

    def run(key: str, image: Image.Image, question: str, history=()) -> VisionAnswer:
        if (key, question, history) not in cache:
            answer = engine.answer(image, question, history)
            limit = 60 if answer.details["intent"] == "read_text" else BODY_WORDS
            assert len(body(answer).split()) <= limit, answer.text
            assert answer.notices == (NO_VISION_MODEL,) and "'assistant" not in answer.text
            cache[key, question, history] = answer
        return cache[key, question, history]
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
    return answer.text.strip()


def test_reads_the_sign(ask, sign):
    answer = ask("sign", sign, "What does the sign say?")
    assert isinstance(answer, VisionAnswer) and answer.engine == "embedded"
    assert body(answer) == 'The sign says: "LAUNCH PAD. NO ENTRY".'
    assert [line["text"] for line in answer.details["ocr"]] == ["LAUNCH PAD", "NO ENTRY"]
    assert answer.details["intent"] == "read_text"
    assert "labels" not in answer.details and "faces" not in answer.details  # only what was asked


def test_reads_a_printed_page_in_order_and_stops_in_time(ask, photo):
    answer = ask("page", photo("page"), "Read this to me")
    text = body(answer)
    assert text.startswith('It says: "Region-based segmentation. Let us first determine markers')
    assert "There is more text." in text       # the page is longer than one breath


def test_dark_sign_explains_why_nothing_was_read(ask, sign, dimmed):
    answer = ask("sign-dark", dimmed(sign, 0.06), "What does this say?")
    text = body(answer)
    assert text.startswith("I can't find any readable text.")
    assert "light" in text and ("dark" in text or "black" in text)


def test_blurred_sign_asks_to_hold_still(ask, sign):
    answer = ask("sign-blur", sign.filter(ImageFilter.GaussianBlur(6)), "What does this say?")
    assert answer.details["quality"]["problem"] == "blurred"
    assert "blurry" in body(answer) and "Hold the camera still" in body(answer)


def test_description_of_a_sign_leads_with_its_text(ask, sign):
    text = body(ask("sign", sign, "What is in front of me?"))
    assert text.startswith('A sign that says: "LAUNCH PAD. NO ENTRY".')
    for invented in ("rocket", "tower", "person"):
        assert invented not in text.lower()


def test_description_names_the_object_where_it_is(ask, coffee):
    answer = ask("coffee", coffee, "What is this?")
    text = body(answer)
    assert text.startswith("A cup in the middle on a table.")
    assert "espresso" in text and "red" in text
    assert answer.details["objects"][0]["name"] == "cup"
    assert answer.details["triage"]["usable"]


def test_a_cat_is_a_cat_once(ask, photo):
    text = body(ask("chelsea", photo("chelsea"), "What am I looking at?"))
    assert text.startswith("A cat")
    assert text.count("cat") == 1          # not "a cat ... it looks like a cat"


def test_people_are_counted_by_the_detector_and_faces(ask, photo, group):
    assert body(ask("astronaut", photo("astronaut"), "How many people are here?")) == \
        "I can see one person."
    assert body(ask("group", group, "how many people are there")) == "I can see three people."
    assert body(ask("chelsea", photo("chelsea"), "Is anyone here?")) == "I can't see anyone."


def test_colour_of_what_the_camera_points_at(ask, coffee, photo):
    text = body(ask("coffee", coffee, "What colour is this?"))
    assert text.startswith("The cup is") and "red" in text   # the cup, not the table
    table = body(ask("coffee", coffee, "What colours are in the picture?"))
    assert table.startswith("Mostly light brown")                             # the table
    assert "%" not in text


def test_a_frame_filled_by_one_colour_is_that_colour(ask):
    rng = np.random.default_rng(2)
    h, w = 480, 640
    yy, xx = np.mgrid[0:h, 0:w]
    folds = 0.75 + 0.2 * np.sin(xx / 37.0) * np.cos(yy / 53.0) + rng.normal(0, 0.02, (h, w))
    shirt = Image.fromarray(np.clip(np.stack([200 * folds, 25 * folds, 30 * folds], -1), 0,
                                    255).astype(np.uint8))
    assert body(ask("shirt", shirt, "What colour is this?")) == "It is red."
    described = body(ask("shirt", shirt, "What is this?"))
    assert described.startswith("It is all red") and "covered" not in described


def test_follow_ups_are_about_the_thing_just_named(ask, coffee):
    first = ask("coffee", coffee, "What is in front of me?")
    said = (Turn("What is in front of me?", first.text),)
    colour = body(ask("coffee", coffee, "And what colour is it?", said))
    assert colour.startswith("The cup is")
    assert body(ask("coffee", coffee, "Is there a bowl?", said)).startswith("I don't see a bowl")
    assert body(ask("coffee", coffee, "Where is the cup?", said)) == "Yes, a cup in the middle."
    assert body(ask("coffee", coffee, "How many cups are there?", said)) == "I can see one cup."
    assert body(ask("coffee", coffee, "What else is there?", said)) == \
        "Nothing else that I can recognise."


def test_questions_about_the_text_are_answered_from_it(engine):
    receipt = Image.new("RGB", (640, 480), (250, 250, 250))
    from PIL import ImageDraw, ImageFont

    draw = ImageDraw.Draw(receipt)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 34)
    for i, line in enumerate(("CORNER SHOP", "TEA 3.40", "SOAP 1.99", "TOTAL $5.39")):
        draw.text((60, 60 + 90 * i), line, fill=(20, 20, 20), font=font)
    answer = engine.answer(receipt, "What's the total?")
    assert answer.text.startswith('It says: "TOTAL $5.39".')


def test_open_question_admits_it_cannot_answer(ask, coffee):
    answer = ask("coffee", coffee, "Is it hot?")
    assert answer.details["intent"] == "question"
    assert body(answer).startswith("I can't answer that myself") and "cup" in body(answer)


def _jpeg_with_exif_rotation(image: Image.Image) -> bytes:
    """How a phone stores a portrait photo: pixels sideways plus an orientation tag."""
    exif = Image.Exif()
    exif[0x0112] = 6          # rotate 90 degrees clockwise to view
    buffer = io.BytesIO()
    image.rotate(90, expand=True).save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["black", "white", "red", "noise", "tiny", "huge", "exif"])
def test_bad_pictures_get_one_honest_sentence(engine, sign, kind, tmp_path):
    from assistant.vision.image import usable_image

    rng = np.random.default_rng(0)
    pictures = {
        "black": Image.new("RGB", (640, 480), (2, 2, 2)),
        "white": Image.new("RGB", (640, 480), (252, 252, 252)),
        "red": Image.new("RGB", (640, 480), (200, 20, 30)),
        "noise": Image.fromarray(rng.integers(0, 256, (480, 640, 3), dtype=np.uint8)),
        "tiny": sign.resize((24, 18)),
        "huge": sign.resize((6000, 4500)),
    }
    if kind == "exif":
        path = tmp_path / "portrait.jpg"
        path.write_bytes(_jpeg_with_exif_rotation(sign))
        picture = load_image(path)
        assert picture.size == sign.size        # turned upright, not left on its side
    else:
        picture = usable_image(pictures[kind])
    text = engine.answer(picture, "What is in front of me?").text
    expected = {"black": "I can't tell what this is. The picture is almost black",
                "white": "I can't tell what this is. I only see a plain surface.",
                "red": "It is all red",
                "noise": "I can't tell what this is. The picture is only speckles",
                "huge": 'A sign that says: "LAUNCH PAD. NO ENTRY".',
                "exif": 'A sign that says: "LAUNCH PAD. NO ENTRY".'}
    if kind == "tiny":   # 24 x 18 pixels: no object is made up, whatever else is said
        assert not any(w in text.lower() for w in ("person", "car", "rocket", "cup"))
    else:
        assert text.startswith(expected[kind])
    assert text.count(".") <= 4


def test_note_can_be_turned_off_after_the_first_answer(coffee):
    engine = EmbeddedEngine(announce_missing_model=False)
    assert engine.answer(coffee, "what colour is this").text.endswith(".")
    assert engine.answer(coffee, "is the light on").notices == ()
    # An open question it cannot answer still says why (a notice the front end words).
    assert engine.answer(coffee, "is it hot?").notices == (NO_VISION_MODEL,)


def test_describe_records_every_measurement(ask, sign):
    details = ask("sign", sign, "What is in front of me?").details
    assert details["intent"] == "describe"
    assert {"ocr", "objects", "labels", "light", "quality", "labeller", "text",
            "triage"} <= details.keys()
    assert details["text"]["kind"] == "sign" and details["text"]["dominant"]
    assert details["labeller"] == "efficientnet_lite3-imagenet"
    assert {"objects", "text", "labels"} <= set(details["timings_ms"])


def test_measurements_are_reused_for_follow_ups(engine, photo):
    image = photo("rocket")
    first = engine.answer(image, "What is in front of me?")
    again = engine.answer(image.copy(), "What colour is it?")
    assert again.details["timings_ms"] == first.details["timings_ms"]   # nothing measured again


def test_warm_up_runs_every_model_once_and_keeps_nothing(sign):
    from assistant.vision import scene

    engine = EmbeddedEngine()
    engine.load()
    practice = scene._practice_frame()
    # The practice frame is real work for the models: OCR reads its words.
    measured = engine.analyser._measure(practice, engine.analyser._basic(practice), ["text"])
    assert "PRACTICE" in " ".join(line.text for line in measured.ocr.lines).upper()
    engine.warm_up()
    assert len(engine.analyser._cache) == 0          # nothing a follow-up could mistake for a view
    answer = engine.answer(sign, "What does the sign say?")
    assert body(answer) == 'The sign says: "LAUNCH PAD. NO ENTRY".'


def test_a_sign_photographed_large_reads_at_least_as_well_as_a_small_copy(engine, tmp_path):
    """Issue 21.3: a 48-megapixel phone photo (over the decoding budget, so drafted while
    decoded) is read no worse than the same sign saved small by hand."""
    from PIL import ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 150)
    big = Image.new("RGB", (8000, 6000), (235, 230, 220))
    draw = ImageDraw.Draw(big)
    said = ["PHARMACY", "OPEN UNTIL 9 PM", "CLOSED ON SUNDAY", "ASK FOR HELP INSIDE"]
    for i, line in enumerate(said):
        draw.text((900, 1800 + 260 * i), line, fill=(25, 25, 25), font=font)
    big.save(tmp_path / "big.jpg", quality=92)
    big.resize((1600, 1200), Image.LANCZOS).save(tmp_path / "small.jpg", quality=92)

    def words(name: str) -> set[str]:
        answer = engine.answer(load_image(tmp_path / name), "Read the text.")
        return set(answer.text.upper().replace(".", " ").replace('"', " ").split())

    small, large = words("small.jpg"), words("big.jpg")
    wanted = {w for line in said for w in line.split()}
    assert wanted <= large, large
    assert small & wanted <= large & wanted
