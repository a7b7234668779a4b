"""A conversation from settings: the one place every front end builds and loads its engines.

Small pieces, so each front end takes what it needs: ``ask`` and ``serve`` want engines and
an ``Assistant``; ``listen`` and the window want the whole ``ConversationEngine``.

* ``build_engines`` gets the vision engine, the transcriber and the speaker from the factory
  and ``prepare``s them (load, then ``warm_up``): the one place an engine is loaded. A stage
  that fails is handed to ``on_error`` (an ``ErrorEvent`` in the window, a logged problem in
  ``serve``) and left out, so the rest still loads; without ``on_error`` it is raised (the
  console commands exit with its code).
* ``conversation_options`` turns the settings into the conversation's options: the
  segmenter's timing (``turn_timing``), language, hands-free, barge-in.
* ``build_conversation`` adds the voice detector (Silero, else WebRTC, else typed questions
  only: ``build_detector``, said once) and the ``Assistant``, and returns the engine unstarted.
* ``load_keys`` says which settings need other models: a front end compares them to choose
  between ``ConversationEngine.configure`` (no reload) and new engines.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from ..config import AppConfig
from ..errors import AssistantError
from ..events import ErrorEvent, Event, ModelLoaded
from .factory import EngineFactory, asr_key, tts_key, vision_key

ROLES = ("vision", "asr", "tts")
# What a front end shows while each stage loads (the window's start-up progress).
LOADING = {"vision": "Loading the vision engine…", "asr": "Loading speech recognition…",
           "tts": "Loading the voice…"}
EventSink = Callable[[Event], None]


@dataclass
class Engines:
    """The engines of one conversation; a role that is not wanted, or failed, is None."""

    vision: Any = None
    transcriber: Any = None
    speaker: Any = None
    load_ms: dict[str, float] = field(default_factory=dict)   # "load_<role>": time to load

    def get(self, role: str) -> Any:
        return {"vision": self.vision, "asr": self.transcriber, "tts": self.speaker}[role]

    def set(self, role: str, engine: Any) -> None:
        setattr(self, {"vision": "vision", "asr": "transcriber", "tts": "speaker"}[role], engine)

    def items(self) -> Iterator[tuple[str, Any]]:
        return ((role, self.get(role)) for role in ROLES)


def failure_event(exc: BaseException, stage: str) -> ErrorEvent:
    """A stage's failure in words: a coded error as it says itself, anything else plainly."""
    if isinstance(exc, AssistantError):
        return ErrorEvent(code=exc.code, message=exc.user_text(), stage=exc.stage or stage)
    return ErrorEvent(code="internal", stage=stage,
                      message="Something went wrong here; the details are in the log. "
                              "The assistant keeps running.")


def build_engine(factory: EngineFactory, config: AppConfig, role: str, *,
                 output_device: str = "") -> Any:
    """``role``'s engine from the factory (the kept one when only run-time settings changed)."""
    if role == "vision":
        return factory.vision(config.vision)
    if role == "asr":
        return factory.transcriber(config.asr)
    return factory.speaker(config.tts, output_device=output_device)


def prepare(engine: Any, *, warm: bool = True) -> float:
    """Load ``engine`` now and, with ``warm``, give its models their first run (``warm_up``),
    (every engine has both steps), so the first question is not the slow one. The time it took, ms."""
    start = time.perf_counter()
    engine.load()
    if warm:
        engine.warm_up()
    return (time.perf_counter() - start) * 1000.0


