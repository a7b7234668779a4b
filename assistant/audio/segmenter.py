"""Turn a stream of speech / no-speech decisions into utterances.

``SpeechSegmenter`` is a pure state machine in the style of Home Assistant's
``VoiceCommandSegmenter``: it is fed ``(chunk_seconds, is_speech)`` and knows
nothing of audio, devices or models, so its tests are seconds and booleans.
``UtteranceCutter`` is the thin audio layer on top: it runs a ``SpeechDetector``
over incoming blocks, feeds the segmenter, keeps a pre-roll of recent audio and
hands back each finished utterance as an array.

No word is lost at a boundary. A pause shorter than ``end_silence_s`` never splits a
turn. Speech that resumes within ``rejoin_s`` takes in what came just before it: a run
too short to start a turn (a soft first word), or a turn of at most ``short_turn_s`` of
speech that a pause split off ("ask ... not what your country"). That short turn was
already handed out when its silence ended (turn-taking is not slowed down); the new
one starts where it started and says so (``continues``), so the conversation can
drop the short one in favour of the whole.

The silence that ends a turn may change within a pause (``set_pause``): a caller that
knows what was said so far (``voice.turn_end``) shortens it after a finished question or
lengthens it after "and the". It holds for that pause only; speech resuming restores
``end_silence_s``. A shorter pause closes the turn at the next chunk if the silence already
heard is enough; no audio is dropped either way (the turn ends ``tail_s`` after its last
speech, as always).
"""
from __future__ import annotations

import collections
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from ..config import END_SILENCE_RANGE_S, END_SILENCE_S
from .vad import SAMPLE_RATE, SpeechDetector, WindowFramer


@dataclass(frozen=True)
class SegmenterOptions:
    """Timing rules of a turn, in seconds."""

    speech_start_s: float = 0.2   # continuous speech needed before a turn starts (ignores clicks)
    end_silence_s: float = END_SILENCE_S   # trailing silence that ends the turn
    max_utterance_s: float = 20.0  # a turn longer than this is cut (and the rest starts a new one)
    pre_roll_s: float = 0.3       # audio kept from before the detected start (first syllables)
    tail_s: float = 0.2           # silence kept after the last speech (word endings fade slowly)
    # Speech resuming within ``rejoin_s`` of the last speech takes it in (0: never)...
    rejoin_s: float = 1.5
    # ...when that was a run too short to start a turn, or a turn with at most this much
    # speech in it (a word or two split off by a pause).
    short_turn_s: float = 1.0

    def __post_init__(self) -> None:
        if not 0.0 <= self.speech_start_s <= 5.0:
            raise ValueError("speech_start_s must be between 0 and 5 seconds")
        low, high = END_SILENCE_RANGE_S
        if not low <= self.end_silence_s <= high:
            raise ValueError(f"end_silence_s must be between {low:g} and {high:g} seconds")
        if not 0.0 <= self.pre_roll_s <= 5.0:
            raise ValueError("pre_roll_s must be between 0 and 5 seconds")
        if not 0.0 <= self.tail_s <= self.end_silence_s:
            raise ValueError("tail_s must be between 0 and end_silence_s")
        if not 0.0 <= self.rejoin_s <= 10.0:
            raise ValueError("rejoin_s must be between 0 and 10 seconds")
        if not 0.0 <= self.short_turn_s <= 10.0:
            raise ValueError("short_turn_s must be between 0 and 10 seconds")
        if self.max_utterance_s < 1.0 or self.max_utterance_s <= self.speech_start_s + self.pre_roll_s:
            raise ValueError("max_utterance_s must be at least 1 second and longer than "
                             "speech_start_s + pre_roll_s")


@dataclass(frozen=True)
class SegmentStarted:
    """A turn began; ``start_s`` already includes the pre-roll and anything taken back."""

    at_s: float      # stream time when the decision was made
    start_s: float   # where the utterance audio begins
    handed_back_s: float = 0.0   # seconds at the start taken back from before the usual pre-roll
    continues: bool = False      # it takes in the short turn just ended (which it replaces)


@dataclass(frozen=True)
class SegmentEnded:
    at_s: float
    start_s: float
    end_s: float
    reason: str      # "silence" | "max_length" | "flush"
    handed_back_s: float = 0.0
    continues: bool = False

    @property
    def duration_s(self) -> float:
        return self.end_s - self.start_s


SegmentEvent = SegmentStarted | SegmentEnded


