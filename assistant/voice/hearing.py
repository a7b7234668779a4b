"""One heard utterance: transcribe it (cancellable), drop what the guards say is not a turn,
run a command at once, or post the question to be answered.

Runs on the engine's hearing thread, so a "stop" is understood and acted on while an
answer is still being written on the answering thread.
"""
from __future__ import annotations

import time
from typing import TYPE_CHECKING

from ..asr import TranscribeOptions
from ..events import Transcript
from .commands import parse_command
from .events import TurnTimings, UtteranceIgnored
from .guards import ignore_reason

if TYPE_CHECKING:
    from ..cancel import CancelToken
    from .engine import ConversationEngine
    from .listener import Heard


def hear(engine: "ConversationEngine", heard: "Heard", cancel: "CancelToken") -> None:
    from .engine import _Question

    utt = heard.utterance
    began = time.monotonic()
    result = engine.transcriber.transcribe(utt.audio, TranscribeOptions(
        language=engine.options.language, cancel=cancel))
    asr_s = time.monotonic() - began
    text = result.text.strip()
    start = engine.listener.to_monotonic(utt.start_s)
    reason = ignore_reason(result, text, heard, engine.options, engine.echo_text, start)
    if reason:
        engine.bus.emit(UtteranceIgnored(reason=reason, text=text, duration_s=utt.duration_s))
        return
    engine.bus.emit(Transcript(text=text, language=result.language, duration_s=result.duration_s))
    command = parse_command(text)
    if command is not None:
        engine.bus.emit(TurnTimings(text=text, audio_s=utt.duration_s, asr_s=asr_s,
                                    end_to_transcript_s=time.monotonic() - heard.end_of_turn,
                                    voice_to_transcript_s=time.monotonic() - heard.last_voice))
        engine._command(command)
        return
    engine._post(_Question(text=text, source=heard.source, transcript=text, heard=heard,
                           asr_s=asr_s))
