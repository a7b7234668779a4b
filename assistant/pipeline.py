"""One question about one image: audio → transcript → answer → speech, with events and timings.

The pipeline owns no hardware or model: the transcriber, vision engine and speaker come in
through the constructor. Every stage reports typed events on the bus; an expected failure
becomes an ``ErrorEvent`` and an ``AssistantError`` for the caller, and the pipeline stays
usable for the next question.
"""
from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterator

from .asr import Transcriber, TranscribeOptions, Transcription
from .cancel import NEVER, CancelToken
from .conversation.history import Turn, turns_about
from .conversation.sessions import SessionStore
from .errors import AssistantError, InputError
from .i18n import speaking
from .notices import ENGLISH_ONLY, Notice, NoticeWords, console_words, spoken, worded
from .events import (ErrorEvent, EventBus, Reply, StageFinished, StageStarted, StageTimings,
                     Transcript)
from .tts import Speaker, SpeechAudio
from .vision import VisionAnswer, VisionEngine

if TYPE_CHECKING:
    import numpy as np
    from PIL import Image

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AskResult:
    question: str
    answer: str
    transcript: str | None
    language: str | None
    engines: dict[str, str]
    timings_ms: dict[str, float]
    image_id: str
    speech: SpeechAudio | None = None
    details: dict = field(default_factory=dict)
    turn: Turn | None = field(default=None, repr=False, compare=False)  # what the session keeps
    notices: tuple[Notice, ...] = ()    # beside the answer, in the front end's words
    reply_language: str = "en"          # what the answer and its notices are said in

    @property
    def spoken(self) -> str:
        """The answer, then its notices: what a voice says."""
        return spoken(self.answer, self.notices)

    def to_json(self) -> dict:
        out = {"question": self.question}
        if self.transcript is not None:
            out["transcript"] = self.transcript
            out["language"] = self.language
        out.update(answer=self.answer, reply_language=self.reply_language, engines=self.engines,
                   timings_ms={k: round(v, 1) for k, v in self.timings_ms.items()},
                   notices=[{"code": n.code, "message": n.message} for n in self.notices])
        return out


def engine_label(engine: Transcriber | Speaker) -> str:
    return f"{engine.name} on {engine.device}" if engine.device else str(engine.name)


