"""Today's open image-text-to-text models: SmolVLM / Idefics3, Qwen2-VL and Qwen2.5-VL,
LLaVA-OneVision, Gemma 3 and LLaVA 1.5, through one path.

``AutoModelForImageTextToText`` + ``AutoProcessor`` load whichever of them a folder (or a
complete Hugging Face cache snapshot) holds; the processor's own chat template lays out the
conversation, so each family gets the format it was trained on. Earlier turns about the same
picture are chat messages; the grounding line (what OCR and the object detector measured) goes
with the question. Device, dtype and bitsandbytes quantisation are chosen as for BLIP-2, and
out of GPU memory the engine steps down the same ladder. The picture's encoding is kept per
view (``imagetext_parts``), so a follow-up skips the vision tower. Nothing is downloaded;
torch and transformers are imported only when the model is loaded.
"""
from __future__ import annotations

import importlib.util
import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Generator, Sequence

from ..cancel import NEVER, CancelToken
from ..errors import DependencyMissingError, ModelMissingError, VisionError
from ..events import Event, Progress
from ..i18n import current
from . import LastAnswer, VisionAnswer, runtime_subset
from . import imagetext_parts as parts
from .blip2_parts import (QUANTIZE, FrameCache, GenerationSettings, Placement, fallback_ladder,
                          first_placement)
from .hf_common import (DEVICES, DTYPES, LazyModel, bf16_native, check_choice, find_weights,
                        hub_options, load_guarded, missing_weights, new_tokens, release_memory,
                        resolve_device, torch_module, transformers_module)
from .image import image_id, scene_hash
from .streaming import TextTidier, generate_blocking, generate_streamed

if TYPE_CHECKING:
    from PIL import Image

    from ..conversation.history import Turn

log = logging.getLogger(__name__)

DEFAULT_MODEL = "HuggingFaceTB/SmolVLM-256M-Instruct"
NO_ANSWER = "I could not make out an answer from the picture."
# Answers are spoken: asked short, they stay on the picture instead of running on.
STYLE = "Answer in one or two short sentences."
# A model that runs past its end-of-turn token invents the user's next turn.
MARKERS = ("User:", "USER:")
_PURPOSE = "vision-language model"


def is_available(model: str = DEFAULT_MODEL, *, models_dir: Path | None = None) -> bool:
    return find_weights(model, models_dir) is not None


