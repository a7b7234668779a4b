"""Everything the offline models can measure about one picture, measured once.

``SceneAnalyser.facts(rgb, needs)`` runs only the measurements a question needs (text,
objects, faces, labels) plus the cheap ones (light, frame quality, colours), and keeps
the result for the last few pictures, so a follow-up about the same frame costs nothing
and a later question that needs more adds only what is missing. A measurement whose
model is not installed is skipped and noted: the answer is built from the rest.
"""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Protocol

import numpy as np

from ..cancel import NEVER, CancelToken
from ..errors import AssistantError
from ..events import Event, ModelLoaded, ModelLoading
from .colours import ColourShare, main_colours, quarter_cover
from .measure import LightLevel, light_level

if TYPE_CHECKING:
    from .faces import FaceBox
    from .objects import SeenObject
    from .ocr import OcrResult
    from .quality import FrameQuality
    from .reading import Reading

log = logging.getLogger(__name__)
MEASUREMENTS = frozenset({"text", "objects", "faces", "labels"})


class Labeller(Protocol):
    name: str

    def top_labels(self, image: Any, k: int = 3) -> list[tuple[str, float]]: ...


class Detector(Protocol):
    def detect(self, rgb: Any) -> tuple["SeenObject", ...]: ...


class FaceFinder(Protocol):
    def detect(self, image: np.ndarray) -> list["FaceBox"]: ...


@dataclass(frozen=True)
class SceneFacts:
    """What was measured (None: not measured for this question, or its model is missing)."""

    size: tuple[int, int]
    light: LightLevel
    quality: "FrameQuality | None"
    colours: tuple[ColourShare, ...]
    centre_colours: tuple[ColourShare, ...]
    colour_cover: dict[str, float] = field(default_factory=dict)  # base colour -> worst quarter's share
    ocr: "OcrResult | None" = None
    reading: "Reading | None" = None
    objects: "tuple[SeenObject, ...] | None" = None
    faces: "tuple[FaceBox, ...] | None" = None
    labels: tuple[tuple[str, float], ...] | None = None
    labeller: str = ""
    errors: dict[str, str] = field(default_factory=dict)
    timings_ms: dict[str, float] = field(default_factory=dict)

    @property
    def lines(self) -> tuple:
        return self.reading.lines if self.reading is not None else ()

    def measured(self, what: str) -> bool:
        return {"text": self.ocr, "objects": self.objects, "faces": self.faces,
                "labels": self.labels}[what] is not None or what in self.errors

    def to_details(self) -> dict:
        out: dict[str, Any] = {"light": self.light.to_dict(),
                               "colours": [c.to_dict() for c in self.colours],
                               "timings_ms": dict(self.timings_ms)}
        if self.quality is not None:
            q = self.quality
            out["quality"] = {"problem": q.problem, "brightness": round(q.brightness, 1),
                              "contrast": round(q.contrast, 1), "sharpness": round(q.sharpness, 1)}
        if self.ocr is not None:
            out["ocr"] = [line.to_dict() for line in self.ocr.lines]
            out["text"] = {**(self.reading.to_dict() if self.reading else {}),
                           "unreadable": self.ocr.unreadable, "angle": round(self.ocr.angle, 1),
                           "upside_down": self.ocr.upside_down}
        if self.objects is not None:
            out["objects"] = [o.to_dict() for o in self.objects]
        if self.faces is not None:
            out["faces"] = {"count": len(self.faces),
                            "boxes": [[b.x, b.y, b.w, b.h, b.kind] for b in self.faces]}
        if self.labels is not None:
            out["labeller"] = self.labeller
            out["labels"] = [{"label": name, "prob": round(p, 4)} for name, p in self.labels[:5]]
        if self.errors:
            out["errors"] = dict(self.errors)
        return out


def _practice_frame() -> np.ndarray:
    """A grey 640x480 picture with two lines of dark text, for ``warm_up``."""
    import cv2

    rgb = np.full((480, 640, 3), 200, dtype=np.uint8)
    for row, words in ((200, "PRACTICE"), (300, "FRAME 123")):
        cv2.putText(rgb, words, (60, row), cv2.FONT_HERSHEY_SIMPLEX, 2.5, (20, 20, 20), 6)
    return rgb


def frame_key(rgb: np.ndarray) -> str:
    digest = hashlib.blake2b(digest_size=8)
    digest.update(f"{rgb.shape}".encode())
    digest.update(np.ascontiguousarray(rgb).data)
    return digest.hexdigest()


