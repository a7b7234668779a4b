"""Cases of paper: letters and mail, till receipts, menus.

Pages lie on the same real desks and tables as the packs in ``cases_text``; portrait
frames, because people hold the phone upright over a page.
"""
from __future__ import annotations

from . import degrade as d
from . import render_paper as pp
from .cases import Recipe, collector
from .cases_text import PORTRAIT, desk, wood

RECIPES: list[Recipe] = []
recipe = collector(RECIPES)


# --- letters and mail ---

@recipe("letter_bank", "tune", "letter",
        "A letter from First County Bank to Maria Alvarez saying her new debit card is "
        "enclosed and must be activated.",
        (("first county bank",), ("debit card",)),
        notes="whole page on a desk, tipped back and turned")
def _(seed):
    page = pp.letter(pp.Letter(
        "First County Bank", ("200 Market Street", "Springfield, IL 62701", "(555) 014-2200"),
        "March 4, 2024", ("Ms. Maria Alvarez", "18 Oak Lane", "Springfield, IL 62704"),
        "Dear Ms. Alvarez,",
        ("Your new debit card is enclosed. For your security, please activate it before "
         "first use by calling 1-800-555-0199.",
         "Your old card will stop working on April 1. Cut it up and throw it away once the "
         "new card is active.",
         "If you have any questions, visit any branch or call us."),
        "Sincerely,", "Laura Chen", heading="Your new debit card"), seed)
    im = d.place(desk(PORTRAIT), page, centre=(0.5, 0.5), height=0.93, tilt_x=15, roll=-6)
    return d.sensor_noise(im, seed)


@recipe("letter_appointment_close", "holdout", "letter",
        "Part of a letter from Riverside Health Clinic reminding of an appointment on "
        "Tuesday, March 12 at 10:30 AM.",
        (("appointment",), ("march 12",)), question="Read this to me",
        notes="too close: bottom of the page cut off; tilted")
def _(seed):
    page = pp.letter(pp.Letter(
        "Riverside Health Clinic", ("45 River Road", "Springfield", "(555) 019-3300"),
        "February 26, 2024", ("Mr. John Carter", "42 Elm Street", "Springfield, IL 62702"),
        "Dear Mr. Carter,",
        ("This is a reminder of your appointment with Dr. Patel on Tuesday, March 12 at "
         "10:30 AM.",
         "Please arrive 15 minutes early and bring your insurance card and a list of your "
         "medicines. To change the time, call (555) 019-3300."),
        "Kind regards,", "Front Desk", heading="Appointment reminder"), seed,
        accent=(0, 110, 110))
    im = d.place(wood(PORTRAIT), page, centre=(0.5, 0.62), height=1.3, tilt_x=8, roll=4)
    return d.sensor_noise(d.defocus(im, 1.0), seed)


@recipe("letter_envelope_sideways", "tune", "letter",
        "A sideways envelope with a stamp, addressed to John Carter, 42 Elm Street, "
        "Springfield.",
        (("john carter",), ("elm street",)), notes="turned 90 degrees, on a wooden table")
def _(seed):
    env = pp.envelope(("Mr. John Carter", "42 Elm Street", "Springfield, IL 62702"),
                      ("Riverside Health Clinic", "45 River Road", "Springfield, IL 62701"),
                      seed)
    im = d.place(wood(), env, centre=(0.5, 0.5), height=0.6, roll=-4, tilt_x=10)
    return d.sensor_noise(d.turn(im, 90), seed)


@recipe("letter_bill_glare", "holdout", "letter",
        "A bill from Northside Water and Power showing an amount due of $84.17 by April 3, "
        "2024.",
        (("amount due",), ("84.17",)), notes="glare blob over the body text, page tilted")
def _(seed):
    page = pp.letter(pp.Letter(
        "Northside Water & Power", ("PO Box 880", "Springfield", "(555) 017-4000"),
        "March 15, 2024", ("Maria Alvarez", "18 Oak Lane", "Springfield, IL 62704"),
        "Account 4471-2290", (
            "Amount due: $84.17",
            "Due date: April 3, 2024",
            "Water 3,200 gallons: $41.60. Electricity 290 kWh: $38.12. Service fee: $4.45.",
            "Pay online, by phone, or return the slip below with your check."),
        "Thank you,", "Customer Service", heading="Your monthly statement"), seed,
        accent=(10, 80, 150))
    im = d.place(desk(PORTRAIT), page, centre=(0.5, 0.52), height=0.98, tilt_x=12, roll=3)
    im = d.glare(im, (0.7, 0.56), 0.05, 0.9, stretch=2.0, angle=20)
    return d.sensor_noise(im, seed)


