"""Tiny random-weight BLIP, LLaVA and CLIP models of the real architectures, with tokenizers
built here (the hub is unreachable), saved to disk so tests load them back through the engines
exactly as a user's downloaded folder would be. Shared by tests/vision_backends and tests/vision."""
from __future__ import annotations

from pathlib import Path

IMAGE_SIZE = 32
PATCH = 8
LLAVA_IMAGE_TOKENS = (IMAGE_SIZE // PATCH) ** 2      # CLS dropped ("default" strategy)
CORPUS = [
    "what is in the picture? a cat sitting on a red sofa.",
    "what does the sign say? the sign says launch pad, no entry.",
    "what colour is the cup? the cup is dark red and white.",
    "how many people are here? two people. is the light on? yes.",
    "USER: describe the photo ASSISTANT: a man in a space suit holding a flag.",
    "a photo of a door, a cup, a bottle, a chair, a street, a kitchen, a dog, a person.",
]


def _words() -> list[str]:
    import re

    return sorted({w for line in CORPUS for w in re.findall(r"[a-z]+", line.lower())})


def bert_tokenizer():
    """BLIP's tokenizer is BERT's WordPiece plus a [DEC] start-of-answer token."""
    from transformers import BertTokenizer

    special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    letters = [chr(c) for c in range(ord("a"), ord("z") + 1)]
    pieces = special + sorted(set(_words()) | set(letters)) + [f"##{c}" for c in letters]
    pieces += list("?.,!'") + ["[DEC]"]
    vocab = {piece: i for i, piece in enumerate(pieces)}
    return BertTokenizer(vocab=vocab, bos_token="[DEC]")


def _blip_config(tokenizer):
    from transformers import BlipConfig, BlipTextConfig, BlipVisionConfig

    # At BLIP's own init scale (0.02) a 2-layer random model answers the same whatever the
    # picture; wider weights let the pixels reach the words, so tests can see they do.
    spread = 0.3
    text = BlipTextConfig(vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64,
                          num_hidden_layers=2, num_attention_heads=2, max_position_embeddings=128,
                          bos_token_id=tokenizer.bos_token_id, pad_token_id=tokenizer.pad_token_id,
                          sep_token_id=tokenizer.sep_token_id, eos_token_id=tokenizer.sep_token_id,
                          initializer_range=spread)
    vision = BlipVisionConfig(hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                              num_attention_heads=2, image_size=IMAGE_SIZE, patch_size=PATCH,
                              initializer_range=spread)
    return BlipConfig(text_config=text.to_dict(), vision_config=vision.to_dict(),
                      projection_dim=32, image_text_hidden_size=32, initializer_range=spread)


def build_tiny_blip(folder: Path, kind: str) -> Path:
    """kind "vqa" (BlipForQuestionAnswering) or "caption" (BlipForConditionalGeneration)."""
    import torch
    from transformers import (BlipForConditionalGeneration, BlipForQuestionAnswering,
                              BlipImageProcessorPil, BlipProcessor)

    tokenizer = bert_tokenizer()
    processor = BlipProcessor(
        image_processor=BlipImageProcessorPil(size={"height": IMAGE_SIZE, "width": IMAGE_SIZE}),
        tokenizer=tokenizer)
    torch.manual_seed(1 if kind == "vqa" else 2)
    model_class = BlipForQuestionAnswering if kind == "vqa" else BlipForConditionalGeneration
    model_class(_blip_config(tokenizer)).eval().save_pretrained(folder)
    processor.save_pretrained(folder)
    return folder


def bpe_tokenizer(extra_special: tuple[str, ...] = (), named: dict[str, str] | None = None):
    """A byte-level BPE trained here, Llama-style: <s> in front of every text.

    ``named``: special tokens a processor reads by name (Gemma 3's ``boi_token``...)."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.train_from_iterator(CORPUS * 20, trainers.BpeTrainer(
        vocab_size=400, special_tokens=["<unk>", "<s>", "</s>", "<pad>", *extra_special],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A", special_tokens=[("<s>", tok.token_to_id("<s>"))])
    return PreTrainedTokenizerFast(tokenizer_object=tok, bos_token="<s>", eos_token="</s>",
                                   pad_token="<pad>", unk_token="<unk>",
                                   extra_special_tokens={"image_token": "<image>"}
                                   if "<image>" in extra_special else (named or {}))


# The chat template llava-hf/llava-1.5-*-hf ship in chat_template.json (same output format).
LLAVA_15_TEMPLATE = (
    "{% for message in messages %}{% if message['role'] != 'system' %}"
    "{{ message['role'].upper() + ': '}}{% endif %}"
    "{% for content in message['content'] | selectattr('type', 'equalto', 'image') %}"
    "{{ '<image>\n' }}{% endfor %}"
    "{% for content in message['content'] | selectattr('type', 'equalto', 'text') %}"
    "{{ content['text'] + ' '}}{% endfor %}{% endfor %}"
    "{% if add_generation_prompt %}{{ 'ASSISTANT:' }}{% endif %}")


def build_tiny_llava(folder: Path, *, chat_template: str | None = None) -> Path:
    """CLIP vision tower + projector + Llama, 32/64 wide, 2 layers, 32 px images."""
    import torch
    from transformers import (CLIPImageProcessorPil, CLIPVisionConfig, LlamaConfig, LlavaConfig,
                              LlavaForConditionalGeneration, LlavaProcessor)

    tokenizer = bpe_tokenizer(("<image>",))
    image_processor = CLIPImageProcessorPil(size={"shortest_edge": IMAGE_SIZE},
                                            crop_size={"height": IMAGE_SIZE, "width": IMAGE_SIZE})
    # As in llava-hf's processor_config.json: the CLS token counts, then "default" drops it.
    processor = LlavaProcessor(image_processor=image_processor, tokenizer=tokenizer,
                               patch_size=PATCH, vision_feature_select_strategy="default",
                               num_additional_image_tokens=1, chat_template=chat_template)
    vision = CLIPVisionConfig(hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                              num_attention_heads=2, image_size=IMAGE_SIZE, patch_size=PATCH,
                              projection_dim=32)
    text = LlamaConfig(vocab_size=len(tokenizer), hidden_size=64, intermediate_size=128,
                       num_hidden_layers=2, num_attention_heads=2, num_key_value_heads=2,
                       max_position_embeddings=512, bos_token_id=tokenizer.bos_token_id,
                       eos_token_id=tokenizer.eos_token_id, pad_token_id=tokenizer.pad_token_id)
    config = LlavaConfig(vision_config=vision.to_dict(), text_config=text.to_dict(),
                         image_token_index=processor.image_token_id,
                         image_seq_length=LLAVA_IMAGE_TOKENS,
                         vision_feature_select_strategy="default", vision_feature_layer=-2)
    torch.manual_seed(3)
    LlavaForConditionalGeneration(config).eval().save_pretrained(folder)
    processor.save_pretrained(folder)
    return folder


def clip_tokenizer():
    """CLIP's tokenizer class over a BPE vocabulary trained here on label-like text."""
    import json

    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import CLIPTokenizer

    from assistant.vision.clip import EVERYDAY_LABELS

    tok = Tokenizer(models.BPE(end_of_word_suffix="</w>"))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    corpus = [f"a photo of {label}" for label in EVERYDAY_LABELS] * 5 + CORPUS
    tok.train_from_iterator(corpus, trainers.BpeTrainer(
        vocab_size=600, end_of_word_suffix="</w>",
        special_tokens=["<|startoftext|>", "<|endoftext|>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    model = json.loads(tok.to_str())["model"]
    merges = [tuple(m.split(" ")) if isinstance(m, str) else tuple(m) for m in model["merges"]]
    return CLIPTokenizer(vocab=model["vocab"], merges=merges)


def build_tiny_clip(folder: Path) -> Path:
    import torch
    from transformers import (CLIPConfig, CLIPImageProcessorPil, CLIPModel, CLIPProcessor,
                              CLIPTextConfig, CLIPVisionConfig)

    tokenizer = clip_tokenizer()
    processor = CLIPProcessor(
        image_processor=CLIPImageProcessorPil(size={"shortest_edge": IMAGE_SIZE},
                                              crop_size={"height": IMAGE_SIZE,
                                                         "width": IMAGE_SIZE}),
        tokenizer=tokenizer)
    text = CLIPTextConfig(vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64,
                          num_hidden_layers=2, num_attention_heads=2, max_position_embeddings=77,
                          bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id,
                          pad_token_id=tokenizer.pad_token_id)
    vision = CLIPVisionConfig(hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                              num_attention_heads=2, image_size=IMAGE_SIZE, patch_size=PATCH)
    config = CLIPConfig(text_config=text.to_dict(), vision_config=vision.to_dict(),
                        projection_dim=32)
    torch.manual_seed(4)
    CLIPModel(config).eval().save_pretrained(folder)
    processor.save_pretrained(folder)
    return folder
