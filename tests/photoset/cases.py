"""The photo cases: what each photo is, what a sighted helper would say, and what must be said.

A case pairs a ``PhotoCase`` (the yardstick) with a builder (how its photo is made).
Descriptions were written from the built photos alone, VizWiz-caption style, before
any engine saw them; they are never edited to suit an engine's answer. ``facts`` are
what an offline engine (OCR, a COCO detector, an ImageNet labeller, colour naming,
face detection) could measure and a good answer must contain: each group is a tuple
of lowercase alternatives, every group must be present. Unusable photos (a sighted
person could not describe them either) have no facts.

``split``: "tune" cases may be looked at while improving an engine; "holdout" cases are
only scored, to tell real gains from fitting the tune cases.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Callable, Iterable

from PIL import Image

SPLITS = ("tune", "holdout")
KINDS = ("screen", "medicine", "food", "letter", "receipt", "menu", "tv", "sign", "object",
         "people", "colour", "unusable")
DEFAULT_QUESTION = "What is in front of me?"
COLOUR_QUESTION = "What colour is this?"


@dataclass(frozen=True)
class PhotoCase:
    id: str
    split: str
    question: str
    description: str
    facts: tuple[tuple[str, ...], ...]
    usable: bool
    notes: str = ""
    kind: str = ""

    def __post_init__(self) -> None:
        if self.split not in SPLITS:
            raise ValueError(f"{self.id}: split must be one of {SPLITS}, not {self.split!r}")
        if self.kind and self.kind not in KINDS:
            raise ValueError(f"{self.id}: unknown kind {self.kind!r}")
        words = len(self.description.split())
        if not 6 <= words <= 25:
            raise ValueError(f"{self.id}: a description has 6-25 words, this one {words}")
        if self.usable != bool(self.facts):
            raise ValueError(f"{self.id}: usable cases need facts, unusable ones have none")
        for group in self.facts:
            if not group or any(alt != alt.lower() or not alt.strip() for alt in group):
                raise ValueError(f"{self.id}: fact groups hold lowercase alternatives: {group}")

    @property
    def seed(self) -> int:
        """A fixed seed per case, so every build draws the same noise."""
        return zlib.crc32(self.id.encode())


@dataclass(frozen=True)
class Recipe:
    case: PhotoCase
    build: Callable[[int], Image.Image]   # seed -> the photo before the phone's JPEG


def collector(into: list[Recipe]):
    """A decorator factory: ``@recipe(id, split, kind, description, facts, ...)`` over a
    builder adds the pair to ``into``, keeping each case's words beside its pixels."""
    def recipe(id: str, split: str, kind: str, description: str,
               facts: Iterable[Iterable[str]] = (), *, question: str = DEFAULT_QUESTION,
               usable: bool = True, notes: str = ""):
        case = PhotoCase(id=id, split=split, question=question, description=description,
                         facts=tuple(tuple(group) for group in facts), usable=usable,
                         notes=notes, kind=kind)

        def register(build: Callable[[int], Image.Image]) -> Callable[[int], Image.Image]:
            into.append(Recipe(case, build))
            return build
        return register
    return recipe


def recipes() -> dict[str, Recipe]:
    """Every recipe by case id, in a fixed order (text, paper, scenes, unusable)."""
    from . import cases_paper, cases_scenes, cases_text, cases_unusable

    found: dict[str, Recipe] = {}
    for recipe in (*cases_text.RECIPES, *cases_paper.RECIPES, *cases_scenes.RECIPES,
                   *cases_unusable.RECIPES):
        if recipe.case.id in found:
            raise ValueError(f"two cases share the id {recipe.case.id!r}")
        found[recipe.case.id] = recipe
    return found


def all_cases(split: str = "all") -> tuple[PhotoCase, ...]:
    """The cases of one split ("tune", "holdout") or of both ("all")."""
    if split not in (*SPLITS, "all"):
        raise ValueError(f"split must be tune, holdout or all, not {split!r}")
    return tuple(r.case for r in recipes().values() if split in ("all", r.case.split))


def get(case_id: str) -> PhotoCase:
    return recipes()[case_id].case
