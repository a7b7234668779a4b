"""What every Hugging Face vision backend needs: find weights on disk, pick device and dtype,
load under guard, generate under guard.

Nothing here imports torch or transformers at module import; each helper asks for them
(through ``require``) only when a model is actually loaded or run. Every ``from_pretrained``
passes ``hub_options()``: ``local_files_only=True`` unless the user allowed downloads
(``assistant.offline``). Candidates for a common module shared with ``blip2.py``
(device/dtype choice and the load guard are the same there).
"""
from __future__ import annotations

import contextlib
import gc
import logging
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from ..errors import DeviceError, ModelMissingError, VisionError, require
from ..events import Event, ModelLoaded, ModelLoading
from ..models.hub import locate_hf_model
from ..offline import hub_options  # noqa: F401 (every from_pretrained here passes it)

log = logging.getLogger(__name__)

DEVICES = ("auto", "cpu", "cuda")
DTYPES = ("auto", "float16", "bfloat16", "float32")
_WEIGHTS = ("*.safetensors", "*.bin", "*.safetensors.index.json", "*.bin.index.json")


def torch_module(purpose: str):
    return require("torch", package="torch", extra="vlm", purpose=purpose, stage="vision")


def transformers_module(purpose: str):
    return require("transformers", package="transformers", extra="vlm", purpose=purpose,
                   stage="vision")


