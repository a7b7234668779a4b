"""Build engines from settings, importing each adapter only when it is chosen.

One instance per settings key is kept, so a long-running app (the window, ``listen``)
loads each model once; the CLI builds what one command needs.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from ..config import AsrConfig, TtsConfig, VisionConfig
from ..events import ErrorEvent, Event
from ..paths import AppPaths
from .hub import locate_hf_model

EventSink = Callable[[Event], None]

# Vision-language backends, best first: what "auto" tries before the embedded engine.
VLM_ORDER = ("blip2", "llava", "blip")


def vlm_model_name(kind: str, config: VisionConfig) -> str:
    return {"blip2": config.blip2_model, "llava": config.llava_model, "blip": config.blip_model}[kind]


class EngineFactory:
    def __init__(self, paths: AppPaths, *, on_event: EventSink | None = None) -> None:
        self.paths = paths
        self.on_event = on_event
        self._cache: dict[tuple, object] = {}
        self._lock = threading.Lock()

    def _cached(self, key: tuple, build: Callable[[], object]):
        with self._lock:
            if key not in self._cache:
                self._cache[key] = build()
            return self._cache[key]

    def transcriber(self, config: AsrConfig):
        def build():
            from ..asr.whisper import FasterWhisperTranscriber

            return FasterWhisperTranscriber(config, cache_dir=self.paths.cache_dir / "whisper-base",
                                            on_event=self.on_event)

        return self._cached(("asr", config), build)

    def weights(self, model: str) -> Path | None:
        return locate_hf_model(model, (self.paths.models_dir,))

    def vision_kind(self, config: VisionConfig) -> str:
        """The engine ``config`` picks here: on "auto", the best one whose weights are present."""
        if config.engine != "auto":
            return config.engine
        for kind in VLM_ORDER:
            if self.weights(vlm_model_name(kind, config)):
                return kind
        return "embedded"

    def vision(self, config: VisionConfig):
        kind = self.vision_kind(config)
        return self._cached(("vision", kind, config), lambda: self._grounded(kind, config))

    def _grounded(self, kind: str, config: VisionConfig):
        engine = self._build_vision(kind, config)
        if kind == "embedded" or not config.grounding:
            return engine
        from ..vision.grounding import GroundedEngine
        from ..vision.scene import SceneAnalyser

        # What OCR and the object detector measured goes into the VLM's prompt.
        return GroundedEngine(engine, SceneAnalyser(ocr_min_score=config.ocr_min_score,
                                                    on_event=self.on_event))

    def _build_vision(self, kind: str, config: VisionConfig):
        common = dict(device=config.device, models_dir=self.paths.models_dir, on_event=self.on_event)
        if kind == "embedded":
            from ..vision.embedded import EmbeddedEngine

            return EmbeddedEngine(ocr_min_score=config.ocr_min_score, clip_model=config.clip_model,
                                  models_dir=self.paths.models_dir, on_event=self.on_event)
        model = vlm_model_name(kind, config)
        folder = self.weights(model)
        name = str(folder) if folder else model  # the engine explains a missing model itself
        if kind == "blip2":
            from ..vision.blip2 import Blip2Engine

            return Blip2Engine(name, dtype=config.dtype, quantize=config.quantize,
                               max_new_tokens=config.max_new_tokens, num_beams=config.num_beams,
                               cache_frames=config.blip2_cache_frames, min_length=config.min_length,
                               repetition_penalty=config.repetition_penalty,
                               length_penalty=config.length_penalty, do_sample=config.do_sample,
                               temperature=config.temperature, **common)
        if kind == "llava":
            from ..vision.llava import LlavaEngine

            return LlavaEngine(name, dtype=config.dtype, max_new_tokens=config.max_new_tokens,
                               num_beams=config.num_beams, history_turns=config.history_turns, **common)
        from ..vision.blip import BlipEngine

        caption = self.weights(config.blip_caption_model)
        return BlipEngine(name, str(caption) if caption else config.blip_caption_model, dtype=config.dtype,
                          max_new_tokens=min(config.max_new_tokens, 30), num_beams=config.num_beams,
                          **common)

    def speaker(self, config: TtsConfig, *, output_device: str = ""):
        """``output_device``: a sound output by name (substring) or index; "" for the default."""
        device: int | str | None = None
        if output_device.strip():
            device = int(output_device) if output_device.strip().isdigit() else output_device.strip()

        def build():
            from ..tts.factory import make_speaker

            player = None
            if config.play and config.engine != "none":
                from ..tts.playback import Player

                player = Player(on_error=self._report_error, device=device)
            return make_speaker(config, player=player)

        return self._cached(("tts", config, device), build)

    def _report_error(self, error) -> None:
        if self.on_event is not None:
            self.on_event(ErrorEvent(code=error.code, message=error.user_text(), stage=error.stage))

    def close(self) -> None:
        with self._lock:
            engines, self._cache = list(self._cache.values()), {}
        for engine in engines:
            close = getattr(engine, "close", None)
            if callable(close):
                close()
