"""Cases of scenes: TVs, signs and streets, everyday things and people, colours, and
photos nobody could describe (the unusable ones)."""
from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from . import degrade as d
from . import render as r
from . import render_paper as pp
from .cases import COLOUR_QUESTION, Recipe, collector
from .sources import font, photo

RECIPES: list[Recipe] = []
recipe = collector(RECIPES)
COUNT_QUESTION = "How many people are here?"


def room(name: str, **kw) -> Image.Image:
    return d.backdrop(photo(name), d.PHONE, **kw)


def captioned(picture: Image.Image, caption: str) -> Image.Image:
    """A news channel's lower-third banner over a real photo."""
    shown = picture.convert("RGB").resize((1280, 720), Image.Resampling.LANCZOS)
    draw = ImageDraw.Draw(shown)
    draw.rectangle((0, 560, 1280, 660), fill=(170, 10, 20))
    draw.rectangle((0, 560, 260, 660), fill=(250, 250, 250))
    draw.text((130, 610), "NEWS", font=font("sans-bold", 44), fill=(170, 10, 20), anchor="mm")
    draw.text((290, 610), caption, font=font("sans-bold", 44), fill=(255, 255, 255), anchor="lm")
    return shown


def plain_surface(size, colour, seed: int, *, lamp=None, shade: float = 0.25) -> Image.Image:
    """A blank wall or ceiling: one colour, a light fall-off, an optional lamp glow."""
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    light = 1 - shade * (xx / w * 0.7 + yy / h * 0.3)
    rgb = np.array(colour, np.float32)[None, None] * light[..., None]
    if lamp:
        cx, cy = lamp
        glow = np.exp(-(((xx - cx * w) ** 2 + (yy - cy * h) ** 2) / (2 * (0.06 * w) ** 2)))
        rgb += 255 * glow[..., None]
    rng = np.random.default_rng(seed)
    rgb += rng.normal(0, 1.5, size=(h, w, 1))
    return Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8))


# --- TV ---

@recipe("tv_astronaut", "tune", "tv",
        "A television in front of patterned wallpaper, showing a smiling astronaut in an "
        "orange spacesuit beside a flag.",
        (("tv", "television"), ("person", "astronaut", "man", "woman", "people")),
        notes="clean, slight turn")
def _(seed):
    im = d.place(room("pumpkin"), r.television(photo("astronaut"), seed, centering=(0.5, 0.1)),
                 centre=(0.5, 0.5), height=0.78, tilt_y=-10, roll=2)
    return d.sensor_noise(im, seed)


@recipe("tv_football_angle", "holdout", "tv",
        "A TV seen from an angle, showing a football player in a red and blue kit kicking a "
        "ball.",
        (("tv", "television"), ("football", "soccer", "ball", "player", "person")),
        notes="turned 30 degrees about the vertical, mild blur")
def _(seed):
    im = d.place(room("plant", zoom=1.1), r.television(photo("football"), seed),
                 centre=(0.5, 0.48), height=0.8, tilt_y=30, roll=-3)
    return d.sensor_noise(d.defocus(im, 1.2), seed)


@recipe("tv_news_dark_room", "tune", "tv",
        "A television in a dark room showing a rocket on its launch pad, with a news caption "
        "saying the launch is delayed.",
        (("tv", "television"), ("rocket",)),
        notes="room almost dark, TV bright; caption 'ROCKET LAUNCH DELAYED'")
def _(seed):
    picture = captioned(photo("rocket"), "ROCKET LAUNCH DELAYED")
    dark = d.low_light(room("pumpkin"), 0.2, seed, noise=4)
    im = d.place(dark, r.television(picture, seed), centre=(0.5, 0.47), height=0.72,
                 tilt_y=8, roll=-2, shadow=0.0, light=0.9)
    return d.sensor_noise(d.vignette(im, 0.4), seed, 4)


# --- signs and streets ---

@recipe("sign_parking", "tune", "sign",
        "A sign on a pole reading Notice: double parking prohibited at all times, with cars "
        "and people behind.",
        (("double parking",), ("prohibited",)), notes="real photo, slightly crooked")
def _(seed):
    return d.sensor_noise(d.turn(photo("sign_parking"), -5), seed)


@recipe("sign_sports_close", "holdout", "sign",
        "A green direction sign pointing to the Sports Centre, a Conference Centre and car "
        "parks.",
        (("sports centre",), ("car parks", "car park")), notes="real photo, close on the sign, soft focus")
def _(seed):
    im = d.reframe(photo("sign_sports"), (0.06, 0.4, 0.86, 1.0), d.PHONE)
    return d.sensor_noise(d.defocus(im, 1.8), seed)


