"""Speech recognition: the Transcriber protocol and its result types."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, Sequence, runtime_checkable

import numpy as np

if TYPE_CHECKING:
    from ..config import AsrConfig

SAMPLE_RATE = 16_000


@dataclass(frozen=True)
class Word:
    start: float
    end: float
    text: str
    probability: float


@dataclass(frozen=True)
class Segment:
    start: float
    end: float
    text: str
    no_speech_prob: float = 0.0
    avg_logprob: float = 0.0
    words: tuple[Word, ...] = ()
    language: str = ""  # the language this stretch was decoded in ("" when not known)


@dataclass(frozen=True)
class TranscribeOptions:
    """Per-request choices; None means 'use the transcriber's configured default'."""

    language: str | None = None
    task: str = "transcribe"
    word_timestamps: bool = False
    initial_prompt: str | None = None
    hotwords: str | None = None  # words to favour (names, jargon), passed to faster-whisper
    # The turn's CancelToken (assistant.cancel): checked between decoded segments, and between
    # a file's decoded pieces and chunks (silence has no segments).
    cancel: Any = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.task not in ("transcribe", "translate"):
            raise ValueError(f"task must be transcribe or translate, not {self.task!r}")


@dataclass(frozen=True)
class Transcription:
    text: str
    language: str
    language_probability: float
    duration_s: float
    segments: tuple[Segment, ...] = ()
    model: str = ""
    device: str = ""
    dropped: tuple[str, ...] = field(default=())  # phantom phrases removed by the guard
    # (start, end) seconds of speech that gave no words, even decoded again: said, never hidden
    gaps: tuple[tuple[float, float], ...] = field(default=())


@runtime_checkable
class Transcriber(Protocol):
    """Turns 16 kHz mono float32 audio into text.

    ``load(language, task)`` loads the models such a request uses; ``warm_up()`` loads the
    default ones and decodes once; ``close()`` frees them (safe twice; used again, they load
    again). ``config`` holds the run-time settings, read at each call: the engine factory
    replaces it when only those changed. A cancelled ``options.cancel`` stops a transcription
    between segments (and a file's between chunks) with ``assistant.cancel.Cancelled``.
    """

    config: "AsrConfig"

    @property
    def name(self) -> str: ...

    @property
    def device(self) -> str: ...

    def load(self, language: str | None = None, task: str | None = None) -> None: ...

    def warm_up(self) -> None: ...

    def close(self) -> None: ...

    def transcribe(self, audio: np.ndarray, options: TranscribeOptions = TranscribeOptions()) -> Transcription: ...

    def transcribe_file(self, path: str | Path,
                        options: TranscribeOptions = TranscribeOptions()) -> Transcription: ...


@runtime_checkable
class QuickText(Protocol):
    """A transcriber that can give a quick rough transcript of a turn still being spoken,
    with a model it has already loaded (None when it has none loaded): ``asr.partial``."""

    def quick_text(self, audio: np.ndarray) -> str | None: ...


Words = Sequence[Word]
