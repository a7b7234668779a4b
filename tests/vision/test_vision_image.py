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
    assert "400 megapixels" in err.value.message and "the limit is 40 megapixels" in err.value.message


def _streamed_png(path, width: int, height: int, colour: bytes) -> None:
    """A PNG of one colour written row by row: a huge picture in a small file, made without
    ever holding its pixels (what a client can send in a few hundred KB)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    colour_type = {3: 2, 4: 6}[len(colour)]
    squeeze = zlib.compressobj(9)
    row = b"\0" + colour * width
    body = b"".join(squeeze.compress(row) for _ in range(height)) + squeeze.flush()
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8,
                                                                   colour_type, 0, 0, 0))
                     + chunk(b"IDAT", body) + chunk(b"IEND", b""))


def _peak_growth_mb(path) -> tuple[float, str]:
    """Load ``path`` in a fresh process: (peak resident growth in MB, the outcome)."""
    import subprocess
    import sys

    code = ("import resource, sys\n"
            "from PIL import Image, PngImagePlugin, JpegImagePlugin\n"
            "from assistant.vision.image import load_image\n"
            "from assistant.errors import InputError\n"
            "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
            "try:\n    out = 'size %dx%d' % load_image(sys.argv[1]).size\n"
            "except InputError as exc:\n    out = exc.code + ': ' + exc.message\n"
            "print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024, out)\n")
    run = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    grown, outcome = run.stdout.strip().split(" ", 1)
    return float(grown), outcome


def test_a_small_file_declaring_169_megapixels_is_refused_before_decoding(tmp_path):
    """13000 x 13000 in well under a megabyte: under Pillow's own ceiling, so only our budget
    stops it, from the header, before gigabytes are decoded; the message names that budget."""
    path = tmp_path / "bomb.png"
    _streamed_png(path, 13000, 13000, b"\x80\x80\x80")
    assert path.stat().st_size < 1_000_000
    grown, outcome = _peak_growth_mb(path)
    assert outcome.startswith("image_too_large") and "the limit is 40 megapixels" in outcome
    assert grown < 50, f"{grown:.0f} MB decoded for a picture that was refused"


def test_the_largest_picture_allowed_stays_within_its_memory_budget(tmp_path):
    """The worst picture taken: just under the budget, with transparency (four bytes a pixel
    and a background to lay it on). Its peak stays under 300 MB and it is shrunk to MAX_SIDE."""
    path = tmp_path / "wide.png"
    _streamed_png(path, 8000, 4900, b"\x20\x90\xd0\x80")
    grown, outcome = _peak_growth_mb(path)
    assert outcome == f"size {MAX_SIDE}x{round(4900 * MAX_SIDE / 8000)}"
    assert grown < 300, f"{grown:.0f} MB to open a {8000 * 4900 / 1e6:.0f} megapixel picture"


def test_a_large_phone_jpeg_is_decoded_at_a_fraction_of_its_size(tmp_path):
    """A 48 megapixel JPEG (phones take them) is over the decoding budget, but the JPEG decoder
    scales while decoding: taken, not refused."""
    path = tmp_path / "phone.jpg"
    Image.new("RGB", (8000, 6000), (30, 140, 200)).save(path, quality=85)
    grown, outcome = _peak_growth_mb(path)
    assert outcome == "size 4000x3000"
    assert grown < 150


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
