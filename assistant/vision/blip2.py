"""BLIP-2 (Salesforce/blip2-*) visual question answering through Hugging Face transformers.

The model is found without any network: a local folder, a folder of that name in
the assistant's models folder, or a complete snapshot in the Hugging Face cache.
torch and transformers are imported only when the model is loaded.
"""
from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from ..conversation.prompt import blip2_prompt
from ..errors import DeviceError, ModelMissingError, VisionError, require
from ..events import Event, ModelLoaded, ModelLoading
from ..models.hub import locate_hf_model
from . import VisionAnswer

if TYPE_CHECKING:
    from PIL import Image

    from ..conversation.history import Turn

log = logging.getLogger(__name__)

DEFAULT_MODEL = "Salesforce/blip2-opt-2.7b"
NO_ANSWER = "I could not make out an answer from the picture."


def locate(model: str = DEFAULT_MODEL, *, models_dir: Path | None = None,
           hf_cache: Path | None = None) -> Path | None:
    """The folder holding a complete copy of ``model``, or None; never downloads."""
    roots = (models_dir,) if models_dir is not None else ()
    return locate_hf_model(model, roots, hf_cache=hf_cache)


def is_available(model: str = DEFAULT_MODEL, *, models_dir: Path | None = None,
                 hf_cache: Path | None = None) -> bool:
    return locate(model, models_dir=models_dir, hf_cache=hf_cache) is not None


def missing_model_error(model: str) -> ModelMissingError:
    """The error (and the how-to) shown wherever the BLIP-2 weights are absent."""
    looks_like_folder = model.startswith(("/", ".", "~")) or "\\" in model
    where = f"at {model}" if looks_like_folder else f"'{model}' on this computer"
    hub_name = DEFAULT_MODEL if looks_like_folder else model
    return ModelMissingError(
        f"The full vision model is not installed: no BLIP-2 weights {where}.",
        hint=(f"On a computer with internet run: huggingface-cli download {hub_name} "
              f"(about 15 GB), then copy the folder here and set vision.blip2_model = "
              f"\"/path/to/folder\" in the config file."),
        stage="vision")