@dataclass(frozen=True)
class _Lead:
    """Speech just before the next turn that it will take in, if it comes soon enough."""

    start_s: float    # where the next turn would start
    last_s: float     # end of its last speech
    voiced_s: float   # seconds of speech in it
    turn: bool        # a turn already handed out (the next one continues it)


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
        self._voiced_s = 0.0                  # seconds of speech in the open utterance
        self._prev_end = 0.0                  # utterances never overlap (unless one continues)
        self._lead: _Lead | None = None
        self._handed_back = 0.0
        self._continues = False
        self._pause_end_s: float | None = None   # this pause's end silence (set_pause)
        self._went_on_after_s = 0.0             # the open turn's longest pause before more speech

    @property
    def silence_s(self) -> float:
        """Seconds of silence since the open utterance's last speech (0 while speaking)."""
        return self._silence_s if self.in_speech else 0.0

    @property
    def went_on_after_s(self) -> float:
        """The longest pause in the open utterance after which speech went on (0: none)."""
        return self._went_on_after_s if self.in_speech else 0.0

    @property
    def end_silence_s(self) -> float:
        """The silence that ends the open utterance now."""
        return self.options.end_silence_s if self._pause_end_s is None else self._pause_end_s

    def set_pause(self, seconds: float | None) -> None:
        """End the open utterance after ``seconds`` of silence in the pause now running
        (None: ``end_silence_s``). Ignored while idle or while speech is going on: a pause
        that has not begun keeps no decision."""
        low, high = END_SILENCE_RANGE_S
        if seconds is not None and not low <= seconds <= high:
            raise ValueError(f"a pause must be between {low:g} and {high:g} seconds")
        if self.in_speech and self._silence_s > 0:
            self._pause_end_s = seconds

    @property
    def utterance_start_s(self) -> float:
        """Start of the open utterance (meaningful while ``in_speech``)."""
        return self._start_s

    def open_turn(self) -> SegmentEnded | None:
        """The open utterance as it would end now, after its last speech (None while idle):
        what a turn heard before its pause is over would hold."""
        if not self.in_speech:
            return None
        return SegmentEnded(at_s=self.now_s, start_s=self._start_s, end_s=self._end_now(),
                            reason="pause", handed_back_s=self._handed_back,
                            continues=self._continues)

    @property
    def keep_from_s(self) -> float:
        """The earliest stream time a turn opened from now on can start at: audio before it
        is no longer needed."""
        if self.in_speech:
            return self._start_s
        onset = self.now_s if self._run_start is None else self._run_start
        earliest = onset - self.options.pre_roll_s
        lead = self._lead_for(onset)
        if lead is not None:
            earliest = min(earliest, lead.start_s)
        return max(earliest, self._hand_back_floor(), 0.0)

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
        self._lead = None
        if not self.in_speech:
            self._run_start = None
            return []
        end = self._end_now()
        closed = self._close(end, "flush")
        # A turn reopened by a max-length cut on the very last chunk holds no audio.
        return [closed] if closed.duration_s > 1e-6 else []

    def _idle(self, chunk_start: float, is_speech: bool) -> list[SegmentEvent]:
        opts = self.options
        if not is_speech:
            if self._run_start is not None:   # a soft word, a click: too short to start a turn
                self._remember(self._run_start, chunk_start)
            self._run_start = None
            return []
        if self._run_start is None:
            self._run_start = chunk_start
        if self.now_s - self._run_start + 1e-9 < opts.speech_start_s:
            return []
        onset, self._run_start = self._run_start, None
        own = max(onset - opts.pre_roll_s, self._prev_end, 0.0)
        start, voiced, continues = own, self.now_s - onset, False
        lead = self._lead_for(onset)
        if lead is not None:
            start = max(min(own, lead.start_s), self._hand_back_floor())
            voiced += lead.voiced_s
            continues = lead.turn and start < self._prev_end
        self._lead = None
        return [self._open(start, voiced=voiced, handed_back=own - start, continues=continues)]

    def _lead_for(self, onset: float) -> _Lead | None:
        """The lead a run beginning at ``onset`` takes in, if any."""
        lead = self._lead
        if lead is None or onset - lead.last_s > self.options.rejoin_s + 1e-9:
            return None
        return lead

    def _hand_back_floor(self) -> float:
        # However much came before, a turn never starts more than half its maximum back.
        return self.now_s - self.options.max_utterance_s / 2

    def _remember(self, start: float, end: float) -> None:
        lead = self._lead_for(start)
        if lead is None:
            begin = max(start - self.options.pre_roll_s, self._prev_end, 0.0)
            self._lead = _Lead(start_s=begin, last_s=end, voiced_s=end - start, turn=False)
        else:
            self._lead = _Lead(start_s=lead.start_s, last_s=end,
                               voiced_s=lead.voiced_s + end - start, turn=lead.turn)

    def _speaking(self, chunk_start: float, is_speech: bool) -> list[SegmentEvent]:
        opts = self.options
        events: list[SegmentEvent] = []
        if is_speech:
            self._went_on_after_s = max(self._went_on_after_s, self._silence_s)
            self._silence_s = 0.0
            self._pause_end_s = None
            self._last_speech_end = self.now_s
            self._voiced_s += self.now_s - chunk_start
        else:
            self._silence_s += self.now_s - chunk_start
            if self._silence_s + 1e-9 >= self.end_silence_s:
                end = self._end_now()
                closed = self._close(end, "silence")
                if self._voiced_s <= opts.short_turn_s + 1e-9 and opts.rejoin_s > 0:
                    # A word or two, then a pause: if speech resumes soon, it continues this.
                    self._lead = _Lead(start_s=closed.start_s, last_s=self._last_speech_end,
                                       voiced_s=self._voiced_s, turn=True)
                return [closed]
        cut = self._start_s + opts.max_utterance_s
        if self.now_s + 1e-9 >= cut:
            # Cut exactly at the limit; if the speaker is still going, the rest
            # begins a new utterance right there (no pre-roll: it would overlap).
            events.append(self._close(cut, "max_length"))
            if is_speech:
                events.append(self._open(cut, voiced=0.0))
        return events

    def _open(self, start: float, *, voiced: float, handed_back: float = 0.0,
              continues: bool = False) -> SegmentStarted:
        self.in_speech = True
        self._start_s = start
        self._silence_s = 0.0
        self._went_on_after_s = 0.0
        self._pause_end_s = None
        self._voiced_s = voiced
        self._last_speech_end = self.now_s
        self._handed_back = handed_back
        self._continues = continues
        return SegmentStarted(at_s=self.now_s, start_s=start, handed_back_s=handed_back,
                              continues=continues)

    def _end_now(self) -> float:
        """Where the open utterance ends if it ends now: ``tail_s`` after its last speech.
        One computation for every way a turn ends (and the speculative turn is confirmed by
        comparing it with the one that closes)."""
        return min(self._last_speech_end + self.options.tail_s, self.now_s)

    def _close(self, end: float, reason: str) -> SegmentEnded:
        self.in_speech = False
        self._pause_end_s = None
        self._prev_end = end
        self._run_start = None
        return SegmentEnded(at_s=self.now_s, start_s=self._start_s, end_s=end, reason=reason,
                            handed_back_s=self._handed_back, continues=self._continues)