class Assistant:
    """Answers questions about images; one instance serves many questions."""

    def __init__(self, *, vision: VisionEngine, transcriber: Transcriber | None = None,
                 speaker: Speaker | None = None, bus: EventBus | None = None,
                 sessions: SessionStore | None = None, history_turns: int = 3,
                 word_notice: NoticeWords = console_words, reply_setting: str = "auto") -> None:
        self.vision = vision
        self.reply_setting = reply_setting   # ui.language / --reply-language: auto or a code
        self.word_notice = word_notice   # the front end's words for a notice code
        self.transcriber = transcriber
        self.speaker = speaker
        self.bus = bus or EventBus()
        self.sessions = sessions
        self.history_turns = history_turns

    @contextmanager
    def _stage(self, stage: str, timings: dict[str, float], detail: str = "") -> Iterator[None]:
        self.bus.emit(StageStarted(stage=stage, detail=detail))
        start = time.perf_counter()
        try:
            yield
        except AssistantError as exc:
            self.bus.emit(ErrorEvent(code=exc.code, message=exc.user_text(), stage=exc.stage or stage))
            raise
        finally:
            elapsed = (time.perf_counter() - start) * 1000.0
            timings[stage] = elapsed
            self.bus.emit(StageFinished(stage=stage, elapsed_ms=elapsed))

    def reply_language_for(self, question: str, spoken: str | None = None) -> str:
        """The language to answer ``question`` in: the setting, else the language it was
        spoken in (``spoken``, Whisper's) or written in, else the system locale, else English."""
        from .i18n import reply_language, system_locale, text_language

        return reply_language(self.reply_setting, spoken or text_language(question),
                              system_locale())

    def transcribe(self, audio: "np.ndarray", options: TranscribeOptions,
                   timings: dict[str, float]) -> Transcription:
        if self.transcriber is None:
            raise InputError("Speech recognition is not set up, so audio cannot be used.",
                             hint="Type the question instead.", code="asr_unavailable")
        with self._stage("asr", timings):
            result = self.transcriber.transcribe(audio, options)
        self.bus.emit(Transcript(text=result.text, language=result.language,
                                 duration_s=result.duration_s))
        return result

    def ask(self, image: "Image.Image", *, text: str | None = None, audio: "np.ndarray | None" = None,
            asr_options: TranscribeOptions = TranscribeOptions(), session: str | None = None,
            synthesize: bool = False, save: bool = True) -> AskResult:
        """Answer ``text`` (or the question spoken in ``audio``) about ``image``.

        ``synthesize`` turns the answer into speech audio (timed as the "tts" stage);
        playing it is the caller's choice, so a kiosk or a test can skip the sound card.
        ``save=False`` leaves the session alone: the caller shows and plays the answer first,
        then calls ``remember``.
        """
        timings: dict[str, float] = {}
        started = time.perf_counter()
        transcript = language = None
        if audio is not None:
            result = self.transcribe(audio, asr_options, timings)
            transcript, language = result.text, result.language
            question = result.text.strip()
            if not question:
                err = InputError("I did not hear a question in the recording.",
                                 hint="Speak closer to the microphone, or type the question.",
                                 code="no_speech", stage="asr")
                self.bus.emit(ErrorEvent(code=err.code, message=err.user_text(), stage="asr"))
                raise err
        else:
            question = (text or "").strip()
            if not question:
                raise InputError("The question is empty.", hint="Type or say a question.",
                                 code="empty_question")
        result = self.respond(image, question, session=session, timings=timings, save=save,
                              language=language)
        answer_text, img_id, details = result.answer, result.image_id, result.details
        vision_engine = result.engines["vision"]
        speech = voice = None
        if synthesize and self.speaker is not None:
            with self._stage("tts", timings), speaking(result.reply_language):
                speech = self.speaker.synthesize(result.spoken)
                # A LanguageSpeaker names the voice that said this reply (espeak-ng's French...).
                pick = getattr(self.speaker, "voice", None)
                voice = pick() if callable(pick) else self.speaker
        timings["total"] = (time.perf_counter() - started) * 1000.0
        self.bus.emit(StageTimings(timings_ms=dict(timings)))
        engines = {"vision": vision_engine}
        if self.transcriber is not None and audio is not None:
            engines["asr"] = engine_label(self.transcriber)
        if speech is not None and voice is not None:
            engines["tts"] = engine_label(voice)
        return AskResult(question=question, answer=answer_text, transcript=transcript, language=language,
                         engines=engines, timings_ms=timings, image_id=img_id, speech=speech,
                         details=details, turn=result.turn, notices=result.notices,
                         reply_language=result.reply_language)

    def respond(self, image: "Image.Image", question: str, *, session: str | None = None,
                cancel: CancelToken = NEVER, on_text: Callable[[str], None] | None = None,
                timings: dict[str, float] | None = None, save: bool = True,
                language: str | None = None) -> AskResult:
        """Answer a question already in words: history, vision (streamed), Reply, then the session.

        ``on_text`` gets each piece of the answer as the engine writes it (a spoken reply can
        start at its first sentence). ``cancel`` stops generation between pieces; a cancelled
        turn raises ``Cancelled`` and records nothing. The answer is emitted before the
        session is written, and a session that cannot be written costs the follow-up context,
        never the answer. ``save=False``: the caller calls ``remember`` when it is ready.
        ``language``: the language the question was spoken in (Whisper's), if it was spoken;
        the answer and its notices are in ``reply_language_for`` it (``i18n.speaking``).
        """
        from .vision.image import image_id as fingerprint
        from .vision.image import scene_hash

        timings = {} if timings is None else timings
        img_id, scene = fingerprint(image), scene_hash(image)
        earlier = self._earlier(session)
        history = turns_about(earlier, img_id, self.history_turns, scene)
        # The embedded engine says once per conversation that the full model is missing;
        # a blind user should not hear it after every answer. Other engines ignore the flag.
        self.vision.announce_missing_model = not earlier
        cancel.check()
        lang = self.reply_language_for(question, language)
        with self._stage("vision", timings, detail=question), speaking(lang):
            answer = self._vision_answer(image, question, history, cancel, on_text)
        cancel.check()
        codes = tuple(answer.notices)
        # A model that answers in English, a reply in another language: said once per conversation.
        if lang != "en" and not earlier and getattr(self.vision, "english_only", False):
            codes += (ENGLISH_ONLY,)
        with speaking(lang):
            notices = worded(codes, self.word_notice)
        self.bus.emit(Reply(question=question, answer=answer.text, engine=answer.engine,
                            notices=notices))
        turn = Turn(question=question, answer=answer.text, image_id=img_id, engine=answer.engine,
                    at=time.time(), scene=scene)
        if save:
            self.remember(session, turn)
        return AskResult(question=question, answer=answer.text, transcript=None, language=None,
                         engines={"vision": f"{answer.engine} on {answer.device}"},
                         timings_ms=timings, image_id=img_id, details=answer.details, turn=turn,
                         notices=notices, reply_language=lang)

    def remember(self, session: str | None, turn: Turn | None) -> str | None:
        """Add ``turn`` to the session; on failure, the reason in words (also an ErrorEvent).

        Never raises: the answer is already out, and only the follow-up context is lost.
        """
        if not (self.sessions and session and turn):
            return None
        try:
            self.sessions.append(session, turn)
            return None
        except Exception as exc:  # noqa: BLE001 - the answer is out; only the context is lost
            log.warning("the session %s could not be saved: %s", session, exc)
            from .storage import failure_words

            why = failure_words(exc)
            self.bus.emit(ErrorEvent(code="session_not_saved", stage="history",
                                     message="This answer could not be saved for follow-up "
                                             f"questions ({why}); the next question starts afresh."))
            return why

    def _earlier(self, session: str | None) -> list[Turn]:
        if not (self.sessions and session):
            return []
        try:
            return self.sessions.load(session)
        except AssistantError:
            raise
        except Exception as exc:  # noqa: BLE001 - a damaged session costs context, not the answer
            log.warning("the session %s could not be read: %s", session, exc)
            return []

    def _vision_answer(self, image, question: str, history, cancel: CancelToken,
                       on_text: Callable[[str], None] | None) -> VisionAnswer:
        """The engine's answer, streamed piece by piece to ``on_text`` where it streams."""
        from .vision import stream_answer

        stream = stream_answer(self.vision, image, question, history, cancel=cancel)
        for piece in stream:
            cancel.check()
            if on_text is not None:
                on_text(piece)
        return stream.answer
