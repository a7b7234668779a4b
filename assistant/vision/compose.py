"""One or two plain sentences, at most 35 words, from everything measured about a picture.

What a blind person needs most comes first: the text when text is what the picture is
about ("A laptop screen with a message: ..."), else the main things and where they are
("Two people on the left and a dog in the middle."). Then colour, darkness and one piece
of advice, as far as the word budget allows. Nothing is named that was not measured, and
names are hedged by their scores. Pure: facts in, words out.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from ..i18n import _, ngettext, pgettext
from . import embedded_answers as say
from .phrases import count_phrase, place, surface_phrase as _surface
from .reading import KIND_WORDS, joined, key_lines

if TYPE_CHECKING:
    from .objects import SeenObject
    from .reading import Reading
    from .scene import SceneFacts
    from .triage import Triage

MAX_WORDS = 35
QUOTE_WORDS = 14
SURE_OBJECT = 0.62          # below this a detection is "probably" a thing
SURFACES = ("table", "bed", "sofa", "bench")   # said as "on a table", never the subject
_SCREENS = ("tv", "laptop", "cell phone")
_ANIMALS = frozenset({"bird", "cat", "dog", "horse", "sheep", "cow", "elephant", "bear", "zebra",
                      "giraffe", "teddy bear"})
# Label words that name what a detected object already is.
_SAME_NOUN = {"screen": {"tv", "laptop", "monitor", "computer"}, "monitor": {"tv", "laptop"},
              "television": {"tv"}, "mug": {"cup"}, "notebook": {"laptop"}}


def describe(facts: "SceneFacts", tri: "Triage") -> str:
    """The composed description of a usable picture (``tri.usable``), or why it is not."""
    if not tri.usable:
        return f"{say_cant_tell()} {tri.advice}".strip()
    if tri.one_colour:
        said = _("It is all {colour}, like something held very close.").format(
            colour=say.colour_word(tri.one_colour))
        return f"{said} {tri.advice}".strip()
    from .kinds import main_kind
    from .triage import evidence_bar, trusted_objects, writing_seen

    reading = facts.reading
    kind = main_kind(facts)
    objects = trusted_objects(facts)
    shown = on_screen(facts, objects)
    people = people_count(facts, objects) - len(shown)
    things = [o for o in objects if o.kind != "person"]
    if _label_overrules(facts, things):
        things = [o for o in things if o.kind not in _ANIMALS]
    parts: list[str] = []
    whole = bool(reading and reading.lines and not partial(reading))
    text_first = whole and bool(reading.dominant or not (things or people))
    if text_first:
        assert reading is not None
        parts.append(text_sentence(reading, carrier(facts, kind)))
        extra = scene_phrase([o for o in things if not _carries_text(o, facts)], people)
        if extra:
            parts.append(_("Also {things}.").format(things=extra))
    else:
        scene = scene_phrase(things, people, shown, names=specific_names(kind, facts))
        label = label_phrase(facts, minimum=max(evidence_bar(facts)[2],
                                                say.MAYBE if scene else 0.0))
        if scene and label and not (people and not things) and not _repeats(facts, things):
            scene += ". " + label       # close-ups the detector only half names
        lead = scene or label
        if kind is not None and not _kind_said(kind, things, people, lead):
            lead = f"{kind_phrase(kind, facts)}. {_capital(lead)}" if lead else \
                kind_phrase(kind, facts)
        parts.append(_capital(lead) + "." if lead else "")
        if reading and reading.lines and partial(reading):
            parts.append(words_sentence(reading))
        elif reading and reading.lines and _wordy(reading):
            parts.append(_('{lead}: "{text}".').format(lead=_("It says"), text=quote(reading)))
        elif writing_seen(facts):
            parts.append(_("There is some text I can't read."))
    if facts.faces and not people:
        parts.append(say.faces_sentence(len(facts.faces), caveat=False))
    parts = [p for p in parts if p]
    colour = colour_phrase(facts, text_first, only=not parts)
    if colour:
        parts.append(colour)
    if facts.light.is_dark:
        parts.append(_("It is {light}.").format(light=pgettext("light", facts.light.label)))
    if tri.advice:
        parts.append(tri.advice)
    return fit([p for p in parts if p], MAX_WORDS)


def specific_names(kind, facts: "SceneFacts") -> dict[str, str]:
    """Detector classes renamed as surely as the evidence allows: a TV the labeller calls a
    monitor is a "computer monitor", a bottle with a pill-bottle label a "medicine bottle"."""
    from .kinds import noun

    if kind is None or kind.kind not in ("screen", "bottle"):
        return {}
    said = noun(kind, facts)
    return {"a computer monitor": {"tv": "computer monitor"},
            "a computer screen": {"tv": "computer screen"},
            "a TV screen": {"tv": "TV screen"},
            "a laptop computer screen": {"laptop": "laptop computer screen"},
            "a medicine bottle": {"bottle": "medicine bottle"}}.get(said, {})


def partial(reading: "Reading") -> bool:
    """Only some words could be made out (a soft frame): said as words, not as a quote."""
    return any(line.partial for line in reading.lines)


def words_sentence(reading: "Reading") -> str:
    words = [w for line in reading.lines for w in line.text.split()][:6]
    quoted = _and([quoted_word(w) for w in words])
    return ngettext("I can make out the word {words}.", "I can make out the words {words}.",
                    len(words)).format(words=quoted)


def quoted_word(word: str) -> str:
    """A word read, in the reply language's quotation marks ('"EXIT"', '« EXIT »')."""
    return pgettext("quote", '"{text}"').format(text=word)