def check_choice(value: str, allowed: Sequence[str], what: str) -> str:
    if value not in allowed:
        raise ValueError(f"{what} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def find_weights(model: str, models_dir: Path | None = None) -> Path | None:
    """The folder with ``config.json`` and weight files for ``model``, or None; never downloads.

    ``model`` is a folder, a name under ``models_dir`` (``org/name`` or ``org--name``), or a
    Hugging Face name whose snapshot is in the local cache.
    """
    roots = (models_dir,) if models_dir is not None else ()
    folder = locate_hf_model(model, roots)
    if folder is None and models_dir is not None:
        # A user who copied only the last part of the name ("blip-vqa-base") is also served.
        folder = locate_hf_model(str(models_dir / model.split("/")[-1]))
    if folder is None:
        return None
    # locate_hf_model trusts config.json in a plain folder; a half-copied folder has no weights.
    has_weights = any(next(folder.glob(pattern), None) is not None for pattern in _WEIGHTS)
    return folder if has_weights else None


def missing_weights(kind: str, model: str, *, default: str, size: str,
                    setting: str) -> ModelMissingError:
    """The plain-words error shown when a backend's weights are not on this computer."""
    looks_like_folder = model.startswith(("/", ".", "~")) or "\\" in model
    where = f"at {model}" if looks_like_folder else f"'{model}' on this computer"
    hub_name = default if looks_like_folder else model
    from ..models.vlm_names import fetch_hint

    hint = fetch_hint(hub_name, setting)
    return ModelMissingError(
        f"The {kind} vision model is not installed: no weights {where}.",
        hint=f"{hint[0].upper()}{hint[1:]} (about {size}).", stage="vision")


def resolve_device(wanted: str, purpose: str) -> str:
    """'cuda' or 'cpu'; asking for CUDA where there is none is the user's setting to fix."""
    if wanted == "cpu":
        return "cpu"
    has_cuda = torch_module(purpose).cuda.is_available()
    if wanted == "cuda" and not has_cuda:
        raise DeviceError(f"The {purpose} was set to run on a graphics card (CUDA), "
                          "but none is available.",
                          hint="Set vision.device = \"auto\" or \"cpu\".", stage="vision")
    return "cuda" if has_cuda else "cpu"


def choose_dtype(device: str, wanted: str, purpose: str):
    """Half precision on a GPU (half the memory, faster); fp32 on a CPU (fp16 there is slow).

    "auto" on CUDA is fp16, what the model cards use; bf16 when asked and the card supports it.
    """
    torch = torch_module(purpose)
    if device == "cpu":
        return torch.float32
    if wanted == "bfloat16" and not bf16_native(torch):
        log.warning("this GPU has no bfloat16; using float16 for the %s", purpose)
        return torch.float16
    return {"auto": torch.float16, "float16": torch.float16, "bfloat16": torch.bfloat16,
            "float32": torch.float32}[wanted]


def cuda_ooms(torch) -> int:
    """How many times PyTorch's CUDA allocator has run out of memory in this process."""
    try:
        return int(torch.cuda.memory_stats().get("num_ooms", 0)) if torch.cuda.is_available() else 0
    except (RuntimeError, AttributeError):
        return 0


def bf16_native(torch) -> bool:
    """bfloat16 in hardware (Ampere and later); older cards only emulate it, slowly."""
    try:
        return bool(torch.cuda.is_bf16_supported(including_emulation=False))
    except TypeError:   # torch before 2.3 had no emulation flag and did not count it
        return bool(torch.cuda.is_bf16_supported())


def load_guarded(purpose: str, folder: Path, load: Callable[[], Any]) -> Any:
    """Run ``load``; out-of-memory and damaged folders become plain-words errors.

    transformers wraps errors raised while quantising weights in a plain RuntimeError with
    no cause, so an out-of-memory there is recognised by the allocator's own count.
    """
    torch = torch_module(purpose)
    ooms_before = cuda_ooms(torch)
    try:
        return load()
    except torch.cuda.OutOfMemoryError as exc:
        raise VisionError(f"The graphics card has too little free memory for the {purpose}.",
                          hint="Close other programs that use the GPU, or set "
                               "vision.device = \"cpu\".",
                          code="vision_out_of_memory") from exc
    except MemoryError as exc:
        raise VisionError(f"The computer has too little free memory for the {purpose}.",
                          hint="Close other programs, or choose a smaller model.",
                          code="vision_out_of_memory") from exc
    except Exception as exc:
        if cuda_ooms(torch) > ooms_before:
            raise VisionError(f"The graphics card has too little free memory for the {purpose}.",
                              hint="Close other programs that use the GPU, or set "
                                   "vision.device = \"cpu\".",
                              code="vision_out_of_memory") from exc
        # safetensors, tokenizers and config parsing each raise their own types; on a folder
        # find_weights() found complete, any of them means a bad or mismatched copy.
        log.exception("loading the %s from %s failed", purpose, folder)
        raise ModelMissingError(
            f"The {purpose} in {folder} is incomplete or damaged and could not be loaded.",
            hint="Download it again, or point the setting at a complete copy.",
            code="model_broken", stage="vision") from exc


@contextlib.contextmanager
def running_guarded(purpose: str) -> Iterator[None]:
    """Out-of-memory while looking at a picture is a message, not a crash."""
    torch = torch_module(purpose)
    try:
        with torch.inference_mode():
            yield
    except torch.cuda.OutOfMemoryError as exc:
        raise VisionError("The graphics card ran out of memory while looking at the picture.",
                          hint="Close other programs that use the GPU, or set "
                               "vision.device = \"cpu\".",
                          code="vision_out_of_memory") from exc
    except MemoryError as exc:
        raise VisionError("The computer ran out of memory while looking at the picture.",
                          hint="Close other programs and try again.",
                          code="vision_out_of_memory") from exc


def release_memory() -> None:
    """Collect dropped models now and hand cached GPU memory back (after ``close``)."""
    gc.collect()
    torch = sys.modules.get("torch")   # never imported just to free nothing
    if torch is not None and torch.cuda.is_available():
        torch.cuda.empty_cache()


def new_tokens(output, prompt_ids):
    """generate() returns prompt + answer for decoder-only models; keep only the answer."""
    n = prompt_ids.shape[0]
    if output.shape[0] >= n and bool((output[:n] == prompt_ids.to(output.device)).all()):
        return output[n:]
    return output


def clean(text: str) -> str:
    return " ".join(text.split())


class LazyModel:
    """Loads once, on first use, from whichever thread asks first; reports load events."""

    def __init__(self, model: str, on_event: Callable[[Event], None] | None) -> None:
        self._model_name = model
        self._on_event = on_event or (lambda event: None)
        self._lock = threading.Lock()
        self._loaded: Any = None

    @property
    def loaded(self) -> Any:
        return self._loaded

    def get(self, load: Callable[[Callable[[], None]], tuple[Any, str]]) -> Any:
        """``load(announce)`` returns (parts, device) and calls ``announce()`` once the weights
        are found, so a missing model never shows as "loading"; parts are cached."""
        with self._lock:
            if self._loaded is None:
                start = time.perf_counter()

                def announce() -> None:
                    nonlocal start
                    self._on_event(ModelLoading(stage="vision", model=self._model_name))
                    start = time.perf_counter()

                parts, device = load(announce)
                self._on_event(ModelLoaded(stage="vision", model=self._model_name, device=device,
                                           elapsed_ms=(time.perf_counter() - start) * 1000))
                self._loaded = parts
            return self._loaded

    def forget(self) -> None:
        """Drop the loaded parts (after running out of memory) so the next get() loads again."""
        with self._lock:
            self._loaded = None
