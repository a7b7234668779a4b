"""Triage on shaken frames, from measured facts (pure): what a smear must not be called."""
from __future__ import annotations

import pytest

from assistant.vision import queries
from assistant.vision.compose import describe
from assistant.vision.grounding import grounding_text
from assistant.vision.measure import LightLevel
from assistant.vision.objects import SeenObject
from assistant.vision.ocr import TextLine
from assistant.vision.quality import FrameQuality
from assistant.vision.reading import trusted
from assistant.vision.scene import SceneFacts
from assistant.vision.triage import triage, trusted_objects
from assistant.vision.words import stroke_run

SHARP = FrameQuality(brightness=150, contrast=50, sharpness=80, too_dark=False, blurred=False,
                     covered=False)
SMEARED = FrameQuality(brightness=190, contrast=55, sharpness=0.3, too_dark=False, blurred=True,
                       covered=False)
SOFT = FrameQuality(brightness=150, contrast=8, sharpness=9, too_dark=False, blurred=True,
                    covered=False)
LIGHT = LightLevel(brightness=0.7, label="bright", shadow_share=0.0, highlight_share=0.01)
WHOLE = (0.01, 0.0, 0.99, 0.99)
PERSON = SeenObject("person", 0.83, WHOLE)


def facts(quality, objects=(), labels=(), lines=()):
    from assistant.vision.reading import understand

    reading = understand(lines, (640, 480)) if lines else None
    return SceneFacts(size=(640, 480), light=LIGHT, quality=quality, colours=(),
                      centre_colours=(), objects=tuple(objects), faces=(), labels=tuple(labels),
                      reading=reading)


def test_a_box_filling_a_smeared_frame_is_not_a_person():
    smear = facts(SMEARED, [PERSON, SeenObject("vase", 0.94, (0.05, 0.05, 0.95, 0.95))])
    assert trusted_objects(smear) == ()
    verdict = triage(smear)
    assert not verdict.usable
    text = describe(smear, verdict)
    assert "person" not in text and "vase" not in text and "can't tell" in text
    # Follow-ups and the VLM prompt see the same: nobody is there.
    assert queries.count(smear, "how many people") == "I don't see any people."
    assert "person" not in grounding_text(smear)
    # The same box on a sharp frame is a person close up.
    assert trusted_objects(facts(SHARP, [PERSON])) == (PERSON,)


def test_a_confident_small_thing_in_a_smear_is_still_named():
    cup = SeenObject("cup", 0.9, (0.3, 0.3, 0.6, 0.7))
    assert trusted_objects(facts(SMEARED, [cup])) == (cup,)


def test_a_page_too_soft_to_read_is_still_named_as_paper():
    """Describe before refusing: a soft page is "probably a piece of paper", with advice."""
    page = facts(SOFT, labels=[("crossword", 0.81), ("odometer", 0.03)])
    verdict = triage(page)
    assert verdict.usable
    text = describe(page, verdict)
    assert "paper" in text and "can't tell" not in text and "still" in text
    # Sharp, the same label with no text read is an answer too.
    assert triage(facts(SHARP, labels=[("crossword", 0.81)])).usable


@pytest.mark.parametrize("text, debris", [
    ("11111", True), ("11", True), ("Il1l", True), ("1 1 1", True),
    ("111 Main Street", False), ("12", False), ("1", False), ("Ill", True),
])
def test_stroke_runs(text, debris):
    assert stroke_run(text) is debris


def test_blurred_lines_read_as_strokes_are_dropped_only_on_a_poor_frame():
    strokes = TextLine("11111", 0.97, (10, 10, 300, 40))
    room = TextLine("Room 111", 0.97, (10, 60, 300, 90))
    assert trusted([strokes, room], SOFT) == (room,)
    assert trusted([strokes, room], SHARP) == (strokes, room)
