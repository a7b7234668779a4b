"""The embedded engine's descriptions and counts in French, German and Spanish never mix in
English (issue 23, must-have 1): things, counts with their gender and plural, places, "Also",
"probably", labels, people, on real photos (scikit-image's) and the sample sign."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from assistant.i18n import speaking, text_language
from assistant.vision.compose import count_phrase, scene_phrase
from assistant.vision.embedded import EmbeddedEngine

SIGN = Path(__file__).resolve().parents[2] / "resources" / "samples" / "sign.jpg"
QUESTIONS = {"fr": ("Décris l'image.", "Combien de personnes y a-t-il ?"),
             "de": ("Beschreibe das Bild.", "Wie viele Personen sind da?"),
             "es": ("Describe la imagen.", "¿Cuántas personas hay?")}
# English words the composing code used to say (function words, places, hedges, the things
# these photos show); none belongs in a reply in another language. Left out: words the other
# languages spell the same ("a", "in", "an", "also", "person", "table").
ENGLISH = frozenset("""the and on of is it its probably looks like might see can't can people
cup cat computer mouse left right middle close picture filling most there mostly some with
espresso says sign""".split())
# What each photo's description names, in each language (the thing the detector finds).
NAMED = {"astronaut": {"fr": "personne", "de": "person", "es": "persona"},
         "coffee": {"fr": "tasse", "de": "tasse", "es": "taza"},
         "chelsea": {"fr": "chat", "de": "katze", "es": "gato"}}


def words(text: str) -> set[str]:
    return set(re.findall(r"[\w']+", text.casefold()))


@pytest.fixture(scope="module")
def engine():
    eyes = EmbeddedEngine()
    yield eyes
    eyes.close()


@pytest.mark.parametrize("lang", sorted(QUESTIONS))
def test_descriptions_and_counts_have_no_english(engine, photo, lang):
    describe, how_many = QUESTIONS[lang]
    with speaking(lang):
        for name in ("astronaut", "coffee", "chelsea", "rocket"):
            image = photo(name)
            text = engine.answer(image, describe).text
            assert not ENGLISH & words(text), (name, text)
            if name in NAMED:
                assert NAMED[name][lang] in text.casefold(), (name, text)
            count = engine.answer(image, how_many).text
            assert not ENGLISH & words(count), (name, count)
            assert text_language(count) in (lang, None), (name, count)
        people = engine.answer(photo("astronaut"), how_many).text
        assert {"fr": "une personne", "de": "eine person", "es": "una persona"}[lang] \
            in people.casefold(), people
        sign = engine.answer(Image.open(SIGN), describe).text
        assert "LAUNCH PAD" in sign and not ENGLISH & words(sign.replace("LAUNCH PAD", "")), sign


def test_counts_agree_in_gender_and_number():
    said = {}
    for lang in ("en", "fr", "de", "es"):
        with speaking(lang):
            said[lang] = [count_phrase("person", 1), count_phrase("person", 2),
                          count_phrase("cup", 3), count_phrase("dog", 1), count_phrase("knife", 2)]
    assert said["en"] == ["a person", "two people", "three cups", "a dog", "two knives"]
    assert said["fr"] == ["une personne", "deux personnes", "trois tasses", "un chien", "deux couteaux"]
    assert said["de"] == ["eine Person", "zwei Personen", "drei Tassen", "ein Hund", "zwei Messer"]
    assert said["es"] == ["una persona", "dos personas", "tres tazas", "un perro", "dos cuchillos"]


def test_things_and_places_are_said_in_the_language():
    from assistant.vision.objects import SeenObject

    cup = SeenObject(kind="cup", score=0.9, box=(0.4, 0.4, 0.6, 0.6))
    table = SeenObject(kind="dining table", score=0.9, box=(0.0, 0.5, 1.0, 1.0))
    with speaking("fr"):
        assert scene_phrase([cup, table], 2) == "deux personnes et une tasse au milieu sur une table"
    with speaking("de"):
        assert scene_phrase([cup, table], 2) == "zwei Personen und eine Tasse in der Mitte auf einem Tisch"
    with speaking("en"):
        assert scene_phrase([cup, table], 2) == "two people and a cup in the middle on a table"
