"""What kind of thing the picture shows, pooled from every measurement, even when it is soft.

A blind user's photo is often too blurred for any one model to be sure, yet several
weak clues agree: the detector half-sees a TV, the labeller spreads its guess over
"monitor", "desktop computer" and "web site", the text says "Windows". Each clue is a
signal for a kind (screen, paper, bottle, box, clothing...); a kind is named when two
signals agree, or one is strong (``Calibration.kind_signal`` / ``kind_strong``).
Nothing is named on one weak clue: that is how a flame becomes "a matchstick". Pure.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

from .calibration import CALIBRATION, Calibration, device_words

if TYPE_CHECKING:
    from .objects import SeenObject
    from .scene import SceneFacts


@dataclass(frozen=True)
class Kind:
    """A kind of thing and the evidence for it (signal name -> strength 0..1)."""

    kind: str
    signals: dict[str, float] = field(default_factory=dict)
    box: tuple[float, float, float, float] | None = None   # where, when the detector saw it

    @property
    def strength(self) -> float:
        return max(self.signals.values(), default=0.0)

    @property
    def sure(self) -> bool:
        """Two signals, or one very strong: said as 'a ...', not 'probably a ...'."""
        return len(self.signals) >= 2 and self.strength >= CALIBRATION.kind_strong

    def to_dict(self) -> dict:
        return {"kind": self.kind, "signals": {k: round(v, 3) for k, v in self.signals.items()}}


def label_signals(labels: Sequence[tuple[str, float]], cal: Calibration = CALIBRATION
                  ) -> dict[str, float]:
    """Summed label probability per kind, over the ranked ImageNet labels."""
    from .embedded_answers import pooled

    return pooled(labels, {name: kind for kind, names in cal.kind_labels.items()
                           for name in names})


def kinds_seen(facts: "SceneFacts", cal: Calibration = CALIBRATION) -> list[Kind]:
    """Every kind with enough evidence, the best supported first."""
    signals: dict[str, dict[str, float]] = {}
    boxes: dict[str, tuple] = {}

    def add(kind: str, source: str, value: float) -> None:
        mine = signals.setdefault(kind, {})
        mine[source] = max(mine.get(source, 0.0), value)

    for kind, p in label_signals(facts.labels or (), cal).items():
        add(kind, "labels", p)
        # Several ImageNet classes of one kind agreeing ("sock", "jeans", "T-shirt") are
        # separate guesses that concur, not one guess: counted as a second signal.
        agreeing = [q for name, q in facts.labels or ()
                    if q >= cal.kind_agreeing and _kind_of_label(name, cal) == kind]
        if len(agreeing) >= 3 and p >= cal.kind_pooled:
            add(kind, "label classes", p)
    blurred = facts.quality is not None and not facts.quality.ok
    for obj in corroborated(facts.objects or (), facts, cal, smears=True):
        kind = next((k for k, classes in cal.kind_objects.items() if obj.kind in classes), "")
        if not kind:
            continue
        score = obj.score
        width = obj.box[2] - obj.box[0]
        if blurred and width >= cal.frame_filling and obj.area >= cal.frame_filling ** 2:
            score = min(score, cal.kind_strong - 0.01)   # a smear's box: one signal at most
        if score >= cal.kind_object_signal:
            add(kind, "objects", score)
            if kind not in boxes or score > signals[kind].get("objects", 0.0) - 1e-9:
                boxes[kind] = obj.box
    if facts.faces:
        add("person", "faces", 0.6)
    reading = facts.reading
    if reading is not None and reading.lines:
        kind = "label" if _device_label(reading, cal) else cal.kind_text.get(reading.kind, "")
        if kind:
            add(kind, "text", 0.6)
        elif _screen_words(reading):
            add("screen", "text", 0.4)   # "Windows", "Quit": an interface, not proof
    found = []
    for kind, mine in signals.items():
        counted = {k: v for k, v in mine.items() if v >= cal.kind_signal}
        best = max(counted.values(), default=0.0)
        if best >= cal.kind_strong or len(counted) >= 2:
            found.append(Kind(kind, counted, boxes.get(kind)))
    found.sort(key=lambda k: (-len(k.signals), -k.strength))
    return found


# Garments named when a class of them is among the labels (clean_label names, lower case).
_GARMENTS = {"a shirt": {"t-shirt", "sweatshirt", "jersey", "cardigan"},
             "trousers": {"jeans"}, "a coat": {"trench coat", "fur coat", "lab coat"}}


def _kind_of_label(name: str, cal: Calibration) -> str:
    from .embedded_answers import clean_label

    name = clean_label(name)
    return next((k for k, names in cal.kind_labels.items() if name in names), "")


def main_kind(facts: "SceneFacts", cal: Calibration = CALIBRATION) -> Kind | None:
    found = kinds_seen(facts, cal)
    return found[0] if found else None


def _screen_words(reading) -> bool:
    import re

    from .reading import _CUES

    tokens = set(re.findall(r"[a-z]+", " ".join(l.text for l in reading.lines).lower()))
    return any(cue in tokens for cue in _CUES["screen"] if cue.isalpha() and len(cue) >= 4)


def _device_label(reading, cal: Calibration = CALIBRATION) -> bool:
    return device_words(" ".join(line.text for line in reading.lines),
                        cal.device_label_words) >= 2


def noun(kind: Kind, facts: "SceneFacts") -> str:
    """The kind in plain words, as specific as the evidence allows ("a laptop screen")."""
    names = {o.kind for o in facts.objects or ()}
    top = {name.lower() for name, p in (facts.labels or ())[:3] if p >= 0.1}
    if kind.kind == "screen":
        if "laptop" in names or top & {"laptop computer", "notebook computer"}:
            return "a laptop computer screen"
        if "tv" in names and top & {"television", "home theater", "entertainment center"}:
            return "a TV screen"
        if top & {"monitor", "desktop computer", "crt monitor"}:
            return "a computer monitor"
        if "cell phone" in names or top & {"mobile phone", "ipod", "hand-held computer"}:
            return "the screen of a phone or other electronic device"
        computer = facts.reading is not None and _screen_words(facts.reading)
        if computer:
            return "a computer screen"    # "Windows", "Quit": a computer's messages
        if "tv" in names or "television" in top:
            return "a TV screen"
        return "a screen"
    if kind.kind == "bottle":
        medicine = facts.reading is not None and facts.reading.kind == "medicine"
        return "a medicine bottle" if medicine or "pill bottle" in top else "a bottle"
    if kind.kind == "paper":
        reading = facts.reading
        if top & {"dust jacket", "book jacket"}:
            return "a book cover"
        if reading is not None and reading.kind == "receipt":
            return "a receipt"
        if reading is not None and reading.kind == "letter":
            return "a letter"
        if "book" in names and not reading:
            return "a book"
        seen_text = bool(reading and reading.lines) or bool(facts.ocr and facts.ocr.unreadable)
        return "a piece of paper with text" if seen_text else CALIBRATION.kind_nouns["paper"]
    if kind.kind == "clothing":
        garment = next((g for g, classes in _GARMENTS.items()
                        if any(n.lower() in classes and p >= 0.1 for n, p in facts.labels or ())),
                       "")
        return f"some clothing, perhaps {garment}" if garment else "some clothing"
    if kind.kind == "label":
        return "a label" if not _on_device(facts) else "a device label"
    return CALIBRATION.kind_nouns.get(kind.kind, f"a {kind.kind}")


def _on_device(facts: "SceneFacts") -> bool:
    reading = facts.reading
    return reading is not None and _device_label(reading, CALIBRATION)


def objects_of(kind: Kind, objects: Sequence["SeenObject"]) -> list["SeenObject"]:
    classes = CALIBRATION.kind_objects.get(kind.kind, ())
    return [o for o in objects if o.kind in classes]


def corroborated(objects: Sequence["SeenObject"], facts: "SceneFacts",
                 cal: Calibration = CALIBRATION, *, smears: bool = False
                 ) -> tuple["SeenObject", ...]:
    """The detections other evidence does not contradict.

    Two classes on one box (a phone and a bottle, the same thing seen twice): the one the
    labeller agrees with stays. On a soft frame, a box filling the frame is kept only when
    the labeller sees the same kind of thing: a blurred shirt is not "a cake".
    """
    from .objects import iou

    signals = label_signals(facts.labels or (), cal)

    def support(obj: "SeenObject") -> float:
        kind = next((k for k, classes in cal.kind_objects.items() if obj.kind in classes), "")
        return signals.get(kind, 0.0) if kind else 0.0

    soft = facts.quality is not None and not facts.quality.ok
    kept = []
    for obj in objects:
        # (A person is never a twin: on a TV, the person and the screen share a box.)
        twins = [o for o in objects if o is not obj and o.kind != obj.kind
                 and "person" not in (o.kind, obj.kind) and iou(o.box, obj.box) >= 0.6]
        if any(support(t) >= cal.kind_signal and support(t) > support(obj) for t in twins):
            continue
        filling = (obj.box[2] - obj.box[0]) >= cal.frame_filling and obj.area >= cal.frame_filling ** 2
        if soft and filling and not smears and obj.kind != "person" \
                and support(obj) < cal.kind_signal:
            continue
        kept.append(obj)
    return tuple(kept)
