"""One turn of the conversation: a question in words -> a streamed answer -> speech.

The answer comes first: it is shown as it grows (``AnswerGrowing``), spoken from its first
complete sentence, and only then is the turn reported (``TurnCompleted``) for front ends to
record; recording can fail without costing the answer. The turn's token is checked between
pieces, so "stop", a barge-in or a newer question end generation, not only playback.
"""
from __future__ import annotations

import time
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any

from ..cancel import Cancelled
from ..events import StageTimings
from ..i18n import speaking
from .events import AnswerGrowing, TurnCompleted, TurnStarted, TurnTimings

if TYPE_CHECKING:
    from .turn_host import Question, TurnHost


def picture(frame: Any) -> Any:
    """A PIL image from a camera Frame, a numpy array or a PIL image."""
    from PIL import Image

    image = getattr(frame, "image", frame)
    if hasattr(image, "convert"):
        return image.convert("RGB")
    return Image.fromarray(image).convert("RGB")


def answer_turn(engine: "TurnHost", q: "Question") -> None:
    """Answer ``q``; a held question (begun before its turn was certain) reports through its
    hold and is kept from the voice, the last answer and the session until released."""
    if q.hold is None:
        _answer(engine, q)
        return
    buses = {id(b): b for b in (engine.bus, engine.assistant.bus)}.values()
    with ExitStack() as diversions:
        for bus in buses:
            diversions.enter_context(bus.diverted(q.hold.to(bus)))
        _answer(engine, q)


def _answer(engine: "TurnHost", q: "Question") -> None:
    from ..errors import DeviceError

    q.token.check()
    frame = q.image if q.image is not None else engine.frame()
    if frame is None:
        raise DeviceError("There is no camera picture yet.",
                          hint="Check the camera in the settings, then ask again.",
                          code="no_frame")
    image = picture(frame)
    engine.bus.emit(TurnStarted(question=q.text, source=q.source, turn_id=q.turn_id))
    if q.heard is not None and q.shown_at is None:
        q.shown_at = time.monotonic()

    def first_audio(at: float | None) -> None:
        heard = q.heard     # a held question's is replaced by the confirmed turn
        if heard is None:
            return
        timing = dict(text=q.text, audio_s=heard.utterance.duration_s, asr_s=q.asr_s,
                      end_to_transcript_s=q.shown_at - heard.end_of_turn,
                      voice_to_transcript_s=q.shown_at - heard.last_voice)
        if at is None:
            engine.bus.emit(TurnTimings(**timing))
            return
        engine.bus.emit(TurnTimings(**timing, end_to_first_audio_s=at - heard.end_of_turn,
                                    voice_to_first_audio_s=at - heard.last_voice))

    language = engine.assistant.reply_language_for(q.text, q.language)
    with speaking(language):     # the voice's queue reads it: the reply's voice
        spoken = engine.speech.stream(on_first_audio=first_audio, hold=q.hold)
    q.token.on_cancel(spoken.wake)
    written: list[str] = []

    def grow(piece: str) -> None:
        written.append(piece)
        spoken.add(piece)
        engine.bus.emit(AnswerGrowing(question=q.text, text="".join(written).strip(),
                                       turn_id=q.turn_id))

    timings: dict[str, float] = {}
    if q.asr_s:
        timings["asr"] = q.asr_s * 1000.0
    try:
        result = engine.assistant.respond(image, q.text, session=engine.session, cancel=q.token,
                                          on_text=grow, timings=timings, language=q.language,
                                          save=q.hold is None)
    except BaseException:
        spoken.wake()          # the voice stops waiting for sentences that will never come
        raise
    for notice in result.notices:   # said after the answer, in the front end's words
        spoken.add(f" {notice.message}")
    spoken.end()
    written_at = time.monotonic()
    if q.hold is not None:
        # Written before the turn was certain: kept only if the pause ends it.
        if not q.hold.wait(lambda: not (q.token.cancelled or engine.closing.is_set())):
            q.token.check()
            raise Cancelled("closing" if engine.closing.is_set() else "dropped")
        written_at = max(written_at, q.hold.released_at or written_at)
        engine.assistant.remember(engine.session, result.turn)
    engine.last_answer = result.answer
    # Recording comes after the answer was spoken (or stopped): wait, waking for a cancel.
    while not spoken.done.wait(0.1):
        if q.token.cancelled:
            break
    if spoken.first_audio_at is not None:
        timings["tts"] = max(0.0, spoken.first_audio_at - written_at) * 1000.0
    engine.bus.emit(StageTimings(timings_ms=dict(timings)))
    engine.bus.emit(TurnCompleted(question=q.text, answer=result.answer, transcript=q.transcript,
                                  engine=result.engines.get("vision", ""), source=q.source,
                                  timings_ms=dict(timings), image_id=result.image_id, image=frame,
                                  started_at=q.asked_at, turn_id=q.turn_id,
                                  notices=result.notices))
