"""Packaging: medicine bottles and cartons, cans, food boxes, nutrition and cooking panels.

Round things are drawn as cylinders: the flat label is wrapped (its edges squeezed as
they turn away) and shaded, because a label curving out of view is exactly where
phone OCR loses letters ("Hight Yime" for NightTime).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from .render import INK, WHITE, centred, write
from .render_paper import paper
from .sources import font


def wrap_cylinder(label: Image.Image, out_width: int, *, span: float = 0.82,
                  light: float = -0.35, gloss: float = 0.25) -> Image.Image:
    """The label as seen on a cylinder: squeezed toward the edges, shaded, with a highlight.

    ``span`` is the share of the half-turn that the visible label covers; ``light`` is
    where the lamp sits (-1 left .. 1 right).
    """
    import cv2

    src = np.asarray(label.convert("RGBA"))
    h, w = src.shape[:2]
    u = (np.arange(out_width, dtype=np.float32) + 0.5) / out_width * 2 - 1
    theta = np.arcsin(np.clip(u, -0.999, 0.999))
    limit = np.pi / 2 * span
    x_src = (theta / limit * 0.5 + 0.5) * (w - 1)
    map_x = np.repeat(x_src[None, :], h, axis=0).astype(np.float32)
    map_y = np.repeat(np.arange(h, dtype=np.float32)[:, None], out_width, axis=1)
    warped = cv2.remap(src, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                       borderValue=(0, 0, 0, 0)).astype(np.float32)
    shade = cylinder_shade(out_width, light=light, gloss=gloss)
    warped[..., :3] = warped[..., :3] * shade[None, :, None] \
        + 255 * np.clip(shade - 1, 0, None)[None, :, None]
    warped[..., 3] *= (np.abs(theta) <= limit)[None, :]
    return Image.fromarray(np.clip(warped, 0, 255).astype(np.uint8), "RGBA")


def cylinder_shade(width: int, *, light: float = -0.35, gloss: float = 0.25) -> np.ndarray:
    """Brightness across a lit cylinder: diffuse falloff plus a narrow specular streak."""
    u = (np.arange(width, dtype=np.float32) + 0.5) / width * 2 - 1
    theta = np.arcsin(np.clip(u, -0.999, 0.999))
    diffuse = np.clip(np.cos(theta - light * 0.6), 0, None) ** 0.8
    streak = gloss * np.exp(-((u - light * 0.6) ** 2) / 0.004)
    return (0.22 + 0.8 * diffuse + streak).astype(np.float32)


def bottle(label: Image.Image, *, body=(236, 236, 232), cap=(250, 250, 250),
           width: int = 640) -> Image.Image:
    """A pill bottle: ridged cap, shoulder and body, with ``label`` wrapped round the body."""
    wrapped = wrap_cylinder(label, width)
    body_h = int(wrapped.height * 1.25)
    cap_h, shoulder = int(width * 0.2), int(width * 0.06)
    out = Image.new("RGBA", (width, cap_h + shoulder + body_h), (0, 0, 0, 0))
    shade = cylinder_shade(width)
    body_px = np.clip(np.array(body, np.float32)[None, :] * shade[:, None], 0, 255)
    column = Image.fromarray(np.repeat(body_px[None].astype(np.uint8), body_h + shoulder, 0))
    mask = Image.new("L", (width, body_h + shoulder), 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, width - 1, body_h + shoulder - 1),
                                           int(width * 0.08), fill=255)
    out.paste(column, (0, cap_h), mask)
    cap_w = int(width * 0.86)
    cap_shade = cylinder_shade(cap_w, gloss=0.15)
    ridges = 0.9 + 0.1 * np.sign(np.sin(np.arange(cap_w) / 3.0))
    cap_px = np.clip(np.array(cap, np.float32)[None, :] * (cap_shade * ridges)[:, None], 0, 255)
    out.paste(Image.fromarray(np.repeat(cap_px[None].astype(np.uint8), cap_h, 0)),
              ((width - cap_w) // 2, 0))
    out.alpha_composite(wrapped, (0, cap_h + shoulder + (body_h - wrapped.height) // 2))
    return out


def can(label: Image.Image, *, width: int = 620) -> Image.Image:
    """A food can: the label wrapped round it between two ribbed metal rims."""
    wrapped = wrap_cylinder(label, width, span=0.78, gloss=0.18)
    rim = int(width * 0.07)
    out = Image.new("RGBA", (width, wrapped.height + 2 * rim + rim // 2), (0, 0, 0, 0))
    shade = cylinder_shade(width, gloss=0.5)
    metal = np.clip(np.array((188, 190, 194), np.float32)[None, :] * shade[:, None], 0, 255)
    strip = np.repeat(metal[None].astype(np.uint8), rim, 0)
    strip[rim // 3: rim // 3 + 3] = (strip[rim // 3: rim // 3 + 3] * 0.7).astype(np.uint8)
    draw = ImageDraw.Draw(out)
    draw.ellipse((0, 0, width - 1, rim), fill=(205, 206, 210, 255))
    out.paste(Image.fromarray(strip), (0, rim // 2))
    out.alpha_composite(wrapped, (0, rim // 2 + rim))
    out.paste(Image.fromarray(strip), (0, rim // 2 + rim + wrapped.height))
    return out


@dataclass(frozen=True)
class MedicineLabel:
    brand: str
    name: str                   # big product name, e.g. "NightTime"
    kind: str                   # e.g. "Cold & Flu Relief"
    strength: str               # e.g. "500 mg"
    count: str                  # e.g. "24 CAPLETS"
    band: tuple[int, int, int] = (40, 30, 110)
    note: str = ""


def medicine_label(spec: MedicineLabel, seed: int = 0) -> Image.Image:
    """A bottle label: brand, product name in a coloured band, strength and count."""
    lab = paper((1000, 560), seed, tint=(252, 252, 250))
    draw = ImageDraw.Draw(lab)
    centred(draw, (0, 18, 1000, 76), spec.brand, font("sans-bold", 40), fill=spec.band)
    draw.rectangle((0, 90, 1000, 250), fill=spec.band)
    centred(draw, (0, 90, 1000, 250), spec.name, font("sans-bold", 104), fill=WHITE)
    centred(draw, (0, 262, 1000, 320), spec.kind, font("sans-bold", 44), fill=INK)
    centred(draw, (0, 330, 1000, 400), spec.strength, font("sans-bold", 58), fill=(190, 20, 30))
    centred(draw, (0, 410, 1000, 470), spec.count, font("sans-bold", 46), fill=INK)
    if spec.note:
        centred(draw, (0, 480, 1000, 530), spec.note, font("sans", 30), fill=(60, 60, 60))
    return lab


def pharmacy_label(lines: tuple[str, ...], seed: int = 0) -> Image.Image:
    """A pharmacist's printed prescription label: shop line, patient, drug, directions."""
    lab = paper((1000, 520), seed, tint=(255, 255, 255))
    draw = ImageDraw.Draw(lab)
    draw.rectangle((0, 0, 1000, 70), fill=(0, 110, 80))
    centred(draw, (0, 0, 1000, 70), lines[0], font("sans-bold", 40), fill=WHITE)
    y = 90.0
    for i, line in enumerate(lines[1:]):
        face = font("sans-bold", 48) if i == 1 else font("sans", 36)
        y = write(draw, (40, y), line, face, width=920) + 6
    return lab


