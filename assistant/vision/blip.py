"""BLIP (Salesforce/blip-*): a VQA model answers questions, a captioning model describes.

Both are loaded with the real ``from_pretrained`` code from a local folder or a complete
Hugging Face cache snapshot; nothing is downloaded. BLIP (unlike BLIP-2) was trained on
single questions, so earlier turns are left out of the question unless ``history_turns``
asks for them. torch and transformers are imported only when a model is loaded.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Generator, Sequence

from ..cancel import NEVER, CancelToken
from ..events import Event
from . import LastAnswer, VisionAnswer, runtime_subset
from .blip2_parts import GenerationSettings
from .hf_common import (DEVICES, DTYPES, LazyModel, check_choice, choose_dtype, clean,
                        find_weights, load_guarded, missing_weights, release_memory,
                        resolve_device, hub_options, transformers_module)
from .streaming import TextTidier, generate_blocking, generate_streamed
from .router import Intent, route

if TYPE_CHECKING:
    from PIL import Image

    from ..conversation.history import Turn

DEFAULT_VQA = "Salesforce/blip-vqa-base"
DEFAULT_CAPTION = "Salesforce/blip-image-captioning-base"
NO_ANSWER = "I could not make out an answer from the picture."
# Asked of the VQA model when someone wants a description but no captioning model is here.
DESCRIBE_QUESTION = "what is in the picture?"
_PURPOSE = "BLIP vision model"


def blip_question(question: str, history: Sequence["Turn"] = (), turns: int = 0,
                  context: str = "") -> str:
    """The text BLIP's question encoder sees: ``context``, the last ``turns`` turns, the question."""
    parts = [clean(context)] if context.strip() else []
    for turn in (history[-turns:] if turns > 0 else ()):
        parts.append(f"{clean(turn.question)} {clean(turn.answer).rstrip('.')}.")
    parts.append(clean(question))
    return " ".join(parts)


def is_available(model: str = DEFAULT_VQA, *, models_dir: Path | None = None) -> bool:
    return find_weights(model, models_dir) is not None


