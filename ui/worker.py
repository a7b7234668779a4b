"""The bridge: the window's side of the one conversation engine, on its own QThread.

The worker builds the engines (with progress), runs the core ``ConversationEngine`` (the
same one ``assistant listen`` uses: hands-free, push-to-talk, barge-in, voice commands,
streamed answers), and records finished turns in the chat history after they were shown
and spoken. Only typed events cross to the UI, through one ``Signal(object)``. Commands
that must be instant (ask, stop, push-to-talk) go straight to the thread-safe engine; slow
ones (loading, settings, the microphone, history files) are queued slots on this thread.
"""
from __future__ import annotations

import contextlib
import dataclasses
import io
import logging
import time
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal, Slot

from assistant import config as config_mod
from assistant.config import AppConfig
from assistant.conversation.sessions import MemorySessions
from assistant.conversation.store import (HistoryCleared, HistoryRestored, HistoryStore,
                                          StoredTurn, TurnRecorded)
from assistant.errors import AssistantError
from assistant.events import ErrorEvent, Event, EventBus, ModelLoaded, Progress
from assistant.engines.factory import prepare
from assistant.notices import NO_VISION_MODEL
from assistant.paths import AppPaths
from assistant.voice.engine import DESCRIBE_QUESTION, READ_TEXT_QUESTION
from assistant.voice.events import ListeningChanged, TurnCancelled, TurnCompleted

log = logging.getLogger(__name__)

SESSION = "desktop"
READY = "startup"        # Progress.stage of the start-up; done == total means ready
THUMB_SIDE = 160
NOT_READY = "The assistant is still starting, so I cannot answer yet."
WINDOW_MODEL_NOTE = "For fuller descriptions, choose a vision model in Settings."


def error_event(exc: BaseException, stage: str) -> ErrorEvent:
    if isinstance(exc, AssistantError):
        return ErrorEvent(code=exc.code, message=exc.user_text(), stage=exc.stage or stage)
    return ErrorEvent(code="internal", stage=stage,
                      message="Something went wrong here; the details are in the log. "
                              "The assistant keeps running.")


def thumbnail_jpeg(frame) -> bytes | None:
    from PIL import Image

    try:
        image = getattr(frame, "image", frame)
        image = image.copy() if hasattr(image, "thumbnail") else Image.fromarray(image)
        image.thumbnail((THUMB_SIDE, THUMB_SIDE))
        out = io.BytesIO()
        image.convert("RGB").save(out, "JPEG", quality=80)
        return out.getvalue()
    except Exception:  # a thumbnail is a nicety; the turn still counts
        log.debug("thumbnail failed", exc_info=True)
        return None


