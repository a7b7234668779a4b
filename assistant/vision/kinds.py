"""What kind of thing the picture shows, pooled from every measurement, even when it is soft.

A blind user's photo is often too blurred for any one model to be sure, yet several
weak clues agree: the detector half-sees a TV, the labeller spreads its guess over
"monitor", "desktop computer" and "web site", the text says "Windows". Each clue is a
signal for a kind (screen, paper, bottle, box, clothing...); a kind is named when two
signals agree, or one is strong (``Calibration.kind_signal`` / ``kind_strong``).
Nothing is named on one weak clue: a labeller sure of a thing of no kind names nothing. Pure.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

from .calibration import CALIBRATION, Calibration

if TYPE_CHECKING:
    from .objects import SeenObject
    from .scene import SceneFacts

# Garments named when a class of them is among the labels (lower-cased clean_label names).
_GARMENTS = {"a shirt": {"t-shirt", "sweatshirt", "cardigan"}, "trousers": {"jeans"},
             "a coat": {"trench coat", "fur coat", "lab coat"}}


@dataclass(frozen=True)
class Kind:
    """A kind of thing and the evidence for it (signal name -> strength 0..1)."""

    kind: str
    signals: dict[str, float] = field(default_factory=dict)

    @property
    def strength(self) -> float:
        return max(self.signals.values(), default=0.0)

    @property
    def sure(self) -> bool:
        """Two signals, one very strong: said as 'a ...', not 'probably a ...'."""
        return len(self.signals) >= 2 and self.strength >= CALIBRATION.kind_strong

    def to_dict(self) -> dict:
        return {"kind": self.kind, "signals": {k: round(v, 3) for k, v in self.signals.items()}}


def _label_kinds(cal: Calibration) -> dict[str, str]:
    """ImageNet class name -> kind."""
    return {name: kind for kind, names in cal.kind_labels.items() for name in names}


def _object_kind(obj: "SeenObject", cal: Calibration) -> str:
    return next((k for k, classes in cal.kind_objects.items() if obj.kind in classes), "")


def label_signals(labels: Sequence[tuple[str, float]], cal: Calibration = CALIBRATION
                  ) -> dict[str, float]:
    """Summed label probability per kind, over the ranked ImageNet labels."""
    from .embedded_answers import pooled

    return pooled(labels, _label_kinds(cal))


def kinds_seen(facts: "SceneFacts", cal: Calibration = CALIBRATION) -> list[Kind]:
    """Every kind with enough evidence, the best supported first."""
    from .embedded_answers import clean_label
    from .reading import has_cues, is_device_label

    signals: dict[str, dict[str, float]] = {}

    def add(kind: str, source: str, value: float) -> None:
        mine = signals.setdefault(kind, {})
        mine[source] = max(mine.get(source, 0.0), value)

    table = _label_kinds(cal)
    labels = facts.labels or ()
    for kind, p in label_signals(labels, cal).items():
        add(kind, "labels", p)
        # Several ImageNet classes of one kind agreeing ("sock", "jeans", "T-shirt") are
        # separate guesses that concur, not one guess: counted as a second signal.
        agreeing = [q for name, q in labels
                    if q >= cal.kind_agreeing and table.get(clean_label(name)) == kind]
        if len(agreeing) >= 3 and p >= cal.kind_pooled:
            add(kind, "label classes", p)
    soft = facts.quality is not None and not facts.quality.ok
    for obj in corroborated(facts.objects or (), facts, cal, smears=True):
        kind = _object_kind(obj, cal)
        score = obj.score
        if soft and _filling(obj, cal):
            score = min(score, cal.kind_strong - 0.01)   # a smear's box: one signal at most
        if kind and score >= cal.kind_object_signal:
            add(kind, "objects", score)
    if facts.faces:
        add("person", "faces", 0.6)
    reading = facts.reading
    if reading is not None and reading.lines:
        kind = "label" if is_device_label(reading.lines) else cal.kind_text.get(reading.kind, "")
        if kind:
            add(kind, "text", 0.6)
        elif has_cues(reading.lines, "screen"):
            add("screen", "text", 0.4)   # "Windows", "Quit": an interface, not proof
    found = []
    for kind, mine in signals.items():
        counted = {k: v for k, v in mine.items() if v >= cal.kind_signal}
        if max(counted.values(), default=0.0) >= cal.kind_strong or len(counted) >= 2:
            found.append(Kind(kind, counted))
    found.sort(key=lambda k: (-len(k.signals), -k.strength))
    return found


def main_kind(facts: "SceneFacts", cal: Calibration = CALIBRATION) -> Kind | None:
    found = kinds_seen(facts, cal)
    return found[0] if found else None


def noun(kind: Kind, facts: "SceneFacts") -> str:
    """The kind in plain words, as specific as the evidence allows ("a laptop screen")."""
    from .reading import has_cues, is_device_label

    names = {o.kind for o in facts.objects or ()}
    top = {name.lower() for name, p in (facts.labels or ())[:3] if p >= 0.1}
    reading = facts.reading
    if kind.kind == "screen":
        if "laptop" in names or top & {"laptop computer", "notebook computer"}:
            return "a laptop computer screen"
        if "tv" in names and top & {"television", "home theater", "entertainment center"}:
            return "a TV screen"
        if top & {"monitor", "desktop computer", "crt monitor"}:
            return "a computer monitor"
        if "cell phone" in names or top & {"mobile phone", "ipod", "hand-held computer"}:
            return "the screen of a phone or other electronic device"
        if reading is not None and has_cues(reading.lines, "screen"):
            return "a computer screen"    # "Windows", "Quit": a computer's messages
        if "tv" in names or "television" in top:
            return "a TV screen"
        return "a screen"
    if kind.kind == "bottle":
        medicine = reading is not None and reading.kind == "medicine"
        return "a medicine bottle" if medicine or "pill bottle" in top else "a bottle"
    if kind.kind == "paper":
        if "dust jacket" in top:
            return "a book cover"
        if reading is not None and reading.kind in ("receipt", "letter"):
            return f"a {reading.kind}"
        if "book" in names and not reading:
            return "a book"
        seen_text = bool(reading and reading.lines) or bool(facts.ocr and facts.ocr.unreadable)
        return "a piece of paper with text" if seen_text else CALIBRATION.kind_nouns["paper"]
    if kind.kind == "clothing":
        garment = next((g for g, classes in _GARMENTS.items()
                        if any(n.lower() in classes and p >= 0.1 for n, p in facts.labels or ())),
                       "")
        return f"some clothing, perhaps {garment}" if garment else "some clothing"
    if kind.kind == "label" and reading is not None and is_device_label(reading.lines):
        return "a device label"
    return CALIBRATION.kind_nouns.get(kind.kind, f"a {kind.kind}")


def objects_of(kind: Kind, objects: Sequence["SeenObject"]) -> list["SeenObject"]:
    return [o for o in objects if _object_kind(o, CALIBRATION) == kind.kind]


def _filling(obj: "SeenObject", cal: Calibration) -> bool:
    return obj.box[2] - obj.box[0] >= cal.frame_filling and obj.area >= cal.frame_filling ** 2


def corroborated(objects: Sequence["SeenObject"], facts: "SceneFacts",
                 cal: Calibration = CALIBRATION, *, smears: bool = False
                 ) -> tuple["SeenObject", ...]:
    """The detections other evidence does not contradict.

    Two classes on one box (a phone and a bottle, the same thing seen twice): the one the
    labeller agrees with stays. On a soft frame, a box filling the frame is kept only when
    the labeller sees the same kind of thing (a smear fills the frame with a box). ``smears``
    keeps those boxes (``kinds_seen`` counts them, as one signal at most).
    """
    from .objects import iou

    signals = label_signals(facts.labels or (), cal)

    def support(obj: "SeenObject") -> float:
        return signals.get(_object_kind(obj, cal), 0.0)

    soft = facts.quality is not None and not facts.quality.ok
    kept = []
    for obj in objects:
        # (A person is never a twin: on a TV, the person and the screen share a box.)
        twins = [o for o in objects if o is not obj and o.kind != obj.kind
                 and "person" not in (o.kind, obj.kind) and iou(o.box, obj.box) >= 0.6]
        if any(support(t) >= cal.kind_signal and support(t) > support(obj) for t in twins):
            continue
        if soft and not smears and obj.kind != "person" and _filling(obj, cal) \
                and support(obj) < cal.kind_signal:
            continue
        kept.append(obj)
    return tuple(kept)
