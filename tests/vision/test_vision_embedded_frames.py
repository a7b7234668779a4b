"""Choosing the frame to answer from, and the words said when no frame is good enough."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageFilter

from assistant.vision.camera import Frame
from assistant.vision.frames import best_frame, problem_words
from assistant.vision.quality import check_frame


def _frame(image: Image.Image, seq: int) -> Frame:
    return Frame(np.asarray(image.convert("RGB")), float(seq), seq)


@pytest.fixture(scope="module")
def coffee_frames(coffee):
    """A hand settling: blurred, less blurred, sharp, then a finger over the lens."""
    blurred = [coffee.filter(ImageFilter.GaussianBlur(r)) for r in (8, 3)]
    covered = Image.new("RGB", coffee.size, (150, 120, 110))
    return [_frame(img, i + 1) for i, img in enumerate([*blurred, coffee, covered])]


def test_picks_the_sharp_frame(coffee_frames):
    frame, quality = best_frame(coffee_frames)
    assert frame.seq == 3 and quality.ok


def test_usable_beats_sharp(coffee, dimmed):
    # Sensor noise in a dark frame is "sharp"; a softer but lit frame is worth more.
    rng = np.random.default_rng(1)
    dark = np.asarray(dimmed(coffee, 0.12)).astype(np.int16) + rng.integers(-12, 12, (400, 600, 3))
    dark_frame = _frame(Image.fromarray(np.clip(dark, 0, 255).astype(np.uint8)), 1)
    soft = _frame(coffee.filter(ImageFilter.GaussianBlur(1.0)), 2)
    qualities = [check_frame(f.image) for f in (dark_frame, soft)]
    assert qualities[0].sharpness > qualities[1].sharpness      # the trap is real
    frame, quality = best_frame([dark_frame, soft])
    assert frame.seq == 2 and quality.ok


def test_all_bad_still_returns_one_and_says_why(coffee):
    frames = [_frame(coffee.filter(ImageFilter.GaussianBlur(r)), i) for i, r in enumerate((9, 6))]
    frame, quality = best_frame(frames)
    assert frame.seq == 1 and quality.problem == "blurred"
    assert problem_words(quality) == "The picture is blurry. Hold the camera still for a moment."
    assert "hand's length" in problem_words(quality, "read_text")


def test_plain_arrays_and_pil_images_work(photo):
    sharp = np.asarray(photo("astronaut"))
    soft = np.asarray(photo("astronaut").filter(ImageFilter.GaussianBlur(5)))
    chosen, _ = best_frame([soft, sharp])
    assert chosen is sharp
    chosen, _ = best_frame([photo("chelsea")])
    assert isinstance(chosen, Image.Image)
    with pytest.raises(ValueError):
        best_frame([])


def test_words_for_each_problem(coffee, dimmed):
    assert problem_words(check_frame(np.asarray(coffee))) == ""
    assert problem_words(None) == ""
    dark = check_frame(np.asarray(dimmed(coffee, 0.1)))
    assert dark.problem == "dark"
    assert problem_words(dark) == "The picture is too dark. Try turning on a light."
    black = check_frame(np.asarray(dimmed(coffee, 0.04)))
    assert "covered, or the light is off" in problem_words(black)   # cannot tell which
    finger = check_frame(np.full((300, 400, 3), (200, 150, 140), np.uint8))
    assert problem_words(finger).startswith("The camera seems to be covered.")