def drug_facts(directions: tuple[tuple[str, str], ...], *, title="Drug Facts",
               active: str = "", seed: int = 0) -> Image.Image:
    """The back of a medicine carton: Drug Facts box with a directions table."""
    panel = paper((900, 1000), seed, tint=(255, 255, 255))
    draw = ImageDraw.Draw(panel)
    draw.rectangle((30, 30, 870, 970), outline=INK, width=5)
    draw.text((56, 46), title, font=font("sans-bold", 64), fill=INK)
    y = 130.0
    if active:
        draw.line((30, y, 870, y), fill=INK, width=4)
        y = write(draw, (56, y + 12), active, font("sans", 32), width=790) + 10
    draw.line((30, y, 870, y), fill=INK, width=4)
    draw.text((56, y + 14), "Directions", font=font("sans-bold", 44), fill=INK)
    y += 80
    for who, what in directions:
        draw.line((56, y, 844, y), fill=INK, width=2)
        bottom = write(draw, (66, y + 12), who, font("sans", 30), width=300)
        bottom = max(bottom, write(draw, (400, y + 12), what, font("sans-bold", 34),
                                   width=330))
        draw.line((386, y, 386, bottom + 8), fill=INK, width=2)
        y = bottom + 12
    draw.line((56, y, 844, y), fill=INK, width=2)
    return panel