def kind_phrase(kind, facts: "SceneFacts") -> str:
    """'Probably a computer monitor' (two signals or one strong); 'A bottle' when sure; in
    the reply language (each kind's noun is a ``msgctxt "kind"`` entry)."""
    from .kinds import noun

    thing = pgettext("kind", noun(kind, facts))
    return _capital(thing) if kind.sure else _("Probably {thing}").format(thing=thing)


def _kind_said(kind, things, people: int, lead: str) -> bool:
    """Is the kind already named by the detector's or labeller's words?"""
    from .kinds import objects_of

    if kind.kind == "person":
        return people > 0
    if objects_of(kind, things):
        return True
    from .calibration import CALIBRATION

    words = lead.lower()
    return any(w in words for w in CALIBRATION.kind_said.get(kind.kind, (kind.kind,)))


def say_cant_tell() -> str:
    from .triage import CANT_TELL

    return _(CANT_TELL)


def fit(parts: Sequence[str], limit: int) -> str:
    """The first part always; later ones while they fit; a long first part is cut short."""
    chosen: list[str] = []
    used = 0
    for i, part in enumerate(parts):
        words = len(part.split())
        if i == 0 or used + words <= limit:
            chosen.append(part)
            used += words
    text = " ".join(chosen)
    words = text.split()
    return text if len(words) <= limit + 10 else " ".join(words[:limit]) + " ..."


# --- text ---

def carrier(facts: "SceneFacts", found=None) -> str:
    """What the text is on, as said before the quote: "a laptop screen", "a medicine bottle".

    ``found``: the kind ``kinds.main_kind`` made out, for the nouns text alone cannot give
    ("a book cover").
    """
    reading = facts.reading
    kind = reading.kind if reading else "text"
    holders = [o for o in (facts.objects or ()) if _carries_text(o, facts)]
    kinds = {o.kind for o in holders}
    family = _family(facts)
    if kind == "screen" or kinds & {"tv", "laptop", "cell phone"}:
        if "laptop" in kinds:
            return "a laptop screen"
        if "tv" in kinds:
            return "a TV screen"
        if "cell phone" in kinds or family == "phone":
            return "a phone screen"
        return "a computer screen" if family == "screen" else "a screen"
    container = ("bottle" if "bottle" in kinds or family == "bottle" else
                 "box" if family == "box" else
                 "cup" if "cup" in kinds or family == "cup" else
                 "book" if "book" in kinds else "")
    if kind == "medicine" and container:
        return f"a medicine {container}"
    if kind == "food" and container:
        return with_article(container)
    if container and kind in ("label", "text", "sign"):
        return f"{with_article(container)} with a label"
    from .kinds import noun
    from .reading import is_device_label

    if reading is not None and is_device_label(reading.lines):
        return "a device label"
    if found is not None and found.kind in ("paper", "label"):
        said = noun(found, facts)
        if said in ("a book cover", "a device label", "a receipt", "a letter"):
            return said
    if kind in ("letter", "document") and family == "paper":
        return KIND_WORDS[kind]
    return KIND_WORDS.get(kind, "some text")


