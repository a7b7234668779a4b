"""Turn a stream of speech / no-speech decisions into utterances.

``SpeechSegmenter`` is a pure state machine in the style of Home Assistant's
``VoiceCommandSegmenter``: it is fed ``(chunk_seconds, is_speech)`` and knows
nothing of audio, devices or models, so its tests are seconds and booleans.
``UtteranceCutter`` is the thin audio layer on top: it runs a ``SpeechDetector``
over incoming blocks, feeds the segmenter, keeps a pre-roll of recent audio and
hands back each finished utterance as an array.
"""
from __future__ import annotations

import collections
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from .vad import SAMPLE_RATE, SpeechDetector, WindowFramer


@dataclass(frozen=True)
class SegmenterOptions:
    """Timing rules of a turn, in seconds."""

    speech_start_s: float = 0.2   # continuous speech needed before a turn starts (ignores clicks)
    end_silence_s: float = 0.8    # trailing silence that ends the turn
    max_utterance_s: float = 20.0  # a turn longer than this is cut (and the rest starts a new one)
    pre_roll_s: float = 0.3       # audio kept from before the detected start (first syllables)
    tail_s: float = 0.2           # silence kept after the last speech (word endings fade slowly)

    def __post_init__(self) -> None:
        if not 0.0 <= self.speech_start_s <= 5.0:
            raise ValueError("speech_start_s must be between 0 and 5 seconds")
        if not 0.05 <= self.end_silence_s <= 10.0:
            raise ValueError("end_silence_s must be between 0.05 and 10 seconds")
        if not 0.0 <= self.pre_roll_s <= 5.0:
            raise ValueError("pre_roll_s must be between 0 and 5 seconds")
        if not 0.0 <= self.tail_s <= self.end_silence_s:
            raise ValueError("tail_s must be between 0 and end_silence_s")
        if self.max_utterance_s < 1.0 or self.max_utterance_s <= self.speech_start_s + self.pre_roll_s:
            raise ValueError("max_utterance_s must be at least 1 second and longer than "
                             "speech_start_s + pre_roll_s")


@dataclass(frozen=True)
class SegmentStarted:
    """A turn began; ``start_s`` already includes the pre-roll."""

    at_s: float      # stream time when the decision was made
    start_s: float   # where the utterance audio begins


@dataclass(frozen=True)
class SegmentEnded:
    at_s: float
    start_s: float
    end_s: float
    reason: str      # "silence" | "max_length" | "flush"

    @property
    def duration_s(self) -> float:
        return self.end_s - self.start_s


SegmentEvent = SegmentStarted | SegmentEnded


class SpeechSegmenter:
    """Pure state machine; all times are seconds since the last ``reset()``."""

    def __init__(self, options: SegmenterOptions = SegmenterOptions()) -> None:
        self.options = options
        self.reset()

    def reset(self) -> None:
        self.now_s = 0.0
        self.in_speech = False
        self._run_start: float | None = None  # onset of the current speech run while idle
        self._start_s = 0.0                   # start of the open utterance
        self._last_speech_end = 0.0
        self._silence_s = 0.0
        self._prev_end = 0.0                  # utterances never overlap

    @property
    def utterance_start_s(self) -> float:
        """Start of the open utterance (meaningful while ``in_speech``)."""
        return self._start_s

    def process(self, chunk_seconds: float, is_speech: bool) -> list[SegmentEvent]:
        if chunk_seconds <= 0:
            raise ValueError("chunk_seconds must be positive")
        chunk_start = self.now_s
        self.now_s += chunk_seconds
        if not self.in_speech:
            return self._idle(chunk_start, is_speech)
        return self._speaking(chunk_start, is_speech)

    def flush(self) -> list[SegmentEvent]:
        """End of stream: close an open utterance."""
        if not self.in_speech:
            self._run_start = None
            return []
        end = min(self._last_speech_end + self.options.tail_s, self.now_s)
        closed = self._close(end, "flush")
        # A turn reopened by a max-length cut on the very last chunk holds no audio.
        return [closed] if closed.duration_s > 1e-6 else []

    def _idle(self, chunk_start: float, is_speech: bool) -> list[SegmentEvent]:
        if not is_speech:
            self._run_start = None  # a click or a cough shorter than speech_start_s
            return []
        if self._run_start is None:
            self._run_start = chunk_start
        if self.now_s - self._run_start + 1e-9 < self.options.speech_start_s:
            return []
        start = max(self._run_start - self.options.pre_roll_s, self._prev_end, 0.0)
        self._run_start = None
        return [self._open(start)]

    def _speaking(self, chunk_start: float, is_speech: bool) -> list[SegmentEvent]:
        opts = self.options
        events: list[SegmentEvent] = []
        if is_speech:
            self._silence_s = 0.0
            self._last_speech_end = self.now_s
        else:
            self._silence_s += self.now_s - chunk_start
            if self._silence_s + 1e-9 >= opts.end_silence_s:
                end = min(self._last_speech_end + opts.tail_s, self.now_s)
                return [self._close(end, "silence")]
        cut = self._start_s + opts.max_utterance_s
        if self.now_s + 1e-9 >= cut:
            # Cut exactly at the limit; if the speaker is still going, the rest
            # begins a new utterance right there (no pre-roll: it would overlap).
            events.append(self._close(cut, "max_length"))
            if is_speech:
                events.append(self._open(cut))
        return events

    def _open(self, start: float) -> SegmentStarted:
        self.in_speech = True
        self._start_s = start
        self._silence_s = 0.0
        self._last_speech_end = self.now_s
        return SegmentStarted(at_s=self.now_s, start_s=start)

    def _close(self, end: float, reason: str) -> SegmentEnded:
        self.in_speech = False
        self._prev_end = end
        self._run_start = None
        return SegmentEnded(at_s=self.now_s, start_s=self._start_s, end_s=end, reason=reason)


