"""The parts of the image-text-to-text engine that do not depend on which model it runs: the
conversation in the chat-message shape every processor's template reads, the tokens that end a
model's turn, and the scene-keyed reuse of an image's encoding.

The encoding is reused through transformers' own ``mm_encoder_outputs`` (transformers 5.x):
``generate()`` encodes the pictures before the first step with the base model's
``get_image_features`` and accepts that encoding in place of the pixels. The engine does the
same step itself, keeps what it got, and passes it back for another question about the same
view. Models (or transformers versions) without that keyword are run on pixels each time.
"""
from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Any, Sequence

if TYPE_CHECKING:
    from ..conversation.history import Turn

# Tokens that close a turn in the chat formats of the supported families (SmolVLM/Idefics3,
# Qwen and LLaVA-OneVision's ChatML, Gemma 3, Llama 3). Some snapshots' generation configs
# name only the tokenizer's EOS; generation also stops at these, so an answer never runs on
# into a made-up next turn.
END_OF_TURN = ("<end_of_utterance>", "<|im_end|>", "<end_of_turn>", "<|eot_id|>",
               "<|endoftext|>")
PIXEL_INPUTS = ("pixel_values", "pixel_values_images", "image_patches")
# Small tensors whose values decide how a picture is laid out in tokens (Qwen's grid, LLaVA's
# sizes): a reused encoding must have the same.
_LAYOUT_MAX_NUMEL = 64


def english_only(model_name: str) -> bool:
    """A model that answers in English whatever it is asked in (LLaVA 1.5, by its name)."""
    name = str(model_name).lower().replace("_", "-")
    return "llava-1.5" in name or "llava-v1.5" in name


def in_language(style: str, language: str) -> str:
    """``style`` and, for a reply language other than English, the instruction to answer in it."""
    from ..i18n import answer_instruction

    return f"{style} {answer_instruction(language)}".strip()


def conversation(question: str, history: Sequence["Turn"] = (), *, style: str = "",
                 context: str = "", image: Any = None) -> list[dict]:
    """Chat messages: earlier turns, then the question; the picture opens the first message.

    ``context`` (what OCR and the object detector measured) and ``style`` go with the last
    question, as the other engines put them. ``image`` is the picture itself, for the
    processor; None renders the template's placeholder only (the prompt shown in details).
    """
    from .llava import llava_conversation   # the one builder of these messages

    messages = llava_conversation(question, history, style=style, context=context)
    if image is not None:
        messages[0]["content"][0]["image"] = image
    return messages


def stop_token_ids(model, tokenizer) -> list[int]:
    """The ids that end an answer: the model's own EOS ids and the end-of-turn tokens it has."""
    eos = getattr(model.generation_config, "eos_token_id", None)
    ids = [eos] if isinstance(eos, int) else list(eos or ())
    if tokenizer.eos_token_id is not None:
        ids.append(tokenizer.eos_token_id)
    vocab = tokenizer.get_vocab()
    ids += [vocab[token] for token in END_OF_TURN if token in vocab]
    return sorted(set(int(i) for i in ids))


def image_tokens(model, prompt_ids) -> int:
    """How many placeholder tokens the picture got in the prompt (0: it never reached the LM)."""
    config = model.config
    token = getattr(config, "image_token_id", None)
    if token is None:
        token = getattr(config, "image_token_index", None)
    return int((prompt_ids == token).sum()) if token is not None else -1


def can_reuse_encoding(model) -> bool:
    """The model takes a picture's encoding in place of its pixels (transformers 5.x)."""
    return ("mm_encoder_outputs" in inspect.signature(model.forward).parameters
            and getattr(model.base_model, "get_image_features", None) is not None)


def split_image_inputs(model, inputs: dict) -> tuple[dict, dict]:
    """(what ``get_image_features`` takes, the rest for ``generate``), as ``generate`` splits."""
    encoder = model.base_model.get_image_features
    names = [name for name in inspect.signature(encoder).parameters if name != "kwargs"]
    picture = {name: inputs[name] for name in names if name in inputs}
    rest = {name: value for name, value in inputs.items() if name not in picture}
    return picture, rest


def layout_key(picture: dict) -> tuple:
    """What an encoding's shape depends on: tensor shapes, and the values of small ones."""
    key = []
    for name in sorted(picture):
        value = picture[name]
        shape = tuple(getattr(value, "shape", ()))
        small = tuple(value.reshape(-1).tolist()) \
            if hasattr(value, "numel") and value.numel() <= _LAYOUT_MAX_NUMEL else ()
        key.append((name, shape, small))
    return tuple(key)


def encode_image(model, picture: dict):
    """The picture's encoding, as ``generate`` makes it before the first step."""
    return model.base_model.get_image_features(**picture, return_dict=True)