@dataclass(frozen=True)
class FoodFront:
    brand: str
    product: str
    weight: str                 # "NET WT 12 OZ (340 g)"
    ground: tuple[int, int, int]
    ink: tuple[int, int, int] = WHITE
    tagline: str = ""


def food_front(spec: FoodFront, picture: Image.Image | None, *,
               size=(900, 1200), seed: int = 0) -> Image.Image:
    """The front of a box or bag: brand, big product name, a real photo, net weight."""
    from PIL import ImageOps

    w, h = size
    box = Image.new("RGBA", size, spec.ground + (255,))
    draw = ImageDraw.Draw(box)
    centred(draw, (0, 30, w, 110), spec.brand, font("serif-bold", 56), fill=spec.ink)
    y = write(draw, (40, 130), spec.product.upper(), font("sans-bold", 108), fill=spec.ink,
              width=w - 80, align="center", spacing=1.05)
    if spec.tagline:
        y = write(draw, (40, y + 6), spec.tagline, font("sans", 40), fill=spec.ink,
                  width=w - 80, align="center")
    if picture is not None:
        top = int(y + 30)
        shown = ImageOps.fit(picture.convert("RGB"), (w - 140, max(80, h - top - 170)))
        mask = Image.new("L", shown.size, 0)
        ImageDraw.Draw(mask).ellipse((0, 0) + shown.size, fill=255)
        box.paste(shown, (70, top), mask)
    centred(draw, (0, h - 120, w, h - 40), spec.weight, font("sans-bold", 48), fill=spec.ink)
    return box


def can_label(brand: str, product: str, weight: str, *, ground=(180, 20, 30),
              band=(250, 246, 236), seed: int = 0) -> Image.Image:
    """A flat can label: brand band, product name, net weight; to go round ``can``."""
    lab = Image.new("RGBA", (1200, 700), ground + (255,))
    draw = ImageDraw.Draw(lab)
    draw.rectangle((0, 200, 1200, 520), fill=band)
    centred(draw, (0, 40, 1200, 180), brand, font("serif-bold", 110), fill=band)
    write(draw, (80, 230), product.upper(), font("sans-bold", 110), fill=ground,
              width=1040, align="center", spacing=1.05)
    centred(draw, (0, 560, 1200, 660), weight, font("sans-bold", 52), fill=band)
    return lab


def nutrition_facts(rows: tuple[tuple[str, str, str], ...], *, serving: str,
                    calories: str, seed: int = 0) -> Image.Image:
    """A US-style Nutrition Facts panel: servings, big calories line, nutrient rows."""
    panel = paper((700, 1150), seed, tint=(255, 255, 255))
    draw = ImageDraw.Draw(panel)
    draw.rectangle((20, 20, 680, 1130), outline=INK, width=4)
    draw.text((40, 30), "Nutrition Facts", font=font("sans-bold", 70), fill=INK)
    draw.line((40, 125, 660, 125), fill=INK, width=2)
    draw.text((40, 140), serving, font=font("sans-bold", 32), fill=INK)
    draw.rectangle((40, 195, 660, 215), fill=INK)
    draw.text((40, 230), "Calories", font=font("sans-bold", 62), fill=INK)
    draw.text((660, 226), calories, font=font("sans-bold", 76), fill=INK, anchor="ra")
    draw.rectangle((40, 320, 660, 332), fill=INK)
    y = 345
    for name, amount, daily in rows:
        draw.text((40, y), name, font=font("sans-bold", 32), fill=INK)
        draw.text((40 + font("sans-bold", 32).getlength(name) + 12, y), amount,
                  font=font("sans", 32), fill=INK)
        draw.text((660, y), daily, font=font("sans-bold", 32), fill=INK, anchor="ra")
        y += 56
        draw.line((40, y - 8, 660, y - 8), fill=INK, width=2)
    return panel.crop((0, 0, 700, min(1150, y + 40)))


def instructions_panel(heading: str, steps: tuple[str, ...], *, ground=(250, 212, 60),
                       seed: int = 0) -> Image.Image:
    """A cooking-instructions panel printed on a coloured package."""
    panel = Image.new("RGBA", (1000, 760), ground + (255,))
    draw = ImageDraw.Draw(panel)
    draw.text((50, 40), heading, font=font("sans-bold", 60), fill=(150, 20, 20))
    y = 140.0
    for number, step in enumerate(steps, 1):
        draw.text((50, y), f"{number}.", font=font("sans-bold", 40), fill=INK)
        y = write(draw, (110, y), step, font("sans", 40), width=840, spacing=1.25) + 18
    return panel
