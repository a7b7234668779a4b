"""The bridge: the window's side of the one conversation engine, on its own QThread.

The worker builds the engines (with progress), runs the core ``ConversationEngine`` (the
same one ``assistant listen`` uses: hands-free, push-to-talk, barge-in, voice commands,
streamed answers), and records finished turns in the chat history after they were shown
and spoken. Only typed events cross to the UI, through one ``Signal(object)``. Commands
that must be instant (ask, stop, push-to-talk) go straight to the thread-safe engine; slow
ones (loading, settings, the microphone, history files) are queued slots on this thread.
"""
from __future__ import annotations

import dataclasses
import logging
import threading
import time
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal, Slot

from assistant.config import AppConfig
from assistant.conversation.sessions import MemorySessions
from assistant.conversation.store import (HistoryCleared, HistoryRestored, HistoryStore,
                                          StoredTurn, TurnRecorded)
from assistant.errors import AssistantError
from assistant.events import ErrorEvent, Event, EventBus, Progress
from assistant.health import HealthMonitor, SelfTestDone, audit_files
from assistant.engines.conversation import (LOADING, ROLES, Engines, build_conversation,
                                            build_engines, conversation_options, failure_event,
                                            load_keys, prepare)
from assistant.notices import ENGLISH_ONLY, NO_VISION_MODEL, console_words
from assistant.paths import AppPaths
from assistant.voice.engine import DESCRIBE_QUESTION, READ_TEXT_QUESTION
from assistant.voice.events import ListeningChanged, TurnCancelled, TurnCompleted

from . import settings_words, worker_settings
from .chat_rows import thumbnail_jpeg
from .translation import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

SESSION = "desktop"
READY = "startup"        # Progress.stage of the start-up; done == total means ready
NOT_READY = QT_TRANSLATE_NOOP("AssistantWorker",
                              "The assistant is still starting, so I cannot answer yet.")
WINDOW_MODEL_NOTE = QT_TRANSLATE_NOOP("AssistantWorker",
                                      "For fuller descriptions, choose a vision model in Settings.")


