"""Build engines from settings, importing each adapter only when it is chosen.

One engine per role (speech recognition, vision, speech), kept while the settings that
decide what is loaded stay the same (``vision_key``, ``asr_key``, ``tts_key``: model,
device, dtype, quantisation...). A change of a run-time setting (temperature, history
length, speaking rate...) is applied to the kept engine through ``configure``, with no
reload. A change of a load-time setting closes the old engine first (its memory, GPU
included, is freed before the new model loads), then builds the new one, and says so with
a ``ModelUnloaded`` event. A long-running app (the window, ``listen``) so holds at most one
model per role; the CLI builds what one command needs. The factory's lock guards only its
table of engines: a build holds just its role's lock, so roles load side by side. Loading
and warming what was built is ``engines.conversation.prepare``'s job.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ..config import AsrConfig, RemoteConfig, TtsConfig, VisionConfig
from ..events import ErrorEvent, Event, ModelUnloaded
from ..models.choice import vision_kind, vlm_model_name
from ..models.hub import locate_hf_model
from ..paths import AppPaths

log = logging.getLogger(__name__)
EventSink = Callable[[Event], None]

BLIP_MAX_NEW_TOKENS = 30   # BLIP answers in a few words; more only repeats itself


def vision_key(kind: str, config: VisionConfig, model: str = "", caption: str = "") -> tuple:
    """What decides the loaded vision model; ``model``/``caption``: where its files are."""
    if kind == "embedded":
        return ("embedded", config.clip_model, config.ocr_min_score)
    if kind == "openai":   # the server's settings are added by the factory (``_remote_key``)
        return ("openai", config.clip_model, config.ocr_min_score, config.grounding)
    key: tuple = (kind, model or vlm_model_name(kind, config), config.device, config.dtype)
    if kind in ("blip2", "imagetext"):
        return (*key, config.quantize, config.blip2_cache_frames)
    if kind == "blip":
        return (*key, caption or config.blip_caption_model)
    return key


def vision_runtime(kind: str, config: VisionConfig) -> dict[str, Any]:
    """The run-time settings ``kind``'s engine takes (its constructor and ``configure``)."""
    if kind == "embedded":
        return {}
    settings: dict[str, Any] = dict(
        max_new_tokens=config.max_new_tokens, num_beams=config.num_beams,
        min_length=config.min_length, repetition_penalty=config.repetition_penalty,
        length_penalty=config.length_penalty, do_sample=config.do_sample,
        temperature=config.temperature)
    if kind == "blip":
        settings["max_new_tokens"] = min(config.max_new_tokens, BLIP_MAX_NEW_TOKENS)
    if kind in ("imagetext", "llava", "openai"):   # BLIP-2's turns are picked by the pipeline
        settings["history_turns"] = config.history_turns
    return settings


def asr_key(config: AsrConfig, remote: RemoteConfig | None = None) -> tuple:
    key = ("asr", config.model, config.device, config.compute_type, config.cpu_threads)
    return key if config.engine == "local" else (*key, config.engine, _remote_key(remote))


def tts_key(config: TtsConfig, device: int | str | None = None,
            remote: RemoteConfig | None = None) -> tuple:
    key = ("tts", config.engine, config.voice, config.play, device)
    return key if config.engine != "openai" else (*key, _remote_key(remote))


def _remote_key(remote: RemoteConfig | None) -> tuple:
    from ..remote import remote_key

    return remote_key(remote or RemoteConfig())


@dataclass
class _Slot:
    key: tuple
    engine: Any
    runtime: Any                 # the run-time settings last applied
    grounded: Any = None         # vision: the GroundedEngine around ``engine``
    grounded_score: float = -1.0  # ... and the OCR score its analyser was built with


