"""Cases where printed or lit text matters most: screens, medicine, food packs.

Each builder renders the object, places it on a real photo and applies the handheld
faults named in its notes. Brands are made up; the layouts follow the real things.
Paper (letters, receipts, menus) is in ``cases_paper``.
"""
from __future__ import annotations

from PIL import Image

from . import degrade as d
from . import render as r
from . import render_packs as pk
from .cases import Recipe, collector
from .sources import photo

RECIPES: list[Recipe] = []
recipe = collector(RECIPES)
PORTRAIT = (768, 1024)


def wood(size=d.PHONE, **kw) -> Image.Image:
    """The wooden café table of scikit-image's coffee photo, cup off to the right."""
    return d.backdrop(photo("coffee"), size, **kw)


def desk(size=d.PHONE, **kw) -> Image.Image:
    """A grey desk top with a pen, a lighter and lids near the edges (opencv stuff.jpg)."""
    return d.backdrop(photo("desk_things"), size, **kw)


def office(size=d.PHONE, **kw) -> Image.Image:
    return d.backdrop(photo("plant"), size, **kw)


# --- screens ---

@recipe("screen_repair_laptop", "tune", "screen",
        "A laptop screen showing a Windows error message saying it cannot repair this "
        "computer automatically.",
        (("laptop", "screen", "computer", "monitor"), ("cannot repair",)),
        notes="laptop tilted back and turned, slight defocus")
def _(seed):
    screen = r.dialog("Startup Repair", "Windows cannot repair this computer automatically. "
                      "Click Cancel to return to the Windows startup screen.",
                      ("Send information", "Cancel"), icon="error", seed=seed)
    im = d.place(office(), r.laptop(screen, seed), centre=(0.5, 0.52), height=0.95,
                 tilt_x=12, tilt_y=-18, roll=4)
    return d.sensor_noise(d.defocus(im, 1.5), seed)


@recipe("screen_password_close", "holdout", "screen",
        "A computer screen with a message saying your password has expired and must be "
        "changed, with an OK button.",
        (("password has expired", "password expired"),), question="What does this say?",
        notes="too close: only the middle of the monitor; small camera shake")
def _(seed):
    screen = r.dialog("Sign in", "Your password has expired and must be changed.",
                      ("OK",), icon="info", seed=seed)
    im = d.place(office(), r.monitor(screen, seed), centre=(0.5, 0.62), height=1.05,
                 tilt_x=-8, roll=-3)
    im = d.reframe(im, (0.14, 0.16, 0.86, 0.84))
    return d.sensor_noise(d.motion(im, 5, 20), seed)


@recipe("screen_update_glare", "tune", "screen",
        "A computer monitor with a blue screen saying updates are ready to install and "
        "asking to restart now.",
        (("update", "updates"), ("restart",)),
        notes="a ceiling light reflected as a band across the lower right")
def _(seed):
    screen = r.full_screen_message(
        "Updates are ready to install",
        "Restart now to finish installing updates. Your PC will restart in 15 minutes.",
        ("Restart now", "Schedule later"))
    im = d.place(office(zoom=1.3), r.monitor(screen, seed), centre=(0.5, 0.6), height=0.98,
                 tilt_y=12, roll=2)
    im = d.glare(im, (0.72, 0.62), 0.07, 0.85, stretch=4, angle=-30)
    return d.sensor_noise(im, seed)


@recipe("screen_boot_dark_room", "holdout", "screen",
        "A laptop in a dark room; its blue screen says your PC did not start correctly, "
        "with Restart and Advanced options.",
        (("did not start correctly",), ("restart",)),
        notes="room dark and noisy, the screen itself bright; slight tilt")
def _(seed):
    screen = r.full_screen_message("Automatic Repair", "Your PC did not start correctly. "
                                   "Press Restart to restart your PC, which can sometimes "
                                   "fix the problem.", ("Restart", "Advanced options"))
    room = d.low_light(office(), 0.25, seed, noise=4)
    im = d.place(room, r.laptop(screen, seed), centre=(0.5, 0.55), height=0.92, tilt_x=18,
                 tilt_y=10, roll=-5, shadow=0.0, light=0.85)
    return d.sensor_noise(d.vignette(im, 0.4), seed, 5)


@recipe("screen_phone_battery", "tune", "screen",
        "A mobile phone lying on a saucer, photographed sideways, showing a low battery "
        "warning with 5% remaining.",
        (("battery",), ("5%", "5 %", "5 percent", "five percent")),
        notes="photo turned 90 degrees: the phone was held sideways")
def _(seed):
    screen = r.phone_alert("Low Battery", "5% battery remaining. Connect your charger.",
                           "OK", seed=seed)
    im = d.place(wood(centre=(0.3, 0.6), zoom=1.3), r.phone(screen), centre=(0.45, 0.5),
                 height=0.95, roll=6, tilt_x=10)
    return d.sensor_noise(d.turn(im, 90), seed)


