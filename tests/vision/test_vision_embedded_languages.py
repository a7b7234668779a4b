"""The embedded engine's descriptions and counts in French, German and Spanish never mix in
English (issue 23, must-have 1): things, counts with their gender and plural, places, "Also",
"probably", labels, people, on real photos (scikit-image's) and the sample sign; and its
advice (dark, blurred, too small), follow-up answers ("what else", "where is", "how many",
colours, light) and the kinds' lead-ins ("Probably a computer monitor"), with English
unchanged."""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from assistant.conversation.history import Turn
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


def shapes(dark: float = 1.0, blur: float = 0.0, size: tuple[int, int] = (640, 480)) -> Image.Image:
    """A made-up picture: a blue block and a red disc on a striped beige ground, darkened,
    blurred or shrunk as asked."""
    img = Image.new("RGB", (640, 480), (200, 190, 170))
    draw = ImageDraw.Draw(img)
    draw.rectangle((100, 100, 300, 380), fill=(30, 60, 160))
    draw.ellipse((380, 150, 560, 330), fill=(180, 40, 40))
    for x in range(0, 640, 40):
        draw.line((x, 0, x, 479), fill=(90, 90, 90), width=3)
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    pixels = (np.asarray(img).astype(float) * dark).clip(0, 255).astype(np.uint8)
    return Image.fromarray(pixels).resize(size)


# Each picture, the advice it gets in English (the reply's end, as before) and the words of
# that advice in each language.
ADVICE = {
    "black": (lambda: Image.new("RGB", (640, 480), (3, 3, 3)),
              "I can't tell what this is. The picture is almost black: the lens may be "
              "covered, or the light is off. Check the lens, or turn on a light.",
              {"fr": "l'image est presque noire", "de": "das bild ist fast schwarz",
               "es": "la imagen está casi negra"}),
    "dark": (lambda: shapes(dark=0.12),
             "The picture is too dark. Try turning on a light.",
             {"fr": "trop sombre", "de": "zu dunkel", "es": "demasiado oscura"}),
    "blurred": (lambda: shapes(blur=12),
                "Hold the camera still for a sharper picture.",
                {"fr": "tenez l'appareil immobile", "de": "halten sie die kamera ruhig",
                 "es": "sujete la cámara quieta"}),
    "small": (lambda: shapes(size=(60, 45)),
              "The picture is very small; move closer, or use a bigger picture.",
              {"fr": "l'image est très petite", "de": "das bild ist sehr klein",
               "es": "la imagen es muy pequeña"}),
}
DESCRIBE = {"en": "Describe the picture.", **{lang: q[0] for lang, q in QUESTIONS.items()}}


@pytest.mark.parametrize("name", sorted(ADVICE))
def test_advice_is_said_in_the_reply_language(engine, name):
    make, english, said = ADVICE[name]
    image = make()
    with speaking("en"):
        assert engine.answer(image, DESCRIBE["en"]).text.endswith(english)
    for lang, expected in said.items():
        with speaking(lang):
            text = engine.answer(image, DESCRIBE[lang]).text
        assert expected in text.casefold(), (lang, text)
        assert not ENGLISH & words(text), (lang, text)
        assert text_language(text) in (lang, None), (lang, text)


# Follow-ups about the coffee photo (a cup in the middle on a table), asked in English with the
# reply language fixed, or in the language itself ("what else").
FOLLOW_UPS = {
    "where is the cup?": {"en": "Yes, a cup in the middle.", "fr": "Oui, une tasse au milieu.",
                          "de": "Ja, eine Tasse in der Mitte.", "es": "Sí, una taza en el centro."},
    "where is the dog?": {"en": "I don't see a dog; it may be out of view.",
                          "fr": "Je ne vois rien qui ressemble à un chien ; c'est peut-être hors du champ.",
                          "de": "Ich sehe nichts, was wie ein Hund aussieht; vielleicht ist es "
                                "außerhalb des Bildes.",
                          "es": "No veo nada que parezca un perro; quizá esté fuera de la imagen."},
    "how many dogs?": {"en": "I don't see any dogs.",
                       "fr": "Je ne vois rien qui ressemble à des chiens.",
                       "de": "Ich sehe keine Hunde.", "es": "No veo perros."},
    "is the light on?": {"en": "It looks well lit; the light seems to be on.",
                         "fr": "L'image paraît bien éclairée ; la lumière semble allumée.",
                         "de": "Es wirkt gut beleuchtet; das Licht scheint an zu sein.",
                         "es": "Se ve bien iluminado; la luz parece encendida."},
}
WHAT_ELSE = {"en": ("what else?", "I can also see a table."),
             "fr": ("Quoi d'autre ?", "Je vois aussi une table."),
             "de": ("Was gibt es noch?", "Außerdem erkenne ich: ein Tisch."),
             "es": ("¿Qué más hay?", "También veo una mesa.")}
