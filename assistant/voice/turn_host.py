"""A question of the conversation, and the face the engine shows the code that handles turns.

``hearing.py`` (an utterance -> a command, or a question posted) and ``turns.py`` (a question
-> an answer, streamed and spoken) are the engine's collaborators. They reach it only
through ``TurnHost``, the public attributes and methods listed here, so neither imports
the engine (which starts them) and the three form no import cycle.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from ..cancel import CancelToken
from .events import next_turn_id

if TYPE_CHECKING:
    from ..asr import Transcriber
    from ..events import EventBus
    from ..pipeline import Assistant
    from .commands import VoiceCommand
    from .echo_guard import EchoTextGuard
    from .events import ConversationOptions
    from .listener import Heard, Listener
    from .speech import SpeechOutput
    from .speculation import HeldEvents


@dataclass
class Question:
    """One question to answer: typed, a button's, or heard (then with its ``heard`` turn)."""

    text: str
    source: str
    image: Any = None
    transcript: str | None = None
    language: str | None = None      # the language it was spoken in (Whisper's), if heard
    heard: "Heard | None" = None
    asr_s: float = 0.0
    token: CancelToken = field(default_factory=CancelToken)
    asked_at: float = field(default_factory=time.time)
    turn_id: int = field(default_factory=next_turn_id)
    # Asked before its turn was certain: what it reports is held, and its voice waits,
    # until the hearing releases it (the pause ended the turn) or drops it (speculation.py).
    hold: "HeldEvents | None" = None
    shown_at: float | None = None    # monotonic: when its transcript was shown, if heard

    def emitter(self, bus: "EventBus"):
        """Where this question's own events go: ``bus``, or its hold while it is held."""
        return self.hold.to(bus) if self.hold is not None else bus.emit


class TurnHost(Protocol):
    """What hearing and answering use of the ConversationEngine."""

    bus: "EventBus"
    assistant: "Assistant"
    transcriber: "Transcriber | None"    # None: nothing heard can be understood
    options: "ConversationOptions"
    listener: "Listener"
    speech: "SpeechOutput"
    echo_text: "EchoTextGuard"
    session: str | None
    last_answer: str
    closing: "threading.Event"           # set when the engine closes: stop waiting

    def post(self, question: Question) -> None:
        """Answer ``question`` next (latest wins)."""

    def speculate(self, question: Question) -> bool:
        """Start answering ``question`` (held: ``question.hold``) if nothing else is being
        answered or said; False, asking nothing, otherwise."""

    def run_command(self, command: "VoiceCommand", turn_id: int) -> None:
        """Do a spoken command now."""

    def frame(self) -> Any:
        """The picture to ask about now (the newest camera frame)."""