class SceneAnalyser:
    """Measures pictures with lazily built models; one instance serves many questions."""

    def __init__(self, *, ocr_min_score: float = 0.5, labeller: Labeller | None = None,
                 detector: Detector | None = None, face_detector: FaceFinder | None = None,
                 build_labeller: Callable[[], Labeller] | None = None,
                 on_event: Callable[[Event], None] | None = None, keep: int = 6) -> None:
        if not 0.0 <= ocr_min_score <= 1.0:
            raise ValueError(f"ocr_min_score must be within 0..1, not {ocr_min_score}")
        self._ocr_min_score = ocr_min_score
        self._labeller = labeller
        self._build_labeller = build_labeller
        self._detector = detector
        self._faces = face_detector
        self._on_event = on_event or (lambda event: None)
        self._keep = keep
        self._cache: OrderedDict[str, SceneFacts] = OrderedDict()
        self._lock = threading.Lock()          # the cache and lazy builds
        self._ocr_loaded = False

    def facts(self, rgb: np.ndarray, needs: Iterable[str] = (), *,
              cancel: CancelToken = NEVER) -> SceneFacts:
        """Measure ``rgb`` (uint8 RGB) for ``needs``, reusing what was measured before.

        ``cancel`` is checked between measurements (objects, text, faces, labels): a
        request past its deadline starts no further model."""
        wanted = frozenset(needs)
        unknown = wanted - MEASUREMENTS
        if unknown:
            raise ValueError(f"unknown measurements: {sorted(unknown)}")
        key = frame_key(rgb)
        with self._lock:
            facts = self._cache.get(key)
        if facts is None:
            facts = self._basic(rgb)
        missing = [what for what in ("objects", "text", "faces", "labels")
                   if what in wanted and not facts.measured(what)]
        if missing and not _covered(facts):
            facts = self._measure(rgb, facts, missing, cancel)
        with self._lock:
            self._cache[key] = facts
            self._cache.move_to_end(key)
            while len(self._cache) > self._keep:
                self._cache.popitem(last=False)
        return facts

    def load(self) -> None:
        """Build every model now, so the first question is not the slow one."""
        self._load_ocr()
        for build in (self._object_model, self._label_model, self._face_model):
            try:
                build()
            except AssistantError as err:   # answered later with what is there
                log.warning("vision model not loaded: %s", err.message)

    def warm_up(self) -> None:
        """Run every model once on a made-up picture (not kept): their first run (memory,
        kernels) happens while the front end says it is loading, not in the first question,
        where it stalled the window for up to ~100 ms."""
        try:
            rgb = _practice_frame()
            self._measure(rgb, self._basic(rgb), ["objects", "text", "faces", "labels"])
        except Exception:  # noqa: BLE001 - only practice: a real question reports problems
            log.warning("warming the vision models up failed", exc_info=True)

    # --- measurements ---

    def _basic(self, rgb: np.ndarray) -> SceneFacts:
        start = time.perf_counter()
        quality = _quality(rgb)
        h, w = rgb.shape[:2]
        centre = rgb[h // 4: h - h // 4, w // 4: w - w // 4]
        facts = SceneFacts(size=(w, h), light=light_level(rgb), quality=quality,
                           colours=main_colours(rgb, limit=5, min_share=0.06),
                           centre_colours=main_colours(centre, limit=5, min_share=0.06),
                           colour_cover=quarter_cover(rgb))
        facts.timings_ms["basic"] = round((time.perf_counter() - start) * 1000, 1)
        return facts

    def _measure(self, rgb: np.ndarray, facts: SceneFacts, missing: list[str],
                 cancel: CancelToken = NEVER) -> SceneFacts:
        changes: dict[str, Any] = {}
        errors, timings = dict(facts.errors), dict(facts.timings_ms)
        for what in missing:
            cancel.check()
            start = time.perf_counter()
            try:
                changes.update(self._run(what, rgb, changes.get("objects", facts.objects)))
            except AssistantError as err:
                errors[what] = err.message
                log.warning("%s not measured: %s", what, err.message)
            timings[what] = round((time.perf_counter() - start) * 1000, 1)
        ocr = changes.get("ocr", facts.ocr)
        if ocr is not None and ("ocr" in changes or "objects" in changes):
            from .reading import trusted, understand   # the screen around the text may be new

            objects = changes.get("objects", facts.objects) or ()
            changes["reading"] = understand(trusted(ocr.lines, facts.quality, ocr.unreadable),
                                            facts.size, objects)
        return dataclasses.replace(facts, errors=errors, timings_ms=timings, **changes)

    def _run(self, what: str, rgb: np.ndarray, objects) -> dict[str, Any]:
        if what == "text":
            from PIL import Image

            from .ocr import read_text

            self._load_ocr()
            return {"ocr": read_text(Image.fromarray(rgb), min_score=self._ocr_min_score)}
        if what == "objects":
            return {"objects": tuple(self._object_model().detect(rgb))}
        if what == "faces":
            return {"faces": tuple(self._face_model().detect(rgb))}
        labeller = self._label_model()
        from PIL import Image

        picture = rgb if "imagenet" in labeller.name else Image.fromarray(rgb)
        return {"labels": tuple(labeller.top_labels(picture, k=10)), "labeller": labeller.name}

    # --- lazy models ---

    def _load_ocr(self) -> None:
        if not self._ocr_loaded:
            from .ocr import load_ocr

            self._timed("rapidocr", load_ocr)
            self._ocr_loaded = True

    def _object_model(self) -> Detector:
        with self._lock:
            if self._detector is None:
                from .objects import shared_detector

                self._detector = self._timed("object detector", shared_detector)
            return self._detector

    def _face_model(self) -> FaceFinder:
        with self._lock:
            if self._faces is None:
                from .faces import shared_detector

                self._faces = shared_detector()
            return self._faces

    def _label_model(self) -> Labeller:
        with self._lock:
            if self._labeller is None:
                from .labels import shared_labeller

                self._labeller = self._timed("labeller", self._build_labeller or shared_labeller)
            return self._labeller

    def _timed(self, model: str, build: Callable[[], Any]) -> Any:
        self._on_event(ModelLoading(stage="vision", model=model))
        start = time.perf_counter()
        built = build()
        self._on_event(ModelLoaded(stage="vision", model=getattr(built, "name", model),
                                   device="cpu", elapsed_ms=(time.perf_counter() - start) * 1000))
        return built


def _covered(facts: SceneFacts) -> bool:
    """A black, flat frame or pure static: nothing to measure, and models would only invent."""
    q = facts.quality
    return q is not None and ((q.covered and q.brightness < 40) or q.noise)


def _quality(rgb: np.ndarray) -> "FrameQuality | None":
    try:
        from .quality import check_frame

        return check_frame(rgb)
    except ImportError:  # no OpenCV: answer without the quality warnings
        return None
