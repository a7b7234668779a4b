"""A voice per reply language: the bundled Piper voice says English, espeak-ng the rest.

``LanguageSpeaker`` wraps the English speaker and, for each other language a turn is
answered in (``i18n.current()`` when the text is said), an espeak-ng speaker of that
language made on first use, sharing the same player so "stop" silences whichever spoke.
"""
from __future__ import annotations

import threading
from typing import Any, Callable, Iterator

import numpy as np

from ..i18n import current
from . import SpeechAudio, Speaker


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
        return self.voice().chunks(text)

    def synthesize(self, text: str) -> SpeechAudio:
        return self.voice().synthesize(text)

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
