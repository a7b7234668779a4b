"""The bridge: the assistant pipeline runs in a worker QObject on its own QThread.

Only typed events (``assistant.events`` dataclasses and the history events of
``assistant.conversation.store``) cross to the UI, through one ``Signal(object)``.
Commands go the other way through queued signals. Models load, answer, speak
and write the history here, so the UI thread only paints.
"""
from __future__ import annotations

import io
import logging
import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from assistant import config as config_mod
from assistant.asr import TranscribeOptions
from assistant.config import AppConfig
from assistant.conversation.sessions import MemorySessions
from assistant.conversation.store import (HistoryCleared, HistoryRestored, HistoryStore,
                                          StoredTurn, TurnRecorded)
from assistant.errors import AssistantError
from assistant.events import (ErrorEvent, Event, EventBus, ModelLoaded, Progress,
                              SpeakingFinished, SpeakingStarted)
from assistant.paths import AppPaths

log = logging.getLogger(__name__)

DESCRIBE_QUESTION = "Describe what is in front of me."
READ_TEXT_QUESTION = "Read the text."
SESSION = "desktop"
READY = "startup"        # Progress.stage of the start-up; done == total means ready
THUMB_SIDE = 160


def error_event(exc: BaseException, stage: str) -> ErrorEvent:
    if isinstance(exc, AssistantError):
        return ErrorEvent(code=exc.code, message=exc.user_text(), stage=exc.stage or stage)
    return ErrorEvent(code="internal", stage=stage,
                      message="Something went wrong here; the details are in the log. "
                              "The assistant keeps running.")


def thumbnail_jpeg(frame) -> bytes | None:
    from PIL import Image

    try:
        image = Image.fromarray(frame.image)
        image.thumbnail((THUMB_SIDE, THUMB_SIDE))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=80)
        return out.getvalue()
    except Exception:  # a thumbnail is a nicety; the turn still counts
        log.debug("thumbnail failed", exc_info=True)
        return None