@recipe("sign_copy_centre", "tune", "sign",
        "A shop sign reading the copy centre under a concrete walkway with hanging flower "
        "baskets.",
        (("copy centre",),), notes="real photo, darker exposure")
def _(seed):
    return d.sensor_noise(d.exposure(photo("sign_copy"), 0.7), seed)


@recipe("sign_no_parking_shake", "holdout", "sign",
        "Yellow metal barriers on a pavement with red No Parking signs, photographed with "
        "some camera shake.",
        (("no parking",),), notes="real photo with 7-pixel motion blur")
def _(seed):
    im = d.backdrop(photo("sign_barrier"), d.PHONE)
    return d.sensor_noise(d.motion(im, 7, 10), seed)


@recipe("sign_galleries", "tune", "sign",
        "A yellow building with a blue sign reading Priory Galleries at the Ship.",
        (("priory galleries",),), notes="real photo, the left side cut away")
def _(seed):
    return d.sensor_noise(d.reframe(photo("sign_galleries"), (0.18, 0.0, 1.0, 1.0),
                                    (820, 600)), seed)


@recipe("street_bus", "holdout", "sign",
        "A red double-decker bus on a city street in front of old stone buildings.",
        (("bus",),), notes="real photo, slight turn")
def _(seed):
    return d.sensor_noise(d.turn(photo("bus"), 4), seed)


@recipe("sign_closed_door", "tune", "sign",
        "A printed notice on a building saying closed, back at 2:30 PM.",
        (("closed",), ("2:30",)), notes="a printed notice put on a real building photo")
def _(seed):
    note = pp.notice((("CLOSED", 150), ("Back at 2:30 PM", 70)), size=(900, 520))
    im = d.place(room("building", zoom=1.8, centre=(0.6, 0.75)), note, centre=(0.5, 0.5),
                 height=0.55, roll=-3, tilt_y=-15, shadow=0.3)
    return d.sensor_noise(im, seed)


# --- everyday things and people ---

@recipe("object_coffee_close", "tune", "object",
        "A close view of a cup of coffee on a red saucer with a spoon, on a wooden table.",
        (("cup", "coffee", "espresso", "mug"),), notes="too close, a little dim")
def _(seed):
    im = d.reframe(photo("coffee"), (0.12, 0.05, 0.78, 0.95), d.PHONE)
    return d.sensor_noise(d.exposure(im, 0.75), seed)


@recipe("object_cat_window", "holdout", "object",
        "A dark grey cat sitting on a window sill beside a potted orchid, looking out of the "
        "window.",
        (("cat",),), notes="real photo, soft focus")
def _(seed):
    return d.sensor_noise(d.defocus(room("cat_window"), 1.5), seed)


@recipe("object_cat_face_blur", "tune", "object",
        "A close-up of a ginger tabby cat's face, slightly blurred.",
        (("cat",),), notes="defocus radius 3, turned 8 degrees")
def _(seed):
    return d.sensor_noise(d.defocus(d.turn(room("chelsea"), 8), 3), seed)


@recipe("object_breakfast_table", "tune", "object",
        "A table with a smartphone, an orange, a mug, a bottle and a banana on a white plate "
        "with a knife and fork.",
        (("banana",), ("phone", "cell phone", "smartphone", "mobile")), notes="turned 6 degrees")
def _(seed):
    return d.sensor_noise(d.turn(room("breakfast"), -6), seed)


@recipe("object_banana_dim", "holdout", "object",
        "A banana on a white plate with a knife and fork, in dim light.",
        (("banana",),), notes="close on the plate, dark and noisy")
def _(seed):
    im = d.backdrop(photo("breakfast"), d.PHONE, zoom=1.6, centre=(0.65, 0.5))
    return d.low_light(im, 0.38, seed, noise=6)


@recipe("object_plant", "tune", "object",
        "A potted plant with long green leaves in a brown pot, with a blue clothes peg on it.",
        (("plant", "potted plant"),), notes="real photo, clean")
def _(seed):
    return d.sensor_noise(room("plant"), seed)


@recipe("object_candle_glass", "holdout", "object",
        "A lit candle next to an empty wine glass in a dark room.",
        (("candle",), ("glass", "wine glass")), notes="real low-light photo")
def _(seed):
    return d.sensor_noise(photo("candle_glass"), seed, 3)


@recipe("object_pumpkin", "tune", "object",
        "An orange pumpkin beside a plant pot and a log, in front of green patterned "
        "wallpaper.",
        (("pumpkin", "squash"),), notes="real photo, turned 4 degrees")