# --- receipts ---

@recipe("receipt_grocery", "tune", "receipt",
        "A Green Market till receipt for bananas, milk, bread, eggs and coffee, with a total "
        "of $22.00.",
        (("green market",), ("total",), ("22.00",)),
        notes="on a desk, turned 14 degrees and tipped back")
def _(seed):
    slip = pp.receipt(pp.Receipt(
        "GREEN MARKET", ("215 Main Street", "Springfield"),
        (("BANANAS", "1.29"), ("WHOLE MILK 1 GAL", "3.49"), ("BREAD", "2.99"),
         ("EGGS LARGE 12", "4.19"), ("COFFEE 12 OZ", "8.99")),
        "20.95", "1.05", "$22.00", "03/14/2024 5:42 PM"), seed)
    im = d.place(desk(), slip, centre=(0.5, 0.5), height=0.95, roll=14, tilt_x=20)
    return d.sensor_noise(im, seed)


@recipe("receipt_cafe_dim", "holdout", "receipt",
        "A Corner Cafe receipt for a latte, a blueberry muffin and orange juice, total "
        "$12.42.",
        (("corner cafe",), ("12.42",)), notes="dim warm light, slight blur")
def _(seed):
    slip = pp.receipt(pp.Receipt(
        "CORNER CAFE", ("9 Station Road",),
        (("LATTE", "4.50"), ("BLUEBERRY MUFFIN", "3.25"), ("ORANGE JUICE", "3.75")),
        "11.50", "0.92", "$12.42", "03/02/2024 8:15 AM"), seed)
    im = d.place(desk(PORTRAIT), slip, centre=(0.5, 0.5), height=0.72, roll=-5, tilt_x=10)
    return d.low_light(d.defocus(im, 1.2), 0.5, seed, noise=5)


@recipe("receipt_pharmacy_cut", "tune", "receipt",
        "The top of a City Pharmacy receipt listing cough syrup, tissues and vitamin C; the "
        "total is cut off.",
        (("city pharmacy",), ("cough syrup",)), question="What does this say?",
        notes="close: bottom of the receipt out of the frame")
def _(seed):
    slip = pp.receipt(pp.Receipt(
        "CITY PHARMACY", ("12 Main Street", "Springfield"),
        (("COUGH SYRUP 8 OZ", "7.49"), ("TISSUES 3 PK", "4.99"), ("VITAMIN C 100 CT", "9.29"),
         ("LIP BALM", "2.49")), "24.26", "1.94", "$26.20", "03/09/2024 11:03 AM"), seed)
    im = d.place(desk(), slip, centre=(0.5, 0.85), height=1.5, roll=-3, tilt_x=6)
    return d.sensor_noise(im, seed)


# --- menus ---

@recipe("menu_diner", "tune", "menu",
        "A Blue Door Diner menu listing breakfast and lunch dishes such as pancakes and a "
        "cheeseburger, with prices.",
        (("menu",), ("cheeseburger",)), notes="whole page tipped back 25 degrees on a table")
def _(seed):
    page = pp.menu("Blue Door Diner", (
        ("MENU", ()),
        ("Breakfast", (("Pancake Stack", "three pancakes, maple syrup", "$7.50"),
                       ("Two Eggs Any Style", "toast and home fries", "$6.25"))),
        ("Lunch", (("Cheeseburger", "fries or side salad", "$9.95"),
                   ("Chicken Soup", "", "$5.50"), ("Grilled Cheese", "", "$6.75")))),
        seed, accent=(20, 60, 140))
    im = d.place(desk(PORTRAIT), page, centre=(0.5, 0.52), height=0.95, tilt_x=25, roll=-4)
    return d.sensor_noise(im, seed)


@recipe("menu_close_tilted", "holdout", "menu",
        "A close, tilted view of an Italian menu listing spaghetti carbonara, lasagna and "
        "margherita pizza with prices.",
        (("carbonara",), ("lasagna",)), question="Read this to me",
        notes="too close, tipped 35 degrees, mild blur")
def _(seed):
    page = pp.menu("Trattoria Sole", (
        ("Pasta", (("Spaghetti Carbonara", "egg, pecorino, pancetta", "$14.00"),
                   ("Lasagna", "beef ragu, bechamel", "$15.50"))),
        ("Pizza", (("Margherita Pizza", "tomato, mozzarella, basil", "$12.00"),
                   ("Four Cheese Pizza", "", "$13.50")))), seed)
    im = d.place(wood(), page, centre=(0.5, 0.62), height=1.5, tilt_x=35, roll=8)
    return d.sensor_noise(d.defocus(im, 1.3), seed)
