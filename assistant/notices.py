"""Notices: what the core reports beside an answer, as codes that each front end words.

The core never writes one front end's advice into an answer ("'assistant models' shows
how" means nothing in the window, to an API client or to a kiosk visitor). An engine
reports a code (``VisionAnswer.notices``); the ``Assistant`` turns each into the words of
the front end that built it (``word_notice``; "" says nothing) and keeps them apart from
the answer: ``AskResult.notices`` and ``Reply.notices``. The console prints them on stderr,
the window shows them in its notice line, the API puts them in a field of its own; a voice
says them after the answer.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

NO_VISION_MODEL = "no_vision_model"   # answered by the offline engine: no vision model installed
ENGLISH_ONLY = "english_only_model"   # a reply language other than English, a model that answers in English

CONSOLE_WORDS = {
    NO_VISION_MODEL: "For full descriptions, install a vision model; 'assistant models' shows how.",
    ENGLISH_ONLY: "This vision model answers in English only.",
}

NoticeWords = Callable[[str], str]


@dataclass(frozen=True)
class Notice:
    code: str
    message: str          # in the words of the front end that asked


def console_words(code: str) -> str:
    """The console's words for a notice code, in the reply language ("" for a code it does
    not know)."""
    from .i18n import _

    words = CONSOLE_WORDS.get(code, "")
    return _(words) if words else ""    # gettext gives "" the catalogue's header


def worded(codes: tuple[str, ...], words: NoticeWords) -> tuple[Notice, ...]:
    """Each code in ``words``, in order, once; those worded "" are left out."""
    out: list[Notice] = []
    for code in dict.fromkeys(codes):
        message = words(code)
        if message:
            out.append(Notice(code, message))
    return tuple(out)


def spoken(answer: str, notices: tuple[Notice, ...]) -> str:
    """The answer and then its notices, as a voice says them."""
    return " ".join([answer, *(n.message for n in notices)]).strip()
