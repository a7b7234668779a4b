"""Can anything be said about this picture, and what one thing would make it better?

Calibrated on hand-held photos, not on sharp ones: blind users' photos are tilted, close,
a little blurred and glared, and still usable. "I can't tell" is said only when nothing
usable was measured (no text read, no object, face or confident label) and the frame
has a reason to be empty: black and flat (a covered lens), very dark, heavily blurred,
or a plain surface. A well-lit frame of one saturated colour is a colour, not a covered
lens. When something was found, at most one piece of advice is added, and only advice
that helps: text cut at an edge, text seen but not readable (hold still, closer, level,
away from the glare). Pure.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .embedded_answers import MAYBE

if TYPE_CHECKING:
    from .scene import SceneFacts

CANT_TELL = "I can't tell what this is."
_FIXES = {
    "black": "The picture is almost black: the lens may be covered, or the light is off. "
             "Check the lens, or turn on a light.",
    "dark": "The picture is too dark. Try turning on a light.",
    "blurred": "The picture is very blurry. Hold the camera still for a moment.",
    "noise": "The picture is only speckles, like a camera with no signal. Check the camera.",
    "writing": "There may be writing, but it is too unclear to read. Hold the camera still, "
               "about a hand's length away.",
    "page": "It looks like a page of writing, but I can't tell what it says: the picture is "
            "too {problem}. Hold the camera still, about a hand's length away{light}.",
    "plain": "I only see a plain surface. Point the camera at the thing you want to know about.",
    "nothing": "Try moving the camera back a little, so the whole thing is in view.",
}
_EDGE_MOVES = {"left": "left", "right": "right", "top": "up", "bottom": "down"}


@dataclass(frozen=True)
class Triage:
    usable: bool
    reason: str = ""   # black | noise | dark | writing | page | blurred | plain | nothing | ""
    advice: str = ""                 # one sentence, or ""
    one_colour: str = ""             # a well-lit frame filled by one colour

    def to_dict(self) -> dict:
        return {"usable": self.usable, "reason": self.reason, "advice": self.advice,
                "one_colour": self.one_colour}


SEVERE_BLUR = 3.0     # quality.sharpness below this: shapes only, no edges at all
SMEAR_AREA = 0.75     # in severe blur a box this big bounds nothing: the detector sees a smear


def evidence_bar(facts: "SceneFacts") -> tuple[float, float, float]:
    """(object score, object area, label probability) needed to name something in this frame.

    The worse the frame, the surer a guess must be: in heavy blur or near-darkness the
    detector sees people in smears and the labeller is confidently wrong.
    """
    q = facts.quality
    if q is None or q.ok:
        return 0.0, 0.0, MAYBE
    if q.sharpness < SEVERE_BLUR or facts.light.label == "very dark":
        return 0.8, 0.05, 0.9
    return 0.7, 0.0, 0.75


def trusted_objects(facts: "SceneFacts") -> tuple:
    """The detections sure enough to name in this frame (every one on a good frame).

    With no edges at all (severe blur) a box filling most of the frame outlines nothing:
    on smeared paper the detector reports "a person" or "a vase" over the whole picture.
    """
    score, area, _ = evidence_bar(facts)
    q = facts.quality
    largest = SMEAR_AREA if q is not None and q.sharpness < SEVERE_BLUR else 1.01
    return tuple(o for o in facts.objects or ()
                 if o.score >= score and area <= o.area < largest)


def found_anything(facts: "SceneFacts") -> bool:
    """Something worth saying: text read, a face, an object or a label sure enough to name."""
    if facts.lines or facts.faces or trusted_objects(facts):
        return True
    return label_confidence(facts) >= evidence_bar(facts)[2]


def unread_page(facts: "SceneFacts") -> bool:
    """A poor frame whose only clue is a page-like label (a crossword, a menu, a web site)
    and where no line could be read: the thing is writing, and the writing is what was
    wanted, so naming "a piece of paper" would not help."""
    from .embedded_answers import imagenet_families

    q = facts.quality
    if q is None or q.ok or facts.lines or facts.faces or trusted_objects(facts):
        return False
    families = imagenet_families(facts.labels or ())
    if not families:
        return False
    family, probability = max(families.items(), key=lambda kv: kv[1])
    return family == "paper" and probability >= evidence_bar(facts)[2]


def label_confidence(facts: "SceneFacts") -> float:
    """The labeller's best probability for one thing or one family of things."""
    from .embedded_answers import imagenet_families

    if not facts.labels:
        return 0.0
    families = imagenet_families(facts.labels)
    return max([facts.labels[0][1], *families.values()])


