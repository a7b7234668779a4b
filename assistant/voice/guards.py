"""Whether a transcribed utterance is a question, or something to ignore, and why. Pure.

Hallucination and own-voice guard, in layers: Silero VAD decides what is an utterance at
all (and ``min_utterance_s`` drops clicks), Whisper's no-speech probability drops turns the
model itself thinks are empty, the phantom-phrase filter drops "Thank you." on noise, and
the text guard drops a transcript that repeats a reply we just spoke.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..asr.phantom import is_phantom_text
from .commands import parse_command

if TYPE_CHECKING:
    from ..asr import Transcription
    from .echo_guard import EchoTextGuard
    from .events import ConversationOptions
    from .heard import Heard


def ignore_reason(result: "Transcription", text: str, heard: "Heard",
                  options: "ConversationOptions", echo_text: "EchoTextGuard",
                  utterance_start: float) -> str:
    """'' for a real turn; else "no_speech", "phantom" or "own_voice_text"."""
    if not text:
        return "phantom" if result.dropped else "no_speech"
    segments = result.segments
    if segments and min(s.no_speech_prob for s in segments) >= options.no_speech_prob:
        return "no_speech"
    if is_phantom_text(text) and segments and max(s.no_speech_prob for s in segments) >= 0.3:
        return "phantom"
    if heard.source == "push_to_talk":
        return ""      # the user held the key: whatever was said was meant
    if not heard.barged_in or parse_command(text) is None:
        if echo_text.is_echo(text, utterance_start):
            return "own_voice_text"
    return ""
