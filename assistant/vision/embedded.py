"""The vision engine that needs no download: it answers only from what it can measure.

Every model it uses ships on PyPI: RapidOCR reads text, OpenCV's Haar cascades
count faces, the bundled MobileNetV2 (or CLIP, when its weights are on this
computer) names what the picture probably shows, and plain numpy measures light
and colours. The question's words pick which of these run (``router.route``), so
"what colour is this" costs milliseconds and never waits for OCR. The frame's
quality is checked first: a covered lens or a dark room is said out loud,
because the user cannot see it.
"""
from __future__ import annotations

import re
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Protocol, Sequence

import numpy as np

from ..errors import AssistantError
from ..events import Event, ModelLoaded, ModelLoading
from . import VisionAnswer
from . import embedded_answers as say
from .colours import main_colours
from .frames import problem_words
from .measure import light_level
from .router import Intent, route

if TYPE_CHECKING:
    from PIL import Image

    from ..conversation.history import Turn
    from .faces import FaceBox
    from .ocr import TextLine
    from .quality import FrameQuality

NOT_INSTALLED = "For full descriptions, install a vision model; 'assistant models' shows how."
MAX_SPOKEN_WORDS = say.READ_WORDS  # kept for callers of the old module

_WHOLE_PICTURE = re.compile(r"\b(picture|image|photo|room|scene|everything|view|around|colours"
                            r"|colors)\b")
_LAMP = re.compile(r"\b(lights?|lamps?)\b")


class Labeller(Protocol):
    name: str

    def top_labels(self, image: Any, k: int = 3) -> list[tuple[str, float]]: ...


class FaceFinder(Protocol):
    def detect(self, image: np.ndarray) -> list["FaceBox"]: ...


def topic_of(question: str) -> str:
    """The router's intent as a word ('read_text', 'colour', 'count_people'...)."""
    return route(question).value


