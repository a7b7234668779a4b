"""RapidOCR on a real printed page and on the sample sign photo."""
from __future__ import annotations

from assistant.vision.image import load_image
from assistant.vision.ocr import TextBox, read_text, reading_order


def test_reads_the_printed_page(photo):
    result = read_text(photo("page"), min_score=0.5)
    text = result.text.lower()
    for words in ("region-based segmentation", "markers", "background", "histogram"):
        assert words in text
    assert result.lines[0].text.startswith("Region-based")   # top line first
    assert all(line.score >= 0.5 for line in result.lines)


def test_reads_the_sign(sign_photo_path):
    lines = read_text(load_image(sign_photo_path)).lines
    assert [line.text for line in lines] == ["LAUNCH PAD", "NO ENTRY"]


def test_min_score_filters(photo):
    strict = read_text(photo("page"), min_score=0.999).lines
    loose = read_text(photo("page"), min_score=0.3).lines
    assert len(strict) < len(loose)


def test_no_text_in_a_cat_photo(photo):
    assert read_text(photo("chelsea")).lines == ()


def test_reading_order_groups_words_on_one_line():
    boxes = [TextBox("world", 0.9, (120, 12, 200, 40)), TextBox("second", 0.8, (10, 60, 90, 88)),
             TextBox("hello", 0.95, (10, 10, 100, 38))]
    lines = reading_order(boxes)
    assert [line.text for line in lines] == ["hello world", "second"]
    assert lines[0].score == 0.9
