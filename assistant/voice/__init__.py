"""The hands-free voice loop: microphone -> utterances -> transcripts -> answers -> speech.

``VoiceLoop`` (loop.py) wires an AudioSource, the UtteranceCutter, a transcriber,
the Assistant and a Speaker + Player, with barge-in and the own-voice guard.
Commands (commands.py) and the echo guard (echo_guard.py) are pure.
"""
from __future__ import annotations

from .commands import VoiceCommand, parse_command
from .events import BargedIn, CommandHeard, TurnTimings, UtteranceIgnored, VoiceLoopOptions

__all__ = ["VoiceCommand", "parse_command", "BargedIn", "CommandHeard", "TurnTimings",
           "UtteranceIgnored", "VoiceLoopOptions"]
