"""BLIP-2 (Salesforce/blip2-*, OPT and Flan-T5 variants) visual question answering.

The model is found without any network: a local folder, a folder of that name in the
assistant's models folder, or a complete snapshot in the Hugging Face cache. Device and
dtype are picked for the machine; out of GPU memory, the engine steps down (half precision,
8-bit, 4-bit, CPU) with a message instead of failing. The image encoding (vision tower,
Q-Former, projection) is computed once per frame and reused for follow-up questions.
torch and transformers are imported only when the model is loaded.
"""
from __future__ import annotations

import gc
import importlib.util
import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Generator, Sequence

from ..cancel import NEVER, CancelToken
from ..conversation.prompt import blip2_prompt
from ..errors import ModelMissingError, VisionError
from ..events import Event, Progress
from ..models.hub import locate_hf_model
from . import LastAnswer, VisionAnswer, runtime_subset
from .blip2_parts import (QUANTIZE, FrameCache, GenerationSettings, Placement, fallback_ladder,
                          first_placement)
from .hf_common import (DEVICES, DTYPES, LazyModel, bf16_native, check_choice, load_guarded,
                        missing_weights, new_tokens, release_memory, resolve_device,
                        hub_options, torch_module, transformers_module)
from .image import image_id, scene_hash
from .streaming import TextTidier, generate_blocking, generate_streamed

if TYPE_CHECKING:
    from PIL import Image

    from ..conversation.history import Turn

log = logging.getLogger(__name__)

DEFAULT_MODEL = "Salesforce/blip2-opt-2.7b"
NO_ANSWER = "I could not make out an answer from the picture."
# OPT may run on into an invented next turn; the answer ends where one starts.
MARKERS = ("Question:",)
_PURPOSE = "BLIP-2 vision model"


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
    return missing_weights("full", model, default=DEFAULT_MODEL, size="15 GB",
                           setting="vision.blip2_model")


