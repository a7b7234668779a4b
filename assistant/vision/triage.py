"""Can anything be said about this picture, and what one thing would make it better?

Describe what can be made out before refusing; refuse only when nothing can be. Real
photos taken by blind people are soft, tilted, glared and still described by the people
who see them, and sharpness does not separate the ones they could describe from the
ones they could not. So "I can't tell" is said only when no kind of thing
(``kinds``), no readable word, no object, face or label, and no colour of anything came
out, and then with the one reason that applies: covered, speckles, dark, glare, a plain
surface, too small. A soft frame with colours and shapes gets those, and advice. At most
one piece of advice per answer, worded so it never sounds like giving up. Pure.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..i18n import _
from .calibration import CALIBRATION
from .embedded_answers import MAYBE

if TYPE_CHECKING:
    from .scene import SceneFacts

CANT_TELL = "I can't tell what this is."
_FIXES = {
    "black": "The picture is almost black: the lens may be covered, or the light is off. "
             "Check the lens, or turn on a light.",
    "dark": "The picture is too dark. Try turning on a light.",
    "glare": "The picture is too bright: light is shining into the camera. Turn a little "
             "away from the lamp or window.",
    "small": "The picture is too small, or the thing is too far away. Move closer, or use a "
             "bigger picture.",
    "blurred": "The picture is very blurry. Hold the camera still for a moment.",
    "noise": "The picture is only speckles, like a camera with no signal. Check the camera.",
    "plain": "I only see a plain surface. Point the camera at the thing you want to know about.",
    "nothing": "Try moving the camera back a little, so the whole thing is in view.",
}
# Text cut off at one edge, and which way to move (one message each: the edge and the way
# agree in each language).
_EDGE_ADVICE = {
    "left": "Some text runs off the left edge; move the camera a little left.",
    "right": "Some text runs off the right edge; move the camera a little right.",
    "top": "Some text runs off the top edge; move the camera a little up.",
    "bottom": "Some text runs off the bottom edge; move the camera a little down.",
}
# Why text seen could not be read, what to do, and both as one piece of advice.
_UNREADABLE = {
    "glare": ("There is glare on the text", "Tilt it away from the light.",
              "There is glare on the text; tilt it away from the light."),
    "angle": ("Some text is hard to read", "Hold the camera level with it.",
              "Some text is hard to read; hold the camera level with it."),
    "dark": ("It is dark", "More light would help me read the text.",
             "It is dark; more light would help me read the text."),
    "blurred": ("Some text is blurred", "Hold the camera still, a hand's length away.",
                "Some text is blurred; hold the camera still, a hand's length away."),
    "small": ("The text is small", "Move the camera closer.",
              "The text is small; move the camera closer."),
    "unclear": ("Some text is too unclear to read", "Hold the camera still and a little closer.",
                "Some text is too unclear to read; hold the camera still and a little closer."),
}


@dataclass(frozen=True)
class Triage:
    usable: bool
    reason: str = ""   # black | noise | dark | glare | plain | small | blurred | nothing | ""
    advice: str = ""                 # one sentence in the reply language, or ""
    one_colour: str = ""             # a well-lit frame filled by one colour
    advice_about_text: bool = False  # the advice is about reading text (cut off, glare...)

    def to_dict(self) -> dict:
        return {"usable": self.usable, "reason": self.reason, "advice": self.advice,
                "one_colour": self.one_colour}


SEVERE_BLUR = CALIBRATION.severe_blur   # sharpness below this: shapes only, no edges at all
SMEAR_AREA = CALIBRATION.smear_area     # in severe blur a box this big bounds nothing


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
    from .kinds import corroborated

    score, area, _ = evidence_bar(facts)
    q = facts.quality
    largest = SMEAR_AREA if q is not None and q.sharpness < SEVERE_BLUR else 1.01
    return corroborated(tuple(o for o in facts.objects or ()
                              if o.score >= score and area <= o.area < largest), facts)


def found_anything(facts: "SceneFacts") -> bool:
    """Something worth saying: text read, a face, an object or a label sure enough to name."""
    from .kinds import main_kind

    if facts.lines or facts.faces or trusted_objects(facts) or main_kind(facts) is not None:
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
        return Triage(False, "black", _(_FIXES["black"]))
    if q is not None and q.noise:
        return Triage(False, "noise", _(_FIXES["noise"]))
    colour = one_colour(facts)
    if colour:
        return Triage(True, one_colour=colour,
                      advice=_("Move the camera back a little to see what it is."))
    if found_anything(facts) or unread_page(facts) or writing_seen(facts):
        return Triage(True, advice=advice(facts), advice_about_text=_about_text(facts))
    reason = refusal(facts)
    if reason:
        return Triage(False, reason, _(_FIXES[reason]))
    # colours and shapes, said as such
    return Triage(True, advice=advice(facts), advice_about_text=_about_text(facts))


def writing_seen(facts: "SceneFacts") -> bool:
    """Pieces of text were found, though none could be read: that is something seen."""
    return facts.ocr is not None and facts.ocr.unreadable >= 2


def refusal(facts: "SceneFacts") -> str:
    """Why nothing can be made out, or '' when colours and shapes still can (pure).

    Dark and glare are judged on what is left once shadow and blown-out white are taken
    away (``colours.seen_share``): a dark room with a bright lamp in it is still dark.
    """
    from .colours import seen_share

    q, light, cal = facts.quality, facts.light, CALIBRATION
    seen = seen_share(facts) >= cal.seen_colour
    if light.brightness < cal.dark_brightness or (light.brightness < cal.dim_brightness
                                                  and not seen):
        return "dark"
    if q is not None and q.covered:
        return "plain"          # flat: a lens against a wall, a white sheet filling it
    if light.highlight_share >= cal.glare_share and not seen:
        return "glare"
    if q is not None and q.coarse < cal.plain_coarse:
        return "plain"
    if min(facts.size) < cal.small_side and not seen:
        return "small"
    if q is None:
        return "nothing"
    if not seen:
        return "blurred" if q.blurred else "nothing"
    return ""


def advice(facts: "SceneFacts") -> str:
    """The one change that would help most, for a picture that was usable, in the reply
    language; '' if none."""
    key = _advice_key(facts)
    if key == "small picture":
        return _("The picture is very small; move closer, or use a bigger picture.")
    if key == "both sides":
        return _("The text is cut off on both sides; move the camera back a little.")
    if key in _EDGE_ADVICE:
        return _(_EDGE_ADVICE[key])
    if key == "blurred picture":
        return _("Hold the camera still for a sharper picture.")
    if key:
        return _(_UNREADABLE[key][2])
    return ""


def _about_text(facts: "SceneFacts") -> bool:
    """Is the advice about reading text (said after the text read, too)?"""
    return _advice_key(facts) not in ("", "small picture", "blurred picture")


def _advice_key(facts: "SceneFacts") -> str:
    """Which advice applies: a key of ``_EDGE_ADVICE`` or ``_UNREADABLE``, "small picture",
    "both sides", "blurred picture", or ''."""
    ocr, reading, q = facts.ocr, facts.reading, facts.quality
    if min(facts.size) < CALIBRATION.small_side:
        return "small picture"
    if reading is not None and reading.cut_edges and reading.lines:
        edges = set(reading.cut_edges)
        if {"left", "right"} <= edges or {"top", "bottom"} <= edges:
            return "both sides"
        return next(e for e in ("left", "right", "top", "bottom") if e in edges)
    if ocr is None or ocr.unreadable < 2:
        if q is not None and q.blurred and not facts.lines:
            return "blurred picture"
        return ""
    return _unreadable_key(facts)


def unreadable_text(facts: "SceneFacts") -> tuple[str, str]:
    """Why some text seen could not be read, and what to do, in the reply language:
    ("There is glare on the text", "Tilt it away from the light.")."""
    why, fix, _both = _UNREADABLE[_unreadable_key(facts)]
    return _(why), _(fix)


def _unreadable_key(facts: "SceneFacts") -> str:
    ocr, q = facts.ocr, facts.quality
    if facts.light.highlight_share >= 0.08:
        return "glare"
    if ocr is not None and 20 <= abs(ocr.angle) <= 70:
        return "angle"
    if q is not None and q.too_dark:
        return "dark"
    if q is not None and q.blurred:
        return "blurred"
    small = [line.height for line in facts.lines if line.height > 0]
    if small and max(small) < 0.02 * facts.size[1]:
        return "small"
    return "unclear"
