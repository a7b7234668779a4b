"""The conversation: microphone -> utterances -> transcripts -> commands or answers -> speech.

``ConversationEngine`` (engine.py) is the one conversation every front end drives (the
window, ``assistant listen``): its ``Listener`` (listener.py) cuts utterances, detects
barge-in and push-to-talk (ptt.py); turns (turns.py) stream answers into ``SpeechOutput``
(speech.py). Commands (commands.py), guards (guards.py) and the echo guard (echo_guard.py)
are pure.
"""
from __future__ import annotations

from .commands import VoiceCommand, parse_command
from .events import (BargedIn, CommandHeard, ConversationOptions, TurnTimings, UtteranceIgnored,
                     VoiceLoopOptions)

__all__ = ["VoiceCommand", "parse_command", "BargedIn", "CommandHeard", "ConversationOptions",
           "TurnTimings", "UtteranceIgnored", "VoiceLoopOptions"]