class EmbeddedEngine:
    """VisionEngine from offline measurements: text, faces, labels, colours, light.

    ``announce_missing_model`` adds NOT_INSTALLED to each answer; the pipeline may
    set the attribute to False after the first answer of a session, so a blind
    user does not hear it every time. Answers to open questions always carry it.
    """

    def __init__(self, *, ocr_min_score: float = 0.5,
                 on_event: Callable[[Event], None] | None = None,
                 labeller: Labeller | None = None, face_detector: FaceFinder | None = None,
                 clip_model: str | None = None, models_dir: Path | None = None,
                 announce_missing_model: bool = True) -> None:
        if not 0.0 <= ocr_min_score <= 1.0:
            raise ValueError(f"ocr_min_score must be within 0..1, not {ocr_min_score}")
        self._ocr_min_score = ocr_min_score
        self._on_event = on_event or (lambda event: None)
        self._labeller = labeller
        self._faces = face_detector
        self._clip_model = clip_model
        self._models_dir = models_dir
        self.announce_missing_model = announce_missing_model
        self._ocr_used = False
        self._lock = threading.Lock()  # lazy builds only; each model has its own lock

    @property
    def name(self) -> str:
        return "embedded"

    @property
    def device(self) -> str:
        return "cpu"

    def answer(self, image: "Image.Image", question: str,
               history: Sequence["Turn"] = ()) -> VisionAnswer:
        intent = route(question)
        rgb = np.asarray(image.convert("RGB"))
        quality = _quality(rgb)
        light = light_level(rgb)
        details: dict = {"intent": intent.value, "light": light.to_dict(),
                         "quality": _quality_dict(quality), "timings_ms": {}}
        handler = {Intent.READ_TEXT: self._read, Intent.COLOUR: self._colour,
                   Intent.LIGHT: self._light, Intent.COUNT_PEOPLE: self._count}.get(
                       intent, self._describe)
        body = handler(rgb, question, quality, details)
        note = self.announce_missing_model or intent is Intent.QUESTION
        text = f"{body} {NOT_INSTALLED}" if note else body
        return VisionAnswer(text=text, engine=self.name, device=self.device, details=details)

    # --- one method per intent: measure what the answer needs, nothing more ---

    def _read(self, rgb, question, quality, details) -> str:
        lines = self._ocr(rgb, details)
        return say.read_sentence(question, lines, problem_words(quality, "read_text"))

    def _colour(self, rgb, question, quality, details) -> str:
        problem = problem_words(quality)
        if quality is not None and (quality.covered or quality.too_dark):
            details["colours"] = []
            return problem if quality.covered else f"{problem} I can't judge colours in this light."
        # "What colour is this" is about what the camera points at, not the table around it.
        middle = not _WHOLE_PICTURE.search(question.lower())
        region = _middle(rgb) if middle else rgb
        colours = main_colours(region, limit=5, min_share=0.06)
        details["colours"] = [c.to_dict() for c in colours]
        details["colour_region"] = "middle" if middle else "whole"
        return say.colour_sentence(colours, middle=middle)

    def _light(self, rgb, question, quality, details) -> str:
        if quality is not None and quality.covered:
            return problem_words(quality)
        light = light_level(rgb)
        return say.light_sentence(light, about_lamp=bool(_LAMP.search(question.lower())))

    def _count(self, rgb, question, quality, details) -> str:
        if quality is not None and quality.covered:
            details["faces"] = {"count": 0, "boxes": []}
            return problem_words(quality)
        count = len(self._detect_faces(rgb, details))
        problem = problem_words(quality, "count_people") if count == 0 else ""
        # One caveat at a time: a poor frame is the likelier reason for seeing no one.
        sentence = say.faces_sentence(count, caveat=not problem)
        return f"{sentence} {problem}" if problem else sentence

    def _describe(self, rgb, question, quality, details) -> str:
        problem = problem_words(quality)
        if quality is not None and quality.covered:
            return problem
        parts = []
        if route(question) is Intent.QUESTION:
            parts.append("I can't answer that myself, but here is what I can tell.")
        if problem:
            parts.append(problem)
        ranked, families = self._labels(rgb, details)
        label = say.label_sentence(ranked, unsure=bool(problem), families=families)
        faces = self._detect_faces(rgb, details, required=False)
        if faces:
            parts.append(say.faces_sentence(len(faces), caveat=False))
            if label.startswith("I can't tell"):
                label = "I can't tell what else is there."
        parts.append(label)
        lines = self._ocr(rgb, details)
        if lines:
            parts.append(f'It says: "{say.spoken_text(lines, say.SUMMARY_WORDS)}".')
        if "dark" not in problem:
            parts.append(say.light_sentence(light_level(rgb)))
        return " ".join(parts)

    # --- measurements, each recorded in details ---

    def _ocr(self, rgb, details) -> tuple["TextLine", ...]:
        from PIL import Image

        from .ocr import read_text

        self._load_ocr()
        result = read_text(Image.fromarray(rgb), min_score=self._ocr_min_score)
        details["ocr"] = [line.to_dict() for line in result.lines]
        details["timings_ms"]["ocr"] = round(result.elapsed_ms, 1)
        return result.lines

    def _detect_faces(self, rgb, details, *, required: bool = True) -> list["FaceBox"]:
        start = time.perf_counter()
        try:
            boxes = self._face_detector().detect(rgb)
        except AssistantError as err:
            if required:
                raise
            details["faces_error"] = err.message
            return []
        details["faces"] = {"count": len(boxes),
                            "boxes": [[b.x, b.y, b.w, b.h, b.kind] for b in boxes]}
        details["timings_ms"]["faces"] = round((time.perf_counter() - start) * 1000, 1)
        return boxes

    def _labels(self, rgb, details) -> tuple[list[tuple[str, float]], dict[str, float]]:
        start = time.perf_counter()
        try:
            labeller = self._label_model()
            ranked = labeller.top_labels(rgb if "imagenet" in labeller.name
                                         else _pil(rgb), k=10)
        except AssistantError as err:  # no weights: describe with what else was measured
            details["labels_error"] = err.message
            return [], {}
        families = say.imagenet_families(ranked) if "imagenet" in labeller.name else {}
        details["labeller"] = labeller.name
        details["labels"] = [{"label": say.clean_label(n), "prob": round(p, 4)}
                             for n, p in ranked[:5]]
        details["label_families"] = {k: round(v, 4) for k, v in families.items()}
        details["timings_ms"]["labels"] = round((time.perf_counter() - start) * 1000, 1)
        return ranked, families

    # --- lazy models ---

    def load(self) -> None:
        """Load OCR, labeller and face cascades now, so the first question is not the slow one."""
        self._load_ocr()
        self._label_model()
        self._face_detector()

    def _load_ocr(self) -> None:
        if self._ocr_used:
            return
        from .ocr import load_ocr

        self._timed_load("rapidocr", load_ocr)
        self._ocr_used = True

    def _label_model(self) -> Labeller:
        with self._lock:
            if self._labeller is None:
                self._labeller = self._timed_load("labeller", self._build_labeller)
            return self._labeller

    def _build_labeller(self) -> Labeller:
        from . import clip

        name = self._clip_model or clip.DEFAULT_MODEL
        if clip.is_available(name, models_dir=self._models_dir):
            labeller = clip.ClipLabeller(name, models_dir=self._models_dir, device="cpu",
                                         on_event=self._on_event)
            labeller.load()
            return labeller
        from .labels import shared_labeller

        return shared_labeller()

    def _face_detector(self) -> FaceFinder:
        with self._lock:
            if self._faces is None:
                from .faces import shared_detector

                self._faces = shared_detector()
            return self._faces

    def _timed_load(self, model: str, build: Callable[[], Any]) -> Any:
        self._on_event(ModelLoading(stage="vision", model=model))
        start = time.perf_counter()
        built = build()
        self._on_event(ModelLoaded(stage="vision", model=getattr(built, "name", model),
                                   device="cpu", elapsed_ms=(time.perf_counter() - start) * 1000))
        return built


def _quality(rgb: np.ndarray) -> "FrameQuality | None":
    try:
        from .quality import check_frame

        return check_frame(rgb)
    except ImportError:  # no OpenCV: answer without the quality warnings
        return None


def _quality_dict(quality: "FrameQuality | None") -> dict:
    if quality is None:
        return {}
    return {"problem": quality.problem, "brightness": round(quality.brightness, 1),
            "contrast": round(quality.contrast, 1), "sharpness": round(quality.sharpness, 1)}


def _middle(rgb: np.ndarray) -> np.ndarray:
    """The central half in each direction: what a camera is pointed at."""
    h, w = rgb.shape[:2]
    return rgb[h // 4: h - h // 4, w // 4: w - w // 4]


def _pil(rgb: np.ndarray):
    from PIL import Image

    return Image.fromarray(rgb)
