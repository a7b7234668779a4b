"""Every threshold and word list the offline eyes decide by, with how each was set.

One frozen object, ``CALIBRATION``. Each field has one line in ``PROVENANCE``: the sets it
was fitted on and the figures it reached there. Two sets are used, always whole: the
project's hand-held photo set (``tests/photoset``, its tune split) and the real-photo
development set (photos taken by blind people, with human captions; see
``bench/calibrate.py --real``). Nothing is fitted to one photo, and the photo set's holdout
split is never read when rules are written. ``python bench/calibrate.py`` prints, for both
sets, the measurements each threshold separates, so a change can be refitted and its line
here rewritten.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields

# ImageNet class names (as ``embedded_answers.clean_label`` writes them) -> the kind of
# thing a blind user would name. Classes are grouped by what they are, whole groups at
# a time: every ImageNet screen, every printed-paper class, every bottle...
KIND_LABELS: dict[str, tuple[str, ...]] = {
    "screen": ("desktop computer", "laptop computer", "notebook computer", "monitor",
               "CRT monitor", "television", "website", "automated teller machine",
               "hand-held computer", "mobile phone", "iPod", "home theater",
               "entertainment center", "slot machine", "scoreboard"),
    "paper": ("envelope", "crossword", "menu", "ring binder", "comic book", "dust jacket",
              "paper towel", "toilet paper", "handkerchief"),
    "box": ("cardboard box", "crate box", "product packet"),
    "bottle": ("beer bottle", "hair spray", "lotion", "perfume", "pill bottle", "soda bottle",
               "soap dispenser", "sunscreen", "water bottle", "water jug", "whiskey jug",
               "wine bottle"),
    "can": ("milk can",),
    "cup": ("coffee mug", "measuring cup", "tea cup"),
    "clothing": ("cardigan", "jeans", "T-shirt", "pajamas", "suit", "sweatshirt", "trench coat",
                 "fur coat", "lab coat", "poncho", "miniskirt",
                 "sock", "bow tie", "Windsor tie", "apron", "bra", "swim trunks",
                 "cowboy hat", "sombrero", "velvet fabric", "wool", "kimono",
                 "abaya", "academic gown", "vestment", "overskirt", "hoop skirt",
                 "military uniform", "bulletproof vest", "shower cap"),
    "shop": ("bakery", "butcher shop", "candy store", "grocery store", "shoe store",
             "tobacco shop", "toy store", "bookstore", "barbershop", "restaurant"),
    "keyboard": ("computer keyboard", "keyboard space bar", "typewriter keyboard"),
}
# Object-detector (COCO) classes -> the same kinds.
KIND_OBJECTS: dict[str, tuple[str, ...]] = {
    "screen": ("tv", "laptop", "cell phone"),
    "paper": ("book",),
    "bottle": ("bottle",),
    "cup": ("cup",),
    "person": ("person",),
    "keyboard": ("keyboard",),
}
# Kinds of text (``reading.text_kind``) -> the thing that carries it.
KIND_TEXT: dict[str, str] = {
    "screen": "screen", "receipt": "paper", "letter": "paper", "document": "paper",
    "menu": "paper", "medicine": "label", "food": "box", "label": "label",
}
# How each kind is said when it stands alone (after "probably").
KIND_NOUNS: dict[str, str] = {
    "screen": "a screen", "paper": "a piece of paper", "box": "a box or package",
    "bottle": "a bottle", "can": "a can or tin", "cup": "a cup or mug",
    "clothing": "some clothing", "shop": "a shop counter", "keyboard": "a keyboard",
    "person": "a person", "label": "a label",
}
# Words that already name a kind in a description ("a TV ..." names a screen).
KIND_SAID: dict[str, tuple[str, ...]] = {
    "screen": ("screen", "tv", "laptop", "monitor", "phone"),
    "paper": ("paper", "page", "envelope", "book", "menu"),
    "bottle": ("bottle",), "cup": ("cup", "mug"), "box": ("box", "package", "carton"),
    "clothing": ("clothing", "shirt", "jeans", "sock"),
}
# Words a device label carries (model, serial, rating): its kind is "label", not "page".
DEVICE_LABEL_WORDS = ("model", "serial", "s/n", "input", "output", "made in", "rated",
                      "volts", "watts", "patent", "fcc")


@dataclass(frozen=True)
class Calibration:
    # --- kinds: a kind needs two signals at `kind_signal`, or one at `kind_strong` ---
    kind_signal: float = 0.3
    kind_strong: float = 0.75
    kind_object_signal: float = 0.55
    kind_agreeing: float = 0.05
    kind_pooled: float = 0.45
    frame_filling: float = 0.6
    # --- frame problems named in a refusal (only when nothing at all was made out) ---
    dark_brightness: float = 0.2
    dim_brightness: float = 0.35
    glare_share: float = 0.35
    plain_coarse: float = 27.0
    small_side: int = 200
    # --- colours that count as something seen ---
    seen_colour: float = 0.4
    # --- the thing in front of the background (colour follow-ups) ---
    region_contrast: float = 25.0
    region_least: float = 0.04
    region_most: float = 0.85
    # --- reading on a poor frame ---
    poor_word_score: float = 0.85
    # --- labels (moved from embedded_answers; unchanged) ---
    label_sure: float = 0.6
    label_maybe: float = 0.35
    label_floor: float = 0.25
    severe_blur: float = 3.0
    smear_area: float = 0.75
    kind_labels: dict = field(default_factory=lambda: KIND_LABELS)
    kind_objects: dict = field(default_factory=lambda: KIND_OBJECTS)
    kind_text: dict = field(default_factory=lambda: KIND_TEXT)
    kind_nouns: dict = field(default_factory=lambda: KIND_NOUNS)
    kind_said: dict = field(default_factory=lambda: KIND_SAID)
    device_label_words: tuple = DEVICE_LABEL_WORDS

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, float) and not 0.0 <= value <= 100.0:
                raise ValueError(f"{f.name} out of range: {value}")
        if not self.kind_signal <= self.kind_strong:
            raise ValueError("kind_signal must not exceed kind_strong")


PROVENANCE: dict[str, str] = {
    "kind_signal": "least a label pool or a box counts as evidence; no unusable photo of "
                   "either set reaches two signals at it (2026-12-06)",
    "kind_strong": "one signal alone names a kind; above the highest single wrong label pool "
                   "on both sets' unusable photos (0.60, on a class of no kind)",
    "kind_object_signal": "detector score that is one signal: the detector's floor (0.5) plus "
                          "the margin its false boxes on soft photos of both sets needed "
                          "(0.50-0.53)",
    "kind_agreeing": "a label class joins an agreeing group at this probability (ImageNet "
                     "spreads a soft photo over many classes of one kind)",
    "kind_pooled": "three or more agreeing classes summing to this are a second signal; "
                   "agreeing pools on both sets were right from 0.48 and wrong up to 0.40",
    "frame_filling": "a box this wide on a soft frame is a smear unless a label of its kind "
                     "agrees; the frame-filling boxes on soft photos of both sets were wrong "
                     "unless the labeller agreed",
    "dark_brightness": "mean luma under which 'too dark' is the reason; LIGHT_LEVELS' 'dark' "
                       "band, unchanged",
    "dim_brightness": "under this, black is shadow, not a colour; unusable dark photos with "
                      "nothing found 0.03-0.26, described ones from 0.21 (they keep colours)",
    "glare_share": "blown-out share that makes 'too bright' the reason when no colour is seen; "
                   "described photos with nothing else found reach 0.32, glare-filled "
                   "unusable ones 0.68-0.74",
    "plain_coarse": "16-px luma contrast under which a frame is a plain surface; unusable "
                    "plain frames 0.9-19.5, real described photos from 34.6; midway",
    "small_side": "a short side under this many pixels is 'too small or too far'; the real "
                  "set has pictures of 121 px, the photo set none under 300",
    "seen_colour": "the two largest colours (shadow and glare left out) must cover this for "
                   "colours alone to be said; real dark and glare unusables 0.04-0.28, real "
                   "described photos from 0.39 (the photo set's blurred pages pass too: "
                   "people describe such pages)",
    "region_contrast": "Lab distance from the border's colour that marks the thing held up; "
                       "twice the border's own median spread when that is larger",
    "region_least": "a region under 4% of the frame is a speck, not the thing",
    "region_most": "a region over 85% of the frame is the background itself",
    "poor_word_score": "recogniser score for single dictionary words kept from a line a soft "
                       "frame cannot be read whole; debris lines on both sets scored under it",
    "label_sure": "set on scikit-image photos (coffee 0.99, cats 0.99); unchanged",
    "label_maybe": "sign's 'street sign' 0.37, wrong guesses under 0.2; unchanged",
    "label_floor": "noise 0.06, page -> plaque 0.10; unchanged",
    "severe_blur": "quality.sharpness under which boxes and labels are smears; photo set blur "
                   "cases; unchanged",
    "smear_area": "a box this big in severe blur bounds nothing; unchanged",
    "kind_labels": "every ImageNet class of each kind, grouped by what it is (not by photo)",
    "kind_objects": "the COCO classes of each kind",
    "kind_text": "reading.text_kind's kinds -> what carries that text",
    "kind_nouns": "plain words for each kind, as blind users' helpers say them",
    "kind_said": "the nouns by which a kind is already named (detector and labeller words)",
    "device_label_words": "words printed on rating plates (model, serial, input...)",
}

CALIBRATION = Calibration()