class EngineFactory:
    def __init__(self, paths: AppPaths, *, on_event: EventSink | None = None,
                 remote: RemoteConfig | None = None) -> None:
        self.paths = paths
        self.on_event = on_event
        # The [remote] server for engines set to "openai"; each call may pass its own.
        self.remote = remote or RemoteConfig()
        self._slots: dict[str, _Slot] = {}
        self._lock = threading.RLock()          # the slot table only, never across a build
        self._role_locks: dict[str, threading.RLock] = {}

    @property
    def _cache(self) -> dict[str, Any]:
        """The engines held now, by role."""
        with self._lock:
            return {role: slot.engine for role, slot in self._slots.items()}

    def _engine(self, role: str, key: tuple, build: Callable[[], Any], runtime: Any,
                configure: Callable[[Any, Any], None]) -> _Slot:
        """The role's engine for ``key``: kept and reconfigured, or built in place of another.

        The factory's lock guards only the slot table; a build (a model load: seconds to
        minutes) holds just its role's lock, so a voice rebuilt for a new rate never waits
        for a vision model loading at the same time."""
        with self._role_lock(role):   # one build per role at a time
            with self._lock:
                slot = self._slots.get(role)
                replaced = self._slots.pop(role) if slot is not None and slot.key != key else None
            if slot is not None and replaced is None:
                if runtime != slot.runtime:
                    configure(slot.engine, runtime)
                    slot.runtime = runtime
                return slot
            if replaced is not None:
                # Closed before the new one is built, so the two never share the GPU. Nothing
                # uses it now: a front end changes engines between turns (``held()``).
                _close(replaced.engine)
                log.info("%s engine %s closed: the settings need another one", role,
                         replaced.engine.name)
                self._emit(ModelUnloaded(stage=role, model=replaced.engine.name))
            slot = _Slot(key, build(), runtime)
            with self._lock:
                self._slots[role] = slot
            return slot

    def _role_lock(self, role: str) -> threading.RLock:
        with self._lock:
            return self._role_locks.setdefault(role, threading.RLock())

    def transcriber(self, config: AsrConfig, remote: RemoteConfig | None = None):
        remote = remote or self.remote

        def local(settings: AsrConfig):
            from ..asr.whisper import FasterWhisperTranscriber

            return FasterWhisperTranscriber(settings, cache_dir=self.paths.cache_dir / "whisper-base",
                                            on_event=self.on_event)

        def build():
            if config.engine == "openai":
                from ..remote import build_transcriber

                return build_transcriber(config, remote, local, on_event=self.on_event,
                                         cache_dir=self.paths.cache_dir)
            return local(config)

        def configure(engine, new: AsrConfig) -> None:
            # The transcriber reads language, task, beam size... from its config at each call;
            # the fields that chose its models are the same (they are the key).
            engine.config = new

        return self._engine("asr", asr_key(config, remote), build, config, configure).engine

    def weights(self, model: str) -> Path | None:
        return locate_hf_model(model, (self.paths.models_dir,))

    def vision_kind(self, config: VisionConfig) -> str:
        """The engine ``config`` picks here: on "auto", the best one whose weights are present."""
        return vision_kind(config, self.paths)

    def vision(self, config: VisionConfig, remote: RemoteConfig | None = None):
        """The vision engine for ``config``: the kept one when only run-time settings changed."""
        kind = self.vision_kind(config)
        if kind == "openai":
            return self._remote_vision(config, remote or self.remote)
        model = caption = ""
        if kind != "embedded":
            model = self._where(vlm_model_name(kind, config))
        if kind == "blip":
            caption = self._where(config.blip_caption_model)
        runtime = vision_runtime(kind, config)
        slot = self._engine("vision", vision_key(kind, config, model, caption),
                            lambda: self._build_vision(kind, config, model, caption, runtime),
                            runtime, lambda engine, new: engine.configure(**new))
        if kind == "embedded" or not config.grounding:
            return slot.engine
        with self._role_lock("vision"):
            if slot.grounded is None or slot.grounded_score != config.ocr_min_score:
                from ..vision.grounding import GroundedEngine
                from ..vision.scene import SceneAnalyser

                # What OCR and the object detector measured goes into the VLM's prompt.
                slot.grounded = GroundedEngine(slot.engine, SceneAnalyser(
                    ocr_min_score=config.ocr_min_score, on_event=self.on_event))
                slot.grounded_score = config.ocr_min_score
            return slot.grounded

    def _remote_vision(self, config: VisionConfig, remote: RemoteConfig):
        """The server's model, with the embedded engine here measuring and standing in."""
        def build():
            from ..remote import build_vision

            embedded = self._build_vision("embedded", config, "", "", {})
            return build_vision(config, remote, embedded, on_event=self.on_event, runtime=runtime,
                                cache_dir=self.paths.cache_dir)

        runtime = vision_runtime("openai", config)
        key = (*vision_key("openai", config), _remote_key(remote))
        return self._engine("vision", key, build, runtime,
                            lambda engine, new: engine.configure(**new)).engine

    def _where(self, model: str) -> str:
        folder = self.weights(model)
        return str(folder) if folder else model   # the engine explains a missing model itself

    def _build_vision(self, kind: str, config: VisionConfig, model: str, caption: str,
                      runtime: dict[str, Any]):
        common = dict(device=config.device, dtype=config.dtype, models_dir=self.paths.models_dir,
                      on_event=self.on_event)
        if kind == "embedded":
            from ..vision.embedded import EmbeddedEngine

            return EmbeddedEngine(ocr_min_score=config.ocr_min_score, clip_model=config.clip_model,
                                  models_dir=self.paths.models_dir, on_event=self.on_event)
        if kind == "blip2":
            from ..vision.blip2 import Blip2Engine

            return Blip2Engine(model, quantize=config.quantize,
                               cache_frames=config.blip2_cache_frames, **common, **runtime)
        if kind == "imagetext":
            from ..vision.imagetext import ImageTextEngine

            return ImageTextEngine(model, quantize=config.quantize,
                                   cache_frames=config.blip2_cache_frames, **common, **runtime)
        if kind == "llava":
            from ..vision.llava import LlavaEngine

            return LlavaEngine(model, **common, **runtime)
        from ..vision.blip import BlipEngine

        return BlipEngine(model, caption, **common, **runtime)

    def speaker(self, config: TtsConfig, *, output_device: str = "",
                remote: RemoteConfig | None = None):
        """``output_device``: a sound output by name (substring) or index; "" for the default.

        Only the rate can change without a new speaker (``configure(rate=...)``).
        """
        device: int | str | None = None
        if output_device.strip():
            device = int(output_device) if output_device.strip().isdigit() else output_device.strip()

        remote = remote or self.remote

        def build():
            from ..tts.factory import make_speaker

            player = None
            if config.play and config.engine != "none":
                from ..tts.playback import Player

                player = Player(on_error=self._report_error, device=device)
            if config.engine == "openai":
                import dataclasses

                from ..remote import build_speaker
                from ..tts.playback import SilentPlayer

                player = player or SilentPlayer()
                here = dataclasses.replace(config, engine="auto")   # the voice behind the server
                return build_speaker(config, remote, player=player, on_event=self.on_event,
                                     local=lambda: make_speaker(here, player=player),
                                     cache_dir=self.paths.cache_dir)
            return make_speaker(config, player=player)

        return self._engine("tts", tts_key(config, device, remote), build, config.rate,
                            lambda engine, rate: engine.configure(rate=rate)).engine

    def _report_error(self, error) -> None:
        self._emit(ErrorEvent(code=error.code, message=error.user_text(), stage=error.stage))

    def _emit(self, event: Event) -> None:
        if self.on_event is not None:
            self.on_event(event)

    def close(self) -> None:
        """Close every engine held (each frees its memory); the factory can build again."""
        with self._lock:
            slots, self._slots = list(self._slots.values()), {}
        for slot in slots:
            _close(slot.engine)


def _close(engine: Any) -> None:
    try:
        engine.close()
    except Exception:  # noqa: BLE001 - one engine failing to close must not keep the others
        log.exception("closing %s failed", engine.name)