_LEADS = {"a letter": "A letter that begins",
          "a screen": "A screen with a message",
          "a computer screen": "A computer screen with a message",
          "a laptop screen": "A laptop computer screen with a message",
          "a TV screen": "A TV screen showing",
          "a phone screen": "A phone screen showing",
          "a device label": "A device label with the text"}


def text_sentence(reading: "Reading", what: str) -> str:
    """'A sign that says: "…".' in the reply language (the quote as read, never translated)."""
    if what in _LEADS:
        lead = _(_LEADS[what])
    else:   # each language agrees "that says" with its noun: the whole lead is one message
        lead = _capital(pgettext("text lead", f"{what} that says"))
    return _('{lead}: "{text}".').format(lead=lead, text=quote(reading))


def quote(reading: "Reading", limit: int = QUOTE_WORDS) -> str:
    text = joined(key_lines(reading, limit))
    return text.rstrip(" .") if not text.endswith("...") else text


def _wordy(reading: "Reading") -> bool:
    """Worth quoting beside the things: a word, not a stray number read off a texture."""
    return any(sum(ch.isalpha() for ch in word) >= 3 for line in reading.lines
               for word in line.text.split())


def _carries_text(obj: "SeenObject", facts: "SceneFacts") -> bool:
    """Does this object's box hold most of the text lines?"""
    lines = facts.lines
    if not lines:
        return False
    w, h = max(1, facts.size[0]), max(1, facts.size[1])
    inside = sum(1 for l in lines
                 if obj.box[0] <= (l.box[0] + l.box[2]) / 2 / w <= obj.box[2]
                 and obj.box[1] <= (l.box[1] + l.box[3]) / 2 / h <= obj.box[3])
    return inside * 2 >= len(lines)


# --- things and people ---

def people_count(facts: "SceneFacts", objects: Sequence["SeenObject"] | None = None) -> int:
    detected = sum(1 for o in (facts.objects if objects is None else objects) or ()
                   if o.kind == "person")
    return max(detected, len(facts.faces or ()))


def scene_phrase(things: Sequence["SeenObject"], people: int,
                 shown: Sequence["SeenObject"] = (), names: dict[str, str] | None = None) -> str:
    """'two people on the left and a red cup in the middle, close'; '' when nothing.

    ``shown`` are people on a screen: "a TV showing a person", not a person beside a TV.
    ``names``: a surer name for a detector class ("tv" -> "computer monitor").
    """
    names = names or {}
    groups: dict[str, list["SeenObject"]] = {}
    for obj in sorted(things, key=lambda o: -o.area * o.score):
        groups.setdefault(names.get(obj.kind, obj.name), []).append(obj)
    screens = [o for o in things if o.kind in _SCREENS]
    if shown and screens:
        screen = max(screens, key=lambda o: o.area)
        what = count_phrase("person", len(shown))
        text = _("{screen} showing {what}").format(
            screen=count_phrase(names.get(screen.kind, screen.name), 1), what=what)
        others = scene_phrase([o for o in things if o is not screen], people, names=names)
        return _("{first}, and {rest}").format(first=text, rest=others) if others else text
    surfaces = [n for n in groups if n in SURFACES]
    named = [n for n in groups if n not in SURFACES] or surfaces[:1]
    pieces = []
    if people:
        pieces.append(count_phrase("person", people))
    for name in named[:3]:
        members = groups[name]
        first = members[0]
        noun = count_phrase(name, len(members))
        if len(members) == 1 and first.score < SURE_OBJECT:
            noun = _("probably {thing}").format(thing=noun)
        where = first.place()
        if len(pieces) == 0 or len(named) <= 2:
            near = first.distance()
            noun += f" {place(where)}" + (f", {place(near)}" if near == "close" else "")
        pieces.append(noun)
    if not pieces:
        return ""
    text = _and(pieces)
    if surfaces and named and surfaces[0] not in named:
        text += " " + _surface(surfaces[0])
    return text


