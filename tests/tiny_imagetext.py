"""Tiny random-weight image-text-to-text models of today's open VLM architectures (SmolVLM /
Idefics3, Qwen2-VL, Gemma 3), each with a tokenizer trained here
(the hub is unreachable), its real processor class and a chat template in the format its
family ships, saved to a folder that loads back through ``AutoProcessor`` and
``AutoModelForImageTextToText`` exactly as a user's downloaded snapshot would."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from tiny_vlm import bpe_tokenizer

IMAGE_SIZE = 32
PATCH = 8
# Wider than the models' own init (0.02): a 2-layer random model at that scale repeats one
# token whatever it is shown, which would let a comparison of two paths pass trivially.
SPREAD = 0.2

# SmolVLM-Instruct's chat_template.json (HuggingFaceTB/SmolVLM-256M-Instruct), as shipped.
SMOLVLM_TEMPLATE = (
    "<|im_start|>{% for message in messages %}{{message['role'] | capitalize}}"
    "{% if message['content'][0]['type'] == 'image' %}{{':'}}{% else %}{{': '}}{% endif %}"
    "{% for line in message['content'] %}{% if line['type'] == 'text' %}{{line['text']}}"
    "{% elif line['type'] == 'image' %}{{ '<image>' }}{% endif %}{% endfor %}"
    "<end_of_utterance>\n{% endfor %}{% if add_generation_prompt %}{{ 'Assistant:' }}{% endif %}")

# Qwen2-VL / Qwen2.5-VL-Instruct's template (ChatML, a default system turn), images only.
QWEN_TEMPLATE = (
    "{% for message in messages %}{% if loop.first and message['role'] != 'system' %}"
    "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n{% endif %}"
    "<|im_start|>{{ message['role'] }}\n{% if message['content'] is string %}"
    "{{ message['content'] }}<|im_end|>\n{% else %}{% for content in message['content'] %}"
    "{% if content['type'] == 'image' or 'image' in content %}"
    "<|vision_start|><|image_pad|><|vision_end|>"
    "{% elif content['type'] == 'text' %}{{ content['text'] }}{% endif %}{% endfor %}"
    "<|im_end|>\n{% endif %}{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}")

# google/gemma-3-*-it: turns of user and model, the BOS first, images as <start_of_image>.
GEMMA3_TEMPLATE = (
    "{{ bos_token }}{% for message in messages %}"
    "{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}"
    "{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}"
    "{% endif %}{% set role = 'model' if message['role'] == 'assistant' else message['role'] %}"
    "<start_of_turn>{{ role }}\n{% for item in message['content'] %}"
    "{% if item['type'] == 'image' %}{{ '<start_of_image>' }}"
    "{% elif item['type'] == 'text' %}{{ item['text'] | trim }}{% endif %}{% endfor %}"
    "<end_of_turn>\n{% endfor %}{% if add_generation_prompt %}{{'<start_of_turn>model\n'}}{% endif %}")


def _liven(model, seed: int) -> None:
    import torch

    torch.manual_seed(seed)
    with torch.no_grad():
        for param in model.parameters():
            if param.dim() >= 2:
                param.normal_(0.0, SPREAD)


def _llama(tokenizer, **extra):
    from transformers import LlamaConfig

    return LlamaConfig(vocab_size=len(tokenizer), hidden_size=64, intermediate_size=128,
                       num_hidden_layers=2, num_attention_heads=2, num_key_value_heads=2,
                       max_position_embeddings=2048, bos_token_id=tokenizer.bos_token_id,
                       eos_token_id=tokenizer.eos_token_id, pad_token_id=tokenizer.pad_token_id,
                       **extra)


def _liven_and_save_model(folder: Path, model, seed: int) -> None:
    _liven(model, seed)
    model.eval().save_pretrained(folder)


def _save(folder: Path, processor, model, seed: int) -> Path:
    _liven_and_save_model(folder, model, seed)
    processor.save_pretrained(folder)
    return folder


def build_tiny_smolvlm(folder: Path) -> Path:
    """SmolVLM-256M's layout: Idefics3 (SigLIP tower, pixel shuffle, Llama), 4 image tokens."""
    from transformers import (Idefics3Config, Idefics3ForConditionalGeneration,
                              Idefics3ImageProcessorPil, Idefics3Processor, Idefics3VisionConfig)

    tokenizer = bpe_tokenizer(("<image>", "<fake_token_around_image>", "<global-img>",
                               "<end_of_utterance>", "<|im_start|>"))
    scale = 2
    seq_len = (IMAGE_SIZE // PATCH) ** 2 // scale ** 2
    image_processor = Idefics3ImageProcessorPil(
        do_image_splitting=False, size={"longest_edge": IMAGE_SIZE},
        max_image_size={"longest_edge": IMAGE_SIZE})
    processor = Idefics3Processor(image_processor=image_processor, tokenizer=tokenizer,
                                  image_seq_len=seq_len, chat_template=SMOLVLM_TEMPLATE)
    vision = Idefics3VisionConfig(hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                                  num_attention_heads=2, image_size=IMAGE_SIZE, patch_size=PATCH)
    config = Idefics3Config(vision_config=vision.to_dict(), text_config=_llama(tokenizer).to_dict(),
                            scale_factor=scale,
                            image_token_id=tokenizer.convert_tokens_to_ids("<image>"))
    return _save(folder, processor, Idefics3ForConditionalGeneration(config), 11)


def build_tiny_qwen2_vl(folder: Path) -> Path:
    """Qwen2-VL (14 px patches merged 2x2, multimodal rope), saved as its snapshot's files.

    The processor is saved as its parts plus ``processor_config.json``: transformers 5 builds a
    ``Qwen2VLProcessor`` (it reads video too) only where torchvision is installed.
    """
    import json

    from transformers import (Qwen2VLConfig, Qwen2VLForConditionalGeneration,
                              Qwen2VLImageProcessorPil)

    tokenizer = bpe_tokenizer(("<|im_start|>", "<|im_end|>", "<|vision_start|>",
                               "<|vision_end|>", "<|image_pad|>", "<|video_pad|>"))
    ids = tokenizer.convert_tokens_to_ids
    # Multimodal rope: the three sections share half the head size (32 / 2 = 16).
    text = dict(vocab_size=len(tokenizer), hidden_size=64, intermediate_size=128,
                num_hidden_layers=2, num_attention_heads=2, num_key_value_heads=2,
                max_position_embeddings=2048, bos_token_id=tokenizer.bos_token_id,
                eos_token_id=tokenizer.eos_token_id, pad_token_id=tokenizer.pad_token_id,
                rope_parameters={"rope_type": "default", "mrope_section": [4, 6, 6],
                                 "rope_theta": 10000.0}, model_type="qwen2_vl_text")
    vision = dict(depth=2, embed_dim=32, hidden_size=64, num_heads=2, mlp_ratio=2, patch_size=14,
                  spatial_merge_size=2, temporal_patch_size=2, in_channels=3)
    config = Qwen2VLConfig(text_config=text, vision_config=vision,
                           image_token_id=ids("<|image_pad|>"), video_token_id=ids("<|video_pad|>"),
                           vision_start_token_id=ids("<|vision_start|>"),
                           vision_end_token_id=ids("<|vision_end|>"))
    _liven_and_save_model(folder, Qwen2VLForConditionalGeneration(config), 12)
    tokenizer.save_pretrained(folder)
    # A 56 px picture: 16 patches, 4 image tokens.
    Qwen2VLImageProcessorPil(min_pixels=56 * 56, max_pixels=56 * 56).save_pretrained(folder)
    (folder / "processor_config.json").write_text(json.dumps(
        {"processor_class": "Qwen2VLProcessor"}))
    (folder / "chat_template.jinja").write_text(QWEN_TEMPLATE)
    return folder


def build_tiny_gemma3(folder: Path) -> Path:
    """Gemma 3: SigLIP tower pooled to a fixed number of soft tokens, Gemma 3 text model."""
    from transformers import (Gemma3Config, Gemma3ForConditionalGeneration,
                              Gemma3ImageProcessorPil, Gemma3Processor, Gemma3TextConfig,
                              SiglipVisionConfig)

    tokenizer = bpe_tokenizer(("<start_of_image>", "<end_of_image>", "<image_soft_token>",
                               "<start_of_turn>", "<end_of_turn>"),
                              named={"boi_token": "<start_of_image>",
                                     "eoi_token": "<end_of_image>",
                                     "image_token": "<image_soft_token>"})
    tokens_per_image = 4
    image_processor = Gemma3ImageProcessorPil(size={"height": IMAGE_SIZE, "width": IMAGE_SIZE})
    processor = Gemma3Processor(image_processor=image_processor, tokenizer=tokenizer,
                                chat_template=GEMMA3_TEMPLATE, image_seq_length=tokens_per_image)
    vision = SiglipVisionConfig(hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                                num_attention_heads=2, image_size=IMAGE_SIZE, patch_size=PATCH)
    text = Gemma3TextConfig(vocab_size=len(tokenizer), hidden_size=64, intermediate_size=128,
                            num_hidden_layers=2, num_attention_heads=2, num_key_value_heads=1,
                            head_dim=32, max_position_embeddings=2048, sliding_window=64,
                            bos_token_id=tokenizer.bos_token_id,
                            eos_token_id=tokenizer.eos_token_id,
                            pad_token_id=tokenizer.pad_token_id)
    ids = tokenizer.convert_tokens_to_ids
    config = Gemma3Config(vision_config=vision.to_dict(), text_config=text.to_dict(),
                          mm_tokens_per_image=tokens_per_image,
                          boi_token_index=ids("<start_of_image>"),
                          eoi_token_index=ids("<end_of_image>"),
                          image_token_index=ids("<image_soft_token>"),
                          # Tied, a random Gemma (inputs scaled by sqrt(width)) only echoes
                          # the prompt's last token, whatever the picture.
                          tie_word_embeddings=False)
    return _save(folder, processor, Gemma3ForConditionalGeneration(config), 15)


BUILDERS: dict[str, Callable[[Path], Path]] = {
    "smolvlm": build_tiny_smolvlm,
    "qwen2-vl": build_tiny_qwen2_vl,
    "gemma3": build_tiny_gemma3,
}