THE_CUP_IS = {"en": "The cup is ", "fr": "Il y a une tasse : ", "de": "Da ist eine Tasse: ",
              "es": "Hay una taza: "}


@pytest.mark.parametrize("lang", ["en", "fr", "de", "es"])
def test_follow_ups_are_said_in_the_reply_language(engine, coffee, lang):
    with speaking(lang):
        from assistant.vision.phrases import count_phrase

        earlier = [Turn("What is in the middle?", f"{count_phrase('cup', 1).capitalize()}.")]
        replies = {q: engine.answer(coffee, q, earlier).text for q in FOLLOW_UPS}
        question, also = WHAT_ELSE[lang]
        more = engine.answer(coffee, question, earlier).text
        colour = engine.answer(coffee, "what colour is it?", earlier).text
    for question, said in FOLLOW_UPS.items():
        assert replies[question].startswith(said[lang]), (question, replies[question])
    assert more.startswith(also), more
    assert colour.startswith(THE_CUP_IS[lang]), colour     # "it" is the cup, in any language
    if lang != "en":
        for text in (*replies.values(), more, colour):
            assert not ENGLISH & words(text), text


def test_the_kinds_lead_ins_are_said_in_the_reply_language():
    from assistant.vision.calibration import CALIBRATION
    from assistant.vision.compose import kind_phrase
    from assistant.vision.kinds import Kind
    from assistant.vision.measure import LightLevel
    from assistant.vision.scene import SceneFacts

    light = LightLevel(brightness=0.5, label="well lit", shadow_share=0.0, highlight_share=0.0)
    facts = SceneFacts(size=(640, 480), light=light, quality=None, colours=(),
                       centre_colours=(), objects=(), faces=(),
                       labels=(("monitor", 0.4), ("desktop computer", 0.3)), reading=None)
    monitor = Kind("screen", {"labels": 0.7})                      # one signal: "probably"
    bottle = Kind("bottle", {"labels": CALIBRATION.kind_strong, "objects": 0.9})   # sure
    said = {}
    for lang in ("en", "fr", "de", "es"):
        with speaking(lang):
            said[lang] = (kind_phrase(monitor, facts), kind_phrase(bottle, facts))
    assert said["en"] == ("Probably a computer monitor", "A bottle")
    assert said["fr"] == ("Probablement un écran d'ordinateur", "Une bouteille")
    assert said["de"] == ("Wahrscheinlich ein Computermonitor", "Eine Flasche")
    assert said["es"] == ("Probablemente un monitor de ordenador", "Una botella")


def test_words_made_out_are_quoted_in_the_reply_language():
    from assistant.vision.compose import words_sentence
    from assistant.vision.ocr import TextLine
    from assistant.vision.reading import understand

    reading = understand([TextLine("EXIT NOW", 0.9, (10, 10, 200, 40), partial=True)], (640, 480))
    said = {}
    for lang in ("en", "fr", "de", "es"):
        with speaking(lang):
            said[lang] = words_sentence(reading)
    assert said["en"] == 'I can make out the words "EXIT" and "NOW".'
    assert said["fr"] == "Je distingue les mots « EXIT » et « NOW »."
    assert said["de"] == "Ich kann die Wörter „EXIT“ und „NOW“ erkennen."
    assert said["es"] == "Distingo las palabras «EXIT» y «NOW»."


# The same follow-ups asked in the language itself: "where is" and "how many" are understood
# (they were open questions outside English) and the thing named in it is found.
ASKED_IN = {
    "fr": {"Où est la tasse ?": "where is the cup?", "Y a-t-il un chien ?": "where is the dog?",
           "Combien de chiens ?": "how many dogs?"},
    "de": {"Wo ist die Tasse?": "where is the cup?", "Gibt es einen Hund?": "where is the dog?",
           "Wie viele Hunde?": "how many dogs?"},
    "es": {"¿Dónde está la taza?": "where is the cup?", "¿Hay un perro?": "where is the dog?",
           "¿Cuántos perros hay?": "how many dogs?"},
}


@pytest.mark.parametrize("lang", ["fr", "de", "es"])
def test_where_and_how_many_asked_in_the_language(engine, coffee, lang):
    from assistant.vision.router import Intent, route

    with speaking(lang):
        for question, english in ASKED_IN[lang].items():
            assert route(question) in (Intent.FIND, Intent.COUNT), question
            reply = engine.answer(coffee, question, []).text
            assert reply.startswith(FOLLOW_UPS[english][lang]), (question, reply)
