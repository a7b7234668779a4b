"""Things counted and placed, in the reply language, from the message catalogues.

English is composed by ``compose`` as before ("two cups", "a person on the left"); in another
language each thing is one catalogue entry with its singular and plural forms (``msgctxt
"object"``: "a cup" / "{count} cups" -> "une tasse" / "{count} tasses"), so its gender and
plural come from the translator, not from rules here; numbers (``msgctxt "number"``: "deux",
"zwei", "dos") and places (``msgctxt "place"``: "à gauche") likewise. A thing missing from a
catalogue is said in English (a label missing is left out of a description: ``compose``).
"""
from __future__ import annotations

from ..i18n import current, npgettext, pgettext
from .embedded_answers import number, with_article

_IRREGULAR = {"person": "people", "knife": "knives", "mouse": "mice", "sheep": "sheep",
              "skis": "skis", "scissors": "scissors", "TV": "TVs", "glass": "glasses"}


def counted(singular: str, many: str, count: int) -> str:
    """'a cup' / '{count} cups' (the English, with ``{count}`` for the number) in the reply
    language with the count in words: "deux tasses", "zwei Tassen", "dos tazas"."""
    if current() == "en":
        return (singular if count == 1 else many).format(count=number(count))
    return npgettext("object", singular, many, count).format(count=number(count))


def place(words: str) -> str:
    """'on the left', 'in the middle', 'close' in the reply language."""
    return pgettext("place", words) if words else ""


def surface_phrase(name: str) -> str:
    """'on a table' in the reply language (one entry each: "auf einem Tisch" takes the dative)."""
    return pgettext("surface", f"on {with_article(name)}")


def count_phrase(name: str, count: int) -> str:
    """'a cup', 'two people' in the reply language (``phrases.counted``)."""
    singular = with_article(name) if name != "person" else "a person"
    return counted(singular, f"{{count}} {plural(name)}", count)


def plural_noun(name: str) -> str:
    """'cups' in the reply language, without a number ("tasses", "Tassen", "tazas"): the
    catalogue's plural with its ``{count}`` left out."""
    if current() == "en":
        return plural(name)
    singular = with_article(name) if name != "person" else "a person"
    many = npgettext("object", singular, f"{{count}} {plural(name)}", 2)
    return " ".join(many.replace("{count}", " ").split())


def plural(name: str) -> str:
    words = name.split()
    last = words[-1]
    if last in _IRREGULAR:
        last = _IRREGULAR[last]
    elif last.endswith(("s", "sh", "ch", "x")):
        last += "es"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    else:
        last += "s"
    return " ".join([*words[:-1], last])


__all__ = ["number", "counted", "place", "surface_phrase", "count_phrase", "plural",
           "plural_noun"]