class AssistantWorker(QObject):
    """Lives on the worker thread; its slots run there, its plain methods anywhere."""

    event = Signal(object)
    finished = Signal()

    def __init__(self, config: AppConfig, paths: AppPaths, *, factory=None,
                 frame: Callable[[], Any] = lambda: None) -> None:
        super().__init__()
        self.config = config
        self.paths = paths
        self.bus = EventBus()
        self.bus.subscribe(self._forward)
        self._factory = factory
        self._frame = frame            # the newest camera frame, for hands-free questions
        self.model_note = WINDOW_MODEL_NOTE  # "" in the kiosk: visitors cannot choose a model
        self.engine = None             # the ConversationEngine, once the models are loaded
        self._store: HistoryStore | None = None
        # Follow-up context lives in memory: the disk keeps only the history the user chose.
        self._context = MemorySessions()
        self._microphone: Any = None
        self._listens, self._no_listening = True, None   # a speech detector loaded, or why not
        self._speaker: Any = None      # the loaded voice, kept while replies are announced
        self._speak_replies = True     # False: the screen reader announces them instead

    def _forward(self, event: Event) -> None:
        if isinstance(event, TurnCompleted):
            self.event.emit(event)     # the answer first: shown (or announced) now
            self._record(event)        # after the answer was shown and handed to the voice
            return
        self.event.emit(event)

    def _error(self, exc: BaseException, stage: str) -> None:
        if not isinstance(exc, AssistantError):
            log.error("unexpected failure in %s", stage, exc_info=exc)
        self.bus.emit(error_event(exc, stage))

    # -- start-up -------------------------------------------------------------
    @Slot()
    def load(self) -> None:
        """Open the history and load the models, reporting each step."""
        from assistant.engines.factory import EngineFactory

        if self._factory is None:
            self._factory = EngineFactory(self.paths, on_event=self.bus.emit)
        steps = 4
        self.bus.emit(Progress(stage=READY, message="Opening the chat history…", done=0, total=steps))
        self._open_history()
        self.bus.emit(Progress(stage=READY, message="Loading the vision engine…", done=1, total=steps))
        self._start_engine()
        if self._microphone is not None:
            self.open_microphone(self._microphone)
        self.bus.emit(Progress(stage=READY, message="Ready.", done=steps, total=steps))

    def _open_history(self) -> None:
        """A damaged history is repaired as it opens (said once); one that cannot be opened
        at all is reported and this run keeps its turns in memory: the engines never wait on it."""
        store = None
        try:
            store = HistoryStore.in_folder(self.paths.data_dir, on_event=self.bus.emit)
            turns = store.turns(limit=200) if self.config.ui.history else []
        except Exception as exc:  # noqa: BLE001 - questions are answered without a history
            if store is not None:
                with contextlib.suppress(Exception):
                    store.close()
            self._error(exc, "history")
            # This run's turns are still listed, exported and cleared; the disk is left alone.
            self._store = HistoryStore.in_memory()
            self.bus.emit(HistoryRestored(turns=()))
            return
        self._store = store
        self.bus.emit(HistoryRestored(turns=tuple(turns)))

    def _engines(self, *, starting: bool = True) -> tuple[Any, Any, Any]:
        """(vision, transcriber, speaker) from the factory; each missing one is reported.

        The factory hands back the engines it has when only run-time settings changed.
        """
        factory, cfg = self._factory, self.config
        factory.remote = cfg.remote  # the [remote] server for engines set to "openai"
        vision = transcriber = speaker = None
        try:
            vision = factory.vision(cfg.vision)
            prepare(vision)
        except Exception as exc:
            self._error(exc, "vision")
        if starting:
            self.bus.emit(Progress(stage=READY, message="Loading speech recognition…", done=2,
                                   total=4))
        try:
            transcriber = factory.transcriber(cfg.asr)
            # warm_up: every model a question may need (the language checker too), decoded
            # once, so the first question is not the one that loads.
            prepare(transcriber)
        except Exception as exc:
            self._error(exc, "asr")
        if starting:
            self.bus.emit(Progress(stage=READY, message="Loading the voice…", done=3, total=4))
        if cfg.tts.engine != "none":
            try:
                speaker = factory.speaker(cfg.tts, output_device=cfg.ui.speaker_device)
                prepare(speaker)
            except Exception as exc:
                self._error(exc, "tts")
        for stage, engine in (("vision", vision), ("asr", transcriber), ("tts", speaker)):
            if engine is not None:
                self.bus.emit(ModelLoaded(stage=stage, model=str(getattr(engine, "name", stage)),
                                          device=str(getattr(engine, "device", "cpu")), elapsed_ms=0.0))
        return vision, transcriber, speaker

    def _start_engine(self) -> None:
        from assistant.audio.vad import build_detector
        from assistant.pipeline import Assistant
        from assistant.tts.playback import SilentPlayer
        from assistant.voice.engine import ConversationEngine
        from assistant.voice.events import ConversationOptions

        vision, transcriber, speaker = self._engines()
        if vision is None:
            return
        cfg = self.config
        self._speaker = speaker
        assistant = Assistant(vision=vision, transcriber=transcriber, bus=self.bus,
                              history_turns=cfg.vision.history_turns, sessions=self._context,
                              word_notice=self._word_notice)
        choice = build_detector()    # Silero, WebRTC, or typed questions only (said once)
        self._listens, self._no_listening = choice.listens, choice.problem
        if choice.listens and choice.problem is not None:
            self._error(choice.problem, "audio")
        options = ConversationOptions(language=cfg.asr.language, hands_free=cfg.ui.hands_free,
                                      segmenter=_segmenter(cfg))
        self.engine = ConversationEngine(
            assistant=assistant, transcriber=transcriber, speaker=self._voice(),
            player=getattr(speaker, "player", None) or SilentPlayer(), detector=choice.detector,
            image=self._frame, bus=self.bus, options=options, session=SESSION,
            rate=cfg.tts.rate, speaker_for_rate=self._speaker_for_rate)
        self.engine.start()

    def _word_notice(self, code: str) -> str:   # no console: Settings ("" in the kiosk)
        return self.model_note if code == NO_VISION_MODEL else ""

    def _speaker_for_rate(self, rate: float):
        speaker = self._factory.speaker(dataclasses.replace(self.config.tts, rate=rate),
                                        output_device=self.config.ui.speaker_device)
        prepare(speaker)
        self._speaker = speaker
        return self._voice()

    def set_reply_voice(self, speak: bool) -> None:
        """Speak replies (True) or keep the voice silent because a screen reader reads them."""
        self._speak_replies = speak
        if self.engine is not None:
            self.engine.speech.set_speaker(self._voice())

    def _voice(self):
        return self._speaker if self._speak_replies and self._speaker is not None else _Mute()

    # -- the microphone (worker thread: opening a device may take seconds) --------------
    @Slot(object)
    def open_microphone(self, spec_or_source) -> None:
        self._microphone = spec_or_source
        if self.engine is None:
            return   # opened once the engine exists (load() ends with it)
        if not self._listens:   # no speech detector: said once, as the reason there is no listening
            self.bus.emit(ListeningChanged(hands_free=False, microphone=False,
                                           note=self._no_listening.user_text()))
            return
        try:
            source = spec_or_source
            if isinstance(source, str):
                from .devices import make_audio_source

                source = make_audio_source(source, on_state=self._mic_state)
        except Exception as exc:  # noqa: BLE001
            self._error(exc, "device")
            self.engine.set_source(None)
            return
        self.engine.set_source(source)

    def _mic_state(self, state: str) -> None:
        note = ("The microphone stopped working. I will keep trying to reconnect."
                if state == "lost" else "The microphone is back.")
        self.bus.emit(ListeningChanged(hands_free=bool(self.engine and self.engine.hands_free),
                                       microphone=state != "lost", note=note))

    # -- instant commands (any thread) -----------------------------------------
    def _ready(self, question: str = "", turn_id: int | None = None):
        if self.engine is None:
            self.bus.emit(ErrorEvent(code="not_ready", stage="vision", message=NOT_READY))
            if turn_id is not None:
                self.bus.emit(TurnCancelled(question=question, reason="not_ready", turn_id=turn_id))
        return self.engine

    # The window takes the turn's id (next_turn_id) first, to show the question's row at once.
    def ask_text(self, text: str, frame, turn_id: int | None = None) -> None:
        if self._ready(text, turn_id):
            self.engine.ask_text(text, frame, turn_id=turn_id)

    def describe_now(self, frame, turn_id: int | None = None) -> None:
        if self._ready(DESCRIBE_QUESTION, turn_id):
            self.engine.describe_now(frame, turn_id=turn_id)

    def read_text_now(self, frame, turn_id: int | None = None) -> None:
        if self._ready(READ_TEXT_QUESTION, turn_id):
            self.engine.read_now(frame, turn_id=turn_id)

    def repeat(self) -> None:
        if self._ready():
            self.engine.repeat()

    def interrupt(self) -> None:
        """Stop speaking (and the answer being written) now."""
        if self.engine is not None:
            self.engine.stop_speaking()

    def push_to_talk(self, pressed: bool) -> None:
        if self.engine is not None:
            self.engine.push_to_talk(pressed)

    def set_hands_free(self, on: bool) -> None:
        if self.engine is not None:
            self.engine.set_hands_free(on)

    # -- recording (after the answer) ---------------------------------------------
    def _record(self, done: TurnCompleted) -> None:
        turn = StoredTurn(question=done.question, answer=done.answer, transcript=done.transcript,
                          engine=done.engine, image_id=done.image_id,
                          timings_ms=dict(done.timings_ms), thumbnail_jpeg=thumbnail_jpeg(done.image),
                          started_at=done.started_at, ended_at=time.time())
        if self._store is not None and self.config.ui.history:
            # The frame shows the user's home and mail: it reaches the disk only when they
            # turned thumbnails on; the chat pane shows it either way.
            keep = turn if self.config.ui.history_thumbnails else dataclasses.replace(
                turn, thumbnail_jpeg=None)
            try:
                turn = dataclasses.replace(turn, id=self._store.add(keep).id)
            except Exception as exc:  # a full disk must not cost the answer
                self._error(AssistantError(f"The chat history could not be saved ({exc}).",
                                           hint="Check the free disk space.", code="history_failed",
                                           stage="history"), "history")
        self.event.emit(TurnRecorded(turn=turn, turn_id=done.turn_id))

    # -- settings and history -------------------------------------------------
    @Slot(object)
    def reload_settings(self, config: AppConfig) -> None:
        """Save to the file the CLI reads, then apply: the factory reuses what did not change."""
        try:
            config_mod.save(config, self.paths.config_file)
        except Exception as exc:  # noqa: BLE001
            self._error(exc, "config")
        old, self.config = self.config, config
        engines_changed = (old.asr, old.vision, old.tts, old.remote, old.ui.speaker_device) != \
            (config.asr, config.vision, config.tts, config.remote, config.ui.speaker_device)
        if engines_changed and self.engine is not None:
            self._swap_engines()
        elif engines_changed:
            self._start_engine()
        if self.engine is not None and (old.ui.microphone != config.ui.microphone
                                        or old.ui.end_silence_s != config.ui.end_silence_s):
            self._restart_listening()
        self.bus.emit(Progress(stage="settings", message="Settings saved and applied."))

    def _swap_engines(self) -> None:
        with self.engine.held():   # between turns: no engine closed while a turn uses it
            vision, transcriber, speaker = self._engines(starting=False)
            assistant = self.engine.assistant
            if vision is not None:
                assistant.vision = vision
            assistant.transcriber = self.engine.transcriber = transcriber
            assistant.history_turns = self.config.vision.history_turns
            if speaker is not None:
                self._speaker = speaker
                self.engine.speech.set_speaker(self._voice())

    def _restart_listening(self) -> None:
        """A new microphone or end-of-turn silence: a fresh engine on the same models."""
        engine, self.engine = self.engine, None
        engine.close()
        self._start_engine()
        self.open_microphone(self.config.ui.microphone)

    @Slot(str)
    def export_history(self, path: str) -> None:
        from assistant.conversation.store import export

        try:
            if self._store is None:
                raise AssistantError("There is no chat history to export.", code="history_unavailable",
                                     stage="history")
            written = export(self._store, Path(path))
        except Exception as exc:  # noqa: BLE001
            self._error(exc, "history")
            return
        self.bus.emit(Progress(stage="history", message=f"History exported to {written}."))

    @Slot()
    def clear_history(self) -> None:
        self._context.clear()  # the follow-up context goes with the history it came from
        if self._store is not None:
            try:
                self._store.clear()
            except Exception as exc:  # noqa: BLE001
                self._error(exc, "history")
                return
        self.bus.emit(HistoryCleared())

    @Slot()
    def shutdown(self) -> None:
        try:
            if self.engine is not None:
                self.engine.close(timeout=2.0)      # stops the microphone too
            if self._factory is not None:
                self._factory.close()
            if self._store is not None:
                self._store.close()
        except Exception:  # closing must always reach finished
            log.exception("closing the engines failed")
        self.finished.emit()


class _Mute:
    """No voice at all (tts.engine = "none"): answers are shown, nothing is said."""

    name = "none"
    sample_rate = 22_050

    def chunks(self, text: str):
        return iter(())


def _segmenter(config: AppConfig):
    from assistant.voice.events import turn_timing

    return turn_timing(config.ui.end_silence_s)