def one_colour(facts: "SceneFacts") -> str:
    """The colour filling a well-lit frame ("red": a shirt held up to the lens), or ''."""
    from .colours import base_shares

    # Luma calls a deep red "dark"; the colour names already know dark from light.
    if facts.light.label == "very dark" or not facts.centre_colours or facts.lines:
        return ""
    if any(o.score >= 0.6 and o.area < 0.8 for o in facts.objects or ()):
        return ""      # a red car in a street is a car
    centre = base_shares(facts.centre_colours)
    name, share = centre[0]
    # Filled: the colour covers the middle and most of every quarter of the frame (a blue
    # sky above a rocket on its launch pad is not one colour).
    if name in ("grey", "white", "black", "brown") or share < 0.75 or \
            facts.colour_cover.get(name, 0.0) < 0.8:
        return ""
    shades = [c for c in facts.centre_colours if c.name.split()[-1] == name]
    top = max(shades, key=lambda c: c.share)
    # "dark red" when one shade clearly dominates, else the plain colour.
    return top.name if top.share >= 0.7 * share else name


def triage(facts: "SceneFacts") -> Triage:
    q = facts.quality
    if q is not None and q.covered and q.brightness < 40:
        return Triage(False, "black", _FIXES["black"])
    if q is not None and q.noise:
        return Triage(False, "noise", _FIXES["noise"])
    colour = one_colour(facts)
    if colour:
        return Triage(True, one_colour=colour,
                      advice="Move the camera back a little to see what it is.")
    if unread_page(facts):
        light = ", with more light" if q is not None and q.too_dark else ""
        problem = "dark" if q is not None and q.too_dark and not q.blurred else "blurry"
        return Triage(False, "page", _FIXES["page"].format(problem=problem, light=light))
    if found_anything(facts):
        return Triage(True, advice=advice(facts))
    if facts.ocr is not None and facts.ocr.unreadable >= 2:
        return Triage(False, "writing", _FIXES["writing"])
    if q is None:
        return Triage(False, "nothing", _FIXES["nothing"])
    if q.too_dark:
        return Triage(False, "dark", _FIXES["dark"])
    if q.covered or q.contrast < 18:
        return Triage(False, "plain", _FIXES["plain"])
    if q.blurred:
        return Triage(False, "blurred", _FIXES["blurred"])
    return Triage(False, "nothing", _FIXES["nothing"])


def advice(facts: "SceneFacts") -> str:
    """The one change that would help most, for a picture that was usable; '' if none."""
    ocr, reading, q = facts.ocr, facts.reading, facts.quality
    if reading is not None and reading.cut_edges and reading.lines:
        edges = set(reading.cut_edges)
        if {"left", "right"} <= edges or {"top", "bottom"} <= edges:
            return "The text is cut off on both sides; move the camera back a little."
        edge = next(e for e in ("left", "right", "top", "bottom") if e in edges)
        return f"Some text runs off the {edge} edge; move the camera a little {_EDGE_MOVES[edge]}."
    if ocr is None or ocr.unreadable < 2:
        if q is not None and q.sharpness < SEVERE_BLUR and not facts.lines:
            return "Hold the camera still for a sharper picture."
        return ""
    # Text was seen but not all of it could be read: say why, if we can tell.
    if facts.light.highlight_share >= 0.08:
        return "There is glare on the text; tilt it away from the light."
    if 20 <= abs(ocr.angle) <= 70:
        return "Some text is hard to read; hold the camera level with it."
    if q is not None and q.too_dark:
        return "It is dark; more light would help me read the text."
    if q is not None and q.blurred:
        return "Some text is too blurry to read; hold the camera still, a hand's length away."
    small = [line.height for line in facts.lines if line.height > 0]
    if small and max(small) < 0.02 * facts.size[1]:
        return "The text is small; move the camera closer."
    return "Some text is too unclear to read; hold the camera still and a little closer."
