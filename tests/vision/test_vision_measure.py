"""Light level and colour names on real photos."""
from __future__ import annotations

import numpy as np
import pytest

from assistant.vision.colours import describe_colours, main_colours, pixel_names
from assistant.vision.measure import light_level


def names(img, limit=3):
    return [c.name for c in main_colours(img, limit=limit)]


def test_coffee_is_brown_and_red(coffee):
    found = names(coffee, limit=4)
    assert any("brown" in n for n in found)   # wooden table, espresso
    assert "red" in found                     # the cup and saucer


def test_rocket_at_dusk_is_blue(photo):
    found = names(photo("rocket"))
    assert found[0] == "dark blue"


def test_hubble_deep_field_is_mostly_black(photo):
    colours = main_colours(photo("hubble_deep_field"))
    assert colours[0].name == "black" and colours[0].share > 0.8


def test_greyscale_photo_has_only_greys(photo):
    found = set(names(photo("camera"), limit=5))
    assert found <= {"black", "dark grey", "grey", "light grey", "white"}


def test_shares_are_sorted_fractions(photo):
    colours = main_colours(photo("astronaut"), limit=5, min_share=0.0)
    shares = [c.share for c in colours]
    assert shares == sorted(shares, reverse=True)
    assert all(0 < s <= 1 for s in shares)


@pytest.mark.parametrize("rgb,name", [
    ((200, 20, 20), "red"), ((100, 10, 10), "dark red"), ((150, 200, 250), "light blue"),
    ((128, 128, 128), "grey"), ((250, 250, 250), "white"), ((10, 10, 10), "black"),
    ((110, 60, 20), "brown"), ((255, 150, 0), "orange"), ((40, 160, 40), "green"),
    ((250, 170, 190), "pink"),
])
def test_plain_colour_names(rgb, name):
    pixel = np.array([[rgb]], dtype=np.float32) / 255
    assert pixel_names(pixel)[0, 0] == name


def test_describe_colours_reads_well(photo):
    text = describe_colours(main_colours(photo("rocket")))
    assert text.startswith("Mostly dark blue (") and text.endswith(").")


def test_light_levels_of_real_photos(photo, dimmed):
    assert light_level(photo("page")).label in ("bright", "well lit")
    assert light_level(photo("rocket")).label == "dim"            # dusk
    dark = light_level(dimmed(photo("coffee"), 0.12))
    assert dark.label == "very dark" and dark.is_dark
    assert light_level(photo("coffee")).brightness > 5 * dark.brightness


def test_light_sentence_mentions_level(photo):
    sentence = light_level(photo("chelsea")).sentence()
    assert sentence.startswith("The picture is well lit (brightness")