class Blip2Engine:
    """VisionEngine on BLIP-2: the prompt carries earlier turns about the same picture."""

    def __init__(self, model: str = DEFAULT_MODEL, *, device: str = "auto",
                 max_new_tokens: int = 40, num_beams: int = 1,
                 models_dir: Path | None = None, hf_cache: Path | None = None,
                 on_event: Callable[[Event], None] | None = None) -> None:
        if device not in ("auto", "cpu", "cuda"):
            raise ValueError(f"device must be auto, cpu or cuda, not {device!r}")
        if not 1 <= max_new_tokens <= 512 or not 1 <= num_beams <= 8:
            raise ValueError("max_new_tokens must be 1..512 and num_beams 1..8")
        self._model_name = model
        self._wanted_device = device
        self._max_new_tokens = max_new_tokens
        self._num_beams = num_beams
        self._models_dir = models_dir
        self._hf_cache = hf_cache
        self._on_event = on_event or (lambda event: None)
        self._lock = threading.Lock()
        self._loaded: tuple | None = None   # (processor, model, device, dtype)

    @property
    def name(self) -> str:
        return f"blip2:{self._model_name}"

    @property
    def device(self) -> str:
        return self._loaded[2] if self._loaded else self._resolve_device()

    def load(self) -> None:
        """Load now (the first answer otherwise does it); safe to call twice."""
        self._ensure_loaded()

    def answer(self, image: "Image.Image", question: str,
               history: Sequence["Turn"] = ()) -> VisionAnswer:
        processor, model, device, dtype = self._ensure_loaded()
        torch = require("torch", package="torch", extra="vision", purpose="BLIP-2 vision model",
                        stage="vision")
        prompt = blip2_prompt(question, history)
        start = time.perf_counter()
        try:
            inputs = processor(images=image.convert("RGB"), text=prompt, return_tensors="pt")
            inputs = inputs.to(device, dtype)   # casts only the float tensors (pixels)
            with torch.inference_mode():
                output = model.generate(**inputs, max_new_tokens=self._max_new_tokens,
                                        num_beams=self._num_beams, do_sample=False)
        except torch.cuda.OutOfMemoryError as exc:
            raise VisionError(
                "The graphics card ran out of memory while looking at the picture.",
                hint="Close other programs that use the GPU, or set vision.device = \"cpu\".",
                code="vision_out_of_memory") from exc
        except MemoryError as exc:
            raise VisionError("The computer ran out of memory while looking at the picture.",
                              hint="Close other programs and try again.",
                              code="vision_out_of_memory") from exc
        prompt_ids = inputs["input_ids"][0]
        new_tokens = _new_tokens(output[0], prompt_ids)
        text = processor.tokenizer.decode(new_tokens, skip_special_tokens=True)
        return VisionAnswer(
            text=_tidy(text), engine=self.name, device=device,
            # image_tokens 0 would mean the picture never reached the language model.
            details={"prompt": prompt, "new_tokens": int(len(new_tokens)),
                     "image_tokens": int((prompt_ids == model.config.image_token_index).sum()),
                     "elapsed_ms": round((time.perf_counter() - start) * 1000, 1)})

    def _resolve_device(self) -> str:
        if self._wanted_device == "cpu":
            return "cpu"
        torch = require("torch", package="torch", extra="vision", purpose="BLIP-2 vision model",
                        stage="vision")
        has_cuda = torch.cuda.is_available()
        if self._wanted_device == "cuda" and not has_cuda:
            raise DeviceError("The vision model was set to run on a graphics card (CUDA), "
                              "but none is available.",
                              hint="Set vision.device = \"auto\" or \"cpu\".", stage="vision")
        return "cuda" if has_cuda else "cpu"

    def _ensure_loaded(self) -> tuple:
        with self._lock:
            if self._loaded is None:
                self._loaded = self._load()
            return self._loaded

    def _load(self) -> tuple:
        folder = locate(self._model_name, models_dir=self._models_dir, hf_cache=self._hf_cache)
        if folder is None:
            raise missing_model_error(self._model_name)
        torch = require("torch", package="torch", extra="vision", purpose="BLIP-2 vision model",
                        stage="vision")
        transformers = require("transformers", package="transformers", extra="vision",
                               purpose="BLIP-2 vision model", stage="vision")
        device = self._resolve_device()
        # fp16 halves GPU memory (2.7b: ~8 GB); CPUs are slow or wrong in fp16.
        dtype = torch.float16 if device == "cuda" else torch.float32
        self._on_event(ModelLoading(stage="vision", model=self._model_name))
        start = time.perf_counter()
        try:
            processor = transformers.Blip2Processor.from_pretrained(folder)
            model = transformers.Blip2ForConditionalGeneration.from_pretrained(folder, dtype=dtype)
            model = model.to(device).eval()
        except torch.cuda.OutOfMemoryError as exc:
            raise VisionError("The graphics card has too little free memory for the vision model.",
                              hint="Close other programs that use the GPU, or set "
                                   "vision.device = \"cpu\".",
                              code="vision_out_of_memory") from exc
        except MemoryError as exc:
            raise VisionError("The computer has too little free memory for the vision model.",
                              hint="Close other programs, or use a smaller BLIP-2 model.",
                              code="vision_out_of_memory") from exc
        except Exception as exc:
            # safetensors, tokenizers and config parsing each raise their own types; on a
            # folder that locate() found complete, any of them means a bad copy.
            log.exception("loading BLIP-2 from %s failed", folder)
            raise ModelMissingError(
                f"The vision model in {folder} is incomplete or damaged and could not be loaded.",
                hint="Download it again, or point vision.blip2_model at a complete copy.",
                code="model_broken", stage="vision") from exc
        _add_image_tokens(processor, model)
        self._on_event(ModelLoaded(stage="vision", model=self._model_name, device=device,
                                   elapsed_ms=(time.perf_counter() - start) * 1000))
        return processor, model, device, dtype


def _add_image_tokens(processor, model) -> None:
    """Snapshots saved before transformers 4.47 lack the <image> placeholders; add them.

    Without them generate() silently ignores the picture.
    """
    if getattr(processor, "num_query_tokens", None) is None:
        processor.num_query_tokens = model.config.num_query_tokens
    if model.config.image_token_index is None:
        token = getattr(processor.image_token, "content", processor.image_token)
        token_id = processor.tokenizer.convert_tokens_to_ids(str(token))
        if token_id >= model.get_input_embeddings().num_embeddings:
            model.resize_token_embeddings(len(processor.tokenizer))
        model.config.image_token_index = token_id
        log.info("added BLIP-2 image token %d for an older snapshot", token_id)


def _new_tokens(output, prompt_ids):
    """generate() returns prompt + answer for decoder-only models, only the answer otherwise."""
    n = prompt_ids.shape[0]
    if output.shape[0] >= n and bool((output[:n] == prompt_ids.to(output.device)).all()):
        return output[n:]
    return output


def _tidy(text: str) -> str:
    # OPT may run on into an invented next turn; keep only this answer.
    text = text.split("Question:")[0]
    text = " ".join(text.split()).strip(" :")
    return text or NO_ANSWER