class ImageTextEngine(LastAnswer):
    """VisionEngine on any image-text-to-text model with a chat template.

    ``generation`` keywords (min_new_tokens, min_length, repetition_penalty, length_penalty,
    do_sample, temperature) go to ``GenerationSettings``; greedy by default. ``cache_frames``
    picture encodings are kept (0: none); another frame of the same view within
    ``scene_window_s`` seconds reuses one.
    """

    announce_missing_model = False   # the protocol's notice flag: this engine has its model

    def __init__(self, model: str = DEFAULT_MODEL, *, device: str = "auto", dtype: str = "auto",
                 quantize: str = "none", max_new_tokens: int = 60, num_beams: int = 1,
                 history_turns: int = 4, cache_frames: int = 4, scene_window_s: float = 20.0,
                 style: str = STYLE, models_dir: Path | None = None,
                 on_event: Callable[[Event], None] | None = None, **generation: Any) -> None:
        check_choice(device, DEVICES, "device")
        check_choice(dtype, DTYPES, "dtype")
        check_choice(quantize, QUANTIZE, "quantize")
        self._model_name = model
        self._wanted = (device, dtype, quantize)
        self._generation = GenerationSettings(max_new_tokens=max_new_tokens, num_beams=num_beams,
                                              **generation)
        self._history_turns = _check_turns(history_turns)
        self._style = style
        self._models_dir = models_dir
        self._on_event = on_event or (lambda event: None)
        self._lazy = LazyModel(model, on_event)
        self._ladder: list[Placement] = []      # current placement first, then smaller ones
        self._frames = FrameCache(cache_frames, window_s=scene_window_s)

    @property
    def name(self) -> str:
        return f"imagetext:{self._model_name}"

    @property
    def device(self) -> str:
        loaded = self._lazy.loaded
        return loaded.placement.device if loaded else resolve_device(self._wanted[0], _PURPOSE)

    @property
    def placement(self) -> Placement | None:
        loaded = self._lazy.loaded
        return loaded.placement if loaded else None

    @property
    def generation(self) -> GenerationSettings:
        return self._generation

    @property
    def history_turns(self) -> int:
        return self._history_turns

    def load(self) -> None:
        """Load now (the first answer otherwise does it); safe to call twice."""
        self._lazy.get(self._load)

    def warm_up(self) -> None:
        """Nothing beyond ``load``: a first generation here would cost as much as an answer."""

    def configure(self, **runtime: Any) -> None:
        """New generation settings and history length, validated; the model stays loaded."""
        changes = runtime_subset(runtime, (*GenerationSettings.names(), "history_turns"))
        turns = _check_turns(changes.pop("history_turns", self._history_turns))
        self._generation = self._generation.updated(**changes)
        self._history_turns = turns

    def close(self) -> None:
        """Free the model and the kept encodings (GPU memory too); safe twice.

        The next answer loads the model again, at the first placement.
        """
        self._frames.clear()
        self._lazy.forget()
        self._ladder = []
        release_memory()

    def answer(self, image: "Image.Image", question: str,
               history: Sequence["Turn"] = (), *, context: str = "",
               cancel: CancelToken = NEVER) -> VisionAnswer:
        cancel.check()
        start = time.perf_counter()
        while True:
            job = self._job(image, question, history, context)
            try:
                output = generate_blocking(job.run, cancel=cancel, purpose=_PURPOSE)
                break
            except VisionError as exc:
                if not self._step_down(exc):
                    raise
            del job
            release_memory()   # after the except block, whose traceback held the model
        answer_ids = new_tokens(output[0], job.prompt_ids)
        text = TextTidier.tidy(job.decode(answer_ids), MARKERS, NO_ANSWER)
        return job.answer(self.name, text, answer_ids, start)

    def stream(self, image: "Image.Image", question: str, history: Sequence["Turn"] = (), *,
               context: str = "", cancel: CancelToken = NEVER
               ) -> Generator[str, None, VisionAnswer]:
        """``answer`` as it is generated: text pieces, then the ``VisionAnswer`` returned.

        Beam search cannot stream: with ``num_beams`` > 1 the text comes in one piece at the
        end. Cancelled: generation stops within a token and ``Cancelled`` is raised.
        """
        cancel.check()
        start = time.perf_counter()
        tidier = TextTidier(MARKERS, NO_ANSWER)
        while True:
            job = self._job(image, question, history, context)
            try:
                output = yield from generate_streamed(
                    job.run, decode=job.decode, tidier=tidier, cancel=cancel, purpose=_PURPOSE,
                    stream_tokens=job.settings.num_beams == 1)
                break
            except VisionError as exc:
                if tidier.text or not self._step_down(exc):   # said words cannot be unsaid
                    raise
            del job
            release_memory()
        answer_ids = new_tokens(output[0], job.prompt_ids)
        rest = tidier.finish(job.decode(answer_ids))
        if rest:
            yield rest
        answer = job.answer(self.name, tidier.text, answer_ids, start)
        self.last_answer = answer
        return answer

    @property
    def english_only(self) -> bool:
        """LLaVA 1.5 answers in English; the other families are asked in the reply language."""
        return parts.english_only(self._model_name)

    def _job(self, image, question: str, history: Sequence["Turn"], context: str) -> "_Job":
        loaded: _Loaded = self._lazy.get(self._load)
        turns = tuple(history)[-self._history_turns:] if self._history_turns else ()
        processor = loaded.processor
        if not getattr(processor, "chat_template", None):
            raise ModelMissingError(
                f"The vision model {self._model_name} has no chat template, so its prompt "
                "format is unknown.",
                hint="Use a complete copy of the model (with chat_template.json), or for "
                     "LLaVA 1.5 set vision.engine = \"llava\".",
                code="model_broken", stage="vision")
        rgb = image.convert("RGB")
        style = self._style if self.english_only else parts.in_language(self._style, current())
        prompt = processor.apply_chat_template(
            parts.conversation(question, turns, style=style, context=context),
            add_generation_prompt=True, tokenize=False)
        inputs = processor.apply_chat_template(
            parts.conversation(question, turns, style=style, context=context, image=rgb),
            add_generation_prompt=True, tokenize=True, return_dict=True, return_tensors="pt")
        torch = torch_module(_PURPOSE)
        inputs = inputs.to(loaded.model.device, getattr(torch, loaded.placement.dtype))
        frame = (image_id(image), scene_hash(image)) if loaded.reuse else None
        return _Job(loaded, prompt, dict(inputs), len(turns), self._generation, self._frames,
                    frame)

    def _load(self, announce: Callable[[], None]) -> tuple["_Loaded", str]:
        folder = find_weights(self._model_name, self._models_dir)
        if folder is None:
            raise missing_weights(
                "image-text", self._model_name, default=DEFAULT_MODEL,
                size="0.5 GB" if self._model_name == DEFAULT_MODEL else "several GB",
                setting="vision.imagetext_model")
        transformers = transformers_module(_PURPOSE)
        if not self._ladder:
            self._ladder = list(self._plan())
        announce()
        processor = self._load_processor(transformers, folder)
        while True:
            placement = self._ladder[0]
            try:
                model = load_guarded(_PURPOSE, folder,
                                     lambda: self._load_model(transformers, folder, placement))
                break
            except VisionError as exc:
                if not self._step_down(exc):
                    raise
            release_memory()   # after the except block, whose traceback held a half-loaded model
        self._frames.clear()   # encodings made at another placement have another dtype
        loaded = _Loaded(processor, model, placement,
                         parts.stop_token_ids(model, processor.tokenizer),
                         self._frames.size > 0 and parts.can_reuse_encoding(model))
        return loaded, placement.device

    def _load_processor(self, transformers, folder: Path):
        try:
            return transformers.AutoProcessor.from_pretrained(folder, **hub_options())
        except Exception as exc:
            # transformers 5 cannot build the processor of a family that also reads video
            # (Qwen2-VL, LLaVA-OneVision) without torchvision, and says so only obliquely.
            if importlib.util.find_spec("torchvision") is None and _mentions_video(exc):
                raise DependencyMissingError("torchvision", "torchvision",
                                             purpose=f"{_PURPOSE} in {folder.name}",
                                             stage="vision") from exc
            failure = exc   # the name ``exc`` is unbound once this block ends
            return load_guarded(_PURPOSE, folder, lambda: _raise(failure))

    def _load_model(self, transformers, folder: Path, placement: Placement):
        torch = torch_module(_PURPOSE)
        dtype = getattr(torch, placement.dtype)
        options: dict[str, Any] = {"dtype": dtype, **hub_options()}
        if placement.device == "cuda":
            options["device_map"] = {"": "cuda"}   # straight onto the card, no CPU copy first
        if placement.quantize == "8bit":
            options["quantization_config"] = transformers.BitsAndBytesConfig(load_in_8bit=True)
        elif placement.quantize == "4bit":
            options["quantization_config"] = transformers.BitsAndBytesConfig(
                load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_compute_dtype=dtype)
        model = transformers.AutoModelForImageTextToText.from_pretrained(folder, **options)
        return model.eval()

    def _plan(self) -> tuple[Placement, ...]:
        torch = torch_module(_PURPOSE)
        device = resolve_device(self._wanted[0], _PURPOSE)
        has_bnb = importlib.util.find_spec("bitsandbytes") is not None
        bf16_ok = device == "cuda" and bf16_native(torch)
        first, note = first_placement(device, self._wanted[1], self._wanted[2],
                                      bf16_ok=bf16_ok, has_bnb=has_bnb, purpose=_PURPOSE)
        if note:
            self._say(note)
        return fallback_ladder(first, has_bnb=has_bnb)

    def _step_down(self, exc: VisionError) -> bool:
        """After GPU out-of-memory: the next smaller placement (False when none is left)."""
        if (exc.code != "vision_out_of_memory" or len(self._ladder) < 2
                or isinstance(exc.__cause__, MemoryError)):
            return False
        old = self._ladder.pop(0)
        self._lazy.forget()
        self._say(f"The graphics card ran out of memory with the vision model on "
                  f"{old.describe()}; switching to {self._ladder[0].describe()}.")
        return True

    def _say(self, message: str) -> None:
        log.warning("%s", message)
        self._on_event(Progress(stage="vision", message=message))