class BlipEngine(LastAnswer):
    """VisionEngine on BLIP: VQA for questions, the captioning model for "describe"."""

    announce_missing_model = False   # the protocol's notice flag: this engine has its model
    english_only = True   # answers in English whatever it is asked in (the reply says so once)

    def __init__(self, model: str = DEFAULT_VQA, caption_model: str | None = DEFAULT_CAPTION, *,
                 device: str = "auto", dtype: str = "auto", max_new_tokens: int = 20,
                 num_beams: int = 1, history_turns: int = 0, caption_prompt: str = "",
                 models_dir: Path | None = None,
                 on_event: Callable[[Event], None] | None = None, **generation: Any) -> None:
        check_choice(device, DEVICES, "device")
        check_choice(dtype, DTYPES, "dtype")
        self._model_name = model
        self._caption_name = caption_model
        self._wanted_device = device
        self._wanted_dtype = dtype
        self._generation = GenerationSettings(max_new_tokens=max_new_tokens, num_beams=num_beams,
                                              **generation)
        self._history_turns = _check_turns(history_turns)
        self._caption_prompt = clean(caption_prompt)
        self._models_dir = models_dir
        self._vqa = LazyModel(model, on_event)
        self._captioner = LazyModel(caption_model or "", on_event)

    @property
    def name(self) -> str:
        return f"blip:{self._model_name}"

    @property
    def device(self) -> str:
        for lazy in (self._vqa, self._captioner):
            if lazy.loaded:
                return lazy.loaded[2]
        return resolve_device(self._wanted_device, _PURPOSE)

    @property
    def generation(self) -> GenerationSettings:
        return self._generation

    def load(self) -> None:
        """Load the VQA model now (the first answer otherwise does it)."""
        self._vqa.get(lambda announce: self._load("vqa", self._model_name, announce))

    def warm_up(self) -> None:
        """Nothing beyond ``load``: a first generation here would cost as much as an answer."""

    def configure(self, **runtime: Any) -> None:
        """New generation settings (and history length), validated; the models stay loaded."""
        changes = runtime_subset(runtime, (*GenerationSettings.names(), "history_turns"))
        turns = _check_turns(changes.pop("history_turns", self._history_turns))
        self._generation = self._generation.updated(**changes)
        self._history_turns = turns

    def close(self) -> None:
        """Free both models (GPU memory too); safe twice; the next answer loads again."""
        self._vqa.forget()
        self._captioner.forget()
        release_memory()

    def answer(self, image: "Image.Image", question: str,
               history: Sequence["Turn"] = (), *, context: str = "",
               cancel: CancelToken = NEVER) -> VisionAnswer:
        cancel.check()
        job = self._job(image, question, history, context)
        output = generate_blocking(job.run, cancel=cancel, purpose=_PURPOSE)
        answer_ids = job.answer_ids(output)
        return job.answer(TextTidier.tidy(job.decode(answer_ids), (), NO_ANSWER), answer_ids)

    def stream(self, image: "Image.Image", question: str, history: Sequence["Turn"] = (), *,
               context: str = "", cancel: CancelToken = NEVER
               ) -> Generator[str, None, VisionAnswer]:
        """``answer`` as it is generated: text pieces, then the ``VisionAnswer`` returned."""
        cancel.check()
        job = self._job(image, question, history, context)
        tidier = TextTidier((), NO_ANSWER)
        output = yield from generate_streamed(job.run, decode=job.decode, tidier=tidier,
                                              cancel=cancel, purpose=_PURPOSE,
                                              stream_tokens=job.settings.num_beams == 1)
        answer_ids = job.answer_ids(output)
        rest = tidier.finish(job.decode(answer_ids))
        if rest:
            yield rest
        answer = job.answer(tidier.text, answer_ids)
        self.last_answer = answer
        return answer

    def _job(self, image, question: str, history: Sequence["Turn"], context: str) -> "_Job":
        if route(question) is Intent.DESCRIBE and self._caption_available():
            return self._caption_job(image)
        asked = question
        if route(question) is Intent.DESCRIBE:
            asked = DESCRIBE_QUESTION   # "describe this" is no question for a VQA model
        processor, model, device, dtype = self._vqa.get(
            lambda announce: self._load("vqa", self._model_name, announce))
        text = blip_question(asked, history, self._history_turns, context)
        inputs = processor(images=image.convert("RGB"), text=text, return_tensors="pt")
        inputs = inputs.to(device, dtype)   # casts only the float tensors (pixels)
        # The answer decoder starts from its own [DEC] token: output is [DEC] answer [SEP].
        return _Job(processor, model, device, inputs, self._generation, engine=self.name,
                    mode="vqa", prompt=text, skip=0)

    def _caption_available(self) -> bool:
        if not self._caption_name:
            return False
        return bool(self._captioner.loaded) or find_weights(self._caption_name,
                                                            self._models_dir) is not None

    def _caption_job(self, image: "Image.Image") -> "_Job":
        processor, model, device, dtype = self._captioner.get(
            lambda announce: self._load("caption", self._caption_name or "", announce))
        kwargs: dict[str, Any] = {"images": image.convert("RGB"), "return_tensors": "pt"}
        if self._caption_prompt:
            kwargs["text"] = self._caption_prompt  # conditional captioning: "a picture of"
        inputs = processor(**kwargs).to(device, dtype)
        # generate() starts the decoder from [DEC] + the prompt (its [SEP] dropped).
        prompt_len = int(inputs["input_ids"].shape[1]) - 1 if "input_ids" in inputs else 1
        return _Job(processor, model, device, inputs, self._generation,
                    engine=f"blip:{self._caption_name}", mode="caption",
                    prompt=self._caption_prompt, skip=prompt_len)

    def _load(self, kind: str, model_name: str, announce: Callable[[], None]):
        folder = find_weights(model_name, self._models_dir)
        if folder is None:
            default = DEFAULT_VQA if kind == "vqa" else DEFAULT_CAPTION
            setting = "vision.blip_model" if kind == "vqa" else "vision.blip_caption_model"
            raise missing_weights("BLIP", model_name, default=default, size="1 GB",
                                  setting=setting)
        transformers = transformers_module(_PURPOSE)
        device = resolve_device(self._wanted_device, _PURPOSE)
        dtype = choose_dtype(device, self._wanted_dtype, _PURPOSE)
        model_class = (transformers.BlipForQuestionAnswering if kind == "vqa"
                       else transformers.BlipForConditionalGeneration)
        announce()

        def load():
            processor = transformers.BlipProcessor.from_pretrained(folder, **hub_options())
            model = model_class.from_pretrained(folder, dtype=dtype, **hub_options())
            return processor, model.to(device).eval()

        processor, model = load_guarded(_PURPOSE, folder, load)
        return (processor, model, device, dtype), device


class _Job:
    """One question (or caption), ready to generate; ``skip`` prompt tokens lead the output."""

    def __init__(self, processor, model, device: str, inputs, settings: GenerationSettings, *,
                 engine: str, mode: str, prompt: str, skip: int) -> None:
        self.processor, self.model, self.device = processor, model, device
        self.inputs, self.settings = inputs, settings
        self.engine, self.mode, self.prompt, self.skip = engine, mode, prompt, skip

    def run(self, streamer, criteria):
        return self.model.generate(**self.inputs, **self.settings.kwargs(), streamer=streamer,
                                   stopping_criteria=criteria)

    def answer_ids(self, output):
        return output[0][self.skip:]

    def decode(self, ids) -> str:
        return self.processor.tokenizer.decode(ids, skip_special_tokens=True)

    def answer(self, text: str, answer_ids) -> VisionAnswer:
        # A VQA answer counts the tokens after [DEC]; a caption those after its prompt.
        count = len(answer_ids) - 1 if self.mode == "vqa" else len(answer_ids)
        return VisionAnswer(text=text, engine=self.engine, device=self.device,
                            details={"mode": self.mode, "prompt": self.prompt,
                                     "new_tokens": int(count)})


def _check_turns(turns: int) -> int:
    if not 0 <= turns <= 8:
        raise ValueError("history_turns must be 0..8")
    return turns


__all__ = ["BlipEngine", "blip_question", "is_available", "DEFAULT_VQA", "DEFAULT_CAPTION"]
