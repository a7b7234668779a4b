"""Speech out: the Speaker protocol and synthesised audio."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np


@dataclass(frozen=True)
class SpeechAudio:
    samples: np.ndarray      # float32 mono in [-1, 1]
    sample_rate: int

    @property
    def duration_s(self) -> float:
        return len(self.samples) / float(self.sample_rate) if self.sample_rate else 0.0


class Speaker(Protocol):
    @property
    def name(self) -> str: ...

    def synthesize(self, text: str) -> SpeechAudio: ...

    def speak(self, text: str) -> SpeechAudio:
        """Synthesise and play (when an output device exists); returns what was played."""
        ...

    def stop(self) -> None:
        """Stop playback at once; safe to call at any time from any thread."""
        ...

    def close(self) -> None: ...
