"""Which Whisper model serves a request, and whether CUDA can run it (asked in a child process).

Split from ``whisper.py``: the choice is pure; the CUDA probe runs the real model in a child
because a missing cuDNN/cuBLAS aborts the process instead of raising.
"""
from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..config import AsrConfig
from ..errors import ConfigError, ModelMissingError
from . import bundled


@dataclass(frozen=True)
class ModelChoice:
    name: str          # "tiny.en", "base" or the folder path the user gave
    english_only: bool
    detect: bool = False  # no language given: find it per stretch of speech (language.py)


def choose_model(config: AsrConfig, language: str | None, task: str) -> ModelChoice:
    """Which model serves this request first (pure; raises ConfigError for impossible asks)."""
    wanted = (config.model or "auto").strip()
    english = language is not None and language.lower().split("-")[0] == "en"
    detect = language is None and task == "transcribe"
    if wanted == "auto":
        if detect:  # English first; base where tiny.en is in doubt
            return ModelChoice(bundled.TINY_EN, True, detect=True)
        return ModelChoice(bundled.TINY_EN, True) if english and task == "transcribe" \
            else ModelChoice(bundled.BASE, False)
    if wanted == bundled.TINY_EN:
        if task == "translate" or (language is not None and not english):
            raise ConfigError("The tiny.en speech model only understands English and cannot translate.",
                              hint="Set asr.model to 'auto' or 'base' for other languages.")
        return ModelChoice(bundled.TINY_EN, True)
    if wanted == bundled.BASE:
        return ModelChoice(bundled.BASE, False, detect=detect)
    if Path(wanted).expanduser().is_dir():
        return ModelChoice(str(Path(wanted).expanduser()), False, detect=detect)
    raise ConfigError(f"asr.model '{wanted}' is neither 'auto', 'tiny.en', 'base' nor a model folder.",
                      hint="Give one of those names or the path of a CTranslate2 Whisper folder.")


_cuda_ok: dict[tuple[str, str], bool] = {}


def cuda_usable(folder: str | None = None, compute_type: str = "default") -> bool:
    """Whether CTranslate2 can run this model on CUDA here, asked in a child process.

    A missing cuDNN/cuBLAS makes CTranslate2 abort the whole process rather than raise, and
    a device count needs only the driver, not those libraries; so the child loads the model
    that will really run, at the compute type that will really be used, and decodes a second
    of silence. The answer is kept per (folder, compute type).
    """
    if folder is None:
        folder = str(bundled.tiny_en_path()) if _has_tiny() else ""
    key = (folder, compute_type)
    if key not in _cuda_ok:
        probe = ("import ctranslate2, sys; sys.exit(0 if ctranslate2.get_cuda_device_count() > 0 else 1)"
                 if not folder else
                 "import sys, numpy, faster_whisper;"
                 "w = faster_whisper.WhisperModel(sys.argv[1], device='cuda', compute_type=sys.argv[2]);"
                 "list(w.transcribe(numpy.zeros(16000, 'float32'), language='en', vad_filter=False)[0])")
        try:
            _cuda_ok[key] = subprocess.run([sys.executable, "-c", probe, folder, compute_type],
                                           capture_output=True, timeout=180).returncode == 0
        except (OSError, subprocess.SubprocessError):
            _cuda_ok[key] = False
    return _cuda_ok[key]


def cuda_failed(compute_type: str = "default") -> None:
    """Remember that CUDA failed for real at this compute type, whatever the probe said."""
    default = str(bundled.tiny_en_path()) if _has_tiny() else ""
    for key in {*_cuda_ok, (default, compute_type)}:
        if key[1] == compute_type:
            _cuda_ok[key] = False


def _detector(choice: ModelChoice) -> ModelChoice:
    """The multilingual model that checks languages for ``choice`` (itself unless English-only)."""
    return ModelChoice(bundled.BASE, False) if choice.english_only else choice


def _has_tiny() -> bool:
    try:
        bundled.tiny_en_path()
        return True
    except ModelMissingError:
        return False


def _needed(choice: ModelChoice) -> list[ModelChoice]:
    """Models a request may use: with detection, the multilingual checker too."""
    return [choice, _detector(choice)] if choice.detect and choice.english_only else [choice]