class _Loaded:
    """What one load gives: processor, model, where it sits, and how it is run."""

    def __init__(self, processor, model, placement: Placement, stop_ids: list[int],
                 reuse: bool) -> None:
        self.processor, self.model, self.placement = processor, model, placement
        self.stop_ids, self.reuse = stop_ids, reuse


class _Job:
    """One question, ready to generate: the inputs, and what the answer reports."""

    def __init__(self, loaded: _Loaded, prompt: str, inputs: dict, turns: int,
                 settings: GenerationSettings, frames: FrameCache,
                 frame: tuple[Any, str] | None) -> None:
        self.loaded, self.prompt, self.inputs = loaded, prompt, inputs
        self.turns, self.settings, self.frames, self.frame = turns, settings, frames, frame
        self.prompt_ids = inputs["input_ids"][0]
        self.encoding = "pixels" if frame is None else "computed"

    def run(self, streamer, criteria):
        model, tokenizer = self.loaded.model, self.loaded.processor.tokenizer
        inputs = self._with_encoding(model) if self.frame is not None else self.inputs
        pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None \
            else tokenizer.eos_token_id
        output = model.generate(**inputs, **self.settings.kwargs(), pad_token_id=pad_id,
                                eos_token_id=self.loaded.stop_ids, streamer=streamer,
                                stopping_criteria=criteria)
        if self.frame is not None:   # a follow-up's window starts after this answer
            self.frames.put(self.frame[0], self._kept, self.frame[1])
        return output

    def _with_encoding(self, model) -> dict:
        """The inputs with the picture's encoding in place of its pixels (kept or made now)."""
        picture, rest = parts.split_image_inputs(model, self.inputs)
        layout = parts.layout_key(picture)
        kept = self.frames.get(self.frame[0], self.frame[1])
        if kept is not None and kept[0] == layout:
            self.encoding = "reused"
        else:
            kept = (layout, parts.encode_image(model, picture))
            self.frames.put(self.frame[0], kept, self.frame[1])
        self._kept = kept
        return {**rest, "mm_encoder_outputs": {"image": kept[1]}}

    def decode(self, ids) -> str:
        return self.loaded.processor.tokenizer.decode(ids, skip_special_tokens=True)

    def answer(self, engine: str, text: str, answer_ids, start: float) -> VisionAnswer:
        placement = self.loaded.placement
        return VisionAnswer(
            text=text, engine=engine, device=placement.device,
            details={"prompt": self.prompt, "new_tokens": int(len(answer_ids)),
                     "image_tokens": parts.image_tokens(self.loaded.model, self.prompt_ids),
                     "turns_used": self.turns, "image_encoding": self.encoding,
                     "family": str(getattr(self.loaded.model.config, "model_type", "")),
                     "dtype": placement.dtype, "quantize": placement.quantize,
                     "elapsed_ms": round((time.perf_counter() - start) * 1000, 1)})


def _check_turns(turns: int) -> int:
    if not 0 <= turns <= 20:
        raise ValueError("history_turns must be 0..20")
    return turns


def _mentions_video(exc: BaseException) -> bool:
    text = f"{type(exc).__name__} {exc}".lower()
    return "video" in text or "torchvision" in text


def _raise(exc: BaseException):
    raise exc