def build_engines(factory: EngineFactory, config: AppConfig, *,
                  roles: tuple[str, ...] = ROLES, warm: bool = True, output_device: str = "",
                  progress: Callable[[str], None] | None = None,
                  on_error: Callable[[BaseException, str], None] | None = None,
                  announce: EventSink | None = None, keep: Engines | None = None,
                  stopped: Callable[[], bool] = lambda: False) -> Engines:
    """Build and ``prepare`` each of ``roles`` in order (``progress(role)`` before each).

    ``on_error(exc, role)``: a stage that fails is reported and left None; without it, raised.
    ``announce``: a ``ModelLoaded`` per engine loaded. ``keep``: engines already prepared;
    the same object back from the factory (only run-time settings changed) is not loaded
    or warmed again. ``stopped()`` true: the roles not yet begun are left out (a window
    closing while its models load closes in one model's time, not all of them).
    """
    engines = Engines()
    factory.remote = config.remote   # the [remote] server for engines set to "openai"
    for role in roles:
        if stopped():
            break
        if progress is not None:
            progress(role)
        try:
            engine = build_engine(factory, config, role, output_device=output_device)
            if keep is None or keep.get(role) is not engine:
                engines.load_ms[f"load_{role}"] = prepare(engine, warm=warm)
        except Exception as exc:
            if on_error is None:
                raise
            on_error(exc, role)
            continue
        engines.set(role, engine)
        if announce is not None and f"load_{role}" in engines.load_ms:
            announce(ModelLoaded(stage=role, model=str(engine.name),
                                 device=str(engine.device),
                                 elapsed_ms=engines.load_ms[f"load_{role}"]))
    return engines


def load_keys(factory: EngineFactory, config: AppConfig, output_device: str = "") -> tuple:
    """What decides the models loaded (and the wrappers around them): when these are the same,
    a settings change needs no new engine; the rest is applied to the kept ones."""
    from ..remote import remote_key

    vision = config.vision
    kind = factory.vision_kind(vision)
    remote = remote_key(config.remote) if "openai" in (kind, config.asr.engine,
                                                       config.tts.engine) else ()
    return (vision_key(kind, vision), vision.grounding, vision.ocr_min_score,
            asr_key(config.asr, config.remote), tts_key(config.tts, output_device, config.remote),
            remote)


def conversation_options(config: AppConfig, *, end_silence_s: float | None = None,
                         hands_free: bool | None = None, barge_in: bool = True):
    """The conversation's options from the settings; ``listen`` passes its own defaults."""
    from ..voice.events import ConversationOptions, turn_timing

    silence = config.ui.end_silence_s if end_silence_s is None else end_silence_s
    return ConversationOptions(
        segmenter=turn_timing(silence), language=config.heard_language, barge_in=barge_in,
        hands_free=config.ui.hands_free if hands_free is None else hands_free,
        smart_turn=config.ui.smart_turn, speculate=config.ui.speculate)


def make_assistant(config: AppConfig, engines: Engines, *, bus, sessions=None,
                   word_notice: Callable[[str], str] | None = None, speaker: Any = None):
    """The ``Assistant`` answering with ``engines`` (``speaker``: ``ask`` synthesises)."""
    from ..pipeline import Assistant

    extra = {"word_notice": word_notice} if word_notice is not None else {}
    return Assistant(vision=engines.vision, transcriber=engines.transcriber, speaker=speaker,
                     bus=bus, sessions=sessions, history_turns=config.vision.history_turns,
                     reply_setting=config.ui.language, **extra)


@dataclass
class Conversation:
    engine: Any                # the ConversationEngine, not started
    listens: bool              # a voice detector loaded (else questions are typed only)
    problem: AssistantError | None = None   # the detector's fallback, to say once


def build_conversation(config: AppConfig, engines: Engines, *, bus, image: Callable[[], Any],
                       options, sessions=None, session: str | None = None, source: Any = None,
                       voice: Any = None, player: Any = None,
                       speaker_for_rate: Callable[[float], Any] | None = None,
                       word_notice: Callable[[str], str] | None = None,
                       typed_only_fallback: bool = True) -> Conversation:
    """The whole conversation on ``engines``; ``voice``: what speaks (default: the speaker)."""
    from ..audio.vad import build_detector
    from ..tts.playback import SilentPlayer
    from ..voice.engine import ConversationEngine

    assistant = make_assistant(config, engines, bus=bus, sessions=sessions,
                               word_notice=word_notice)
    choice = build_detector(typed_only_fallback=typed_only_fallback)   # said once, by the caller
    speaker = engines.speaker if voice is None else voice
    if player is None:
        player = engines.speaker.player if engines.speaker is not None else SilentPlayer()
    engine = ConversationEngine(
        assistant=assistant, transcriber=engines.transcriber, speaker=speaker, player=player,
        detector=choice.detector, image=image, source=source, bus=bus, options=options,
        session=session, rate=config.tts.rate, speaker_for_rate=speaker_for_rate)
    return Conversation(engine, choice.listens, choice.problem)
