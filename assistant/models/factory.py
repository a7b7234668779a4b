"""Build engines from settings, importing each adapter only when it is chosen.

One instance per settings key is kept, so a long-running app (the window, ``listen``)
loads each model once; the CLI builds what one command needs.
"""
from __future__ import annotations

import threading
from typing import Callable

from ..config import AsrConfig, TtsConfig, VisionConfig
from ..events import ErrorEvent, Event
from ..paths import AppPaths
from .hub import locate_hf_model

EventSink = Callable[[Event], None]


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

    def blip2_folder(self, config: VisionConfig):
        return locate_hf_model(config.blip2_model, extra_roots=(self.paths.models_dir,))

    def vision(self, config: VisionConfig):
        """BLIP-2 when asked for or (on "auto") when its weights are here; else the embedded engine."""
        use_blip2 = config.engine == "blip2" or (config.engine == "auto" and self.blip2_folder(config))
        if use_blip2:
            def build_blip2():
                from ..vision.blip2 import Blip2Engine

                folder = self.blip2_folder(config)
                return Blip2Engine(str(folder) if folder else config.blip2_model, device=config.device,
                                   max_new_tokens=config.max_new_tokens, num_beams=config.num_beams,
                                   models_dir=self.paths.models_dir, on_event=self.on_event)

            return self._cached(("vision", "blip2", config), build_blip2)

        def build_embedded():
            from ..vision.embedded import EmbeddedEngine

            return EmbeddedEngine(ocr_min_score=config.ocr_min_score, on_event=self.on_event)

        return self._cached(("vision", "embedded", config.ocr_min_score), build_embedded)

    def speaker(self, config: TtsConfig):
        def build():
            from ..tts.factory import make_speaker

            player = None
            if config.play and config.engine != "none":
                from ..tts.playback import Player

                player = Player(on_error=self._report_error)
            return make_speaker(config, player=player)

        return self._cached(("tts", config), build)

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

