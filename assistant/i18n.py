"""The reply language and the message catalogues every sentence the user hears goes through.

Python's ``gettext`` reads the compiled catalogues in ``assistant/locale/<lang>/LC_MESSAGES/
assistant.mo`` (sources: the ``.po`` beside each; ``scripts/compile_catalogues.py`` builds
the ``.mo`` with GNU msgfmt, and both are committed so a plain ``pip install`` has them;
``tests/core/test_core_i18n.py`` fails when a ``.mo`` no longer matches its ``.po``).
English is the source language: a message missing from a catalogue is said in English.

The language of one turn is a context variable (``speaking(lang)``), set by whoever knows
it (the ``Assistant`` for a question, the voice engine for a spoken one, ``serve`` for a
request); the composing code deep in the vision engine reads it with ``_()`` instead of a
parameter threaded through twenty functions. Outside any turn, ``set_default`` (the
front end, from ``ui.language`` and the system locale) holds.
"""
from __future__ import annotations

import contextvars
import gettext
import os
import re
import unicodedata
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Mapping

from .languages import language_code

DOMAIN = "assistant"
LOCALE_DIR = Path(__file__).with_name("locale")
SUPPORTED = ("en", "fr", "de", "es")
SETTINGS = ("auto", *SUPPORTED)     # what ui.language and --reply-language accept
# The languages' names in English, for instructions to a vision model ("Answer in French.").
ENGLISH_NAMES = {"en": "English", "fr": "French", "de": "German", "es": "Spanish"}
# espeak-ng's voice for each language (``espeak-ng --voices=LANG``), when Piper has none.
ESPEAK_VOICES = {"en": "gmw/en-us", "fr": "roa/fr", "de": "gmw/de", "es": "roa/es"}

_current: contextvars.ContextVar[str | None] = contextvars.ContextVar("reply_language", default=None)
_default = "en"


def supported(language: str | None) -> str | None:
    """'fr-CA', 'French', 'fr_FR.UTF-8' -> 'fr'; None for a language we cannot answer in."""
    if not language:
        return None
    code = language_code(str(language).split(".")[0].split("@")[0])
    return code if code in SUPPORTED else None


def system_locale(environ: Mapping[str, str] | None = None) -> str | None:
    """The user's language from the POSIX variables (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), as
    gettext reads them; None for the C/POSIX locale or none set."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        for part in value.split(":"):
            if part and part not in ("C", "POSIX") and not part.startswith("C."):
                return part
    return None


def reply_language(setting: str | None, spoken_language: str | None,
                   system_locale: str | None) -> str:
    """The language to answer in. A fixed code wins; ``auto`` (or None) takes the language the
    question was spoken (or written) in, else the system locale, else English."""
    if setting and setting != "auto":
        fixed = supported(setting)
        if fixed is None:
            raise ValueError(f"not a reply language: {setting!r} (one of {', '.join(SETTINGS)})")
        return fixed
    return supported(spoken_language) or supported(system_locale) or "en"


@lru_cache(maxsize=None)
def translator(language: str) -> gettext.NullTranslations:
    """The catalogue for ``language`` (English, or a language without one: the messages as
    written)."""
    code = supported(language) or "en"
    if code == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[code], fallback=True)


def current() -> str:
    """The language of the turn being answered (else the front end's default)."""
    return _current.get() or _default


def set_default(language: str) -> None:
    """The language outside any turn (a front end, from its settings)."""
    global _default
    _default = supported(language) or "en"


@contextmanager
def speaking(language: str | None) -> Iterator[str]:
    """Within the block, ``_()`` says things in ``language`` (None: as before)."""
    code = supported(language) or current()
    token = _current.set(code)
    try:
        yield code
    finally:
        _current.reset(token)


def _(message: str) -> str:
    """``message`` in the current language."""
    return translator(current()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of ``singular``/``plural`` for ``count`` in the current language."""
    return translator(current()).ngettext(singular, plural, count)


def npgettext(context: str, singular: str, plural: str, count: int) -> str:
    """The form of ``singular``/``plural`` for ``count``, told apart by ``context``."""
    return translator(current()).npgettext(context, singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language, told apart by ``context`` ("colour", "noun")."""
    return translator(current()).pgettext(context, message)


def from_accept_language(header: str | None) -> str | None:
    """The first of our languages an HTTP ``Accept-Language`` header asks for, by its
    q-values ("de-CH, fr;q=0.9, *;q=0.5" -> "de"); None when it names none of them."""
    ranked = []
    for n, item in enumerate((header or "").split(",")):
        tag, _sep, params = item.strip().partition(";")
        weight = 1.0
        for param in params.split(";"):
            name, _eq, value = param.strip().partition("=")
            if name.strip() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        code = supported(tag.strip()) if tag.strip() not in ("", "*") else None
        if code and weight > 0:
            ranked.append((-weight, n, code))
    return min(ranked)[2] if ranked else None


def answer_instruction(language: str | None) -> str:
    """What a multilingual vision model is told to answer in ("Answer in French."); "" for
    English, the language models answer in unasked."""
    code = supported(language) or "en"
    return "" if code == "en" else f"Answer in {ENGLISH_NAMES[code]}."


# Words that say which of the four languages a typed question is in: common function words
# of each; words two languages share ("de", "la", "en") are left out, so they count for none.
_STOP_WORDS = {
    "en": frozenset("the is are what what's this that it of to and you my in on does say can "
                    "please there how which who where".split()),
    "fr": frozenset("le les est qu qui quoi ce cette c'est sur dans une des je tu vous "
                    "mon ma mes il elle écrit couleur qu'est".split()),
    "de": frozenset("der die das ist was steht auf dem den ein eine ich sie welche wie und "
                    "mein meine nicht hier farbe".split()),
    "es": frozenset("el los las qué es está dice una del yo tú mi mis hay cuál cómo "
                    "esto este esta color".split()),
}


def text_language(text: str) -> str | None:
    """Which of the supported languages ``text`` is written in, by its function words; None
    when it cannot tell (too short, a tie, no such word)."""
    words = re.findall(r"[\w']+", unicodedata.normalize("NFKC", text).casefold())
    words += [part for w in words if "'" in w for part in w.split("'") if part]
    scores = {lang: sum(w in stop for w in words) for lang, stop in _STOP_WORDS.items()}
    best = max(scores.values(), default=0)
    leaders = [lang for lang, score in scores.items() if score == best]
    return leaders[0] if best > 0 and len(leaders) == 1 else None


__all__ = ["SUPPORTED", "SETTINGS", "ENGLISH_NAMES", "ESPEAK_VOICES", "supported",
           "system_locale", "reply_language", "translator", "current", "set_default",
           "speaking", "npgettext", "answer_instruction", "from_accept_language", "_", "ngettext", "pgettext", "text_language"]
