"""The embedded engine's words: hedging that follows the labeller's probability, ImageNet
names fit to say, and questions phrased many ways reaching the right measurement."""
from __future__ import annotations

import pytest

from assistant.vision import embedded_answers as say
from assistant.notices import NO_VISION_MODEL
from assistant.vision.embedded import EmbeddedEngine
from assistant.vision.image import load_image
from assistant.vision.labels import class_names, shared_labeller


@pytest.mark.parametrize("raw,spoken", [
    ("a cat having a striped coat", "tabby cat"), ("kite (bird of prey)", "kite"),
    ("swim trunks / shorts", "swim trunks"), ("traffic or street sign", "street sign"),
    ("Egyptian Mau", "Egyptian Mau"),
])
def test_imagenet_names_are_cleaned(raw, spoken):
    assert raw in class_names()          # the real names the labeller hands out
    assert say.clean_label(raw) == spoken


def test_every_imagenet_name_is_speakable():
    for name in class_names():
        spoken = say.clean_label(name)
        assert spoken and not any(ch in spoken for ch in "()/,"), name


@pytest.mark.parametrize("name,phrase", [
    ("espresso", "an espresso"), ("tabby cat", "a tabby cat"), ("Egyptian Mau", "an Egyptian Mau"),
    ("sunglasses", "sunglasses"), ("a door", "a door"), ("school bus", "a school bus"),
    ("umbrella", "an umbrella"), ("unicycle", "a unicycle"),
])
def test_articles(name, phrase):
    assert say.with_article(name) == phrase


def test_hedging_follows_probability():
    assert say.label_sentence([("espresso", 0.99)]) == "It looks like an espresso."
    assert say.label_sentence([("traffic or street sign", 0.37)]) == "It might be a street sign."
    assert say.label_sentence([("space shuttle", 0.3), ("drilling rig", 0.2)]) == (
        "I'm not sure; it could be a space shuttle or a drilling rig.")
    assert say.label_sentence([("bobsleigh", 0.19), ("stethoscope", 0.11)]) == (
        "I can't tell what this is.")
    assert say.label_sentence([]) == "I can't tell what this is."
    # A poor frame: one step less sure, and never "looks like".
    assert say.label_sentence([("espresso", 0.99)], unsure=True) == "It might be an espresso."
    assert say.label_sentence([("consomme", 0.4), ("eggnog", 0.33)], unsure=True) == (
        "I'm not sure; it could be a consomme or an eggnog.")


def test_cat_classes_add_up_to_a_cat(photo):
    ranked = shared_labeller().top_labels(photo("chelsea"), k=10)
    families = say.imagenet_families(ranked)
    assert families["cat"] > 0.9 and "dog" not in families
    assert say.label_sentence(ranked, families=families).startswith("It looks like a cat")


def test_colour_words():
    from assistant.vision.colours import ColourShare as C

    assert say.colour_sentence([C("dark brown", 0.6), C("white", 0.2)]) == (
        "Mostly dark brown, with some white.")
    # Two shades of red are one red to a listener.
    assert say.colour_sentence([C("red", 0.31), C("light brown", 0.24), C("dark red", 0.18)],
                               middle=True) == (
        "In the middle of the picture, it is mostly red, with some light brown.")
    assert say.colour_sentence([C("green", 0.2), C("blue", 0.14), C("pink", 0.11)]) == (
        "A mix of green, blue and pink.")


def test_faces_are_faces_not_people():
    assert say.faces_sentence(0) == ("I cannot see anyone's face. People facing away from the "
                                     "camera are not counted.")
    assert say.faces_sentence(2, caveat=False) == "I can see two faces."
    assert say.faces_sentence(14, caveat=False) == "I can see 14 faces."


@pytest.fixture(scope="module")
def small_sign(sign_photo_path):
    image = load_image(sign_photo_path)
    image.thumbnail((320, 320))
    return image


@pytest.fixture(scope="module")
def engine():
    return EmbeddedEngine(labeller=shared_labeller())


@pytest.mark.parametrize("question,intent,expect", [
    ("What does this say?", "read_text", "LAUNCH PAD"),
    ("read this to me", "read_text", "NO ENTRY"),
    ("Can you read the sign?", "read_text", "The sign says"),
    ("what's written here", "read_text", "LAUNCH PAD"),
    ("What colour is this?", "colour", "blue"),
    ("what color is the sign", "colour", "blue"),
    ("Is this blue or green?", "colour", "blue"),
    ("How many people are here?", "count_people", "anyone"),
    ("is anyone there", "count_people", "I can't see anyone."),
    ("Is the light on?", "light", "light"),
    ("is it dark in here", "light", "It looks"),
    ("What is this?", "describe", 'that says: "LAUNCH PAD'),
    ("is there a chair", "find", "I don't see a chair"),
    ("how many cars are there", "count", "I don't see any cars."),
    ("what else is there?", "more", "There is writing"),
    ("what am I looking at", "describe", "LAUNCH PAD"),
])
def test_phrasings_reach_the_right_measurement(engine, small_sign, question, intent, expect):
    answer = engine.answer(small_sign, question)
    assert answer.details["intent"] == intent
    assert expect in answer.text
    assert answer.notices == (NO_VISION_MODEL,) and "'assistant" not in answer.text
