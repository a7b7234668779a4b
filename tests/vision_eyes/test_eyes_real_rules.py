"""The rules real photos taught the offline eyes, each on a photo the test makes (never on
the 20 real photos, which are for measuring, in bench/eyes.py):

- "What colour is it?" answers the thing held up, not the carpet in the middle;
- glare is called glare, and a tiny picture "very small", not "blurry";
- a usable answer never sounds like giving up, and gives advice at most once;
- a kind needs two signals or one strong one; every threshold has its provenance.
"""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from assistant.vision.calibration import CALIBRATION, KIND_LABELS, PROVENANCE
from assistant.vision.embedded import EmbeddedEngine
from assistant.vision.image import usable_image
from assistant.vision.kinds import kinds_seen
from assistant.vision.measure import LightLevel
from assistant.vision.quality import FrameQuality
from assistant.vision.scene import SceneFacts

GIVING_UP = ("can't tell", "too blurry", "too blurred", "can't make out", "retake")


@pytest.fixture(scope="module")
def engine():
    return EmbeddedEngine(announce_missing_model=False)


def carpet(size=(960, 720), seed=1) -> Image.Image:
    rng = np.random.default_rng(seed)
    pile = rng.normal(0, 18, (size[1], size[0], 1)) + np.array([120, 110, 95])
    return Image.fromarray(pile.clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1.5))


def held_box() -> Image.Image:
    """A red box held at the left of the frame; the middle of the frame is carpet."""
    img = carpet()
    draw = ImageDraw.Draw(img)
    draw.polygon([(60, 200), (380, 170), (410, 600), (80, 640)], fill=(170, 30, 35))
    draw.ellipse((330, 330, 470, 520), fill=(224, 172, 140))          # the hand holding it
    return img


def test_the_colour_of_a_held_box_is_the_box_not_the_carpet(engine):
    image = held_box()
    centre = np.asarray(image)[240:480, 320:640].reshape(-1, 3).mean(axis=0)
    assert centre[0] - centre[1] < 40 and centre[0] < 160     # the middle is carpet, not red
    text = engine.answer(image, "What colour is it?").text
    assert text.startswith("The thing in front is mostly red"), text
    # The whole picture is still asked for by name.
    whole = engine.answer(image, "What colours are in the picture?").text
    assert whole.startswith("Mostly brown"), whole


def test_a_thing_that_cannot_be_told_from_the_background_is_said_so(engine):
    text = engine.answer(carpet(seed=2), "What colour is it?").text
    assert text.startswith("I can't tell the thing apart from what is behind it."), text
    assert "brown" in text


def glare() -> Image.Image:
    """A lamp shining into the lens: most of the frame blown out, a soft blue edge."""
    img = Image.new("RGB", (960, 1280), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 980, 960, 1280), fill=(40, 150, 190))
    draw.polygon([(0, 0), (300, 0), (0, 500)], fill=(60, 90, 160))
    return img.filter(ImageFilter.GaussianBlur(40))


def test_glare_is_called_glare_not_blur(engine):
    answer = engine.answer(usable_image(glare()), "What is in front of me?")
    assert answer.details["triage"]["reason"] == "glare"
    assert "too bright" in answer.text and "blurry" not in answer.text
    assert answer.text.count("I can't tell") == 1


def test_a_tiny_picture_is_said_to_be_small_not_blurry(engine):
    from skimage import data

    tiny = Image.fromarray(data.coffee()).resize((160, 120), Image.Resampling.BILINEAR)
    text = engine.answer(usable_image(tiny), "What is in front of me?").text
    assert "very small" in text and "blurry" not in text
    assert not any(p in text.lower() for p in GIVING_UP), text
    # Nothing at all in a tiny frame: the one reason given is its size.
    speck = Image.new("RGB", (150, 110), (90, 80, 70))
    ImageDraw.Draw(speck).ellipse((60, 40, 80, 60), fill=(20, 20, 20))
    answer = engine.answer(usable_image(speck.filter(ImageFilter.GaussianBlur(3))),
                           "What is in front of me?")
    assert answer.details["triage"]["usable"] is False


