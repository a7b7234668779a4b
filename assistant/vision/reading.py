"""What the text in a picture is, and which of it to say first. Pure: OCR lines in, words out.

Blind users photograph screens, medicine, food packages, letters, receipts and menus, and
each is read differently: a screen's message matters, not its buttons; a receipt's shop
and total; a medicine's name and dose; a package's biggest words (brand and product).
The kind is told from the words and the layout, and from what the object detector saw
around the text (a laptop or TV makes it a screen).
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from .calibration import CALIBRATION

if TYPE_CHECKING:
    from .objects import SeenObject
    from .ocr import TextLine
    from .quality import FrameQuality

_PRICE = re.compile(r"(?:[$£€]\s?\d+[.,]\d{2}\b|\b\d+[.,]\d{2}\s?[$£€]?(?:\s|$))")
_CUES: dict[str, tuple[str, ...]] = {
    "screen": ("error", "windows", "click", "cancel", "ok", "settings", "update", "install",
               "password", "sign in", "log in", "login", "restart", "computer", "file",
               "continue", "retry", "warning", "loading", "wi-fi", "wifi", "battery",
               "download", "email", "menu", "home", "search", "connect", "repair", "system",
               "select", "press", "enter", "notification", "device", "account", "apply",
               "next", "back", "close", "internet", "network", "unable", "failed", "quit",
               "exit", "save", "open", "options", "preferences", "username", "welcome",
               "setup", "responding"),
    "receipt": ("total", "subtotal", "sub total", "tax", "vat", "cash", "change", "visa",
                "mastercard", "card", "receipt", "qty", "balance", "amount", "thank you",
                "store", "items", "paid", "tender", "due"),
    "medicine": ("mg", "tablet", "tablets", "caplet", "caplets", "capsule", "capsules", "dose",
                 "dosage", "take", "every", "hours", "pain", "relief", "cold", "flu", "drug",
                 "active ingredient", "warnings", "directions", "pharmacy", "rx", "refill",
                 "daily", "adults", "children", "doctor", "mcg", "ml", "nighttime", "daytime",
                 "acetaminophen", "ibuprofen", "aspirin", "allergy", "cough", "vitamin",
                 "prescription", "side effects", "use by", "exp"),
    "food": ("net wt", "net", "oz", "calories", "ingredients", "nutrition", "serving",
             "servings", "sugar", "protein", "fat", "sodium", "cook", "microwave", "heat",
             "minutes", "oven", "organic", "natural", "flavor", "flavour", "best before",
             "cereal", "soup", "rice", "pasta", "chicken", "beans", "sauce", "tomato",
             "frozen", "keep refrigerated", "whole grain", "fresh", "juice", "milk", "tea",
             "coffee", "chocolate", "snack", "crackers", "cookies", "g", "kcal"),
    "letter": ("dear", "sincerely", "regards", "yours", "faithfully", "date", "address",
               "re:", "account number", "reference", "enclosed", "please", "invoice",
               "statement", "payment", "bank", "council", "appointment", "inc", "ltd",
               "street", "road", "avenue", "suite", "p.o. box"),
    "menu": ("menu", "starters", "appetizers", "mains", "main courses", "desserts", "drinks",
             "salad", "soup", "burger", "pasta", "pizza", "sandwich", "served with", "fries",
             "steak", "fish", "chicken", "wine", "beer", "coffee", "tea", "breakfast",
             "lunch", "dinner", "specials", "sides"),
}
# Said before the text: "A computer screen with a message: ..."
KIND_WORDS = {
    "screen": "a screen", "receipt": "a receipt", "medicine": "a medicine label",
    "food": "a food package", "letter": "a letter", "menu": "a menu",
    "sign": "a sign", "document": "a printed page", "label": "a label", "text": "some text",
}
_BUTTONS = re.compile(r"^(ok|cancel|yes|no|close|retry|ignore|abort|next|back|apply|help|"
                      r"continue|skip|later|restart now|restart later|install|update|"
                      r"remind me later|got it|allow|deny|sign in|submit|x)$", re.I)


@dataclass(frozen=True)
class Reading:
    """The text of one picture, understood: its kind, what to say first, how it is framed."""

    kind: str
    lines: tuple["TextLine", ...]
    words: int
    coverage: float                 # share of the picture covered by text boxes
    cut_edges: tuple[str, ...]      # "left", "right", "top", "bottom": text runs off there

    @property
    def dominant(self) -> bool:
        """Text is what the picture is about (a page, a screen, a label held close)."""
        return self.words >= 12 or self.coverage >= 0.08 or (self.words >= 3 and
                                                              self.coverage >= 0.03)

    def to_dict(self) -> dict:
        return {"kind": self.kind, "words": self.words, "coverage": round(self.coverage, 3),
                "cut_edges": list(self.cut_edges), "dominant": self.dominant}


def trusted(lines: Sequence["TextLine"], quality: "FrameQuality | None",
            unreadable: int = 0) -> tuple["TextLine", ...]:
    """The lines worth saying on this frame: on a smeared or dark one, OCR reads confident
    nonsense ("CIRWER SHOP"), so only near-certain lines of real words are kept. Text that
    is mostly unreadable marks a smear even where the edges look sharp.

    When no line can be trusted whole, the sure dictionary words of the lines the
    recogniser was confident about are kept as ``partial`` lines: said as words made out,
    never quoted as the text. Beside whole lines they would add nothing."""
    from .words import known_share, stroke_run

    smeared = unreadable >= 3 and unreadable >= 1.5 * len(lines)
    if (quality is None or quality.ok) and not smeared:
        return tuple(lines)
    severe = quality is not None and quality.sharpness < CALIBRATION.severe_blur
    score, share = (0.95, 0.8) if severe else (0.9, 0.6)
    whole = tuple(l for l in lines if l.score >= score and known_share(l.text) >= share
                  and not stroke_run(l.text))
    if whole:
        return whole
    parts = ((line, known_words(line.text)) for line in lines
             if line.score >= CALIBRATION.poor_word_score)
    return tuple(dataclasses.replace(line, text=" ".join(words), partial=True)
                 for line, words in parts if words)


def known_words(text: str, least: int = 4) -> list[str]:
    """The whole dictionary words of a line (``least`` letters or more), as written."""
    from .words import known_share

    out = []
    for token in text.split():
        word = token.strip(".,:;!?()\"'")
        if len(word) >= least and word.isalpha() and known_share(word) == 1.0:
            out.append(word)
    return out


def understand(lines: Sequence["TextLine"], size: tuple[int, int],
               objects: Sequence["SeenObject"] = ()) -> Reading:
    width, height = max(1, size[0]), max(1, size[1])
    words = sum(len(line.text.split()) for line in lines)
    area = sum((l.box[2] - l.box[0]) * (l.box[3] - l.box[1]) for l in lines)
    coverage = min(1.0, area / (width * height))
    return Reading(kind=text_kind(lines, size, objects), lines=tuple(lines), words=words,
                   coverage=coverage, cut_edges=cut_edges(lines, size))


def text_kind(lines: Sequence["TextLine"], size: tuple[int, int],
              objects: Sequence["SeenObject"] = ()) -> str:
    if not lines:
        return "text"
    text = " ".join(line.text for line in lines).lower()
    if is_device_label(lines):
        return "label"        # a rating plate: "Model No", "Input", "Serial"
    tokens = set(re.findall(r"[a-z]+(?:-[a-z]+)?", text))
    scores = {kind: sum(1 for cue in cues if (cue in tokens if " " not in cue and
                                              cue.isalpha() else cue in text))
              for kind, cues in _CUES.items()}
    prices = sum(1 for line in lines if _PRICE.search(line.text))
    scores["receipt"] += prices if scores["receipt"] else 0
    scores["menu"] += prices // 2 if scores["menu"] else 0
    if _screen_around(lines, size, objects):
        scores["screen"] += 3
    kind, best = max(scores.items(), key=lambda kv: kv[1])
    if best >= 2:
        return kind
    words = len(text.split())
    # Few, short lines of big words: a sign ("NOTICE / DOUBLE / PARKING / PROHIBITED").
    if words <= 6 or (words <= 16 and words <= 2.5 * len(lines)):
        return "sign"
    if len(lines) >= 6:
        return "document"
    return "label"


def has_cues(lines: Sequence["TextLine"], kind: str, least_letters: int = 4) -> bool:
    """Does the text hold any whole-word cue of ``kind`` ("Windows", "Quit" for a screen)?"""
    tokens = set(re.findall(r"[a-z]+", " ".join(l.text for l in lines).lower()))
    return any(cue in tokens for cue in _CUES[kind] if cue.isalpha() and len(cue) >= least_letters)


def is_device_label(lines: Sequence["TextLine"]) -> bool:
    """A rating plate: two or more of "model", "serial", "input"... as whole words."""
    lowered = " ".join(line.text for line in lines).lower()
    return sum(1 for word in CALIBRATION.device_label_words
               if re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", lowered)) >= 2


def _screen_around(lines: Sequence["TextLine"], size: tuple[int, int],
                   objects: Sequence["SeenObject"]) -> bool:
    """Does a detected TV, laptop or phone hold most of the text?"""
    screens = [o for o in objects if o.kind in ("tv", "laptop", "cell phone")]
    if not screens or not lines:
        return False
    width, height = max(1, size[0]), max(1, size[1])
    inside = 0
    for line in lines:
        x = (line.box[0] + line.box[2]) / 2 / width
        y = (line.box[1] + line.box[3]) / 2 / height
        if any(o.box[0] <= x <= o.box[2] and o.box[1] <= y <= o.box[3] for o in screens):
            inside += 1
    return inside * 2 >= len(lines)


def cut_edges(lines: Sequence["TextLine"], size: tuple[int, int],
              margin: float = 0.012) -> tuple[str, ...]:
    """Edges that text touches: the reader should move the camera that way to see the rest."""
    width, height = max(1, size[0]), max(1, size[1])
    touched = []
    for edge, test in (("left", lambda b: b[0] <= margin * width),
                       ("right", lambda b: b[2] >= (1 - margin) * width),
                       ("top", lambda b: b[1] <= margin * height),
                       ("bottom", lambda b: b[3] >= (1 - margin) * height)):
        hits = sum(1 for line in lines if test(line.box))
        # A line at the top or bottom edge means more lines beyond it; at the sides one
        # brushing word is common, a quarter of the lines is a page cut off.
        needed = 1 if edge in ("top", "bottom") or len(lines) <= 2 else max(1, len(lines) // 4)
        if hits >= needed:
            touched.append(edge)
    return tuple(touched)


def by_prominence(lines: Sequence["TextLine"]) -> list["TextLine"]:
    """Biggest letters first (titles, brands, product names); reading order breaks ties."""
    order = {id(line): i for i, line in enumerate(lines)}
    return sorted(lines, key=lambda l: (-round(l.height / 4), order[id(l)]))


def key_lines(reading: Reading, limit_words: int = 14) -> list[str]:
    """The lines to quote inside a description, in the order they should be heard."""
    lines = list(reading.lines)
    if reading.kind == "screen":
        chosen = [l for l in lines if not _BUTTONS.match(l.text.strip(" .:!"))] or lines
    elif reading.kind == "receipt":
        total = [l for l in lines if re.search(r"\b(total|balance|amount due)\b", l.text, re.I)]
        chosen = lines[:1] + [l for l in total[-1:] if l is not lines[0]]
    elif reading.kind == "letter":
        # Who it is from (the letterhead), then what it is about: the lines after "Dear ..."
        # or a "Re:" line; an envelope has neither, and its biggest words are the address.
        head = by_prominence(lines)[0]
        start = next((i for i, l in enumerate(lines)
                      if re.match(r"\s*(dear|re:|subject:|to whom)", l.text, re.I)), None)
        body = lines[start + 1:] if start is not None and lines[start].text.lower().startswith(
            "dear") else lines[start:] if start is not None else by_prominence(lines)[1:]
        chosen = [head] + [l for l in body if l is not head]
    elif reading.kind == "sign":
        chosen = lines               # a sign is read as it is written
    elif reading.kind in ("document", "menu"):
        head = by_prominence(lines)[0]
        chosen = [head] + [l for l in lines if l is not head]
    else:   # labels, packages, medicine, signs: the biggest words say what it is
        chosen = by_prominence(lines)
    out, count = [], 0
    for line in chosen:
        words = line.text.split()
        if count and count + len(words) > limit_words:
            if count + 3 > limit_words:
                break
            words = words[:limit_words - count]
        out.append(" ".join(words))
        count += len(words)
        if count >= limit_words:
            break
    return out


def joined(parts: Sequence[str]) -> str:
    """Lines joined for speech: prose runs on, separate lines get a full stop between."""
    out = ""
    for text in parts:
        text = text.strip()
        if not text:
            continue
        if not out:
            out = text
        elif out[-1] not in ".!?" and text[:1].islower():
            out += " " + text
        else:
            out += ("" if out[-1] in ".!?:;," else ".") + " " + text
    return out
