"""What the text in a picture is and which of it is said first; which OCR lines are words."""
from __future__ import annotations

import pytest

from assistant.vision.objects import SeenObject
from assistant.vision.ocr import TextBox, TextLine, reading_order
from assistant.vision.reading import cut_edges, joined, key_lines, text_kind, understand
from assistant.vision.words import plausible

SIZE = (1000, 800)


def lines(*texts: str, height: float = 20.0, left: float = 100.0) -> list[TextLine]:
    """One line per text, top to bottom, 40 px apart."""
    return [TextLine(t, 0.95, (left, 50.0 + 40 * i, left + 15 * len(t), 50.0 + 40 * i + height),
                     height) for i, t in enumerate(texts)]


@pytest.mark.parametrize("texts,kind", [
    (("Windows Error", "Windows cannot repair this computer automatically", "OK", "Cancel"),
     "screen"),
    (("FRESH MART", "Milk 1.29", "Bread 2.49", "SUBTOTAL 3.78", "TAX 0.30", "TOTAL 4.08",
      "VISA"), "receipt"),
    (("NightTime", "Cold & Flu Relief", "Acetaminophen 325 mg", "24 caplets",
      "Take 2 caplets every 6 hours"), "medicine"),
    (("Tomato Soup", "Condensed", "NET WT 10.75 OZ (305 g)", "Nutrition Facts"), "food"),
    (("City Council", "12 March 2026", "Dear Mr Jones,", "Your appointment is confirmed.",
      "Yours sincerely,"), "letter"),
    (("Starters", "Soup of the day 5.50", "Garlic bread 4.00", "Mains",
      "Fish and chips 12.50"), "menu"),
    (("NO ENTRY",), "sign"),
])
def test_kind_of_text(texts, kind):
    assert text_kind(lines(*texts), SIZE) == kind


def test_text_inside_a_detected_laptop_is_a_screen():
    text = lines("Battery low", "Plug in your charger now please to keep working")
    laptop = SeenObject("laptop", 0.9, (0.0, 0.0, 0.9, 0.9))
    assert text_kind(text, SIZE, [laptop]) == "screen"


def test_screen_quote_skips_buttons_and_receipt_quotes_shop_and_total():
    screen = understand(lines("Windows cannot repair this computer automatically", "OK",
                              "Cancel"), SIZE)
    assert key_lines(screen) == ["Windows cannot repair this computer automatically"]
    receipt = understand(lines("FRESH MART", "Milk 1.29", "Bread 2.49", "TOTAL 4.08", "VISA"),
                         SIZE)
    assert key_lines(receipt) == ["FRESH MART", "TOTAL 4.08"]


def test_biggest_words_of_a_package_come_first():
    small = lines("Serving size 1 cup", "NET WT 12 OZ")
    big = [TextLine("Frosted Flakes", 0.99, (100, 400, 700, 520), 120.0)]
    package = understand(small + big, SIZE)
    assert key_lines(package)[0] == "Frosted Flakes"


def test_cut_edges_tell_which_way_to_move():
    page = [TextLine(f"line {i} of the letter that runs off", 0.9, (0.0, 40.0 * i, 500.0, 40.0 * i + 20), 20)
            for i in range(8)]
    assert cut_edges(page, SIZE) == ("left", "top")
    assert cut_edges(lines("centred sign"), SIZE) == ()


def test_joined_runs_prose_on_and_stops_between_lines():
    assert joined(["Let us first", "determine markers", "NO ENTRY"]) == \
        "Let us first determine markers. NO ENTRY"


def test_tilted_lines_keep_their_reading_order():
    # Two lines of three words tilted 20 degrees: by raw y the words interleave.
    import math

    boxes = []
    slope = math.tan(math.radians(20))
    for row, words in enumerate((("one", "two", "three"), ("four", "five", "six"))):
        for col, word in enumerate(words):
            x = 100 + 200 * col
            y = 100 + 120 * row + slope * x
            boxes.append(TextBox(word, 0.9, (x, y, x + 150, y + 50), angle=20.0))
    assert [l.text for l in reading_order(boxes, angle=20.0)] == ["one two three", "four five six"]
    flat = [l.text for l in reading_order(boxes, angle=0.0)]
    assert flat != ["one two three", "four five six"]       # the tilt is what made it work


def test_upside_down_text_is_read_from_the_bottom_up():
    boxes = [TextBox("ENTRY NO", 0.9, (100, 100, 400, 150)), TextBox("PAD LAUNCH", 0.9, (100, 200, 400, 250))]
    assert [l.text for l in reading_order(boxes, upside_down=True)] == ["PAD LAUNCH", "ENTRY NO"]


@pytest.mark.parametrize("text,score,keep", [
    ("Hight Yime", 0.8, False),                 # a glared "NightTime"
    ("the o sr e  t te  re s the", 0.57, False),  # a blurred line of a page
    ("NightTime", 0.9, True),
    ("Windows cannot repair this computer automatically", 0.93, True),
    ("500 mg", 0.9, True), ("TOTAL $23.45", 0.9, True), ("12/05/2026", 0.9, True),
    ("NOPARKING", 1.0, True),                   # run together, but the recogniser is sure
    ("8", 0.95, False),                         # one glyph is wood grain more often than text
])
def test_plausible_lines(text, score, keep):
    assert plausible(text, score) is keep
