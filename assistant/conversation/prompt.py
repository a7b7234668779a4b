"""BLIP-2 style prompts: "Question: ... Answer: ..." with earlier turns as context."""
from __future__ import annotations

from typing import Sequence

from .history import Turn


def _clean(text: str) -> str:
    return " ".join(text.split())


def blip2_prompt(question: str, history: Sequence[Turn] = (), context: str = "") -> str:
    """Build the prompt used in the BLIP-2 model card's chat example.

    ``Question: q1 Answer: a1. Question: q2 Answer:``, after ``context`` (what OCR and the
    object detector measured) when there is some.
    """
    parts = [_clean(context)] if context.strip() else []
    for turn in history:
        answer = _clean(turn.answer).rstrip(".")
        parts.append(f"Question: {_clean(turn.question)} Answer: {answer}.")
    parts.append(f"Question: {_clean(question)} Answer:")
    return " ".join(parts)