def _(seed):
    return d.sensor_noise(d.turn(room("pumpkin"), 4), seed)


@recipe("object_fruit_close", "holdout", "object",
        "A close-up of cut fruit: orange and lemon halves, a lime and a kiwi.",
        (("orange", "lemon", "fruit", "citrus", "lime"),), notes="too close, soft focus")
def _(seed):
    im = d.backdrop(photo("fruits"), d.PHONE, zoom=1.3)
    return d.sensor_noise(d.defocus(im, 2), seed)


@recipe("object_squirrel", "tune", "object",
        "A red squirrel sitting on a branch eating, with green leaves behind.",
        (("squirrel",),), notes="real photo, clean")
def _(seed):
    return d.sensor_noise(photo("squirrel"), seed)


@recipe("object_desk_things", "holdout", "object",
        "A pen, a lighter, a coin and two round lids on a grey desk.",
        (("pen", "lighter", "ballpoint"),), notes="real photo, seen from above")
def _(seed):
    return d.sensor_noise(room("desk_things"), seed)


@recipe("people_astronaut", "tune", "people",
        "One person: a smiling astronaut in an orange spacesuit, in front of a flag.",
        (("one", "1", "a person", "single"),), question=COUNT_QUESTION, notes="real photo")
def _(seed):
    return d.sensor_noise(photo("astronaut"), seed)


@recipe("people_two_players", "holdout", "people",
        "Two men in an office corridor, one holding a basketball, in black and white.",
        (("two", "2"),), question=COUNT_QUESTION, notes="real grey photo")
def _(seed):
    return d.sensor_noise(photo("players"), seed)


@recipe("people_campus", "tune", "people",
        "Several people walking on paths across a campus lawn, with a lamp post and buildings.",
        (("people", "person", "pedestrians"),), notes="real photo")
def _(seed):
    return d.sensor_noise(photo("campus"), seed)


@recipe("people_portrait", "holdout", "people",
        "A head-and-shoulders photo of a man with short dark hair and a goatee.",
        (("man", "person", "face"),), notes="real photo, dimmer")
def _(seed):
    return d.sensor_noise(d.exposure(photo("portrait"), 0.7), seed)


@recipe("people_football_shake", "tune", "people",
        "A football player in a red and blue kit kicking a ball in front of a crowd.",
        (("player", "person", "man", "football", "soccer"),), notes="camera shake 6 pixels")
def _(seed):
    return d.sensor_noise(d.motion(photo("football"), 6, 0), seed)


@recipe("people_lecture_hall", "tune", "people",
        "A lecture hall with a large blank blue projection screen, a wall clock and a few "
        "people near the front.",
        (("screen", "projector", "hall", "people", "person"),), notes="real dim indoor photo")
def _(seed):
    return d.sensor_noise(photo("lecture_hall"), seed)


# --- colours ---

@recipe("colour_red_fabric", "tune", "colour", "Red woven fabric with soft folds filling the "
        "whole frame.", (("red",),), question=COLOUR_QUESTION, notes="shirt held to the lens")
def _(seed):
    return d.sensor_noise(r.fabric((185, 28, 36), d.PHONE, seed), seed)


@recipe("colour_navy_fabric", "holdout", "colour", "Dark navy blue cloth with folds "
        "filling the frame.", (("blue", "navy"),), question=COLOUR_QUESTION,
        notes="dimmer light")
def _(seed):
    return d.sensor_noise(r.fabric((34, 44, 100), d.PHONE, seed, light=0.8), seed, 3)


@recipe("colour_green_blur", "tune", "colour", "Green fabric filling the frame, slightly out "
        "of focus.", (("green",),), question=COLOUR_QUESTION, notes="defocus radius 4")
def _(seed):
    return d.sensor_noise(d.defocus(r.fabric((40, 130, 62), d.PHONE, seed), 4), seed)


@recipe("colour_purple_fabric", "tune", "colour", "Purple fabric with folds filling the "
        "frame, lit from one side.", (("purple", "violet"),), question=COLOUR_QUESTION,
        notes="turned, vignette")
def _(seed):
    return d.sensor_noise(d.vignette(r.fabric((110, 40, 140), d.PHONE, seed), 0.3), seed)


@recipe("colour_apple", "holdout", "colour", "A red apple filling most of the frame against "
        "a green background.", (("red", "orange"),), question=COLOUR_QUESTION, notes="real photo, close")
def _(seed):
    return d.sensor_noise(d.backdrop(photo("apple"), d.PHONE, zoom=1.2), seed)