def on_screen(facts: "SceneFacts", objects: Sequence["SeenObject"]) -> list["SeenObject"]:
    """People whose box lies inside a TV, laptop or phone: someone on the screen."""
    from .objects import _inside

    screens = [o for o in objects if o.kind in _SCREENS]
    return [o for o in objects if o.kind == "person"
            and any(_inside(o.box, s.box) >= 0.85 and o.area < 0.8 * s.area for s in screens)]


def _label_overrules(facts: "SceneFacts", things: Sequence["SeenObject"]) -> bool:
    """A sure label for an animal the detector named otherwise (a squirrel it called a bird)."""
    animals = [o for o in things if o.kind in _ANIMALS]
    if not animals or not facts.labels or facts.labels[0][1] < say.SURE:
        return False
    name = facts.labels[0][0]
    if not say.is_animal(name):
        return False
    # COCO knows ten animals, ImageNet hundreds: a sure "fox squirrel" beats "bird".
    families = say.imagenet_families(facts.labels[:1])
    top = say.clean_label(name).lower()
    return all(o.kind not in families and o.kind not in top for o in animals)


def _repeats(facts: "SceneFacts", things: Sequence["SeenObject"]) -> bool:
    """Would the label only name again what the detector already named ("a cat ... a cat")?"""
    if not facts.labels:
        return False
    names = {o.name.lower() for o in things} | {o.kind for o in things}
    names |= {alias for alias, nouns in _SAME_NOUN.items() if names & nouns}
    families = say.imagenet_families(facts.labels)
    family, p = max(families.items(), key=lambda kv: kv[1], default=("", 0.0))
    top = set(say.clean_label(facts.labels[0][0]).lower().split())
    return (p >= say.MAYBE and family in names) or bool(top & names)


def label_phrase(facts: "SceneFacts", minimum: float = 0.0) -> str:
    """What the ImageNet labeller allows us to say, without its full stop; '' below the floor."""
    from .triage import label_confidence

    if not facts.labels or label_confidence(facts) < minimum:
        return ""
    families = say.imagenet_families(facts.labels)
    unsure = facts.quality is not None and not facts.quality.ok
    missing: list[str] = []
    sentence = say.label_sentence(facts.labels, unsure=unsure, families=families, missing=missing)
    if sentence == _("I can't tell what this is.") or missing:
        return ""   # a label the reply language's catalogue lacks is left out, never said in English
    return sentence.rstrip(".")


def _family(facts: "SceneFacts") -> str:
    if not facts.labels:
        return ""
    families = say.imagenet_families(facts.labels)
    family, p = max(families.items(), key=lambda kv: kv[1], default=("", 0.0))
    return family if p >= say.MAYBE else ""


# --- colour ---

def colour_phrase(facts: "SceneFacts", text_first: bool, only: bool = False) -> str:
    """'Mostly white and blue.' for the middle of the picture; '' when it says nothing.

    ``only``: nothing else was made out, so the whole frame's colours (shadow and glare
    left out) are what there is to say.
    """
    from .colours import base_shares, seen_colours

    if only:
        seen = [name for name, share in seen_colours(facts)[:3] if share >= 0.1]
        if not seen:
            return ""
        return _("I can only make out colours and shapes: mostly {colours}.").format(
            colours=_and([say.colour_word(name) for name in seen]))
    colours = facts.centre_colours
    if not colours or facts.light.is_dark:
        return ""
    names = []
    for base, share in base_shares(colours):
        if share < 0.15 or len(names) == 2:
            break
        shades = [c for c in colours if c.name.split()[-1] == base]
        top = max(shades, key=lambda c: c.share)
        # "dark blue and blue" is one blue to a listener, unless one shade clearly leads.
        names.append(top.name if top.share >= 0.7 * share else base)
    if not names:
        return ""
    return _("Mostly {colours}.").format(colours=_and([say.colour_word(n) for n in names]))


# --- words ---

def with_article(name: str) -> str:
    return say.with_article(name)


def _and(words: Sequence[str]) -> str:
    return say._and(list(words))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