def test_a_soft_page_is_described_not_refused(engine):
    """A page of text under heavy defocus on a wooden table: colours and shapes at least."""
    img = Image.new("RGB", (960, 1280), (120, 80, 45))
    page = Image.new("RGB", (700, 900), (245, 245, 240))
    draw = ImageDraw.Draw(page)
    for row in range(12):
        draw.rectangle((60, 80 + row * 60, 620, 100 + row * 60), fill=(40, 40, 40))
    img.paste(page, (130, 120))
    answer = engine.answer(usable_image(img.filter(ImageFilter.GaussianBlur(14))),
                           "What is in front of me?")
    text = answer.text.lower()
    assert not any(p in text for p in GIVING_UP), answer.text
    assert "white" in text or "paper" in text, answer.text
    advice = [s for s in answer.text.split(". ") if "camera" in s or "hold" in s.lower()]
    assert len(advice) <= 1, answer.text


# --- kinds: pure, from measured facts ---

SOFT = FrameQuality(brightness=150, contrast=50, sharpness=2.0, too_dark=False, blurred=True,
                    covered=False)
LIGHT = LightLevel(brightness=0.6, label="well lit", shadow_share=0.0, highlight_share=0.0)


def facts(labels=(), objects=()):
    return SceneFacts(size=(960, 1280), light=LIGHT, quality=SOFT, colours=(),
                      centre_colours=(), labels=tuple(labels), objects=tuple(objects))


def test_one_weak_guess_is_not_a_kind_two_agreeing_are():
    from assistant.vision.objects import SeenObject

    assert kinds_seen(facts([("monitor", 0.4)])) == []
    tv = SeenObject("tv", 0.7, (0.2, 0.2, 0.7, 0.6))
    assert [k.kind for k in kinds_seen(facts([("monitor", 0.4)], [tv]))] == ["screen"]
    # One strong signal is enough; a strong guess at a thing of no kind names nothing.
    assert [k.kind for k in kinds_seen(facts([("pill bottle", 0.8)]))] == ["bottle"]
    assert kinds_seen(facts([("matchstick", 0.6), ("lighter", 0.11)])) == []


def test_several_classes_of_one_kind_agreeing_count_twice():
    agreeing = [("sock", 0.22), ("jeans", 0.12), ("T-shirt", 0.12), ("syringe", 0.08)]
    assert [k.kind for k in kinds_seen(facts(agreeing))] == ["clothing"]
    assert kinds_seen(facts([("sock", 0.44), ("syringe", 0.08)])) == []


def test_every_threshold_says_how_it_was_set_and_every_label_exists():
    from assistant.vision.embedded_answers import clean_label
    from assistant.vision.labels import class_names

    names = {clean_label(n) for n in class_names()}
    assert {f.name for f in dataclasses.fields(CALIBRATION)} <= set(PROVENANCE)
    assert all(len(line) > 20 for line in PROVENANCE.values())
    missing = [n for kind in KIND_LABELS.values() for n in kind if n not in names]

    assert missing == [], missing


def test_words_made_out_of_a_soft_frame_are_said_as_words_never_quoted(engine):
    from assistant.vision.compose import describe
    from assistant.vision.ocr import TextLine
    from assistant.vision.reading import trusted, understand
    from assistant.vision.triage import triage

    line = TextLine("Windows Hxqzv", 0.91, (100, 100, 600, 160), height=60)
    kept = trusted((line,), SOFT)
    assert [(l.text, l.partial) for l in kept] == [("Windows", True)]
    # Beside a line read whole, stray words are not kept.
    whole = TextLine("Press any key", 0.99, (100, 300, 600, 360), height=60)
    assert [l.text for l in trusted((line, whole), SOFT)] == ["Press any key"]
    soft = dataclasses.replace(facts(), reading=understand(kept, (960, 1280)))
    text = describe(soft, triage(soft))
    assert 'I can make out the word "Windows".' in text and "says" not in text
