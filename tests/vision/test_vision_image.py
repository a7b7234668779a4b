"""load_image / usable_image / image_id on real photos and on broken input."""
from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from assistant.errors import InputError
from assistant.vision.image import MAX_SIDE, image_id, load_image, usable_image


def test_real_jpeg_loads_as_rgb(sign_photo_path):
    img = load_image(sign_photo_path)
    assert img.mode == "RGB"
    assert img.size == (640, 427)


def test_missing_file(tmp_path):
    with pytest.raises(InputError) as err:
        load_image(tmp_path / "nope.jpg")
    assert err.value.code == "file_missing"
    assert "nope.jpg" in err.value.message


def test_truncated_jpeg_is_unreadable_not_a_crash(truncated_jpeg):
    with pytest.raises(InputError) as err:
        load_image(truncated_jpeg)
    assert err.value.code == "image_unreadable"
    assert "damaged" in err.value.message


def test_text_file_is_not_a_picture(tmp_path):
    path = tmp_path / "notes.jpg"
    path.write_text("shopping: milk, eggs")
    with pytest.raises(InputError) as err:
        load_image(path)
    assert err.value.code == "image_unreadable"


def test_one_pixel_image_is_too_small(tmp_path):
    path = tmp_path / "dot.png"
    Image.new("RGB", (1, 1), (200, 10, 10)).save(path)
    with pytest.raises(InputError) as err:
        load_image(path)
    assert err.value.code == "image_too_small"
    assert "1 x 1" in err.value.message and "cannot be described" in err.value.message


def test_decompression_bomb_is_refused_in_words(tmp_path):
    # 20000 x 20000 of one colour compresses to a few hundred KB but would need 1.2 GB.
    path = tmp_path / "bomb.png"
    Image.new("L", (20000, 20000), 128).save(path, optimize=False)
    with pytest.raises(InputError) as err:
        load_image(path)
    assert err.value.code == "image_too_large"
    assert "400 megapixels" in err.value.message


def test_large_jpeg_is_shrunk(tmp_path, photo):
    big = photo("astronaut").resize((9000, 9000))
    path = tmp_path / "big.jpg"
    big.save(path, quality=70)
    img = load_image(path)
    assert max(img.size) <= MAX_SIDE
    assert img.size[0] == img.size[1]


def test_transparent_png_gets_white_background(tmp_path):
    rgba = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
    path = tmp_path / "clear.png"
    rgba.save(path)
    assert load_image(path).getpixel((5, 5)) == (255, 255, 255)


def test_exif_rotation_is_applied(photo):
    img = photo("chelsea")  # 451 wide, 300 high
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 clockwise to view"
    img.save(buffer, format="JPEG", exif=exif)
    buffer.seek(0)
    upright = usable_image(Image.open(buffer))
    assert upright.size == (300, 451)


def test_sixteen_bit_greyscale_is_stretched():
    ramp = np.tile(np.linspace(1000, 3000, 64, dtype=np.uint16), (32, 1))
    img = usable_image(Image.fromarray(ramp))
    values = np.asarray(img)
    assert img.mode == "RGB" and values.min() == 0 and values.max() == 255


def test_image_id_is_stable_and_tells_pictures_apart(photo, sign_photo_path):
    coffee = photo("coffee")
    assert image_id(coffee) == image_id(photo("coffee").copy())
    assert image_id(coffee) != image_id(photo("chelsea"))
    assert image_id(load_image(sign_photo_path)) == image_id(load_image(sign_photo_path))
    assert len(image_id(coffee)) == 16