class AssistantWorker(QObject):
    """Lives on the worker thread; every slot runs there."""

    event = Signal(object)
    finished = Signal()

    def __init__(self, config: AppConfig, paths: AppPaths, *, factory=None) -> None:
        super().__init__()
        self.config = config
        self.paths = paths
        self.bus = EventBus()
        self.bus.subscribe(self._forward)
        self._factory = factory
        self._assistant = None
        self._speaker = None
        self._store: HistoryStore | None = None
        # Follow-up context lives in memory: the disk keeps only the history the user chose.
        self._context = MemorySessions()
        self._latest = 0            # newest request id; set from the UI thread (an atomic int write)
        self._errors_sent = 0
        self._last_answer = ""
        self._said_no_sound = False

    def _forward(self, event: Event) -> None:
        if isinstance(event, ErrorEvent):
            self._errors_sent += 1
        self.event.emit(event)

    def _error(self, exc: BaseException, stage: str) -> None:
        if not isinstance(exc, AssistantError):
            log.error("unexpected failure in %s", stage, exc_info=exc)
        self.bus.emit(error_event(exc, stage))

    # -- start-up -------------------------------------------------------------
    @Slot()
    def load(self) -> None:
        """Open the history and load the models, reporting each step."""
        from assistant.models.factory import EngineFactory

        if self._factory is None:
            self._factory = EngineFactory(self.paths, on_event=self.bus.emit)
        steps = 4
        self.bus.emit(Progress(stage=READY, message="Opening the chat history…", done=0, total=steps))
        self._open_history()
        self.bus.emit(Progress(stage=READY, message="Loading the vision engine…", done=1, total=steps))
        self._build_engines()
        self.bus.emit(Progress(stage=READY, message="Ready.", done=steps, total=steps))

    def _open_history(self) -> None:
        try:
            self._store = HistoryStore.in_folder(self.paths.data_dir)
            turns = self._store.turns(limit=200) if self.config.ui.history else []
            self.bus.emit(HistoryRestored(turns=tuple(turns)))
        except AssistantError as exc:
            self._store = None
            self._error(exc, "history")

    def _build_engines(self) -> None:
        from assistant.pipeline import Assistant

        factory, cfg = self._factory, self.config
        vision = transcriber = speaker = None
        try:
            vision = factory.vision(cfg.vision)
            _load(vision)
        except Exception as exc:
            self._error(exc, "vision")
            vision = None
        self.bus.emit(Progress(stage=READY, message="Loading speech recognition…", done=2, total=4))
        try:
            transcriber = factory.transcriber(cfg.asr)
            load = getattr(transcriber, "load", None)
            if callable(load):
                load(language=cfg.asr.language, task=cfg.asr.task)
        except Exception as exc:
            self._error(exc, "asr")
            transcriber = None
        self.bus.emit(Progress(stage=READY, message="Loading the voice…", done=3, total=4))
        if cfg.tts.engine != "none":
            try:
                speaker = factory.speaker(cfg.tts, output_device=cfg.ui.speaker_device)
                _load(speaker)
            except Exception as exc:
                self._error(exc, "tts")
                speaker = None
        self._speaker = speaker
        for stage, engine in (("vision", vision), ("asr", transcriber), ("tts", speaker)):
            if engine is not None:
                self.bus.emit(ModelLoaded(stage=stage, model=str(getattr(engine, "name", stage)),
                                          device=str(getattr(engine, "device", "cpu")), elapsed_ms=0.0))
        self._assistant = None if vision is None else Assistant(
            vision=vision, transcriber=transcriber, speaker=speaker, bus=self.bus,
            history_turns=cfg.vision.history_turns, sessions=self._context)

    # -- questions ------------------------------------------------------------
    @Slot(int, str, object)
    def ask_text(self, request_id: int, text: str, frame: object) -> None:
        self._ask(request_id, frame, text=text)

    @Slot(int, object, object)
    def ask_audio(self, request_id: int, audio: object, frame: object) -> None:
        self._ask(request_id, frame, audio=audio)

    def _ask(self, request_id: int, frame, *, text: str | None = None, audio=None) -> None:
        if request_id < self._latest:
            return  # a newer question was asked meanwhile: latest request wins
        self.interrupt()
        if self._assistant is None:
            self.bus.emit(ErrorEvent(code="vision_unavailable", stage="vision",
                                     message="The vision engine is not ready, so I cannot answer yet."))
            return
        if frame is None:
            self.bus.emit(ErrorEvent(code="no_frame", stage="device",
                                     message="There is no camera picture yet. Check the camera "
                                             "in the settings, then ask again."))
            return
        from PIL import Image

        started = time.time()
        errors_before = self._errors_sent
        cfg = self.config
        try:
            result = self._assistant.ask(
                Image.fromarray(frame.image), text=text, audio=audio,
                asr_options=TranscribeOptions(language=cfg.asr.language, task=cfg.asr.task,
                                              initial_prompt=cfg.asr.initial_prompt),
                session=SESSION, synthesize=self._speaker is not None)
        except Exception as exc:  # noqa: BLE001 - every failure becomes words, the app goes on
            if self._errors_sent == errors_before:
                self._error(exc, "assistant")
            return
        turn = StoredTurn(question=result.question, answer=result.answer,
                          transcript=result.transcript, engine=result.engines.get("vision", ""),
                          image_id=result.image_id, timings_ms=dict(result.timings_ms),
                          thumbnail_jpeg=thumbnail_jpeg(frame), started_at=started,
                          ended_at=time.time())
        turn = self._record(turn)
        self.bus.emit(TurnRecorded(turn=turn))
        self._last_answer = result.answer
        if result.speech is not None:
            self._play(result.answer, result.speech)

    def _record(self, turn: StoredTurn) -> StoredTurn:
        if self._store is None or not self.config.ui.history:
            return turn
        try:
            return self._store.add(turn)
        except Exception as exc:  # a full disk must not cost the answer
            self._error(AssistantError(f"The chat history could not be saved ({exc}).",
                                       hint="Check the free disk space.", code="history_failed",
                                       stage="history"), "history")
            return turn

    # -- speech ---------------------------------------------------------------
    def _play(self, text: str, speech) -> None:
        player = getattr(self._speaker, "player", None)
        self.bus.emit(SpeakingStarted(text=text))
        if player is None or not player.play(speech):
            if self.config.tts.play and not self._said_no_sound:
                self._said_no_sound = True
                self.bus.emit(ErrorEvent(code="no_audio_output", stage="tts",
                                         message="No sound output was found, so answers are "
                                                 "shown here but not played aloud."))
            self.bus.emit(SpeakingFinished(interrupted=False))
            return
        # Playback runs on PortAudio's thread; a small waiter reports its end so this
        # worker stays free for the next command (stop, a new question).
        threading.Thread(target=self._wait_playback, args=(player,), name="speech-wait",
                         daemon=True).start()

    def _wait_playback(self, player) -> None:
        played = player.wait()
        self.bus.emit(SpeakingFinished(interrupted=not played))

    def interrupt(self) -> None:
        """Stop speaking now; thread-safe, so the UI may call it directly."""
        speaker = self._speaker
        if speaker is not None:
            try:
                speaker.stop()
            except Exception:
                log.debug("stopping speech failed", exc_info=True)

    @Slot()
    def stop_speaking(self) -> None:
        self.interrupt()

    @Slot()
    def repeat(self) -> None:
        if not self._last_answer:
            self.bus.emit(ErrorEvent(code="nothing_to_repeat", stage="tts",
                                     message="There is no answer to repeat yet."))
            return
        if self._speaker is None:
            return
        self.interrupt()
        try:
            self._play(self._last_answer, self._speaker.synthesize(self._last_answer))
        except Exception as exc:  # noqa: BLE001
            self._error(exc, "tts")

    # -- settings and history -------------------------------------------------
    @Slot(object)
    def reload_settings(self, config: AppConfig) -> None:
        """Save to the file the CLI reads, then rebuild what changed (the factory caches the rest)."""
        try:
            config_mod.save(config, self.paths.config_file)
        except Exception as exc:  # noqa: BLE001
            self._error(exc, "config")
        old, self.config = self.config, config
        engines_changed = (old.asr, old.vision, old.tts) != (config.asr, config.vision, config.tts)
        if engines_changed:
            self.interrupt()
            self._build_engines()
        if engines_changed or old.ui.history != config.ui.history or old.ui.camera != config.ui.camera:
            self.bus.emit(Progress(stage="settings", message="Settings saved and applied."))

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
        self.interrupt()
        try:
            if self._factory is not None:
                self._factory.close()
            if self._store is not None:
                self._store.close()
        except Exception:  # closing must always reach finished
            log.exception("closing the engines failed")
        self.finished.emit()


def _load(engine) -> None:
    load = getattr(engine, "load", None)
    if callable(load):
        load()
