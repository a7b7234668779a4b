"""The vision engine that needs no download: it answers only from what it can measure.

It reads text (RapidOCR, whose models ship in the wheel), the light level and the
main colours. It never names objects it cannot see, and every answer ends by
saying the full vision model is missing and where to learn how to get it.
"""
from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Callable, Sequence

from ..events import Event, ModelLoaded, ModelLoading
from . import VisionAnswer
from .colours import describe_colours, main_colours
from .measure import light_level
from .router import Intent, route

if TYPE_CHECKING:
    from PIL import Image

    from ..conversation.history import Turn
    from .measure import LightLevel
    from .ocr import TextLine

NOT_INSTALLED = ("The full vision model is not installed, so I cannot recognise objects; "
                 "run 'assistant models' to see how to get it.")
MAX_SPOKEN_WORDS = 40

_THINGS = ("sign", "label", "page", "menu", "note", "screen", "board", "poster", "title")


def topic_of(question: str) -> str:
    """'text', 'colour', 'light' or 'summary': what this engine can answer the question with."""
    intent = route(question)
    return {Intent.READ_TEXT: "text", Intent.COLOUR: "colour", Intent.LIGHT: "light"}.get(
        intent, "summary")


class EmbeddedEngine:
    """VisionEngine from offline measurements: OCR text, light level, main colours."""

    def __init__(self, *, ocr_min_score: float = 0.5,
                 on_event: Callable[[Event], None] | None = None) -> None:
        if not 0.0 <= ocr_min_score <= 1.0:
            raise ValueError(f"ocr_min_score must be within 0..1, not {ocr_min_score}")
        self._ocr_min_score = ocr_min_score
        self._on_event = on_event or (lambda event: None)
        self._ocr_used = False

    @property
    def name(self) -> str:
        return "embedded"

    @property
    def device(self) -> str:
        return "cpu"

    def answer(self, image: "Image.Image", question: str,
               history: Sequence["Turn"] = ()) -> VisionAnswer:
        topic = topic_of(question)
        light = light_level(image)
        colours = main_colours(image)
        details: dict = {"topic": topic, "light": light.to_dict(),
                         "colours": [c.to_dict() for c in colours]}
        lines: tuple = ()
        if topic in ("text", "summary"):
            lines, ocr_ms = self._read(image)
            details["ocr"] = [line.to_dict() for line in lines]
            details["ocr_ms"] = round(ocr_ms, 1)

        if topic == "text":
            body = _text_answer(question, lines, light)
        elif topic == "colour":
            body = describe_colours(colours)
        elif topic == "light":
            body = _light_answer(question, light)
        else:
            body = _summary(lines, light, describe_colours(colours))
        return VisionAnswer(text=f"{body} {NOT_INSTALLED}", engine=self.name,
                            device=self.device, details=details)

    def load(self) -> None:
        """Load the OCR models now (about a second), so the first question is not the slow one."""
        if self._ocr_used:
            return
        from .ocr import load_ocr

        self._on_event(ModelLoading(stage="vision", model="rapidocr"))
        start = time.perf_counter()
        load_ocr()
        self._ocr_used = True
        self._on_event(ModelLoaded(stage="vision", model="rapidocr", device="cpu",
                                   elapsed_ms=(time.perf_counter() - start) * 1000))

    def _read(self, image: "Image.Image") -> tuple[tuple["TextLine", ...], float]:
        from .ocr import read_text

        self.load()
        result = read_text(image, min_score=self._ocr_min_score)
        return result.lines, result.elapsed_ms


def spoken_text(lines: Sequence["TextLine"], max_words: int = MAX_SPOKEN_WORDS) -> str:
    """Lines joined for speech: prose runs on, separate lines get a full stop between."""
    out = ""
    for line in lines:
        text = line.text.strip()
        if not out:
            out = text
        elif out[-1] not in ".!?" and text[:1].islower():
            out += " " + text
        else:
            out += ("" if out[-1] in ".!?:;," else ".") + " " + text
    words = out.split()
    if len(words) > max_words:
        return " ".join(words[:max_words]) + " ..."
    return out


def _text_answer(question: str, lines: Sequence["TextLine"], light: "LightLevel") -> str:
    if not lines:
        reason = " It is very dark, which may hide it." if light.is_dark else ""
        return f"I cannot find any readable text in the picture.{reason}"
    lowered = question.lower()
    thing = next((t for t in _THINGS if re.search(rf"\b{t}s?\b", lowered)), "text")
    return f'The {thing} says: "{spoken_text(lines)}".'


def _light_answer(question: str, light: "LightLevel") -> str:
    about_lamp = re.search(r"\b(?:lights?|lamp)\b.*\b(?:on|off)\b|\b(?:on|off)\b.*\blights?\b",
                           question.lower())
    if not about_lamp:
        return light.sentence()
    if light.is_dark:
        verdict = "so the light is probably off"
    elif light.label == "dim":
        verdict = "so there is some light, but not much"
    else:
        verdict = "so the light seems to be on"
    return f"{light.sentence()[:-1]}, {verdict}."


def _summary(lines: Sequence["TextLine"], light: "LightLevel", colours: str) -> str:
    parts = [f"I can only measure the picture: it is {light.label}.", colours]
    if lines:
        parts.append(f'I can read: "{spoken_text(lines, max_words=20)}".')
    return " ".join(parts)
