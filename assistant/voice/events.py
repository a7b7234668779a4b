"""Events and options of the conversation engine (on the same EventBus as the core events)."""
from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass, field
from typing import Any

from ..audio.segmenter import SegmenterOptions
from ..config import RATE_RANGE
from ..events import Event
from .ptt import PushToTalkOptions

_turn_ids = itertools.count(1)
_turn_ids_lock = threading.Lock()


def next_turn_id() -> int:
    """A new turn's id, unique in this process. Every event of a turn carries it
    (``turn_id``): a front end keys its rows on it, never on the question's words, which
    repeat (Describe pressed twice, the same question typed again). A front end may take one
    before it asks, to show the question at once, and pass it in."""
    with _turn_ids_lock:
        return next(_turn_ids)


@dataclass(frozen=True, kw_only=True)
class BargedIn(Event):
    """The user talked over a reply; ``stop_ms`` is how long stopping the sound took."""

    stop_ms: float
    echo_score: float


@dataclass(frozen=True, kw_only=True)
class SpeechHeld(Event):
    """A loud onset held our voice while the VAD decides (``onset.py``); ``at`` monotonic."""

    at: float


@dataclass(frozen=True, kw_only=True)
class SpeechResumed(Event):
    """The VAD did not confirm the held onset: the reply went on after ``held_s``."""

    at: float
    held_s: float


@dataclass(frozen=True, kw_only=True)
class UtteranceIgnored(Event):
    """Speech that was not taken as a question, and which guard layer said so."""

    reason: str          # "too_short" | "no_speech" | "phantom" | "own_voice_acoustic" | "own_voice_text"
    text: str = ""
    duration_s: float = 0.0


@dataclass(frozen=True, kw_only=True)
class CommandHeard(Event):
    command: str         # VoiceCommand.value
    turn_id: int         # the spoken turn that was this command (its Transcript's turn_id)


@dataclass(frozen=True, kw_only=True)
class TurnTimings(Event):
    """Per turn, in seconds from the end of the user's turn.

    ``end_of_turn`` is when the segmenter decided the user had finished (after
    ``end_silence_s`` of quiet); ``last_voice`` is the end of the voiced audio.
    """

    text: str
    audio_s: float
    asr_s: float
    end_to_transcript_s: float            # from end_of_turn
    voice_to_transcript_s: float          # from last_voice
    end_to_first_audio_s: float | None = None
    voice_to_first_audio_s: float | None = None


@dataclass(frozen=True, kw_only=True)
class MicLevel(Event):
    """How loud the microphone is, 0..1 on a dB scale; about 20 a second."""

    level: float


@dataclass(frozen=True, kw_only=True)
class ListeningChanged(Event):
    """Hands-free on or off, and whether a microphone is there to listen with."""

    hands_free: bool
    microphone: bool
    note: str = ""       # what changed, in words ("The microphone is back.")


@dataclass(frozen=True, kw_only=True)
class TurnStarted(Event):
    """A question is being answered (typed, spoken, push-to-talk or a button)."""

    turn_id: int
    question: str
    source: str          # "typed" | "hands_free" | "push_to_talk" | "describe" | "read"


@dataclass(frozen=True, kw_only=True)
class AnswerGrowing(Event):
    """The answer so far, while the vision model is still writing it."""

    turn_id: int
    question: str
    text: str


@dataclass(frozen=True, kw_only=True)
class TurnCancelled(Event):
    """A turn was dropped before its answer: a newer question, "stop", or closing."""

    turn_id: int
    question: str
    reason: str


@dataclass(frozen=True, kw_only=True)
class TurnCompleted(Event):
    """A turn's answer was shown and handed to the voice; recording it comes after this."""

    turn_id: int
    question: str
    answer: str
    transcript: str | None
    engine: str
    source: str
    timings_ms: dict[str, float]
    image_id: str = ""
    image: Any = field(default=None, repr=False, compare=False)   # the frame asked about
    started_at: float = 0.0       # wall-clock seconds
    notices: tuple = ()           # assistant.notices.Notice, said after the answer


