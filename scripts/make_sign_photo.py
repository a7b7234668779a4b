"""Make resources/samples/sign.jpg: a real photo with a road sign drawn into the scene.

The photo is scikit-image's ``rocket`` (a real launch-pad photo at dusk). The sign is
a blue board on a post with two lines of white capitals, tilted in perspective and
shaded to the photo's light, so OCR has real work to do. The demo asks
"What does the sign say?" about it. Run: python scripts/make_sign_photo.py [out.jpg]
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

SIGN_LINES = ("LAUNCH PAD", "NO ENTRY")
OUT = Path(__file__).resolve().parents[1] / "resources" / "samples" / "sign.jpg"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


def _font(size: int) -> ImageFont.FreeTypeFont:
    if FONT.exists():
        return ImageFont.truetype(str(FONT), size)
    return ImageFont.load_default(size=size)  # Pillow >= 10.1 ships a scalable default


def _board(width: int, height: int) -> Image.Image:
    """A flat sign face: blue with a white rim and centred white text."""
    board = Image.new("RGBA", (width, height), (20, 70, 160, 255))
    draw = ImageDraw.Draw(board)
    rim = max(4, width // 60)
    draw.rounded_rectangle((rim, rim, width - rim - 1, height - rim - 1), radius=rim * 3,
                           outline=(240, 240, 240, 255), width=rim)
    font = _font(int(height * 0.30))
    line_h = height / (len(SIGN_LINES) + 0.4)
    for i, line in enumerate(SIGN_LINES):
        y = line_h * (i + 0.7)
        draw.text((width / 2, y), line, font=font, fill=(245, 245, 245, 255), anchor="mm")
    return board


def _perspective_coeffs(src: list[tuple[float, float]], dst: list[tuple[float, float]]) -> list[float]:
    """Coefficients PIL's Image.transform(PERSPECTIVE) needs to map dst corners back to src."""
    rows = []
    for (x, y), (u, v) in zip(dst, src):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    a = np.array(rows, dtype=float)
    b = np.array(src, dtype=float).reshape(8)
    return list(np.linalg.solve(a, b))


def make(out: Path = OUT) -> Path:
    from skimage import data

    photo = Image.fromarray(data.rocket()).convert("RGB")
    w, h = photo.size
    bw, bh = 600, 240
    board = _board(bw, bh)

    # Where the board's corners land in the photo: a sign seen slightly from the left.
    dst = [(372, 238), (566, 252), (562, 330), (370, 334)]
    coeffs = _perspective_coeffs([(0, 0), (bw, 0), (bw, bh), (0, bh)], dst)
    warped = board.transform((w, h), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC)

    # Dusk light: the sign is darker at the bottom, like the scene around it.
    shade = np.linspace(0.95, 0.7, h, dtype=np.float32)[:, None, None]
    rgba = np.asarray(warped).astype(np.float32)
    rgba[..., :3] *= shade
    warped = Image.fromarray(rgba.clip(0, 255).astype(np.uint8), "RGBA")

    draw = ImageDraw.Draw(photo)
    draw.rectangle((462, 330, 472, h), fill=(70, 72, 78))  # the post, behind the board
    photo.paste(warped, (0, 0), warped)

    # A little softness and sensor noise, as a camera would give.
    photo = photo.filter(ImageFilter.GaussianBlur(0.6))
    noise = np.random.default_rng(3).normal(0, 4, (h, w, 3))
    pixels = (np.asarray(photo).astype(np.float32) + noise).clip(0, 255).astype(np.uint8)
    out.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(pixels).save(out, quality=88, optimize=True)
    return out


if __name__ == "__main__":
    path = make(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
    print(f"wrote {path} ({path.stat().st_size // 1024} KB)")
