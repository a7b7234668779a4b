"""Printed paper: letters and bills, an envelope, till receipts, a menu, a printed notice.

Paper is never pure white: a faint grain and a tint, so that after the camera's
exposure and JPEG it looks like a page, not a screenshot.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from .render import INK, centred, write
from .sources import font


def paper(size: tuple[int, int], seed: int, tint=(246, 243, 235)) -> Image.Image:
    """A sheet of paper with grain, as RGBA."""
    rng = np.random.default_rng(seed)
    w, h = size
    grain = rng.normal(0, 2.2, size=(h, w, 1)).astype(np.float32)
    rgb = np.clip(np.array(tint, np.float32) + grain, 0, 255).astype(np.uint8)
    return Image.fromarray(rgb).convert("RGBA")


@dataclass(frozen=True)
class Letter:
    sender: str                 # letterhead
    sender_lines: tuple[str, ...]
    date: str
    to: tuple[str, ...]         # address block
    greeting: str
    body: tuple[str, ...]       # paragraphs
    closing: str
    signature: str
    heading: str = ""           # optional bold subject line


def letter(spec: Letter, seed: int = 0, *, accent=(20, 60, 120)) -> Image.Image:
    """An A4/letter page: letterhead, date, address, greeting, paragraphs, signature."""
    page = paper((850, 1100), seed)
    draw = ImageDraw.Draw(page)
    draw.rectangle((60, 56, 98, 94), fill=accent)
    draw.text((112, 52), spec.sender, font=font("serif-bold", 40), fill=accent)
    write(draw, (114, 102), "  ·  ".join(spec.sender_lines), font("sans", 16),
          fill=(80, 80, 90))
    draw.line((60, 140, 790, 140), fill=accent, width=3)
    y = write(draw, (560, 170), spec.date, font("serif", 22))
    y = write(draw, (80, y + 20), "\n".join(spec.to), font("serif", 22), spacing=1.3)
    if spec.heading:
        y = write(draw, (80, y + 24), spec.heading, font("serif-bold", 26), width=690)
    y = write(draw, (80, y + 24), spec.greeting, font("serif", 24))
    for paragraph in spec.body:
        y = write(draw, (80, y + 14), paragraph, font("serif", 23), width=690, spacing=1.35)
    y = write(draw, (80, y + 26), spec.closing, font("serif", 23))
    draw.text((86, y + 6), spec.signature, font=font("serif", 34), fill=(30, 40, 110))
    write(draw, (80, y + 56), spec.signature, font("serif", 22))
    return page


def envelope(to: tuple[str, ...], sender: tuple[str, ...], seed: int = 0) -> Image.Image:
    """A long envelope with a stamp, a postmark, a return address and the address block."""
    env = paper((1000, 460), seed, tint=(240, 236, 226))
    draw = ImageDraw.Draw(env)
    write(draw, (36, 30), "\n".join(sender), font("sans", 20), fill=(60, 60, 70))
    draw.rectangle((850, 28, 962, 160), fill=(190, 60, 60), outline=(120, 30, 30), width=3)
    draw.rectangle((866, 44, 946, 144), fill=(230, 210, 170))
    centred(draw, (866, 44, 946, 144), "1st", font("serif-bold", 30), fill=(120, 30, 30))
    for i in range(4):
        draw.arc((740 + i * 8, 60 + i * 4, 900 - i * 8, 150 - i * 4), 0, 360,
                 fill=(70, 70, 90), width=2)
    write(draw, (330, 210), "\n".join(to), font("sans", 34), spacing=1.3)
    return env


@dataclass(frozen=True)
class Receipt:
    shop: str
    address: tuple[str, ...]
    items: tuple[tuple[str, str], ...]  # (name, price)
    subtotal: str
    tax: str
    total: str
    when: str
    footer: str = "THANK YOU FOR SHOPPING WITH US"


def receipt(spec: Receipt, seed: int = 0) -> Image.Image:
    """A narrow thermal till roll in a monospaced font, total in bold."""
    line_h = 34
    height = 300 + line_h * (len(spec.items) + len(spec.address) + 8)
    roll = paper((520, height), seed, tint=(250, 250, 247))
    draw = ImageDraw.Draw(roll)
    mono, bold = font("mono", 24), font("mono-bold", 30)
    centred(draw, (0, 20, 520, 70), spec.shop, font("mono-bold", 38))
    y = 80
    for line in spec.address:
        centred(draw, (0, y, 520, y + line_h), line, mono)
        y += line_h
    centred(draw, (0, y, 520, y + line_h), spec.when, mono)
    y += line_h + 10
    draw.line((30, y, 490, y), fill=INK, width=2)
    y += 14
    for name, price in spec.items:
        draw.text((36, y), name, font=mono, fill=INK)
        draw.text((484, y), price, font=mono, fill=INK, anchor="ra")
        y += line_h
    draw.line((30, y + 6, 490, y + 6), fill=INK, width=2)
    y += 20
    for label, value, face in (("SUBTOTAL", spec.subtotal, mono), ("TAX", spec.tax, mono),
                               ("TOTAL", spec.total, bold)):
        draw.text((36, y), label, font=face, fill=INK)
        draw.text((484, y), value, font=face, fill=INK, anchor="ra")
        y += line_h + (8 if face is bold else 0)
    centred(draw, (0, y + 20, 520, y + 60), spec.footer, font("mono", 20))
    return roll.crop((0, 0, 520, y + 80))


def menu(title: str, sections: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...],
         seed: int = 0, *, tint=(248, 240, 222), accent=(120, 30, 30)) -> Image.Image:
    """A one-page restaurant menu: title, sections, dishes with a line of detail and prices."""
    page = paper((800, 1120), seed, tint=tint)
    draw = ImageDraw.Draw(page)
    centred(draw, (0, 40, 800, 120), title, font("serif-bold", 64), fill=accent)
    draw.line((200, 130, 600, 130), fill=accent, width=2)
    y = 160
    for heading, dishes in sections:
        centred(draw, (0, y, 800, y + 50), heading, font("serif-bold", 34), fill=accent)
        y += 62
        for name, detail, price in dishes:
            draw.text((70, y), name, font=font("serif-bold", 28), fill=INK)
            draw.text((730, y), price, font=font("serif-bold", 28), fill=INK, anchor="ra")
            if detail:
                draw.text((70, y + 36), detail, font=font("serif", 20), fill=(70, 60, 60))
                y += 28
            y += 54
        y += 18
    return page


def notice(lines: tuple[tuple[str, int], ...], *, size=(900, 600), ground=(250, 250, 250),
           ink=(180, 20, 20), border=True, bold=True) -> Image.Image:
    """A printed or painted sign: centred lines of (text, point size)."""
    sign = Image.new("RGBA", size, ground + (255,))
    draw = ImageDraw.Draw(sign)
    w, h = size
    if border:
        draw.rectangle((14, 14, w - 14, h - 14), outline=ink, width=10)
    total = sum(int(pt * 1.25) for _, pt in lines)
    y = (h - total) / 2
    for text, pt in lines:
        centred(draw, (0, y, w, y + pt * 1.25), text, font("sans-bold" if bold else "sans", pt),
                fill=ink)
        y += pt * 1.25
    return sign
