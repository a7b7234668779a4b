"""Pointed questions answered from measured facts: find, count, what else, which one, and
questions about the text ("what's the total?", "when does it expire?").

Follow-ups need no vision-language model: "and what colour is it?" after "a cup on the
left" is about that cup, found by looking for the most recent thing an earlier answer
named among the things measured in this picture. Pure: facts and earlier turns in.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from ..i18n import _, current
from . import embedded_answers as say
from .compose import count_phrase
from .phrases import place, plural, plural_noun
from .reading import joined
from .router import normalise

if TYPE_CHECKING:
    from ..conversation.history import Turn
    from .objects import SeenObject
    from .scene import SceneFacts

# Words people use for what the detector calls something else.
SYNONYMS = {
    "people": "person", "persons": "person", "man": "person", "woman": "person",
    "men": "person", "women": "person", "child": "person", "kid": "person", "kids": "person",
    "someone": "person", "anyone": "person", "television": "tv", "telly": "tv",
    "monitor": "tv", "screen": "tv", "mobile": "cell phone", "phone": "cell phone",
    "cellphone": "cell phone", "smartphone": "cell phone", "computer": "laptop",
    "notebook": "laptop", "mug": "cup", "glass": "cup", "table": "dining table",
    "desk": "dining table", "sofa": "couch", "settee": "couch", "plant": "potted plant",
    "flowers": "potted plant", "remote": "remote", "controller": "remote", "ball": "sports ball",
    "doughnut": "donut", "fridge": "refrigerator", "bag": "handbag", "purse": "handbag",
    "case": "suitcase", "luggage": "suitcase", "bike": "bicycle", "motorbike": "motorcycle",
    "puppy": "dog", "kitten": "cat", "glasses": "wine glass", "armchair": "chair",
    "seat": "chair", "books": "book",
}
_STOP = frozenset("the a an is are there any some my this that it in on of to what where "
                  "how many do you see can find here please tell me i am for with".split())
_TEXT_TOPICS = (
    (("expire", "expiry", "expires", "expiration", "best", "before", "use", "date", "old",
      "fresh"), r"\b(exp|expir\w*|best before|best by|use by|bb|sell by)\b|\d{1,2}[/.-]\d{1,2}"),
    (("total", "cost", "pay", "owe", "much", "price", "amount"),
     r"\b(total|amount due|balance|to pay)\b|[$£€]\s?\d"),
    (("dose", "take", "how", "often", "tablets", "pills", "caplets", "directions"),
     r"\b(take|dose|every|tablets?|caplets?|capsules?|directions|daily)\b"),
    (("phone", "number", "call"), r"\b(tel|phone|call)\b|\d{3}[\s.-]\d{3,4}"),
    (("calories", "sugar", "fat", "protein", "salt", "sodium"),
     r"\b(calories|sugars?|fat|protein|salt|sodium|kcal)\b"),
)


def target(question: str) -> str:
    """The thing asked about, as a COCO class name when we know one ("cup", "person")."""
    words = [w for w in normalise(question).split() if w not in _STOP]
    for word in words:
        if word in SYNONYMS:
            return SYNONYMS[word]
        if word.endswith("s") and word[:-1] in SYNONYMS:
            return SYNONYMS[word[:-1]]
    from .objects import COCO

    names = set(COCO.values())
    for word in words:
        for candidate in (word, word[:-1] if word.endswith("s") else word,
                          word[:-2] if word.endswith("es") else word):
            if candidate in names:
                return candidate
    return _named_in_other_language(question) or (words[0].rstrip("s") if words else "")


def _named_in_other_language(question: str) -> str:
    """The COCO class a French, German or Spanish question names ("où est la tasse" -> "cup"),
    by the catalogues' own nouns for each thing; "" when it names none."""
    from .router import _plain

    words = _plain(question).split()
    for language in ("fr", "de", "es"):
        nouns = _nouns(language)
        for size in (3, 2, 1):     # "téléphone portable" before "téléphone"
            for at in range(len(words) - size + 1):
                kind = nouns.get(" ".join(words[at:at + size]))
                if kind:
                    return kind
    return ""


@lru_cache(maxsize=None)
def _nouns(language: str) -> dict[str, str]:
    """Each thing's noun in ``language``, singular and plural, accents off -> its COCO class."""
    from ..i18n import speaking
    from .objects import COCO, SPOKEN
    from .router import _plain

    out: dict[str, str] = {}
    with speaking(language):
        for kind in sorted(set(COCO.values())):
            name = SPOKEN.get(kind, kind)
            for phrase in (count_phrase(name, 1), plural_noun(name)):
                words = _plain(phrase).split()
                noun = " ".join(words[1:] if len(words) > 1 and words[0] in _ARTICLES else words)
                if noun and len(noun) > 2:
                    out.setdefault(noun, kind)
    return out


_ARTICLES = frozenset("un une des le la les l du de ein eine einen der die das den el los las una uno "
                      "unos unas".split())


def seen(facts: "SceneFacts") -> tuple["SeenObject", ...]:
    """The detections sure enough for this frame (none of the smears of a shaken one)."""
    from .triage import trusted_objects

    return trusted_objects(facts)


def matching(facts: "SceneFacts", kind: str) -> list["SeenObject"]:
    return [o for o in seen(facts) if o.kind == kind]


