"""Vision: the VisionEngine protocol, its answer type, and streaming answers."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import (TYPE_CHECKING, Any, Generator, Iterator, Mapping, Protocol, Sequence,
                    runtime_checkable)

from ..cancel import NEVER, CancelToken

if TYPE_CHECKING:
    from PIL import Image

    from ..conversation.history import Turn

# Settings an engine takes through ``configure`` without loading its model again.
RUNTIME_SETTINGS = frozenset({"max_new_tokens", "min_new_tokens", "num_beams", "min_length",
                              "repetition_penalty", "length_penalty", "do_sample",
                              "temperature", "history_turns"})


@dataclass(frozen=True)
class VisionAnswer:
    text: str
    engine: str              # e.g. "blip2:Salesforce/blip2-opt-2.7b" or "embedded"
    device: str = "cpu"
    details: dict = field(default_factory=dict)  # what was measured (OCR lines, colours...)
    notices: tuple[str, ...] = ()   # codes for the front end to word (assistant/notices.py)


@runtime_checkable
class VisionEngine(Protocol):
    """Answers a question about one image, seeing the earlier turns about it.

    Lifecycle: ``load()`` loads now (the first answer otherwise does it); ``warm_up()`` gives
    the loaded models their first run (a no-op where that costs nothing); ``close()`` frees
    the model (GPU memory included) and is safe to call twice; a closed engine loads again
    when used. ``configure(**runtime)`` changes run-time settings (``RUNTIME_SETTINGS``; those
    an engine has no use for are ignored) without a reload.

    ``stream`` is a generator of text pieces whose return value is the final
    ``VisionAnswer`` (its text is the pieces joined); an engine that answers in one piece
    yields its whole answer once. Cancelled, both ``answer`` and ``stream`` raise
    ``assistant.cancel.Cancelled`` (a cut answer is never mistaken for a finished one).
    ``announce_missing_model``: add the "no vision model installed" notice to answers (the
    pipeline sets it per conversation); engines that never lack their model ignore it.
    """

    announce_missing_model: bool

    @property
    def name(self) -> str: ...

    @property
    def device(self) -> str: ...

    def load(self) -> None: ...

    def warm_up(self) -> None: ...

    def close(self) -> None: ...

    def configure(self, **runtime: Any) -> None: ...

    def answer(self, image: "Image.Image", question: str, history: Sequence["Turn"] = (), *,
               context: str = "", cancel: CancelToken = NEVER) -> VisionAnswer: ...

    def stream(self, image: "Image.Image", question: str, history: Sequence["Turn"] = (), *,
               context: str = "", cancel: CancelToken = NEVER
               ) -> Generator[str, None, VisionAnswer]: ...


def runtime_subset(runtime: Mapping[str, Any], accepted: Sequence[str]) -> dict[str, Any]:
    """The settings in ``runtime`` an engine uses; an unknown name is a caller's mistake."""
    unknown = set(runtime) - RUNTIME_SETTINGS
    if unknown:
        raise TypeError(f"unknown run-time settings: {', '.join(sorted(unknown))}")
    return {name: value for name, value in runtime.items() if name in accepted}


class AnswerStream:
    """Iterate for the answer's text pieces; afterwards ``answer`` holds the ``VisionAnswer``.

    ``answer`` stays None when the stream was cancelled (``Cancelled`` was raised), failed,
    or was not read to the end.
    """

    def __init__(self, pieces: Generator[str, None, VisionAnswer]) -> None:
        self._pieces = pieces
        self.answer: VisionAnswer | None = None

    def __iter__(self) -> Iterator[str]:
        answer = yield from self._pieces
        if self.answer is None:   # iterating a finished stream again changes nothing
            self.answer = answer

    def close(self) -> None:
        """Stop early (generation stops too)."""
        self._pieces.close()

    @property
    def text(self) -> str:
        return self.answer.text if self.answer is not None else ""


def drained(pieces: Generator[str, None, VisionAnswer]) -> VisionAnswer:
    """The ``VisionAnswer`` at the end of a stream, its pieces read and dropped."""
    stream = AnswerStream(pieces)
    for _ in stream:
        pass
    assert stream.answer is not None
    return stream.answer


def stream_answer(engine: VisionEngine, image: "Image.Image", question: str,
                  history: Sequence["Turn"] = (), *, context: str = "",
                  cancel: CancelToken = NEVER) -> AnswerStream:
    """``engine.stream`` as an ``AnswerStream`` (its ``answer`` set once read to the end)."""
    return AnswerStream(engine.stream(image, question, history, context=context, cancel=cancel))


class LastAnswer:
    """Mixin: remembers the last finished stream's answer, for callers of ``stream`` itself."""

    last_answer: VisionAnswer | None = None

    @property
    def last_details(self) -> dict:
        """The last streamed answer's details, with its "engine"; {} before any."""
        last = self.last_answer
        return {**last.details, "engine": last.engine} if last is not None else {}