@recipe("screen_printer_angle", "holdout", "screen",
        "A computer monitor seen from the side showing a message that the printer is "
        "offline.",
        (("printer",), ("offline",)),
        notes="strong turn about the vertical (35 degrees), mild defocus")
def _(seed):
    screen = r.dialog("Printer", "The printer is offline. Check that it is turned on and "
                      "connected.", ("OK", "Cancel"), icon="warning", seed=seed)
    im = d.place(office(zoom=1.2), r.monitor(screen, seed), centre=(0.5, 0.56), height=0.92,
                 tilt_y=35, tilt_x=5)
    return d.sensor_noise(d.defocus(im, 1.2), seed)


# --- medicine ---

def _night_label(seed):
    return pk.medicine_label(pk.MedicineLabel("Restwell", "NightTime", "Cold & Flu Relief",
                                              "500 mg", "24 CAPLETS"), seed)


@recipe("medicine_nighttime", "tune", "medicine",
        "A white pill bottle labelled NightTime Cold and Flu Relief, 500 mg, 24 caplets, on "
        "a wooden table.",
        (("nighttime", "night time"), ("500 mg", "500mg")),
        notes="bottle leaning, small glare spot beside the name")
def _(seed):
    im = d.place(wood(), pk.bottle(_night_label(seed)), centre=(0.36, 0.5), height=0.92,
                 roll=-8)
    im = d.glare(im, (0.47, 0.33), 0.025, 0.8)
    return d.sensor_noise(im, seed)


@recipe("medicine_directions_close", "holdout", "medicine",
        "The directions on a medicine box: adults take 2 caplets every 6 hours, no more than "
        "8 caplets in 24 hours.",
        (("every 6 hours", "every six hours"), ("2 caplets", "two caplets")),
        question="Read this to me", notes="too close and cut off at the right edge, tilted")
def _(seed):
    panel = pk.drug_facts((("adults and children 12 years and over",
                            "take 2 caplets every 6 hours"),
                           ("", "do not take more than 8 caplets in 24 hours"),
                           ("children under 12 years", "do not use")),
                          active="Active ingredient: Acetaminophen 500 mg", seed=seed)
    im = d.place(desk(), panel, centre=(0.55, 0.5), height=1.25, tilt_x=14, roll=5)
    im = d.reframe(im, (0.08, 0.1, 0.9, 0.9))
    return d.sensor_noise(d.defocus(im, 1.0), seed)


@recipe("medicine_ibuprofen_glare", "tune", "medicine",
        "A bottle of Medix ibuprofen pain reliever, 200 mg, with a bright glare over the "
        "lower part of the label.",
        (("ibuprofen",), ("200 mg", "200mg")),
        notes="glare band over the tablet count")
def _(seed):
    label = pk.medicine_label(pk.MedicineLabel("Medix", "Ibuprofen", "Pain Reliever",
                                               "200 mg", "100 TABLETS", band=(0, 120, 70)),
                              seed)
    im = d.place(desk(), pk.bottle(label), centre=(0.5, 0.5), height=0.95, roll=4, tilt_x=6)
    im = d.glare(im, (0.52, 0.8), 0.04, 0.95, stretch=5, angle=8)
    return d.sensor_noise(im, seed)


@recipe("medicine_vitamin_upside_down", "holdout", "medicine",
        "An upside-down bottle of Vitamin D3 1000 IU, 90 softgels, on a grey desk.",
        (("vitamin d3", "vitamin d"),),
        notes="photo upside down (180 degrees)")
def _(seed):
    label = pk.medicine_label(pk.MedicineLabel("Sunvale", "Vitamin D3", "Dietary Supplement",
                                               "1000 IU", "90 SOFTGELS", band=(220, 120, 0)),
                              seed)
    im = d.place(desk(), pk.bottle(label, body=(250, 240, 200)), centre=(0.5, 0.5),
                 height=0.9, roll=-3)
    return d.sensor_noise(d.turn(im, 180), seed)


@recipe("medicine_prescription_dim", "tune", "medicine",
        "A prescription bottle for Maria Alvarez: amoxicillin 500 mg capsules, take one "
        "capsule three times daily, in dim light.",
        (("amoxicillin",),),
        notes="warm lamp light, dark and noisy; amber bottle")
def _(seed):
    label = pk.pharmacy_label(("CITY PHARMACY  (555) 201-7730", "MARIA ALVAREZ",
                               "AMOXICILLIN 500 MG CAPSULES",
                               "Take 1 capsule by mouth 3 times daily until finished.",
                               "Qty: 30   Refills: 0   Dr. S. Patel"), seed)
    im = d.place(wood(), pk.bottle(label, body=(200, 110, 30), cap=(245, 245, 245)),
                 centre=(0.4, 0.5), height=0.95, roll=5)
    return d.low_light(im, 0.5, seed, noise=5)


# --- food ---