def find(facts: "SceneFacts", question: str) -> str:
    kind = target(question)
    from .objects import SPOKEN

    name = SPOKEN.get(kind, kind)
    found = matching(facts, kind)
    if kind == "person" and not found and facts.faces:
        return _("Yes, I can see {things}.").format(things=count_phrase('person', len(facts.faces)))
    if found:
        first = found[0]
        where = place(first.place()) + (f", {place(first.distance())}" if first.distance() else "")
        more = _(", and {count} more").format(count=len(found) - 1) if len(found) > 1 else ""
        sure = (_("Yes, {thing} {where}{more}.") if first.score >= 0.62 else
                _("Probably, {thing} {where}{more}."))
        return sure.format(thing=count_phrase(name, 1), where=where, more=more)
    names = sorted({o.name for o in seen(facts)})
    also = " " + _("I can see {things}.").format(
        things=say._and([count_phrase(n, 1) for n in names[:3]])) if names else ""
    missing = (_("I don't see {thing}; it may be out of view.").format(thing=count_phrase(name, 1))
               if kind else _("I don't see that; it may be out of view."))
    return _capital(missing) + also


def count(facts: "SceneFacts", question: str) -> str:
    kind = target(question)
    from .objects import SPOKEN

    name = SPOKEN.get(kind, kind) or "thing"
    number = len(matching(facts, kind))
    if kind == "person":
        number = max(number, len(facts.faces or ()))
    if number == 0:
        return _("I don't see any {things}.").format(things=plural_noun(name))
    if number == 1 and current() == "en":
        return f"I can see one {name}."
    return _("I can see {things}.").format(things=count_phrase(name, number))


def referent(history: Sequence["Turn"], facts: "SceneFacts") -> "SeenObject | None":
    """The thing the most recent answer named that is in this picture ("it" in a follow-up)."""
    objects = sorted(seen(facts), key=lambda o: -o.area)
    for turn in reversed(tuple(history)):
        answer = turn.answer.lower()
        best = None
        for obj in objects:
            names = (obj.name.lower(), plural(obj.name).lower(), *_said(obj))
            hit = re.search(rf"\b({'|'.join(re.escape(n) for n in names)})\b", answer)
            if hit and (best is None or hit.start() < best[0]):
                best = (hit.start(), obj)
        if best:
            return best[1]
    return None


def mentioned(history: Sequence["Turn"], obj: "SeenObject") -> bool:
    return any(re.search(rf"\b{re.escape(obj.name.lower())}", t.answer.lower()) or
               re.search(rf"\b{re.escape(plural(obj.name).lower())}\b", t.answer.lower()) or
               any(re.search(rf"\b{re.escape(said)}\b", t.answer.lower()) for said in _said(obj))
               for t in history)


def _said(obj: "SeenObject") -> tuple[str, ...]:
    """The thing's nouns in the reply language, lower case, when it is not English ("tasse",
    "tasses"): how an earlier answer in that language named it."""
    if current() == "en":
        return ()
    one = count_phrase(obj.name, 1).split(maxsplit=1)     # "une tasse" -> "tasse"
    return tuple(w.lower() for w in (one[-1], plural_noun(obj.name)) if w)


def more(facts: "SceneFacts", history: Sequence["Turn"]) -> str:
    """What earlier answers did not name yet."""
    new = [o for o in seen(facts) if not mentioned(history, o)]
    text_said = any(line.text.split()[0].lower() in t.answer.lower()
                    for t in history for line in facts.lines[:1] if line.text.split())
    parts = []
    if new:
        names: dict[str, int] = {}
        for obj in new:
            names[obj.name] = names.get(obj.name, 0) + 1
        parts.append(_("I can also see {things}.").format(
            things=say._and([count_phrase(n, c) for n, c in names.items()])))
    if facts.lines and not text_said:
        parts.append(_('{lead}: "{text}".').format(
            lead=_("There is writing"), text=joined([l.text for l in facts.lines][:3])))
    return " ".join(parts) or _("Nothing else that I can recognise.")


def about_text(facts: "SceneFacts", question: str) -> str:
    """Lines of the text that answer the question, or '' when none seems to."""
    lines = [line.text for line in facts.lines]
    if not lines:
        return ""
    words = set(normalise(question).split())
    for topic, pattern in _TEXT_TOPICS:
        if words & set(topic):
            hits = [l for l in lines if re.search(pattern, l, re.I)]
            if hits:
                return _it_says(joined(hits[:3]))
    content = {w for w in words if len(w) >= 4 and w not in _STOP}
    hits = [l for l in lines if content & set(normalise(l).split())]
    return _it_says(joined(hits[:3])) if hits else ""


def _it_says(text: str) -> str:
    return _('{lead}: "{text}".').format(lead=_("It says"), text=text)


def which_of(facts: "SceneFacts", question: str) -> str:
    """'Is this a cat or a dog?' answered from what was detected or labelled; '' if neither."""
    match = re.search(r"\b(?:an? )?(\w+) or (?:an? )?(\w+)\b", normalise(question))
    if not match:
        return ""
    options = [match.group(1), match.group(2)]
    kinds = {o.kind for o in seen(facts)}
    families = say.imagenet_families(facts.labels or ())
    label_words = {w for name, p in (facts.labels or ())[:3] if p >= say.FLOOR
                   for w in say.clean_label(name).lower().split()}
    present = [w for w in options if SYNONYMS.get(w, w) in kinds or w in families
               or w in label_words]
    if len(present) == 1:
        return _("It looks like {thing}.").format(thing=count_phrase(present[0], 1))
    return ""


def _and(words: Sequence[str]) -> str:
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
