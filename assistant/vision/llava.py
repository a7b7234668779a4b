"""LLaVA 1.5 family (llava-hf/llava-1.5-*-hf and fine-tunes in the same layout).

Loaded with ``LlavaForConditionalGeneration`` + ``AutoProcessor`` from a local folder or a
complete Hugging Face cache snapshot; nothing is downloaded. Earlier turns about the same
picture go into the conversation, so "and what colour is it?" has something to refer to.
The processor's own chat template is used when the snapshot ships one (formats differ
between fine-tunes); older snapshots without one get LLaVA 1.5's Vicuna format.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Generator, Sequence

from ..cancel import NEVER, CancelToken
from ..events import Event
from . import LastAnswer, VisionAnswer, runtime_subset
from .blip2_parts import GenerationSettings
from .hf_common import (DEVICES, DTYPES, LazyModel, check_choice, choose_dtype, clean,
                        find_weights, load_guarded, missing_weights, new_tokens, release_memory,
                        resolve_device, hub_options, transformers_module)
from .streaming import TextTidier, generate_blocking, generate_streamed

if TYPE_CHECKING:
    from PIL import Image

    from ..conversation.history import Turn

DEFAULT_MODEL = "llava-hf/llava-1.5-7b-hf"
NO_ANSWER = "I could not make out an answer from the picture."
# Asked to keep answers short: they are spoken, and long ones run on into made-up turns.
STYLE = "Answer in one or two short sentences."
_PURPOSE = "LLaVA vision model"
# A model that runs on invents the user's next turn; its answer ends where one starts.
MARKERS = ("USER:", "ASSISTANT:")


def llava_prompt(question: str, history: Sequence["Turn"] = (), *, image_token: str = "<image>",
                 end_of_turn: str = "</s>", style: str = STYLE, context: str = "") -> str:
    """LLaVA 1.5's Vicuna chat: ``USER: <image>\\nq1 ASSISTANT: a1</s>USER: q2 ASSISTANT:``.

    The picture goes with the first question; ``style`` (may be empty) follows the last one,
    and ``context`` (what OCR and the object detector measured) comes before it.
    """
    parts = []
    for i, turn in enumerate(history):
        lead = f"{image_token}\n" if i == 0 else ""
        parts.append(f"USER: {lead}{clean(turn.question)} ASSISTANT: "
                     f"{clean(turn.answer)}{end_of_turn}")
    lead = "" if history else f"{image_token}\n"
    asked = clean(f"{clean(context)} {clean(question)} {style}")
    parts.append(f"USER: {lead}{asked} ASSISTANT:")
    return "".join(parts)


def llava_conversation(question: str, history: Sequence["Turn"] = (),
                       style: str = STYLE, context: str = "") -> list[dict]:
    """The same conversation as chat-template messages (image in the first user message)."""
    messages: list[dict] = []
    for turn in history:
        messages.append({"role": "user", "content": [{"type": "text",
                                                      "text": clean(turn.question)}]})
        messages.append({"role": "assistant", "content": [{"type": "text",
                                                           "text": clean(turn.answer)}]})
    asked = clean(f"{clean(context)} {clean(question)} {style}")
    messages.append({"role": "user", "content": [{"type": "text", "text": asked}]})
    messages[0]["content"].insert(0, {"type": "image"})
    return messages


def is_available(model: str = DEFAULT_MODEL, *, models_dir: Path | None = None) -> bool:
    return find_weights(model, models_dir) is not None


class LlavaEngine(LastAnswer):
    """VisionEngine on LLaVA 1.5: a chat about one picture.

    ``generation`` keywords (min_new_tokens, min_length, repetition_penalty, length_penalty,
    do_sample, temperature) go to ``GenerationSettings``; greedy by default.
    """

    announce_missing_model = False   # the protocol's notice flag: this engine has its model
    english_only = True   # answers in English whatever it is asked in (the reply says so once)

    def __init__(self, model: str = DEFAULT_MODEL, *, device: str = "auto", dtype: str = "auto",
                 max_new_tokens: int = 60, num_beams: int = 1, history_turns: int = 4,
                 style: str = STYLE, models_dir: Path | None = None,
                 on_event: Callable[[Event], None] | None = None, **generation: Any) -> None:
        check_choice(device, DEVICES, "device")
        check_choice(dtype, DTYPES, "dtype")
        self._model_name = model
        self._wanted_device = device
        self._wanted_dtype = dtype
        self._generation = GenerationSettings(max_new_tokens=max_new_tokens, num_beams=num_beams,
                                              **generation)
        self._history_turns = _check_turns(history_turns)
        self._style = style
        self._models_dir = models_dir
        self._lazy = LazyModel(model, on_event)

    @property
    def name(self) -> str:
        return f"llava:{self._model_name}"

    @property
    def device(self) -> str:
        loaded = self._lazy.loaded
        return loaded[2] if loaded else resolve_device(self._wanted_device, _PURPOSE)

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
        """Free the model (GPU memory too); safe twice; the next answer loads it again."""
        self._lazy.forget()
        release_memory()

    def answer(self, image: "Image.Image", question: str,
               history: Sequence["Turn"] = (), *, context: str = "",
               cancel: CancelToken = NEVER) -> VisionAnswer:
        cancel.check()
        job = self._job(image, question, history, context)
        output = generate_blocking(job.run, cancel=cancel, purpose=_PURPOSE)
        answer_ids = new_tokens(output[0], job.prompt_ids)
        text = TextTidier.tidy(job.decode(answer_ids), MARKERS, NO_ANSWER)
        return job.answer(self.name, text, answer_ids)

    def stream(self, image: "Image.Image", question: str, history: Sequence["Turn"] = (), *,
               context: str = "", cancel: CancelToken = NEVER
               ) -> Generator[str, None, VisionAnswer]:
        """``answer`` as it is generated: text pieces, then the ``VisionAnswer`` returned."""
        cancel.check()
        job = self._job(image, question, history, context)
        tidier = TextTidier(MARKERS, NO_ANSWER)
        output = yield from generate_streamed(job.run, decode=job.decode, tidier=tidier,
                                              cancel=cancel, purpose=_PURPOSE,
                                              stream_tokens=job.settings.num_beams == 1)
        answer_ids = new_tokens(output[0], job.prompt_ids)
        rest = tidier.finish(job.decode(answer_ids))
        if rest:
            yield rest
        answer = job.answer(self.name, tidier.text, answer_ids)
        self.last_answer = answer
        return answer

    def _job(self, image, question: str, history: Sequence["Turn"], context: str) -> "_Job":
        processor, model, device, dtype = self._lazy.get(self._load)
        turns = tuple(history)[-self._history_turns:] if self._history_turns else ()
        prompt = self._prompt(processor, question, turns, context)
        inputs = processor(images=image.convert("RGB"), text=prompt, return_tensors="pt")
        inputs = inputs.to(device, dtype)   # casts only the float tensors (pixels)
        return _Job(processor, model, device, prompt, inputs, len(turns), self._generation)

    def _prompt(self, processor, question: str, turns: Sequence["Turn"], context: str) -> str:
        if getattr(processor, "chat_template", None):
            return processor.apply_chat_template(
                llava_conversation(question, turns, self._style, context),
                add_generation_prompt=True, tokenize=False)
        return llava_prompt(question, turns, image_token=str(processor.image_token),
                            end_of_turn=processor.tokenizer.eos_token or "</s>", style=self._style,
                            context=context)

    def _load(self, announce: Callable[[], None]):
        folder = find_weights(self._model_name, self._models_dir)
        if folder is None:
            raise missing_weights("LLaVA", self._model_name, default=DEFAULT_MODEL,
                                  size="14 GB", setting="vision.llava_model")
        transformers = transformers_module(_PURPOSE)
        device = resolve_device(self._wanted_device, _PURPOSE)
        dtype = choose_dtype(device, self._wanted_dtype, _PURPOSE)
        announce()

        def load():
            processor = transformers.AutoProcessor.from_pretrained(folder, **hub_options())
            model = transformers.LlavaForConditionalGeneration.from_pretrained(
                folder, dtype=dtype, **hub_options())
            return processor, model.to(device).eval()

        processor, model = load_guarded(_PURPOSE, folder, load)
        _fill_patch_settings(processor, model)
        return (processor, model, device, dtype), device


class _Job:
    """One question, ready to generate: the inputs, and what the answer reports."""

    def __init__(self, processor, model, device: str, prompt: str, inputs, turns: int,
                 settings: GenerationSettings) -> None:
        self.processor, self.model, self.device = processor, model, device
        self.prompt, self.inputs, self.turns, self.settings = prompt, inputs, turns, settings
        self.prompt_ids = inputs["input_ids"][0]

    def run(self, streamer, criteria):
        tokenizer = self.processor.tokenizer
        pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None \
            else tokenizer.eos_token_id
        return self.model.generate(**self.inputs, **self.settings.kwargs(), pad_token_id=pad_id,
                                   streamer=streamer, stopping_criteria=criteria)

    def decode(self, ids) -> str:
        return self.processor.tokenizer.decode(ids, skip_special_tokens=True)

    def answer(self, engine: str, text: str, answer_ids) -> VisionAnswer:
        image_tokens = int((self.prompt_ids == self.model.config.image_token_index).sum())
        return VisionAnswer(text=text, engine=engine, device=self.device,
                            details={"prompt": self.prompt, "new_tokens": int(len(answer_ids)),
                                     "image_tokens": image_tokens, "turns_used": self.turns})


def _check_turns(turns: int) -> int:
    if not 0 <= turns <= 20:
        raise ValueError("history_turns must be 0..20")
    return turns


def _fill_patch_settings(processor, model) -> None:
    """Older snapshots lack these; without them the processor cannot
    expand <image> into one token per image patch."""
    if getattr(processor, "patch_size", None) is None:
        processor.patch_size = model.config.vision_config.patch_size
    if getattr(processor, "vision_feature_select_strategy", None) is None:
        processor.vision_feature_select_strategy = model.config.vision_feature_select_strategy
        # The CLIP tower's CLS token is counted, then "default" drops it again.
        processor.num_additional_image_tokens = 1
