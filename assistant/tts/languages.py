"""A voice per reply language: the bundled Piper voice says English, espeak-ng the rest.

``LanguageSpeaker`` wraps the English speaker and, for each other language a turn is
answered in (``i18n.current()`` when the text is said), an espeak-ng speaker of that
language made on first use, sharing the same player so "stop" silences whichever spoke.

Text read from a picture is said in its own language where a voice has it: a quote in the
reply (« SORTIE DE SECOURS » in an English reply, "EXIT" in a French one) whose words are
plainly of another of our languages (``vision.words.written_language``) is said by that
language's voice, resampled to the reply voice's rate so the sentence plays as one.
"""
from __future__ import annotations

import re
import threading
from typing import Any, Callable, Iterator

import numpy as np

from ..i18n import SUPPORTED, current
from . import SpeechAudio, Speaker

# A quote as the reply languages write one: "EXIT", “EXIT”, « SORTIE », „AUSGANG“.
_QUOTE = re.compile(r'«\s*([^»]+?)\s*»|„([^“”]+)[“”]|“([^”]+)”|"([^"]+)"')


def voice_parts(text: str, language: str) -> list[tuple[str, str]]:
    """``text`` in pieces, each with the language to say it in: the quotes plainly written
    in another of our languages apart, the rest in ``language``."""
    from ..vision.words import written_language

    parts: list[tuple[str, str]] = []
    at = 0
    for match in _QUOTE.finditer(text):
        quoted = next(g for g in match.groups() if g is not None)
        own = written_language(quoted)
        if own is None or own == language or own not in SUPPORTED:
            continue
        start, end = match.span(match.groups().index(quoted) + 1)
        if re.search(r"\w", text[at:start]):     # quote marks alone are not said
            parts.append((text[at:start], language))
        parts.append((quoted, own))
        at = end
    if re.search(r"\w", text[at:]) or not parts:
        parts.append((text[at:], language))
    return parts


class LanguageSpeaker:
    """The Speaker protocol, each call said by the voice of the current reply language."""

    player: Any     # the English voice's, shared by every language's voice

    def __init__(self, english: Speaker, other: Callable[[str, float], Speaker], *,
                 rate: float = 1.0) -> None:
        self._english = english
        self._other = other          # (language, rate) -> a speaker of that language
        self._voices: dict[str, Speaker] = {"en": english}
        self._rate = rate
        self._lock = threading.Lock()
        self._last: Speaker = english
        self._pinned_rate: int | None = None
        self.player = english.player

    def voice(self, language: str | None = None) -> Speaker:
        """The speaker for ``language`` (default: the current reply language)."""
        language = language or current()
        with self._lock:
            if language not in self._voices:
                self._voices[language] = self._other(language, self._rate)
            self._last = self._voices[language]
            return self._last

    @property
    def name(self) -> str:
        return self._last.name      # the voice that said the latest reply

    @property
    def device(self) -> str:
        return self._last.device

    @property
    def sample_rate(self) -> int:
        if self._pinned_rate is not None:    # a reply with a quote in another voice
            return self._pinned_rate
        return self._last.sample_rate    # read after each piece: the voice that made it

    def load(self) -> None:
        self._english.load()

    def warm_up(self) -> None:
        self._english.warm_up()

    def configure(self, *, rate: float | None = None) -> None:
        if rate is None:
            return
        with self._lock:
            self._rate = rate
            voices = list(self._voices.values())
        for voice in voices:
            voice.configure(rate=rate)

    def chunks(self, text: str) -> Iterator[np.ndarray]:
        main = self.voice()
        parts = voice_parts(text, current()) if _QUOTE.search(text) else [(text, current())]
        if len(parts) == 1:
            yield from main.chunks(text)
            return
        rate = None
        try:
            for piece, language in parts:
                voice = self.voice(language)
                for chunk in voice.chunks(piece):
                    made = int(voice.sample_rate)
                    if rate is None:
                        rate = self._pinned_rate = made
                    yield chunk if made == rate else _resample(chunk, made, rate)
        finally:
            self._pinned_rate = None
            with self._lock:
                self._last = main

    def synthesize(self, text: str) -> SpeechAudio:
        main = self.voice()
        parts = voice_parts(text, current()) if _QUOTE.search(text) else [(text, current())]
        if len(parts) == 1:
            return main.synthesize(text)
        pieces = [self.voice(language).synthesize(piece) for piece, language in parts]
        with self._lock:
            self._last = main
        rate = pieces[0].sample_rate
        samples = [p.samples if p.sample_rate == rate else _resample(p.samples, p.sample_rate, rate)
                   for p in pieces]
        return SpeechAudio(np.concatenate(samples).astype(np.float32), rate)

    def speak(self, text: str, *, wait: bool = True) -> SpeechAudio:
        return self.voice().speak(text, wait=wait)

    def stop(self) -> None:
        with self._lock:
            voices = list(self._voices.values())
        for voice in voices:
            voice.stop()

    def close(self) -> None:
        with self._lock:
            voices = list(self._voices.values())
        for voice in voices:
            voice.close()


def _resample(samples: np.ndarray, rate: int, to: int) -> np.ndarray:
    from ..audio.sources import resample

    return resample(np.asarray(samples, np.float32), rate, to)
