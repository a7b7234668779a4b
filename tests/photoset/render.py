"""Flat renderings of what blind users photograph: screens, a TV, fabric, and the text helpers.

Each function returns the object face-on, as a print or a screen would look, as RGBA
(transparent outside the object's outline) at a generous size; ``degrade`` then puts
it on a real photo, tilts, blurs and darkens it. Paper things are in ``render_paper``,
packaging in ``render_packs``. Text sizes are chosen so the words a case lists as
facts stay easy for a person to read after the case's degradations.
"""
from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from .sources import font

WHITE = (255, 255, 255)
INK = (22, 22, 26)


def wrap(text: str, face, width: int) -> list[str]:
    """Greedy word wrap of ``text`` to ``width`` pixels in ``face``."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            trial = f"{line} {word}".strip()
            if line and face.getlength(trial) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


def write(draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, face, *,
          fill=INK, width: int | None = None, spacing: float = 1.25,
          align: str = "left") -> float:
    """Draw (wrapped) text from its top-left corner; return the y just below it."""
    x, y = xy
    step = face.size * spacing
    for line in wrap(text, face, width) if width else text.split("\n"):
        dx = 0.0
        if align == "center" and width:
            dx = (width - face.getlength(line)) / 2
        elif align == "right" and width:
            dx = width - face.getlength(line)
        draw.text((x + dx, y), line, font=face, fill=fill)
        y += step
    return y


def centred(draw: ImageDraw.ImageDraw, box, text: str, face, fill=INK) -> None:
    """One line of text centred in ``box`` (left, top, right, bottom)."""
    left, top, right, bottom = box
    draw.text(((left + right) / 2, (top + bottom) / 2), text, font=face, fill=fill,
              anchor="mm")


# --- screens ---

def wallpaper(size: tuple[int, int], seed: int, tone=(24, 86, 160)) -> Image.Image:
    """A desktop background: a soft diagonal gradient with a few light streaks."""
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ramp = (xx / w * 0.6 + yy / h * 0.4)[..., None]
    base = np.array(tone, np.float32)
    rgb = base * (0.55 + 0.7 * ramp)
    rng = np.random.default_rng(seed)
    for _ in range(3):
        cx, cy, spread = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(w / 6, w / 3)
        rgb += 70 * np.exp(-(((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * spread ** 2)))[..., None]
    return Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8))


def dialog(title: str, message: str, buttons: tuple[str, ...] = ("OK",), *,
           icon: str = "error", size: tuple[int, int] = (1280, 800), seed: int = 0,
           taskbar: bool = True) -> Image.Image:
    """A desktop with one message window in front: title bar, icon, message, buttons."""
    screen = wallpaper(size, seed)
    draw = ImageDraw.Draw(screen)
    w, h = size
    if taskbar:
        draw.rectangle((0, h - 48, w, h), fill=(32, 36, 44))
        for i in range(5):
            draw.rounded_rectangle((70 + 58 * i, h - 40, 108 + 58 * i, h - 8), 6,
                                   fill=(70 + 20 * i, 110, 170 - 15 * i))
    body_face, title_face = font("sans", 30), font("sans", 22)
    win_w = int(w * 0.64)
    lines = wrap(message, body_face, win_w - 170)
    win_h = 64 + 60 + len(lines) * 40 + 110
    left, top = (w - win_w) // 2, max(40, (h - 48 - win_h) // 2)
    draw.rectangle((left + 6, top + 8, left + win_w + 8, top + win_h + 10), fill=(16, 40, 80))
    draw.rectangle((left, top, left + win_w, top + win_h), fill=WHITE, outline=(90, 90, 96),
                   width=2)
    draw.rectangle((left, top, left + win_w, top + 56), fill=(243, 243, 245))
    draw.text((left + 20, top + 16), title, font=title_face, fill=INK)
    centred(draw, (left + win_w - 56, top, left + win_w, top + 56), "×", font("sans", 30))
    cx, cy = left + 70, top + 56 + 70
    colour = {"error": (204, 32, 38), "warning": (232, 176, 20), "info": (30, 110, 200)}[icon]
    if icon == "warning":
        draw.polygon(((cx, cy - 34), (cx + 38, cy + 30), (cx - 38, cy + 30)), fill=colour)
        centred(draw, (cx - 20, cy - 16, cx + 20, cy + 30), "!", font("sans-bold", 38))
    else:
        draw.ellipse((cx - 34, cy - 34, cx + 34, cy + 34), fill=colour)
        centred(draw, (cx - 34, cy - 34, cx + 34, cy + 34), "×" if icon == "error" else "i",
                font("sans-bold", 44), fill=WHITE)
    write(draw, (left + 140, top + 90), "\n".join(lines), body_face, spacing=1.33)
    bx = left + win_w - 24
    for label in reversed(buttons):
        bw = max(130, int(font("sans", 26).getlength(label)) + 50)
        box = (bx - bw, top + win_h - 78, bx, top + win_h - 26)
        default = label == buttons[0]
        draw.rectangle(box, fill=(229, 241, 251) if default else (225, 225, 225),
                       outline=(0, 120, 215) if default else (173, 173, 173), width=2)
        centred(draw, box, label, font("sans", 26))
        bx -= bw + 18
    return screen


def full_screen_message(heading: str, message: str, buttons: tuple[str, ...], *,
                        size: tuple[int, int] = (1280, 800)) -> Image.Image:
    """A whole-screen message on a plain blue field (the repair and update screens)."""
    screen = Image.new("RGB", size, (0, 90, 170))
    draw = ImageDraw.Draw(screen)
    w, _ = size
    y = write(draw, (110, 110), heading, font("sans", 60), fill=WHITE, width=w - 220)
    write(draw, (110, y + 36), message, font("sans", 42), fill=WHITE, width=w - 220)
    bx = 110
    for label in buttons:
        bw = int(font("sans", 36).getlength(label)) + 60
        draw.rectangle((bx, 590, bx + bw, 664), outline=WHITE, width=3)
        centred(draw, (bx, 590, bx + bw, 664), label, font("sans", 36), fill=WHITE)
        bx += bw + 30
    return screen


def lit_screen(content: Image.Image, seed: int, *, moire: float = 0.04) -> Image.Image:
    """What a camera makes of a screen: lifted blacks, a cool cast and faint pixel moiré."""
    rgb = np.asarray(content.convert("RGB"), np.float32)
    rgb = 18 + rgb * 0.9 * np.array([0.96, 0.99, 1.04], np.float32)
    h, w = rgb.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    angle = np.random.default_rng(seed).uniform(0.2, 0.5)
    rgb *= (1 - moire + moire * np.cos((xx * np.cos(angle) + yy * np.sin(angle)) / 3.1))[..., None]
    return Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8))


def laptop(screen: Image.Image, seed: int = 0) -> Image.Image:
    """An open laptop seen from the front: lit screen in its bezel above a keyboard deck."""
    sw, sh = screen.size
    bezel = int(sw * 0.03)
    deck_h = int(sh * 0.42)
    out = Image.new("RGBA", (sw + 2 * bezel + 120, sh + 2 * bezel + deck_h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(out)
    lid = (60, 0, 60 + sw + 2 * bezel, sh + 2 * bezel)
    draw.rounded_rectangle(lid, bezel, fill=(28, 28, 30, 255))
    out.paste(lit_screen(screen, seed), (60 + bezel, bezel))
    top, width = lid[3], out.width
    draw.polygon(((60, top), (width - 60, top), (width, top + deck_h), (0, top + deck_h)),
                 fill=(170, 172, 176, 255))
    rows = 5
    for r in range(rows):
        t0 = (r + 0.6) / (rows + 1.6)
        t1 = (r + 1.35) / (rows + 1.6)
        y0, y1 = top + deck_h * 0.62 * t0, top + deck_h * 0.62 * t1
        inset0, inset1 = 60 * (1 - t0) + 30, 60 * (1 - t1) + 30
        keys = 14
        for k in range(keys):
            x0a = inset0 + (width - 2 * inset0) * k / keys + 3
            x1a = inset0 + (width - 2 * inset0) * (k + 1) / keys - 3
            x0b = inset1 + (width - 2 * inset1) * k / keys + 3
            x1b = inset1 + (width - 2 * inset1) * (k + 1) / keys - 3
            draw.polygon(((x0a, y0), (x1a, y0), (x1b, y1), (x0b, y1)), fill=(40, 40, 44, 255))
    pad_w = width * 0.22
    draw.rectangle((width / 2 - pad_w / 2, top + deck_h * 0.72, width / 2 + pad_w / 2,
                    top + deck_h * 0.94), fill=(150, 152, 156, 255), outline=(120, 120, 124, 255))
    return out


def monitor(screen: Image.Image, seed: int = 0) -> Image.Image:
    """A desk monitor: thin black bezel and a stand."""
    sw, sh = screen.size
    bezel = int(sw * 0.02)
    stand = int(sh * 0.28)
    out = Image.new("RGBA", (sw + 2 * bezel, sh + 2 * bezel + stand), (0, 0, 0, 0))
    draw = ImageDraw.Draw(out)
    draw.rectangle((0, 0, sw + 2 * bezel, sh + 2 * bezel), fill=(20, 20, 22, 255))
    out.paste(lit_screen(screen, seed), (bezel, bezel))
    cx = out.width // 2
    draw.rectangle((cx - 40, sh + 2 * bezel, cx + 40, sh + 2 * bezel + stand - 30),
                   fill=(45, 45, 48, 255))
    draw.ellipse((cx - 220, out.height - 50, cx + 220, out.height), fill=(38, 38, 40, 255))
    return out


def television(picture: Image.Image, seed: int = 0, *, size=(1280, 720),
               centering=(0.5, 0.3)) -> Image.Image:
    """A flat TV on its foot showing ``picture`` (a real photo), filled to 16:9."""
    from PIL import ImageOps

    shown = ImageOps.fit(picture.convert("RGB"), size, Image.Resampling.LANCZOS,
                         centering=centering)
    shown = Image.fromarray(np.clip(np.asarray(shown, np.float32) * 1.05 + 8, 0, 255)
                            .astype(np.uint8))
    sw, sh = size
    bezel = 22
    out = Image.new("RGBA", (sw + 2 * bezel, sh + 2 * bezel + 120), (0, 0, 0, 0))
    draw = ImageDraw.Draw(out)
    draw.rectangle((0, 0, sw + 2 * bezel, sh + 2 * bezel), fill=(12, 12, 14, 255))
    out.paste(lit_screen(shown, seed, moire=0.03), (bezel, bezel))
    cx = out.width // 2
    draw.rectangle((cx - 30, sh + 2 * bezel, cx + 30, sh + 2 * bezel + 80), fill=(25, 25, 28, 255))
    draw.rectangle((cx - 260, out.height - 40, cx + 260, out.height - 14), fill=(25, 25, 28, 255))
    return out


def phone(screen: Image.Image) -> Image.Image:
    """A smartphone face: rounded black body around a portrait screen."""
    sw, sh = screen.size
    rim = int(sw * 0.05)
    out = Image.new("RGBA", (sw + 2 * rim, sh + 2 * rim + 2 * int(sw * 0.12)), (0, 0, 0, 0))
    draw = ImageDraw.Draw(out)
    draw.rounded_rectangle((0, 0, out.width - 1, out.height - 1), int(sw * 0.14),
                           fill=(18, 18, 20, 255))
    out.paste(lit_screen(screen, 3), (rim, rim + int(sw * 0.12)))
    return out


def phone_alert(title: str, message: str, button: str, *, clock: str = "9:41",
                seed: int = 0) -> Image.Image:
    """A portrait phone screen: status bar, dimmed home screen, one alert card."""
    screen = wallpaper((540, 960), seed, tone=(60, 40, 120))
    screen = Image.fromarray((np.asarray(screen, np.float32) * 0.55).astype(np.uint8))
    draw = ImageDraw.Draw(screen)
    draw.text((30, 14), clock, font=font("sans-bold", 26), fill=WHITE)
    draw.rectangle((460, 20, 504, 40), outline=WHITE, width=2)
    draw.rectangle((463, 23, 468, 37), fill=(230, 40, 40))
    body = font("sans", 30)
    lines = wrap(message, body, 400)
    top, height = 300, 150 + 40 * len(lines) + 90
    draw.rounded_rectangle((40, top, 500, top + height), 26, fill=(246, 246, 248))
    centred(draw, (40, top + 20, 500, top + 80), title, font("sans-bold", 36))
    write(draw, (70, top + 100), "\n".join(lines), body, width=400, align="center")
    draw.line((40, top + height - 84, 500, top + height - 84), fill=(200, 200, 205), width=2)
    centred(draw, (40, top + height - 84, 500, top + height), button, font("sans-bold", 32),
            fill=(0, 110, 230))
    return screen


# --- fabric ---

def fabric(colour: tuple[int, int, int], size: tuple[int, int], seed: int, *,
           light: float = 1.0) -> Image.Image:
    """Woven cloth of one colour filling the frame: threads, folds and soft side light.

    The folds are a smooth random height field; their slopes shade the cloth the way
    a shirt held up to the lens is lit from one side.
    """
    import cv2

    w, h = size
    rng = np.random.default_rng(seed)
    field = rng.normal(size=(h // 16 + 2, w // 16 + 2)).astype(np.float32)
    field = cv2.resize(field, (w, h), interpolation=cv2.INTER_CUBIC)
    field = cv2.GaussianBlur(field, (0, 0), 28)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    for _ in range(3):
        angle, period = rng.uniform(0, np.pi), rng.uniform(w / 5, w / 2.5)
        field += 0.6 * np.sin((xx * np.cos(angle) + yy * np.sin(angle)) / period * 2 * np.pi
                              + rng.uniform(0, 6))
    gy, gx = np.gradient(field)
    slope = gx * 0.7 - gy * 0.7
    shade = 1.0 + np.clip(slope / (np.abs(slope).max() + 1e-6), -1, 1) * 0.28
    shade *= 0.82 + 0.3 * (1 - ((xx / w - 0.35) ** 2 + (yy / h - 0.3) ** 2))
    weave = (0.94 + 0.06 * np.sin(xx * 2 * np.pi / 4.2) * np.sign(np.sin(yy * 2 * np.pi / 8.4))
             + 0.04 * np.sin(yy * 2 * np.pi / 4.2))
    thread = 1 + rng.normal(0, 0.03, size=(h, w)).astype(np.float32)
    rgb = np.array(colour, np.float32)[None, None, :] * (shade * weave * thread * light)[..., None]
    img = Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8))
    return img.filter(ImageFilter.GaussianBlur(0.6))
