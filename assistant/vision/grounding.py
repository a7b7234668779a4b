"""Vision-language models told what the offline models measured, so they quote and count right.

BLIP-2, LLaVA and BLIP misread text and miscount; OCR and the object detector do both
well. ``GroundedEngine`` wraps a VLM: it measures the frame with the embedded models
(kept per frame, so follow-ups cost nothing), gives the VLM a short context line ("Text
in the picture: "...". Objects seen: a bottle in the middle.") before the question, reads
text with OCR when the question asks for it, and adds the text to a description that
left it out. The VLM is still the one that answers everything else.
"""
from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any, Generator, Sequence

import numpy as np

from ..cancel import NEVER, CancelToken
from ..errors import AssistantError
from . import LastAnswer, VisionAnswer, VisionEngine, drained, stream_answer
from . import embedded_answers as say
from .compose import count_phrase
from .reading import joined, key_lines
from .router import Intent, route

if TYPE_CHECKING:
    from PIL import Image

    from ..conversation.history import Turn
    from .scene import SceneAnalyser, SceneFacts

log = logging.getLogger(__name__)
CONTEXT_TEXT_WORDS = 30


def grounding_text(facts: "SceneFacts", text_words: int = CONTEXT_TEXT_WORDS) -> str:
    """One or two short sentences of measured facts for a VLM prompt; '' when nothing."""
    parts = []
    if facts.reading is not None and facts.reading.lines:
        text = joined(key_lines(facts.reading, text_words))
        parts.append(f'Text in the picture: "{text}".')
    from .triage import trusted_objects

    objects = [o for o in trusted_objects(facts) if o.score >= 0.5]
    people = max(sum(1 for o in objects if o.kind == "person"), len(facts.faces or ()))
    names: dict[str, list[Any]] = {}
    for obj in objects:
        if obj.kind != "person":
            names.setdefault(obj.name, []).append(obj)
    seen = [count_phrase("person", people)] if people else []
    for name, members in list(names.items())[:5]:
        seen.append(f"{count_phrase(name, len(members))} {members[0].place()}")
    if seen:
        parts.append(f"Objects seen: {'; '.join(seen)}.")
    return " ".join(parts)


class GroundedEngine(LastAnswer):
    """A VisionEngine around a VLM engine whose ``answer`` takes a ``context`` keyword."""

    announce_missing_model = False   # the protocol's notice flag: the VLM's model is there

    @property
    def english_only(self) -> bool:
        return bool(getattr(self.vlm, "english_only", False))

    def __init__(self, vlm: VisionEngine, analyser: "SceneAnalyser") -> None:
        self.vlm = vlm
        self.analyser = analyser

    @property
    def name(self) -> str:
        return self.vlm.name

    @property
    def device(self) -> str:
        return self.vlm.device

    def load(self) -> None:
        self.vlm.load()
        self.analyser.load()

    def warm_up(self) -> None:
        self.vlm.warm_up()
        self.analyser.warm_up()

    def configure(self, **runtime: Any) -> None:
        """The VLM's run-time settings; grounding itself has none."""
        self.vlm.configure(**runtime)

    def close(self) -> None:
        self.vlm.close()

    def answer(self, image: "Image.Image", question: str,
               history: Sequence["Turn"] = (), *, context: str = "",
               cancel: CancelToken = NEVER) -> VisionAnswer:
        """``context``: more for the VLM's prompt, after what was measured."""
        return drained(self._run(image, question, history, context, cancel, streaming=False))

    def stream(self, image: "Image.Image", question: str, history: Sequence["Turn"] = (), *,
               context: str = "", cancel: CancelToken = NEVER
               ) -> Generator[str, None, VisionAnswer]:
        """``answer`` as the VLM writes it; reading (OCR) comes in one piece."""
        answer = yield from self._run(image, question, history, context, cancel, streaming=True)
        self.last_answer = answer
        return answer

    def _run(self, image, question: str, history: Sequence["Turn"], context: str,
             cancel: CancelToken, *, streaming: bool) -> Generator[str, None, VisionAnswer]:
        cancel.check()
        intent = route(question)
        facts = self._facts(image, cancel)
        cancel.check()
        if intent is Intent.READ_TEXT and facts is not None and facts.lines:
            # Reading is OCR's job: a VLM paraphrases and invents letters.
            answer = VisionAnswer(text=say.read_sentence(question, facts.lines),
                                  engine=self.name, device=self.device,
                                  details={"read_by": "ocr", **facts.to_details()})
            yield answer.text
            return answer
        grounding = " ".join(part for part in (
            grounding_text(facts) if facts is not None else "", context.strip()) if part)
        if streaming:
            inner = stream_answer(self.vlm, image, question, history, context=grounding,
                                  cancel=cancel)
            yield from inner
            said = inner.answer
        else:
            said = self.vlm.answer(image, question, history, context=grounding, cancel=cancel)
            yield said.text
        assert said is not None
        text = said.text
        if intent is Intent.DESCRIBE and facts is not None and facts.reading is not None \
                and facts.reading.dominant and not _mentions_text(text, facts):
            note = f'It says: "{joined(key_lines(facts.reading))}".'
            whole = f'{text.rstrip(". ")}. {note}'
            # What was streamed stays said: the note goes after it as it is.
            rest = whole[len(text):] if whole.startswith(text) or not streaming else f" {note}"
            yield rest
            text = whole if not streaming else text + rest
        return VisionAnswer(text=text, engine=said.engine, device=said.device,
                            details={**said.details, "grounding": grounding})

    def _facts(self, image: "Image.Image", cancel: CancelToken = NEVER) -> "SceneFacts | None":
        start = time.perf_counter()
        try:
            facts = self.analyser.facts(np.asarray(image.convert("RGB")),
                                        ("text", "objects", "faces"), cancel=cancel)
        except AssistantError as err:   # the VLM still answers, ungrounded
            log.warning("grounding skipped: %s", err.message)
            return None
        facts.timings_ms["grounding"] = round((time.perf_counter() - start) * 1000, 1)
        return facts


def _mentions_text(answer: str, facts: "SceneFacts") -> bool:
    words = {w.lower().strip('.,:;"') for line in facts.lines[:2] for w in line.text.split()}
    said = {w.lower().strip('.,:;"') for w in answer.split()}
    return bool({w for w in words if len(w) >= 4} & said)