class Blip2Engine(LastAnswer):
    """VisionEngine on BLIP-2: the prompt carries earlier turns about the same picture.

    ``generation`` keywords (min_new_tokens, min_length, repetition_penalty, length_penalty,
    do_sample, temperature) go to ``GenerationSettings``. ``cache_frames`` image encodings
    are kept (0 turns the cache off); another frame of the same view within
    ``scene_window_s`` seconds reuses one.
    """

    announce_missing_model = False   # the protocol's notice flag: this engine has its model
    english_only = True   # answers in English whatever it is asked in (the reply says so once)

    def __init__(self, model: str = DEFAULT_MODEL, *, device: str = "auto", dtype: str = "auto",
                 quantize: str = "none", max_new_tokens: int = 40, num_beams: int = 1,
                 cache_frames: int = 4, scene_window_s: float = 20.0,
                 models_dir: Path | None = None,
                 hf_cache: Path | None = None, on_event: Callable[[Event], None] | None = None,
                 **generation: Any) -> None:
        check_choice(device, DEVICES, "device")
        check_choice(dtype, DTYPES, "dtype")
        check_choice(quantize, QUANTIZE, "quantize")
        self._generation = GenerationSettings(max_new_tokens=max_new_tokens, num_beams=num_beams,
                                              **generation)
        self._model_name = model
        self._wanted = (device, dtype, quantize)
        self._models_dir = models_dir
        self._hf_cache = hf_cache
        self._on_event = on_event or (lambda event: None)
        self._lazy = LazyModel(model, on_event)
        self._ladder: list[Placement] = []      # current placement first, then smaller ones
        self._frames = FrameCache(cache_frames, window_s=scene_window_s)
        self._loaded_in_memory = False

    @classmethod
    def from_loaded(cls, processor, model, placement: Placement, *, name: str = "in-memory",
                    **options: Any) -> "Blip2Engine":
        """An engine around an already loaded model (benchmarks, callers that share one)."""
        engine = cls(name, **options)
        engine._ladder = [placement]
        engine._loaded_in_memory = True
        engine._lazy.get(lambda announce: ((processor, model, placement), placement.device))
        return engine

    @property
    def name(self) -> str:
        return f"blip2:{self._model_name}"

    @property
    def device(self) -> str:
        loaded = self._lazy.loaded
        return loaded[2].device if loaded else resolve_device(self._wanted[0], _PURPOSE)

    @property
    def placement(self) -> Placement | None:
        loaded = self._lazy.loaded
        return loaded[2] if loaded else None

    def load(self) -> None:
        """Load now (the first answer otherwise does it); safe to call twice."""
        self._lazy.get(self._load)

    def warm_up(self) -> None:
        """Nothing beyond ``load``: a first generation here would cost as much as an answer."""

    @property
    def generation(self) -> GenerationSettings:
        return self._generation

    def configure(self, **runtime: Any) -> None:
        """New generation settings, validated as at construction; the model stays loaded.

        ``history_turns`` is the pipeline's (it picks the turns); it is ignored here.
        """
        changes = runtime_subset(runtime, GenerationSettings.names())
        self._generation = self._generation.updated(**changes)

    def close(self) -> None:
        """Free the model and the cached image encodings (GPU memory too); safe twice.

        The next answer loads the model again, at the first placement.
        """
        self._frames.clear()
        self._lazy.forget()
        self._ladder = self._ladder[:1] if self._loaded_in_memory else []
        release_memory()

    def answer(self, image: "Image.Image", question: str,
               history: Sequence["Turn"] = (), *, context: str = "",
               cancel: CancelToken = NEVER) -> VisionAnswer:
        cancel.check()
        prompt = blip2_prompt(question, history, context)
        start = time.perf_counter()
        settings = self._generation
        while True:
            processor, model, placement = self._lazy.get(self._load)
            try:
                output, prompt_ids, cached = generate_blocking(
                    lambda streamer, criteria: self._generate(
                        processor, model, placement, image, prompt, criteria=criteria,
                        settings=settings),
                    cancel=cancel, purpose=_PURPOSE)
                break
            except VisionError as exc:
                if not self._step_down(exc):
                    raise
                self._lazy.forget()
            # Outside the except block: its traceback no longer holds the failed model.
            del model
            _free_gpu()
        answer_ids = new_tokens(output[0], prompt_ids)
        text = TextTidier.tidy(processor.tokenizer.decode(answer_ids, skip_special_tokens=True),
                               MARKERS, NO_ANSWER)
        return self._answer(text, model, placement, prompt, prompt_ids, answer_ids, cached, start)

    def stream(self, image: "Image.Image", question: str, history: Sequence["Turn"] = (), *,
               context: str = "", cancel: CancelToken = NEVER
               ) -> Generator[str, None, VisionAnswer]:
        """``answer`` as it is generated: text pieces, then the ``VisionAnswer`` returned.

        Beam search cannot stream: with ``num_beams`` > 1 the text comes in one piece at the
        end. Cancelled: generation stops within a token and ``Cancelled`` is raised.
        """
        cancel.check()
        prompt = blip2_prompt(question, history, context)
        start = time.perf_counter()
        settings = self._generation
        tidier = TextTidier(MARKERS, NO_ANSWER)
        while True:
            processor, model, placement = self._lazy.get(self._load)
            tokenizer = processor.tokenizer
            try:
                output, prompt_ids, cached = yield from generate_streamed(
                    lambda streamer, criteria: self._generate(
                        processor, model, placement, image, prompt, streamer=streamer,
                        criteria=criteria, settings=settings),
                    decode=lambda ids: tokenizer.decode(ids, skip_special_tokens=True),
                    tidier=tidier, cancel=cancel, purpose=_PURPOSE,
                    stream_tokens=settings.num_beams == 1)
                break
            except VisionError as exc:
                if tidier.text or not self._step_down(exc):   # said words cannot be unsaid
                    raise
                self._lazy.forget()
            del model
            _free_gpu()
        answer_ids = new_tokens(output[0], prompt_ids)
        rest = tidier.finish(tokenizer.decode(answer_ids, skip_special_tokens=True))
        if rest:
            yield rest
        answer = self._answer(tidier.text, model, placement, prompt, prompt_ids, answer_ids,
                              cached, start)
        self.last_answer = answer
        return answer

    def _answer(self, text: str, model, placement: Placement, prompt: str, prompt_ids,
                answer_ids, cached: bool, start: float) -> VisionAnswer:
        return VisionAnswer(
            text=text, engine=self.name, device=placement.device,
            # image_tokens 0 would mean the picture never reached the language model.
            details={"prompt": prompt, "new_tokens": int(len(answer_ids)),
                     "answer_ids": tuple(int(i) for i in answer_ids),
                     "image_tokens": int((prompt_ids == model.config.image_token_index).sum()),
                     "image_encoding": "reused" if cached else "computed",
                     "dtype": placement.dtype, "quantize": placement.quantize,
                     "elapsed_ms": round((time.perf_counter() - start) * 1000, 1)})

    def encode_image(self, processor, model, placement: Placement, image: "Image.Image"):
        """The projected Q-Former outputs for one picture: what stands in for its tokens."""
        torch = torch_module(_PURPOSE)
        pixels = processor.image_processor(image.convert("RGB"), return_tensors="pt")
        pixels = pixels["pixel_values"].to(model.device, getattr(torch, placement.dtype))
        # The same steps as Blip2ForConditionalGeneration.generate, stopped before the LM.
        image_embeds = model.vision_model(pixels, return_dict=True).last_hidden_state
        image_mask = torch.ones(image_embeds.shape[:-1], dtype=torch.long,
                                device=image_embeds.device)
        queries = model.query_tokens.expand(image_embeds.shape[0], -1, -1)
        query_output = model.qformer(query_embeds=queries, encoder_hidden_states=image_embeds,
                                     encoder_attention_mask=image_mask,
                                     return_dict=True).last_hidden_state
        if query_output.dtype != image_embeds.dtype:   # the Q-Former is kept in fp32
            query_output = query_output.to(image_embeds.dtype)
        return model.language_projection(query_output)

    def _generate(self, processor, model, placement: Placement, image, prompt: str, *,
                  streamer: Any = None, criteria: Any = None,
                  settings: GenerationSettings | None = None):
        """Encode the picture (or reuse its encoding) and generate: (output, prompt ids, reused)."""
        torch = torch_module(_PURPOSE)
        settings = settings or self._generation
        key, scene = image_id(image), scene_hash(image)
        query = self._frames.get(key, scene)
        cached = query is not None
        if query is None:
            query = self.encode_image(processor, model, placement, image)
            self._frames.put(key, query, scene)
        input_ids = _prompt_ids(processor, prompt).to(model.device)
        embeds = model.get_input_embeddings()(input_ids)
        slots = (input_ids == model.config.image_token_index).unsqueeze(-1)
        if int(slots.sum()) != query.shape[1]:
            raise VisionError("The vision model's files do not fit together (the prompt has "
                              "room for a different number of image tokens).",
                              hint="Download the model again.", code="model_broken")
        embeds = embeds.masked_scatter(slots, query.to(embeds.device, embeds.dtype))
        inputs = {"inputs_embeds": embeds, "attention_mask": torch.ones_like(input_ids)}
        language_model = model.language_model
        if not language_model.config.is_encoder_decoder:
            inputs["input_ids"] = input_ids   # OPT returns prompt + answer, as generate() does
        output = language_model.generate(**inputs, **settings.kwargs(), streamer=streamer,
                                         stopping_criteria=criteria)
        self._frames.put(key, query, scene)   # a follow-up's window starts after this answer
        return output, input_ids[0], cached

    def _load(self, announce: Callable[[], None]) -> tuple[tuple, str]:
        folder = locate(self._model_name, models_dir=self._models_dir, hf_cache=self._hf_cache)
        if folder is None:
            raise missing_model_error(self._model_name)
        transformers = transformers_module(_PURPOSE)
        if not self._ladder:
            self._ladder = list(self._plan())
        announce()
        processor = load_guarded(_PURPOSE, folder,
                                 lambda: transformers.Blip2Processor.from_pretrained(
                                     folder, **hub_options()))
        while True:
            placement = self._ladder[0]
            try:
                model = load_guarded(_PURPOSE, folder,
                                     lambda: self._load_model(transformers, folder, placement))
                break
            except VisionError as exc:
                if not self._step_down(exc):
                    raise
            _free_gpu()   # after the except block, whose traceback held the half-loaded model
        _add_image_tokens(processor, model)
        self._frames.clear()   # encodings made at another placement have another dtype
        return (processor, model, placement), placement.device

    def _plan(self) -> tuple[Placement, ...]:
        torch = torch_module(_PURPOSE)
        device = resolve_device(self._wanted[0], _PURPOSE)
        has_bnb = importlib.util.find_spec("bitsandbytes") is not None
        bf16_ok = device == "cuda" and bf16_native(torch)
        first, note = first_placement(device, self._wanted[1], self._wanted[2],
                                      bf16_ok=bf16_ok, has_bnb=has_bnb)
        if note:
            self._say(note)
        return fallback_ladder(first, has_bnb=has_bnb)

    def _load_model(self, transformers, folder: Path, placement: Placement):
        torch = torch_module(_PURPOSE)
        dtype = getattr(torch, placement.dtype)
        options: dict[str, Any] = {"dtype": dtype, **hub_options()}
        if placement.device == "cuda":
            # Straight onto the card: no full copy in CPU memory first.
            options["device_map"] = {"": "cuda"}
        if placement.quantize == "8bit":
            options["quantization_config"] = transformers.BitsAndBytesConfig(load_in_8bit=True)
        elif placement.quantize == "4bit":
            options["quantization_config"] = transformers.BitsAndBytesConfig(
                load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_compute_dtype=dtype)
        model = transformers.Blip2ForConditionalGeneration.from_pretrained(folder, **options)
        return model.eval()

    def _step_down(self, exc: VisionError) -> bool:
        """After GPU out-of-memory: move to the next smaller placement; False when none is left.

        A CPU out-of-memory (MemoryError) has nowhere smaller to go; a GPU one is either
        torch's own error or, inside transformers' quantisation, one the allocator counted.
        """
        if (exc.code != "vision_out_of_memory" or len(self._ladder) < 2
                or isinstance(exc.__cause__, MemoryError)):
            return False
        old = self._ladder.pop(0)
        self._say(f"The graphics card ran out of memory with the vision model on "
                  f"{old.describe()}; switching to {self._ladder[0].describe()}.")
        return True

    def _say(self, message: str) -> None:
        log.warning("%s", message)
        self._on_event(Progress(stage="vision", message=message))


def _prompt_ids(processor, prompt: str):
    """Token ids as Blip2Processor makes them: one <image> per query token, then the prompt."""
    torch = torch_module(_PURPOSE)
    tokenizer = processor.tokenizer
    token = str(getattr(processor.image_token, "content", processor.image_token))
    image_ids = tokenizer(token * processor.num_query_tokens, add_special_tokens=False)["input_ids"]
    text_ids = tokenizer(prompt)["input_ids"]
    return torch.tensor([image_ids + text_ids], dtype=torch.long)


def _free_gpu() -> None:
    gc.collect()
    torch = torch_module(_PURPOSE)
    if torch.cuda.is_available():
        torch.cuda.empty_cache()


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




def _tidy(text: str) -> str:
    """The whole answer's tidy-up (the stream applies the same as it goes)."""
    return TextTidier.tidy(text, MARKERS, NO_ANSWER)