LISTEN_END_SILENCE_S = 0.5   # ``listen``'s end-of-turn silence when none is set shorter
SPOKEN_RATE_RANGE = (0.5, 2.0)   # how far "slower" / "faster" take the speaking rate


def turn_timing(end_silence_s: float = LISTEN_END_SILENCE_S) -> SegmenterOptions:
    """How a spoken turn is cut, the same for ``listen`` and the window: only the end-of-turn
    silence is a setting; the other timings are ``SegmenterOptions``' defaults. A word split
    off by a longer pause ("ask ... not") is taken back into the next turn (``rejoin_s``,
    ``short_turn_s``) instead of waiting longer to end one."""
    return SegmenterOptions(end_silence_s=end_silence_s,
                            tail_s=min(SegmenterOptions.tail_s, end_silence_s))


@dataclass(frozen=True)
class ConversationOptions:
    """How the conversation listens, guards and speaks. Validated; copied per engine."""

    segmenter: SegmenterOptions = field(default_factory=turn_timing)
    vad_threshold: float = 0.5
    min_utterance_s: float = 0.4       # VAD gate: shorter turns are not sent to Whisper
    no_speech_prob: float = 0.6        # Whisper gate: every segment this doubtful -> ignored
    language: str | None = None       # None: English first, other languages detected
    barge_in: bool = True
    barge_in_windows: int = 2          # consecutive speech windows (32 ms) not matching our echo
    # While the VAD decides, hold our voice on a loud onset where the mic does not hear us
    # (``onset.py``): the sound stops one window after the user starts, not two to ten.
    onset_hold: bool = True
    echo_threshold: float = 0.55       # acoustic echo score at or above this is our own voice
    echo_window_s: float = 0.3         # mic audio compared with what we played
    echo_max_delay_s: float = 0.8      # output + input latency of the sound system
    echo_text_threshold: float = 0.6   # share of a transcript's words found in a recent reply
    echo_text_window_s: float = 2.0    # how long after a reply its echo is still expected
    rate_step: float = 1.25            # "slower" / "faster" change the speaking rate by this factor
    min_rate: float = SPOKEN_RATE_RANGE[0]
    max_rate: float = SPOKEN_RATE_RANGE[1]
    hands_free: bool = True            # listen for questions without a key held
    # The pause that ends a hands-free turn depends on what was said (``turn_end``): short
    # after a finished question or command, long after an unfinished sentence.
    smart_turn: bool = True
    # Hear a hands-free turn while its last pause still runs (``speculation.py``): nothing is
    # shown or said before the pause ends the turn.
    speculate: bool = True
    push_to_talk: PushToTalkOptions = field(default_factory=PushToTalkOptions)

    def __post_init__(self) -> None:
        if not 0.0 < self.vad_threshold < 1.0:
            raise ValueError("vad_threshold must be between 0 and 1")
        if not 0.0 <= self.no_speech_prob <= 1.0 or not 0.0 < self.echo_threshold <= 1.0:
            raise ValueError("no_speech_prob and echo_threshold must be between 0 and 1")
        if self.barge_in_windows < 1 or self.echo_window_s <= 0 or self.echo_max_delay_s <= 0:
            raise ValueError("barge_in_windows, echo_window_s and echo_max_delay_s must be positive")
        low, high = RATE_RANGE
        if not 1.0 < self.rate_step <= 2.0 or not low <= self.min_rate < self.max_rate <= high:
            raise ValueError(f"rate_step must be in (1, 2] and {low:g} <= min_rate < max_rate "
                             f"<= {high:g}")


VoiceLoopOptions = ConversationOptions   # the name `assistant listen` used before


QUESTION_MISSED = "question_missed"   # ErrorEvent code: talked over, but nothing understood
MISSED_WORDS = "I stopped talking; I didn't catch your question. Please say it again."


def missed(emit) -> None:
    """A question spoken over the answer that cannot be answered: reported, never lost."""
    from ..events import ErrorEvent

    emit(ErrorEvent(code=QUESTION_MISSED, stage="asr", message=MISSED_WORDS))
