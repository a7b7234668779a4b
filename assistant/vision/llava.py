"""LLaVA 1.5 family (llava-hf/llava-1.5-*-hf and fine-tunes in the same layout).

Loaded with ``LlavaForConditionalGeneration`` + ``AutoProcessor`` from a local folder or a
complete Hugging Face cache snapshot; nothing is downloaded. Earlier turns about the same
picture go into the conversation, so "and what colour is it?" has something to refer to.
The processor's own chat template is used when the snapshot ships one (formats differ
between fine-tunes); older snapshots without one get LLaVA 1.5's Vicuna format.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from ..events import Event
from . import VisionAnswer
from .hf_common import (DEVICES, DTYPES, LazyModel, check_choice, choose_dtype, clean,
                        find_weights, load_guarded, missing_weights, new_tokens, resolve_device,
                        running_guarded, tidy, transformers_module)

if TYPE_CHECKING:
    from PIL import Image

    from ..conversation.history import Turn

DEFAULT_MODEL = "llava-hf/llava-1.5-7b-hf"
NO_ANSWER = "I could not make out an answer from the picture."
# Asked to keep answers short: they are spoken, and long ones run on into made-up turns.
STYLE = "Answer in one or two short sentences."
_PURPOSE = "LLaVA vision model"


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


class LlavaEngine:
    """VisionEngine on LLaVA 1.5: a chat about one picture."""

    def __init__(self, model: str = DEFAULT_MODEL, *, device: str = "auto", dtype: str = "auto",
                 max_new_tokens: int = 60, num_beams: int = 1, history_turns: int = 4,
                 style: str = STYLE, models_dir: Path | None = None,
                 on_event: Callable[[Event], None] | None = None) -> None:
        check_choice(device, DEVICES, "device")
        check_choice(dtype, DTYPES, "dtype")
        if not 1 <= max_new_tokens <= 1024 or not 1 <= num_beams <= 8:
            raise ValueError("max_new_tokens must be 1..1024 and num_beams 1..8")
        if not 0 <= history_turns <= 16:
            raise ValueError("history_turns must be 0..16")
        self._model_name = model
        self._wanted_device = device
        self._wanted_dtype = dtype
        self._generate = {"max_new_tokens": max_new_tokens, "num_beams": num_beams,
                          "do_sample": False}
        self._history_turns = history_turns
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

    def load(self) -> None:
        """Load now (the first answer otherwise does it); safe to call twice."""
        self._lazy.get(self._load)

    def answer(self, image: "Image.Image", question: str,
               history: Sequence["Turn"] = (), *, context: str = "") -> VisionAnswer:
        processor, model, device, dtype = self._lazy.get(self._load)
        turns = tuple(history)[-self._history_turns:] if self._history_turns else ()
        prompt = self._prompt(processor, question, turns, context)
        inputs = processor(images=image.convert("RGB"), text=prompt, return_tensors="pt")
        inputs = inputs.to(device, dtype)   # casts only the float tensors (pixels)
        tokenizer = processor.tokenizer
        pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None \
            else tokenizer.eos_token_id
        with running_guarded(_PURPOSE):
            output = model.generate(**inputs, **self._generate, pad_token_id=pad_id)
        prompt_ids = inputs["input_ids"][0]
        answer_ids = new_tokens(output[0], prompt_ids)
        text = tokenizer.decode(answer_ids, skip_special_tokens=True)
        # A model that runs on invents the user's next turn; keep only its own answer.
        text = text.split("USER:")[0].split("ASSISTANT:")[0]
        image_tokens = int((prompt_ids == model.config.image_token_index).sum())
        return VisionAnswer(text=tidy(text, NO_ANSWER), engine=self.name, device=device,
                            details={"prompt": prompt, "new_tokens": int(answer_ids.shape[0]),
                                     "image_tokens": image_tokens, "turns_used": len(turns)})

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
            processor = transformers.AutoProcessor.from_pretrained(folder, local_files_only=True)
            model = transformers.LlavaForConditionalGeneration.from_pretrained(
                folder, dtype=dtype, local_files_only=True)
            return processor, model.to(device).eval()

        processor, model = load_guarded(_PURPOSE, folder, load)
        _fill_patch_settings(processor, model)
        return (processor, model, device, dtype), device


def _fill_patch_settings(processor, model) -> None:
    """Older snapshots lack these; without them the processor cannot
    expand <image> into one token per image patch."""
    if getattr(processor, "patch_size", None) is None:
        processor.patch_size = model.config.vision_config.patch_size
    if getattr(processor, "vision_feature_select_strategy", None) is None:
        processor.vision_feature_select_strategy = model.config.vision_feature_select_strategy
        # The CLIP tower's CLS token is counted, then "default" drops it again.
        processor.num_additional_image_tokens = 1
