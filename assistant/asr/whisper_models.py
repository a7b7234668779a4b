"""The Whisper models of one transcriber: found, loaded on first use, kept, and on which device.

One ``WhisperModel`` per (folder, device, compute type). The device is resolved once: CUDA
only when a child process could run the real model on it (``whisper_choice.cuda_usable``),
and a CUDA load that fails anyway falls back to the CPU unless the GPU was required. The
joined Whisper base that fails to load is rebuilt once. Split from ``whisper.py``, which
decides what to decode with which model.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path
from typing import Callable

from ..config import AsrConfig
from ..errors import DeviceError, ModelMissingError, require
from ..events import Event, ModelLoaded, ModelLoading, Progress
from . import bundled
from .whisper_choice import ModelChoice, cuda_failed, cuda_usable

log = logging.getLogger(__name__)

STAGE = "asr"
# faster-whisper decodes again by sampling (temperature 0.2 and up) when its first pass is
# unsure; CTranslate2 seeds each of its threads' generators from the system's entropy unless a
# seed is set first, so the same recording gave a different text on each run.
SAMPLING_SEED = 20240601


class WhisperModels:
    """Loaded models by (folder, device, compute type); ``config`` gives the current settings."""

    def __init__(self, config: Callable[[], AsrConfig], cache_dir: Path | None,
                 emit: Callable[[Event], None]) -> None:
        self._config = config
        self._cache_dir = cache_dir  # None: the app cache (resolved only if base is needed)
        self._emit = emit
        self._loaded: dict[tuple[str, str, str], object] = {}
        self._lock = threading.Lock()
        self._device: str | None = None

    @property
    def device(self) -> str:
        if self._device is None:
            self._device = self._resolve_device()
        return self._device

    def clear(self) -> None:
        with self._lock:
            self._loaded.clear()

    def _resolve_device(self) -> str:
        wanted = self._config().device
        if wanted == "cpu":
            return "cpu"
        own = Path(self._config().model).expanduser()
        folder = str(own) if self._config().model not in ("auto", "") and own.is_dir() else None
        if cuda_usable(folder, self._config().compute_type):
            return "cuda"
        if wanted == "cuda":
            raise DeviceError("Speech recognition was set to run on the GPU, but CUDA is not usable here.",
                              hint="Set asr.device to 'cpu' or 'auto', or install the CUDA and cuDNN libraries.",
                              stage=STAGE)
        return "cpu"

    def _folder(self, choice: ModelChoice) -> Path:
        if choice.name == bundled.TINY_EN:
            return bundled.tiny_en_path()
        if choice.name == bundled.BASE:
            return bundled.base_path(self._cache_dir, on_progress=self._progress)
        return Path(choice.name)

    def _progress(self, message: str, done: int, total: int) -> None:
        self._emit(Progress(stage=STAGE, message=message, done=done, total=total))

    def loaded(self, choice: ModelChoice):
        """The model for ``choice`` if it is loaded already, else None (never loads)."""
        with self._lock:
            folder = bundled.tiny_en_path() if choice.name == bundled.TINY_EN else None
            if folder is None:
                return None    # only the bundled English model serves quick partial transcripts
            for (where, _device, _compute), model in self._loaded.items():
                if where == str(folder):
                    return model
        return None

    def get(self, choice: ModelChoice):
        device = self.device
        compute_type = self._config().compute_type
        with self._lock:  # one load at a time; two threads never build the same model twice
            folder = self._folder(choice)
            key = (str(folder), device, compute_type)
            model = self._loaded.get(key)
            if model is None:
                model = self._load(choice, folder, device, compute_type)
                # Filed under the device it really loaded on (a CUDA failure falls back).
                self._loaded[(str(folder), self._device or device, compute_type)] = model
            return model

    def _load(self, choice: ModelChoice, folder: Path, device: str, compute_type: str):
        fw = require("faster_whisper", package="faster-whisper", extra="asr",
                     purpose="speech recognition", stage=STAGE)
        self._emit(ModelLoading(stage=STAGE, model=choice.name))
        started = time.perf_counter()
        threads = self._config().cpu_threads or os.cpu_count() or 1
        import ctranslate2   # faster-whisper's own engine: there whenever faster-whisper is

        ctranslate2.set_random_seed(SAMPLING_SEED)
        try:
            model = fw.WhisperModel(str(folder), device=device, compute_type=compute_type, cpu_threads=threads)
        except (RuntimeError, ValueError, OSError) as exc:
            if device == "cuda":
                # The CUDA libraries, not the model: with device "auto", go on on the CPU.
                cuda_failed(compute_type=compute_type)
                if self._config().device == "cuda":
                    raise DeviceError(f"Speech recognition could not start on the GPU ({exc}).",
                                      hint="Set asr.device to 'cpu' or 'auto', or install the CUDA "
                                           "and cuDNN libraries CTranslate2 needs.",
                                      stage=STAGE) from exc
                log.warning("Whisper failed on CUDA (%s); using the CPU", exc)
                self._device = "cpu"
                return self._load(choice, folder, "cpu", compute_type)
            if choice.name != bundled.BASE:
                raise ModelMissingError(f"The speech model in {folder} could not be loaded ({exc}).",
                                        hint="Check that the folder holds a CTranslate2 Whisper model.",
                                        stage=STAGE) from exc
            # The joined copy may be damaged in a way sizes miss: rebuild once, then retry.
            log.warning("Whisper base failed to load (%s); rebuilding it", exc)
            folder = bundled.base_path(self._cache_dir, on_progress=self._progress, force=True)
            model = fw.WhisperModel(str(folder), device=device, compute_type=compute_type, cpu_threads=threads)
        elapsed_ms = (time.perf_counter() - started) * 1000
        self._emit(ModelLoaded(stage=STAGE, model=choice.name, device=device, elapsed_ms=elapsed_ms))
        return model