@dataclass(frozen=True, eq=False)
class Utterance:
    """One finished turn: 16 kHz float32 mono audio and where it sat in the stream."""

    audio: np.ndarray = field(repr=False)
    start_s: float
    end_s: float
    reason: str
    sample_rate: int = SAMPLE_RATE
    handed_back_s: float = 0.0   # leading seconds taken back from before the usual pre-roll
    continues: bool = False      # it takes in (and replaces) the short turn just before it

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

    def open_audio(self) -> np.ndarray:
        """The open utterance's audio so far (empty while idle): what was said until now."""
        if not self.segmenter.in_speech:
            return np.zeros(0, dtype=np.float32)
        return self._slice(self._to_sample(self.segmenter.utterance_start_s), self._samples)

    def open_utterance(self) -> Utterance | None:
        """The open utterance cut as if its pause ended the turn now (None while idle)."""
        event = self.segmenter.open_turn()
        return None if event is None else self._handle(event)[0]

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
        return [Utterance(audio=audio, start_s=event.start_s, end_s=event.end_s, reason=event.reason,
                          handed_back_s=event.handed_back_s, continues=event.continues)]

    @staticmethod
    def _to_sample(seconds: float) -> int:
        return int(round(seconds * SAMPLE_RATE))

    def _slice(self, start: int, end: int) -> np.ndarray:
        parts = [chunk[max(start - at, 0):max(end - at, 0)]
                 for at, chunk in self._chunks if at < end and at + chunk.shape[0] > start]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)

    def _trim(self) -> None:
        # A window of margin: the segmenter's times are multiples of the window, rounded.
        keep_from = self._to_sample(self.segmenter.keep_from_s) - self.detector.window_samples
        while self._chunks and self._chunks[0][0] + self._chunks[0][1].shape[0] <= keep_from:
            self._chunks.popleft()
