"""Speech out: the Speaker protocol and synthesised audio."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Protocol, runtime_checkable

import numpy as np


@dataclass(frozen=True)
class SpeechAudio:
    samples: np.ndarray      # float32 mono in [-1, 1]
    sample_rate: int

    @property
    def duration_s(self) -> float:
        return len(self.samples) / float(self.sample_rate) if self.sample_rate else 0.0


@runtime_checkable
class Speaker(Protocol):
    """Says text: ``synthesize`` makes the audio, ``speak`` also plays it through ``player``.

    ``chunks(text)`` yields the audio a piece at a time (a sentence, or the whole text), at
    ``sample_rate`` as read after each piece, so playback can start before the rest is
    made. ``load()`` loads the voice now, ``warm_up()`` readies it for the first sentence
    (a no-op where that costs nothing), ``configure(rate=...)`` changes the pace without a
    reload, ``close()`` stops and frees the voice (safe twice).
    """

    player: Any   # what ``speak`` plays through: a tts.playback Player (or SilentPlayer)

    @property
    def name(self) -> str: ...

    @property
    def device(self) -> str: ...

    @property
    def sample_rate(self) -> int: ...

    def load(self) -> None: ...

    def warm_up(self) -> None: ...

    def configure(self, *, rate: float | None = None) -> None: ...

    def chunks(self, text: str) -> Iterator[np.ndarray]: ...

    def synthesize(self, text: str) -> SpeechAudio: ...

    def speak(self, text: str, *, wait: bool = True) -> SpeechAudio:
        """Synthesise and play (when an output device exists); returns what was played."""
        ...

    def stop(self) -> None:
        """Stop playback at once; safe to call at any time from any thread."""
        ...

    def close(self) -> None: ...