@dataclass(frozen=True, eq=False)
class Utterance:
    """One finished turn: 16 kHz float32 mono audio and where it sat in the stream."""

    audio: np.ndarray = field(repr=False)
    start_s: float
    end_s: float
    reason: str
    sample_rate: int = SAMPLE_RATE

    @property
    def duration_s(self) -> float:
        return self.audio.shape[0] / self.sample_rate


class UtteranceCutter:
    """Detector + segmenter + a ring buffer of recent audio.

    ``push`` takes blocks of any size and returns the utterances they finished.
    Silero-style hysteresis: a window counts as speech above ``threshold`` while
    idle, but only needs ``neg_threshold`` to keep an utterance going, so soft
    word endings do not start the end-of-turn silence early.
    """

    def __init__(self, detector: SpeechDetector, options: SegmenterOptions = SegmenterOptions(),
                 *, threshold: float = 0.5, neg_threshold: float | None = None,
                 on_speech_start: Callable[[SegmentStarted], None] | None = None) -> None:
        if not 0.0 < threshold < 1.0:
            raise ValueError("threshold must be between 0 and 1")
        self.detector = detector
        self.segmenter = SpeechSegmenter(options)
        self.threshold = threshold
        self.neg_threshold = max(threshold - 0.15, 0.01) if neg_threshold is None else neg_threshold
        self._on_speech_start = on_speech_start
        self._framer = WindowFramer(detector.window_samples)
        self._window_s = detector.window_samples / SAMPLE_RATE
        # Idle audio worth keeping: the pre-roll before a speech run plus the run itself.
        self._idle_keep = int(np.ceil((options.pre_roll_s + options.speech_start_s) * SAMPLE_RATE)) \
            + 2 * detector.window_samples
        self.reset()

    @property
    def in_speech(self) -> bool:
        return self.segmenter.in_speech

    def reset(self) -> None:
        self.detector.reset()
        self.segmenter.reset()
        self._framer.reset()
        self._chunks: collections.deque[tuple[int, np.ndarray]] = collections.deque()
        self._samples = 0  # samples seen since reset = end of the buffer
        self.last_probability = 0.0

    def push(self, block: np.ndarray) -> list[Utterance]:
        done: list[Utterance] = []
        for window in self._framer.push(block):
            self._chunks.append((self._samples, window))
            self._samples += window.shape[0]
            prob = self.detector.probability(window)
            self.last_probability = prob
            limit = self.neg_threshold if self.segmenter.in_speech else self.threshold
            for event in self.segmenter.process(self._window_s, prob >= limit):
                done.extend(self._handle(event))
            self._trim()
        return done

    def flush(self) -> list[Utterance]:
        """End of stream: return the utterance still open, if any."""
        done: list[Utterance] = []
        for event in self.segmenter.flush():
            done.extend(self._handle(event))
        return done

    def _handle(self, event: SegmentEvent) -> list[Utterance]:
        if isinstance(event, SegmentStarted):
            if self._on_speech_start is not None:
                self._on_speech_start(event)
            return []
        audio = self._slice(self._to_sample(event.start_s), self._to_sample(event.end_s))
        return [Utterance(audio=audio, start_s=event.start_s, end_s=event.end_s, reason=event.reason)]

    @staticmethod
    def _to_sample(seconds: float) -> int:
        return int(round(seconds * SAMPLE_RATE))

    def _slice(self, start: int, end: int) -> np.ndarray:
        parts = [chunk[max(start - at, 0):max(end - at, 0)]
                 for at, chunk in self._chunks if at < end and at + chunk.shape[0] > start]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)

    def _trim(self) -> None:
        if self.segmenter.in_speech:
            keep_from = self._to_sample(self.segmenter.utterance_start_s)
        else:
            keep_from = self._samples - self._idle_keep
        while self._chunks and self._chunks[0][0] + self._chunks[0][1].shape[0] <= keep_from:
            self._chunks.popleft()
