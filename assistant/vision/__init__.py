"""Vision: the VisionEngine protocol and its answer type."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, Sequence

if TYPE_CHECKING:
    from PIL import Image

    from ..conversation.history import Turn


@dataclass(frozen=True)
class VisionAnswer:
    text: str
    engine: str              # e.g. "blip2:Salesforce/blip2-opt-2.7b" or "embedded"
    device: str = "cpu"
    details: dict = field(default_factory=dict)  # what was measured (OCR lines, colours...)


class VisionEngine(Protocol):
    """Answers a question about one image, seeing the earlier turns about it."""

    @property
    def name(self) -> str: ...

    @property
    def device(self) -> str: ...

    def answer(self, image: "Image.Image", question: str,
               history: Sequence["Turn"] = ()) -> VisionAnswer: ...