@recipe("food_soup_can", "tune", "food",
        "A red and white can of Hillside tomato soup, net weight 10.75 ounces, on a wooden "
        "table.",
        (("tomato soup",),), notes="clean; the can's curve squeezes the label edges")
def _(seed):
    label = pk.can_label("Hillside", "Tomato Soup", "NET WT 10.75 OZ (305 g)", seed=seed)
    im = d.place(wood(), pk.can(label), centre=(0.4, 0.5), height=0.85, roll=3)
    return d.sensor_noise(im, seed)


@recipe("food_cereal_tilted", "holdout", "food",
        "A box of Sunny Oats Honey Oat Crunch cereal, net weight 12 ounces, tilted back on a "
        "desk.",
        (("oat crunch",), ("12 oz", "340 g")),
        notes="box tipped back 30 degrees and turned")
def _(seed):
    front = pk.food_front(pk.FoodFront("Sunny Oats", "Honey Oat Crunch",
                                       "NET WT 12 OZ (340 g)", (230, 120, 20),
                                       tagline="Whole grain cereal"),
                          photo("fruits"), seed=seed)
    im = d.place(desk(), front, centre=(0.5, 0.5), height=0.95, tilt_x=30, tilt_y=-12, roll=-6)
    return d.sensor_noise(im, seed)


@recipe("food_nutrition_blur", "tune", "food",
        "A Nutrition Facts label: 8 servings per container, 230 calories per serving, with "
        "fat, sodium and sugar amounts.",
        (("nutrition facts",), ("230",)), question="Read this to me",
        notes="close and out of focus (disc blur radius 2.5)")
def _(seed):
    panel = pk.nutrition_facts((("Total Fat", "8g", "10%"), ("Sodium", "160mg", "7%"),
                                ("Total Carbohydrate", "37g", "13%"),
                                ("Total Sugars", "12g", ""), ("Protein", "3g", "")),
                               serving="8 servings per container", calories="230", seed=seed)
    im = d.place(wood(), panel, centre=(0.5, 0.5), height=1.0, roll=-4, tilt_x=8)
    return d.sensor_noise(d.defocus(im, 2.5), seed)


@recipe("food_instructions_cut", "holdout", "food",
        "Cooking instructions on a pasta box: bring 4 quarts of water to a boil, boil 9 to "
        "11 minutes, drain.",
        (("cooking instructions",), ("boil",)),
        notes="cut off at the right edge; slight tilt")
def _(seed):
    panel = pk.instructions_panel("Cooking Instructions",
                                  ("Bring 4 quarts of water to a boil.", "Add pasta and stir.",
                                   "Boil 9 to 11 minutes, stirring occasionally.",
                                   "Drain and serve."), seed=seed)
    im = d.place(desk(), panel, centre=(0.62, 0.5), height=0.9, roll=3, tilt_x=10)
    return d.sensor_noise(d.reframe(im, (0.0, 0.0, 0.92, 1.0)), seed)


@recipe("food_beans_dim", "tune", "food",
        "A can of Casa Verde black beans on a wooden table, photographed in dim light.",
        (("black beans",),), notes="dim tungsten light, noise")
def _(seed):
    label = pk.can_label("Casa Verde", "Black Beans", "NET WT 15.5 OZ (439 g)",
                         ground=(20, 90, 40), band=(245, 235, 200), seed=seed)
    im = d.place(wood(), pk.can(label), centre=(0.42, 0.5), height=0.85, roll=-4)
    return d.low_light(im, 0.42, seed, noise=6)


@recipe("food_rice_glare", "holdout", "food",
        "A bag of Golden Field basmati rice, 2 pounds, with light reflecting off the top.",
        (("basmati",),), notes="glare blob over the brand line")
def _(seed):
    front = pk.food_front(pk.FoodFront("Golden Field", "Basmati Rice", "2 LB (907 g)",
                                       (235, 228, 205), ink=(120, 30, 30),
                                       tagline="Extra long grain"), photo("grass"), seed=seed)
    im = d.place(desk(), front, centre=(0.5, 0.5), height=0.95, roll=5, tilt_x=12)
    im = d.glare(im, (0.42, 0.1), 0.035, 0.9, stretch=3)
    return d.sensor_noise(im, seed)


@recipe("food_tea_sideways", "tune", "food",
        "A box of Meadow peppermint tea with 20 tea bags, photographed sideways.",
        (("peppermint",),), notes="photo turned 90 degrees the other way (270)")
def _(seed):
    front = pk.food_front(pk.FoodFront("Meadow", "Peppermint Tea", "20 TEA BAGS",
                                       (30, 110, 70), tagline="Caffeine free herbal tea"),
                          photo("plant"), size=(1100, 900), seed=seed)
    im = d.place(wood(zoom=1.2), front, centre=(0.5, 0.5), height=0.8, roll=-5)
    return d.sensor_noise(d.turn(im, 270), seed)
