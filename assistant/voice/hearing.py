"""One heard utterance: transcribe it (cancellable), drop what the guards say is not a turn,
run a command at once, or post the question to be answered.

Runs on the engine's hearing thread, so a "stop" is understood and acted on while an
answer is still being written on the answering thread.
"""
from __future__ import annotations

import dataclasses
import time
from typing import TYPE_CHECKING

from ..asr import TranscribeOptions
from ..errors import InputError
from ..events import Transcript
from .commands import command_prompt, parse_command
from .events import TurnTimings, UtteranceIgnored, missed, next_turn_id
from .guards import ignore_reason
from .heard import trim
from .turn_host import Question

if TYPE_CHECKING:
    from ..cancel import CancelToken
    from .heard import Heard
    from .turn_host import TurnHost


def hear(engine: "TurnHost", heard: "Heard", cancel: "CancelToken") -> None:
    utt = heard.utterance
    taken = heard.takes_back
    if taken is not None and taken.kept_apart.is_set():
        # The words taken back were a command (done) or our own voice: not part of this turn.
        utt = trim(utt, utt.start_s + utt.handed_back_s)
    # The user may go on after a word or two: the next turn then takes this one back and
    # cancels its token (listener.py). It is still heard to the end, so that a command in
    # it is run (and left out of the next turn), but a question is dropped.
    heard.token.on_cancel(lambda: _went_on(engine, heard))
    if engine.transcriber is None:
        raise InputError("Speech recognition is not set up, so what you say cannot be understood.",
                         hint="Type the question instead, or check the speech settings.",
                         code="asr_unavailable", stage="asr")
    began = time.monotonic()
    start = engine.listener.to_monotonic(utt.start_s)
    answering = _answering(engine, heard, start)
    known = engine.options.language
    primed_first = bool(answering and known)
    found = None
    if primed_first:
        # A command said over the voice is heard primed first: about 1 s, where the plain
        # hearing of a misheard "Arrête de parler." took 3-5 s of re-decoding (measured).
        found = _command_over_speech(engine, heard, utt, known, cancel, start)
    if found is not None:
        command, text, result = found
        reason = ""
    else:
        result = engine.transcriber.transcribe(utt.audio, TranscribeOptions(
            language=known, cancel=cancel))
        text = result.text.strip()
        reason = ignore_reason(result, text, heard, engine.options, engine.echo_text, start)
        command = None if reason else parse_command(text)
        language = result.language or known
        if command is None and reason != "own_voice_text" and answering \
                and not (primed_first and language == known):
            # Also when the plain hearing found no words: tiny.en drops espeak-ng's "Slower."
            # as the phantom "so" one time in three.
            found = _command_over_speech(engine, heard, utt, language, cancel, start)
            if found is not None:
                command, text, result = found
                reason = ""
    asr_s = time.monotonic() - began
    early = None
    try:
        if heard.tentative is not None:
            # Heard while its pause ran: shown, said and answered only if that pause ended it.
            # A question is answered meanwhile, held (speculation.py).
            if not reason and command is None and not heard.tentative.settled:
                early = _answer_early(engine, heard, text, result.language, asr_s)
            ended = heard.tentative.wait(engine.closing)
            if ended is None:
                if early is not None:
                    heard.token.cancel("dropped")
                return      # the user went on; the longer turn that follows is heard instead
            heard = dataclasses.replace(heard, end_of_turn=ended, tentative=None)
        if reason:
            if reason == "own_voice_text":
                heard.kept_apart.set()
            engine.bus.emit(UtteranceIgnored(reason=reason, text=text, duration_s=utt.duration_s))
            if heard.barged_in:
                # The user did speak (it stopped our voice), but what was understood is our
                # own echo or nothing: say so, never drop a question in silence.
                missed(engine.bus.emit)
            return
        if command is None:
            heard.token.check()      # a question the next turn took back: that one asks it
        else:
            heard.kept_apart.set()
        turn_id = early.turn_id if early is not None else next_turn_id()
        engine.bus.emit(Transcript(text=text, language=result.language,
                                   duration_s=result.duration_s, turn_id=turn_id))
        if early is not None:
            early.heard, early.shown_at = heard, time.monotonic()
            early.hold.release()     # what the answer reported so far follows its transcript
            return
        if command is not None:
            engine.bus.emit(TurnTimings(text=text, audio_s=utt.duration_s, asr_s=asr_s,
                                        end_to_transcript_s=time.monotonic() - heard.end_of_turn,
                                        voice_to_transcript_s=time.monotonic() - heard.last_voice))
            engine.run_command(command, turn_id)
            return
        engine.post(Question(text=text, source=heard.source, transcript=text, heard=heard,
                             language=result.language, asr_s=asr_s, token=heard.token,
                             turn_id=turn_id, shown_at=time.monotonic()))
    finally:
        if early is not None:
            early.hold.drop()    # never released (taken back, failed): forgotten


def _answer_early(engine: "TurnHost", heard: "Heard", text: str, language: str | None,
                  asr_s: float) -> Question | None:
    """A question heard before its pause ended, answered at once with its report and voice
    held; None when something else is being answered or said (it then waits its turn)."""
    from .speculation import HeldEvents

    question = Question(text=text, source=heard.source, transcript=text, heard=heard,
                        language=language, asr_s=asr_s, token=heard.token, hold=HeldEvents())
    return question if engine.speculate(question) else None


# Commands are short; a longer stretch said over the voice is a question.
COMMAND_MAX_S = 3.0
# "Slower", "repeat" come while a reply sounds or just after it.
AFTER_REPLY_S = 8.0


def _answering(engine: "TurnHost", heard: "Heard", start: float) -> bool:
    """Said over our voice (it barged in, or barge-in is off and we still speak), or within
    a few seconds of the end of a reply."""
    if heard.barged_in or engine.speech.speaking:
        return True
    until = getattr(engine.speech, "spoken_until", None)
    return until is not None and start - until <= AFTER_REPLY_S


def _command_over_speech(engine: "TurnHost", heard: "Heard", utt, language: str | None,
                         cancel: "CancelToken", start: float):
    """A short utterance said over our voice (or just after it) is heard with the command
    words of its language as hotwords: first when the session's language is set, else after
    a plain hearing that found no command (a misheard "arrête de parler" then comes out as
    said; tiny.en heard espeak-ng's "Slower." as "So where?" or "Sorry" ten times in ten,
    and as "Slower." ten times in ten primed).
    Only a command is taken from the primed hearing: a question keeps the plain
    transcript, word for word what the bare recogniser gave (at the cost of one more short
    decode for a short question said then). Returns (command, text, transcription) or None."""
    prompt = command_prompt(language)
    if prompt is None or utt.duration_s > COMMAND_MAX_S:
        return None
    result = engine.transcriber.transcribe(utt.audio, TranscribeOptions(
        language=language, hotwords=prompt, cancel=cancel))
    primed = result.text.strip()
    command = parse_command(primed)
    # The same guards as any turn: Whisper must hear speech in it, and not our own words.
    if command is None or ignore_reason(result, primed, heard, engine.options, engine.echo_text,
                                        start):
        return None
    return command, primed, result


def _went_on(engine: "TurnHost", heard: "Heard") -> None:
    """The user is talking again, so the reply to the question now taken back falls silent,
    as with a barge-in. Other cancels (a newer question, "stop") silence it themselves."""
    if heard.token.reason == "continued" and not heard.kept_apart.is_set():
        engine.speech.stop()
