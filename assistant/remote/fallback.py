"""A remote vision engine with the embedded engine behind it: a kiosk always gets an answer.

When the server cannot be reached, times out or fails after the client's retries, the
embedded engine answers the same question about the same frame (its measurements are
shared with the grounding, so nothing is measured twice). The user is told once per
engine life (``RemoteLink.failed``); for the next minute questions go straight to this
machine, then the server is probed again, quietly.

An answer names the engine that made it: the server only when the server answered. A
reading question is read by OCR here (as for a local VLM) and never reaches the server,
so it is the embedded engine's answer.
"""
from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Generator, Sequence

from ..cancel import NEVER, Cancelled, CancelToken
from ..vision import LastAnswer, VisionAnswer, VisionEngine, drained, stream_answer
from .link import RemoteLink, is_api_error

if TYPE_CHECKING:
    from PIL import Image

    from ..conversation.history import Turn

log = logging.getLogger(__name__)


class FallbackVision(LastAnswer):
    """``primary`` (the server, maybe grounded) while it answers; ``fallback`` when it cannot."""

    announce_missing_model = False   # the protocol's notice flag: the server has the model

    def __init__(self, primary: VisionEngine, fallback: VisionEngine, link: RemoteLink) -> None:
        self.primary = primary
        self.fallback = fallback
        self.link = link
        # The fallback notice says why answers are shorter; "install a vision model" would mislead.
        fallback.announce_missing_model = False

    @property
    def name(self) -> str:
        return str(self.primary.name)

    @property
    def device(self) -> str:
        return "remote"

    def load(self) -> None:
        """The offline models (measurements, fallback), then the server's health (one probe
        shared by every engine) and, when it answers, which model it serves."""
        self.fallback.load()
        if not self.link.available():
            return
        try:
            self.primary.load()
        except Exception as exc:  # noqa: BLE001 - a server failing here: answer offline
            if not is_api_error(exc):
                raise
            self.link.failed(exc)

    def warm_up(self) -> None:
        """The offline models' first run (the server keeps its own model warm)."""
        self.fallback.warm_up()

    def configure(self, **runtime: Any) -> None:
        self.primary.configure(**runtime)

    def close(self) -> None:
        self.primary.close()
        self.fallback.close()

    def answer(self, image: "Image.Image", question: str, history: Sequence["Turn"] = (), *,
               context: str = "", cancel: CancelToken = NEVER) -> VisionAnswer:
        return drained(self.stream(image, question, history, context=context, cancel=cancel))

    def stream(self, image: "Image.Image", question: str, history: Sequence["Turn"] = (), *,
               context: str = "", cancel: CancelToken = NEVER
               ) -> Generator[str, None, VisionAnswer]:
        cancel.check()
        said: list[str] = []
        why_not = self.link.unavailable()
        if why_not is None:
            answers = self.link.answers
            inner = stream_answer(self.primary, image, question, history, context=context,
                                  cancel=cancel)
            pieces = iter(inner)
            while True:
                try:
                    piece = next(pieces)
                except StopIteration:
                    assert inner.answer is not None
                    answer = inner.answer
                    if self.link.answers == answers:   # answered here (OCR), not by the server
                        answer = replace(answer, engine=str(self.fallback.name),
                                         device=str(self.fallback.device))
                    self.last_answer = answer
                    return answer
                except Cancelled:
                    raise
                except Exception as exc:  # noqa: BLE001 - the server failed: answer offline
                    if not is_api_error(exc):
                        raise
                    why_not = self.link.failed(exc).kind
                    break
                said.append(piece)
                yield piece
        answer = self.fallback.answer(image, question, history, cancel=cancel)
        cancel.check()
        # A stream cut part way: what was said stays said, the offline answer follows it.
        text = f" {answer.text}" if said else answer.text
        yield text
        whole = VisionAnswer(text="".join(said) + text, engine=answer.engine,
                             device=answer.device,
                             details={**answer.details, "fallback_from": self.name,
                                      "remote_error": why_not})
        self.last_answer = whole
        return whole