def error_event(exc: BaseException, stage: str) -> ErrorEvent:
    return failure_event(exc, stage)


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
        self.kiosk = False             # set before load(): visitors' turns, see _open_history
        self.engine = None             # the ConversationEngine, once the models are loaded
        self._store: HistoryStore | None = None
        # Follow-up context lives in memory: the disk keeps only the history the user chose.
        self._context = MemorySessions()
        self._microphone: Any = None
        self._listens, self._no_listening = True, None   # a speech detector loaded, or why not
        self._speaker: Any = None      # the loaded voice, kept while replies are announced
        self._speak_replies = True     # False: the screen reader announces them instead
        self._closing = threading.Event()  # set from the window's thread: stop loading models
        self._health: HealthMonitor | None = None   # the quick self-test, at start and daily

    def _forward(self, event: Event) -> None:
        if isinstance(event, TurnCompleted):
            self.event.emit(event)     # the answer first: shown (or announced) now
            self._record(event)        # after the answer was shown and handed to the voice
            return
        if isinstance(event, ListeningChanged) and not self._listens and not event.note \
                and self._no_listening is not None:
            # No speech detector: every "not listening" says why, whichever comes first (the
            # hands-free switch can overtake the microphone's opening on a busy machine).
            event = dataclasses.replace(event, microphone=False,
                                        note=self._no_listening.user_text())
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
        self.bus.emit(Progress(stage=READY, message=translate(
            "AssistantWorker", "Opening the chat history…"), done=0, total=steps))
        self._open_history()
        # Before loading: a rebuilt model is the one loaded.
        files = audit_files(self.config) if self.config.ui.selftest else None
        self._start_engine()
        if self._closing.is_set():
            return                     # closing while loading: the shutdown slot is next
        if self._microphone is not None:
            self.open_microphone(self._microphone)
        self.bus.emit(Progress(stage=READY, message=translate("AssistantWorker", "Ready."),
                               done=steps, total=steps))
        if self.engine is not None and self.config.ui.selftest:
            self._health = HealthMonitor(self.config, self._running, self._self_tested,
                                         hold=self.engine.held, files=files)
            self._health.start()

    def _running(self) -> Engines:
        return Engines(self.engine.assistant.vision, self.engine.transcriber, self._speaker)

    def _self_tested(self, done: SelfTestDone) -> None:
        """Shown (the window), and said once by the voice when the voice itself works."""
        self.bus.emit(done)
        if self.engine is not None and "voice" not in done.failed() and self._speak_replies:
            from .window_events import selftest_words

            self.engine.speech.say(selftest_words(done, self.kiosk))

    def _open_history(self) -> None:
        """A damaged history is repaired as it opens (said once); one that cannot be written
        is read where it can and shown, and this run keeps its turns in memory: the engines
        never wait on it. A kiosk's screen starts empty after any restart, crash or power
        cut; unless staff keep a record (``ui.kiosk_keep_history``), visitors' turns live in
        memory only (``worker_settings.open_history``)."""
        self._store, turns, problem = worker_settings.open_history(
            self.paths, kiosk=self.kiosk, keep=self.config.ui.kiosk_keep_history,
            show=self.config.ui.history, on_event=self.bus.emit)
        if problem and not self.kiosk:    # a visitor can do nothing about it: the log has it
            self.bus.emit(worker_settings.history_event(problem))
        self.bus.emit(HistoryRestored(turns=tuple(turns)))

    def _engines(self, *, starting: bool = True, keep: Engines | None = None) -> Engines:
        """The engines from the factory, loaded and warmed; each missing one is reported.

        ``keep``: the engines running now; the factory hands back those whose models the
        settings still want, and they are not loaded or warmed again."""
        def progress(role: str) -> None:
            self.bus.emit(Progress(stage=READY, message=LOADING[role],
                                   done=ROLES.index(role) + 1, total=4))

        # No voice at all (tts.engine "none"): answers are shown, nothing is said (``_Mute``).
        roles = ROLES if self.config.tts.engine != "none" else ROLES[:2]
        engines = build_engines(self._factory, self.config, roles=roles,
                                output_device=self.config.ui.speaker_device,
                                progress=progress if starting else None, on_error=self._error,
                                announce=self.bus.emit, keep=keep, stopped=self._closing.is_set)
        if starting and "tts" not in roles:
            progress("tts")
        return engines

    def _start_engine(self) -> None:
        wanted = self.config
        self.config, problem = worker_settings.usable_vision(wanted, self.paths, None)
        if problem and not self.kiosk:
            self.bus.emit(ErrorEvent(code="model_missing", stage="vision", message=problem))
        engines = self._engines()
        if engines.vision is None or self._closing.is_set():
            return
        self._speaker = engines.speaker
        built = build_conversation(self.config, engines, bus=self.bus, image=self._frame,
                                   options=conversation_options(self.config),
                                   sessions=self._context, session=SESSION, voice=self._voice(),
                                   speaker_for_rate=self._speaker_for_rate,
                                   word_notice=self._word_notice)
        self._listens, self._no_listening = built.listens, built.problem
        if built.listens and built.problem is not None:
            self._error(built.problem, "audio")
        self.engine = built.engine
        self.engine.start()

    def _word_notice(self, code: str) -> str:   # no console: Settings ("" in the kiosk)
        if code == ENGLISH_ONLY:   # for visitors too: why the answer is not in their language
            return console_words(code)
        if code != NO_VISION_MODEL or not self.model_note:
            return ""
        return translate("AssistantWorker", self.model_note)

    def _speaker_for_rate(self, rate: float):
        """The voice at ``rate``: the kept one, set to it, unless its engine cannot."""
        speaker = self._factory.speaker(dataclasses.replace(self.config.tts, rate=rate),
                                        output_device=self.config.ui.speaker_device)
        if speaker is not self._speaker:
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
        note = (translate("AssistantWorker",
                          "The microphone stopped working. I will keep trying to reconnect.")
                if state == "lost" else translate("AssistantWorker", "The microphone is back."))
        self.bus.emit(ListeningChanged(hands_free=bool(self.engine and self.engine.hands_free),
                                       microphone=state != "lost", note=note))

    # -- instant commands (any thread) -----------------------------------------
    def _ready(self, question: str = "", turn_id: int | None = None):
        if self.engine is None:
            self.bus.emit(ErrorEvent(code="not_ready", stage="vision",
                                     message=translate("AssistantWorker", NOT_READY)))
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

    def stop_loading(self) -> None:
        """The window is closing (staff's quit, SIGTERM): no further model is loaded. Called
        from the window's thread; the one being loaded finishes."""
        self._closing.set()

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
        if self._store is not None and (self.config.ui.history or self.kiosk):
            # The frame shows the user's home and mail: it reaches the disk only when they
            # turned thumbnails on; the chat pane shows it either way.
            keep = turn if self.config.ui.history_thumbnails else dataclasses.replace(
                turn, thumbnail_jpeg=None)
            try:
                turn = dataclasses.replace(turn, id=self._store.add(keep).id)
            except Exception as exc:  # a full disk must not cost the answer
                log.warning("a turn could not be added to the history", exc_info=exc)
                self.bus.emit(ErrorEvent(code="history_failed", stage="history", message=(
                    settings_words.turn_not_saved(exc, self.paths.data_dir))))
        self.event.emit(TurnRecorded(turn=turn, turn_id=done.turn_id))

    # -- settings and history -------------------------------------------------
    @Slot(object)
    def reload_settings(self, config: AppConfig) -> None:
        """Save to the file the CLI reads, then apply: new engines only where the settings
        need other models; everything else goes to the running conversation (no reload)."""
        not_saved = worker_settings.save(config, self.paths)
        # A chosen model that is not here is not loaded: the running vision engine answers.
        config, missing = worker_settings.usable_vision(config, self.paths, self.config)
        old, self.config = self.config, config
        engines_changed = _engine_settings(old) != _engine_settings(config)
        if self.engine is None:
            if engines_changed:
                self._start_engine()
                if self.engine is not None and self._microphone is not None:
                    self.open_microphone(self._microphone)
        else:
            if engines_changed:
                self._apply_engine_settings(old)
            changes = _conversation_changes(old, config)
            if changes:
                self.engine.configure(**changes)
            if old.ui.microphone != config.ui.microphone:
                self.open_microphone(config.ui.microphone)
        if not_saved or missing:   # one message; never "saved and applied" after it
            self.bus.emit(ErrorEvent(code="settings_not_saved" if not_saved else "model_missing",
                                     stage="settings", message=not_saved or missing))
        elif old.ui.language != config.ui.language:
            self.bus.emit(Progress(stage="settings", message=settings_words.language_changed()))
        else:
            self.bus.emit(Progress(stage="settings", message=settings_words.SAVED))

    def _apply_engine_settings(self, old: AppConfig) -> None:
        device = self.config.ui.speaker_device
        if load_keys(self._factory, old, old.ui.speaker_device) != \
                load_keys(self._factory, self.config, device):
            self._swap_engines()
            return
        # Run-time settings only (temperature, history length, ASR language...): the factory
        # hands them to the kept engines; the speaking rate goes through ``configure``.
        self._factory.remote = self.config.remote
        if old.vision != self.config.vision:
            self._factory.vision(self.config.vision)
        if old.asr != self.config.asr:
            self._factory.transcriber(self.config.asr)
        self.engine.assistant.history_turns = self.config.vision.history_turns

    def _swap_engines(self) -> None:
        running = Engines(self.engine.assistant.vision, self.engine.transcriber, self._speaker)
        with self.engine.held():   # between turns: no engine closed while a turn uses it
            engines = self._engines(starting=False, keep=running)
            assistant = self.engine.assistant
            if engines.vision is not None:
                assistant.vision = engines.vision
            assistant.transcriber = self.engine.transcriber = engines.transcriber
            assistant.history_turns = self.config.vision.history_turns
            if engines.speaker is not None:
                self._speaker = engines.speaker
                self.engine.speech.set_speaker(self._voice())

    @Slot(str)
    def export_history(self, path: str) -> None:
        from assistant.conversation.store import export

        try:
            if self._store is None:
                raise AssistantError(translate("AssistantWorker",
                                               "There is no chat history to export."),
                                     code="history_unavailable", stage="history")
            written = export(self._store, Path(path))
        except Exception as exc:  # noqa: BLE001
            self._error(exc, "history")
            return
        self.bus.emit(Progress(stage="history", message=translate(
            "AssistantWorker", "History exported to {file}.").format(file=written)))

    @Slot()
    def new_conversation(self) -> None:
        """The next question starts afresh: follow-up context forgotten, the history kept
        (the context is behind its own lock, so any thread may call this)."""
        self._context.clear()

    def clear_history(self) -> None:
        """The user's Clear history; in a kiosk, the purge at idle and at quit: the screen and
        the memory are emptied, a record staff chose to keep stays, set-aside copies too."""
        self._context.clear()  # the follow-up context goes with the history it came from
        if self.kiosk and self.config.ui.kiosk_keep_history:
            self.bus.emit(HistoryCleared())
            return
        if self._store is not None:
            try:
                self._store.clear(set_aside_too=not self.kiosk)
            except Exception as exc:  # noqa: BLE001
                self._error(exc, "history")
                return
        self.bus.emit(HistoryCleared())

    @Slot()
    def shutdown(self) -> None:
        try:
            if self._health is not None:
                self._health.stop()
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


_engine_settings = worker_settings.engine_settings
_conversation_changes = worker_settings.conversation_changes
