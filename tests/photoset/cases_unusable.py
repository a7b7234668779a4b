"""Photos a sighted helper could not describe either: the honest answer is to say so.

Blind users send many of these (VizWiz marks about a quarter of its photos
unanswerable): a finger over the lens, the ceiling, a dark room, a smear. An
engine that names an object here has made it up.
"""
from __future__ import annotations

from . import degrade as d
from . import render_paper as pp
from .cases import Recipe, collector
from .cases_scenes import plain_surface
from .sources import photo

RECIPES: list[Recipe] = []
recipe = collector(RECIPES)


@recipe("unusable_blurred_page", "tune", "unusable",
        "The photo is too blurry to tell what it shows; perhaps a pale sheet on a table.",
        usable=False, notes="a letter under a disc blur of radius 30")
def _(seed):
    page = pp.notice((("Dear Mr. Carter,", 40), ("Your order has shipped.", 40)),
                     size=(850, 1100), ground=(246, 243, 235), ink=(30, 30, 30), border=False,
                     bold=False)
    im = d.place(d.backdrop(photo("desk_things")), page, height=0.9, roll=10)
    return d.sensor_noise(d.defocus(im, 30), seed)


@recipe("unusable_dark", "holdout", "unusable",
        "The photo is almost completely dark; nothing can be made out.",
        usable=False, notes="a room at 3% light with sensor noise")
def _(seed):
    return d.low_light(d.backdrop(photo("cat_window")), 0.03, seed, noise=5)


@recipe("unusable_finger", "tune", "unusable",
        "A finger covers most of the lens; nothing else can be made out.",
        usable=False, notes="backlit fingertip over 85% of a table photo")
def _(seed):
    return d.finger(d.backdrop(photo("coffee")), seed, cover=0.85)


@recipe("unusable_ceiling", "tune", "unusable",
        "A blurry view of a blank white ceiling with a light; nothing to describe.",
        usable=False, notes="off-white ceiling, lamp glow, defocus and shake")
def _(seed):
    ceiling = plain_surface(d.PHONE, (226, 224, 218), seed, lamp=(0.7, 0.3))
    return d.sensor_noise(d.motion(d.defocus(ceiling, 12), 25, 60), seed)


@recipe("unusable_smeared_receipt", "holdout", "unusable",
        "The photo is smeared by camera movement; maybe paper, but nothing can be read.",
        usable=False, notes="a receipt under defocus 14 and 130-pixel motion blur")
def _(seed):
    slip = pp.receipt(pp.Receipt("GREEN MARKET", ("215 Main Street",),
                                 (("BREAD", "2.99"), ("MILK", "3.49")), "6.48", "0.32",
                                 "$6.80", "03/14/2024"), seed)
    im = d.place(d.backdrop(photo("coffee")), slip, height=0.95, roll=20)
    return d.sensor_noise(d.motion(d.defocus(im, 14), 130, 30), seed)


@recipe("unusable_sliver", "tune", "unusable",
        "Mostly a blank wall with a blurred sliver of something at the edge; too little to "
        "tell.",
        usable=False, notes="plain wall; a corner of a box enters at the right, all blurred")
def _(seed):
    wall = plain_surface(d.PHONE, (200, 192, 176), seed)
    box = d.backdrop(photo("desk_bag"), (300, 400))
    wall.paste(box.crop((0, 0, 90, 400)), (d.PHONE[0] - 90, 200))
    return d.sensor_noise(d.defocus(wall, 9), seed)


@recipe("unusable_dim_wall", "holdout", "unusable",
        "A dim, blurry view of a plain wall; nothing can be made out.",
        usable=False, notes="plain wall, dim, blurred")
def _(seed):
    wall = plain_surface(d.PHONE, (180, 176, 170), seed, shade=0.4)
    return d.low_light(d.defocus(wall, 10), 0.3, seed, noise=5)


@recipe("unusable_floor_moving", "tune", "unusable",
        "A blurred view of the floor taken while moving; too blurry to tell what it shows.",
        usable=False, notes="gravel texture under heavy motion blur")
def _(seed):
    floor = d.backdrop(photo("gravel"), d.PHONE)
    return d.sensor_noise(d.motion(d.defocus(floor, 6), 60, -70), seed)


@recipe("unusable_washed_out", "tune", "unusable",
        "The photo is washed out by bright light; almost nothing is visible.",
        usable=False, notes="pointed at a bright window: overexposed and soft")
def _(seed):
    im = d.exposure(d.backdrop(photo("town")), 3.2, lift=0.9)
    return d.sensor_noise(d.defocus(im, 16), seed)


@recipe("unusable_tv_smear", "holdout", "unusable",
        "The photo is too blurry from camera movement to tell what it shows.",
        usable=False, notes="a lecture hall, defocus 18 and 90-pixel shake")
def _(seed):
    im = d.backdrop(photo("lecture_hall"))
    return d.sensor_noise(d.motion(d.defocus(im, 18), 90, 15), seed)


@recipe("unusable_pocket", "tune", "unusable",
        "The lens is covered by dark cloth; nothing can be seen.",
        usable=False, notes="dark cloth pressed on the lens")
def _(seed):
    from . import render

    cloth = render.fabric((60, 58, 64), d.PHONE, seed, light=0.35)
    return d.low_light(d.defocus(cloth, 14), 0.5, seed, noise=3, cast=(1, 1, 1))


@recipe("unusable_text_smear", "holdout", "unusable",
        "A page of text photographed with so much blur that nothing can be read.",
        usable=False, notes="opencv's motion-blurred text photo, blurred further")
def _(seed):
    im = d.backdrop(photo("text_motion"), d.PHONE)
    return d.sensor_noise(d.motion(d.defocus(im, 12), 40, 5), seed)


@recipe("unusable_shaken_letter", "tune", "unusable",
        "A white sheet smeared by camera movement fills the picture; nothing on it can be "
        "made out.",
        usable=False, notes="a letter filling the frame, defocus 16 and 90-pixel shake (the "
        "detector saw a vase in it)")
def _(seed):
    page = pp.letter(pp.Letter("City Water Board", ("12 Mill Road",), "May 2, 2024",
                               ("Ann Lee", "4 Oak St"), "Dear Ms. Lee,",
                               ("Your bill of $42.10 is due on June 1. Please pay online or "
                                "by post.",), "Sincerely,", "Billing Office"), seed)
    im = d.place(d.backdrop(photo("fruits")), page, height=1.0, roll=15)
    return d.sensor_noise(d.motion(d.defocus(im, 16), 90, 70), seed)


@recipe("unusable_blurred_menu", "tune", "unusable",
        "A page of printed text held close and blurred; none of it can be read.",
        usable=False, notes="a menu larger than the frame, defocus 4 and 20-pixel shake (OCR "
        "read the blurred lines as '11111')")
def _(seed):
    page = pp.menu("Harbor Grill", (
        ("Starters", (("Clam Chowder", "cup or bowl", "$6.00"), ("Garden Salad", "", "$5.50"))),
        ("Mains", (("Fish and Chips", "cod, tartar sauce", "$14.00"), ("Crab Cakes", "", "$16.00"),
                   ("Lobster Roll", "", "$19.00")))), seed)
    im = d.place(d.backdrop(photo("desk_things")), page, height=1.3, roll=6)
    return d.sensor_noise(d.motion(d.defocus(im, 4), 20, 10), seed)
