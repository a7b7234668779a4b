"""Vision fixtures: real photos from scikit-image, the sample sign photo, and a tiny
random-weight BLIP-2 saved to disk so it loads through the same code as a real one."""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

REPO = Path(__file__).resolve().parents[2]
SIGN_PHOTO = REPO / "resources" / "samples" / "sign.jpg"
NUM_QUERY_TOKENS = 4

# Hub-free: anything from transformers/huggingface_hub must come from disk.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session")
def sign_photo_path() -> Path:
    assert SIGN_PHOTO.is_file(), "run scripts/make_sign_photo.py to make the sample photo"
    return SIGN_PHOTO


@pytest.fixture(scope="session")
def coffee(photo) -> Image.Image:
    return photo("coffee")


def _tokenizer(template: str = "</s> $A"):
    """A small byte-level BPE trained here: the OPT/T5 tokenizer files are not reachable offline.

    OPT puts </s> (its BOS) in front of every prompt; T5 ends each input with it ("$A </s>").
    """
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    corpus = ["Question: what is in the picture? Answer: a cat sitting on a red sofa.",
              "Question: what does the sign say? Answer: the sign says launch pad, no entry.",
              "Question: what colour is the cup? Answer: the cup is dark red and white."] * 20
    tok = Tokenizer(models.BPE(unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.train_from_iterator(corpus, trainers.BpeTrainer(
        vocab_size=320, special_tokens=["<pad>", "</s>", "<unk>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    tok.post_processor = processors.TemplateProcessing(
        single=template, special_tokens=[("</s>", tok.token_to_id("</s>"))])
    return PreTrainedTokenizerFast(tokenizer_object=tok, bos_token="</s>", eos_token="</s>",
                                   pad_token="<pad>", unk_token="<unk>")


def _liven(model, init_std: float | None) -> None:
    """Redraw the weights wider: at the default 0.02 a tiny model repeats one token whatever
    it sees, which would let a comparison of two generation paths pass trivially."""
    import torch

    if init_std is None:
        return
    torch.manual_seed(1)
    with torch.no_grad():
        for param in model.parameters():
            if param.dim() >= 2:
                param.normal_(0.0, init_std)


def build_tiny_blip2(folder: Path, init_std: float | None = None) -> Path:
    """Save a 2-layer, 64-wide BLIP-2 with the real architecture (vision ViT, Q-Former, OPT)."""
    import torch
    from transformers import (Blip2Config, Blip2ForConditionalGeneration, Blip2Processor,
                              Blip2QFormerConfig, Blip2VisionConfig, OPTConfig)
    try:  # transformers >= 5.x splits the PIL and torchvision image processors
        from transformers import BlipImageProcessorPil as ImageProcessor
    except ImportError:
        from transformers import BlipImageProcessor as ImageProcessor

    tokenizer = _tokenizer()
    processor = Blip2Processor(image_processor=ImageProcessor(size={"height": 32, "width": 32}),
                               tokenizer=tokenizer, num_query_tokens=NUM_QUERY_TOKENS)
    vocab = len(processor.tokenizer)  # includes the <image> token the processor adds
    config = Blip2Config(
        vision_config=Blip2VisionConfig(hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                                        num_attention_heads=2, image_size=32, patch_size=8).to_dict(),
        qformer_config=Blip2QFormerConfig(hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                                          num_attention_heads=2, vocab_size=vocab).to_dict(),
        text_config=OPTConfig(hidden_size=64, ffn_dim=128, num_hidden_layers=2, num_attention_heads=2,
                              vocab_size=vocab, word_embed_proj_dim=64, max_position_embeddings=512,
                              bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id,
                              pad_token_id=tokenizer.pad_token_id).to_dict(),
        num_query_tokens=NUM_QUERY_TOKENS,
        image_token_index=processor.tokenizer.convert_tokens_to_ids("<image>"),
    )
    torch.manual_seed(0)
    model = Blip2ForConditionalGeneration(config).eval()
    _liven(model, init_std)
    model.save_pretrained(folder)
    processor.save_pretrained(folder)
    return folder


def build_tiny_blip2_t5(folder: Path, init_std: float | None = 0.4) -> Path:
    """The Flan-T5 variant (Salesforce/blip2-flan-t5-xl architecture), 2 layers, 64 wide."""
    import torch
    from transformers import (Blip2Config, Blip2ForConditionalGeneration, Blip2Processor,
                              Blip2QFormerConfig, Blip2VisionConfig, T5Config)
    try:
        from transformers import BlipImageProcessorPil as ImageProcessor
    except ImportError:
        from transformers import BlipImageProcessor as ImageProcessor

    tokenizer = _tokenizer("$A </s>")
    processor = Blip2Processor(image_processor=ImageProcessor(size={"height": 32, "width": 32}),
                               tokenizer=tokenizer, num_query_tokens=NUM_QUERY_TOKENS)
    vocab = len(processor.tokenizer)
    pad, eos = tokenizer.pad_token_id, tokenizer.eos_token_id
    config = Blip2Config(
        vision_config=Blip2VisionConfig(hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                                        num_attention_heads=2, image_size=32, patch_size=8).to_dict(),
        qformer_config=Blip2QFormerConfig(hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                                          num_attention_heads=2, vocab_size=vocab).to_dict(),
        text_config=T5Config(d_model=64, d_ff=128, d_kv=32, num_layers=2, num_decoder_layers=2,
                             num_heads=2, vocab_size=vocab, feed_forward_proj="gated-gelu",
                             pad_token_id=pad, eos_token_id=eos, decoder_start_token_id=pad,
                             bos_token_id=None).to_dict(),
        num_query_tokens=NUM_QUERY_TOKENS,
        image_token_index=processor.tokenizer.convert_tokens_to_ids("<image>"),
    )
    torch.manual_seed(0)
    model = Blip2ForConditionalGeneration(config).eval()
    _liven(model, init_std)
    model.save_pretrained(folder)
    processor.save_pretrained(folder)
    return folder


@pytest.fixture(scope="session")
def tiny_blip2_t5(tmp_path_factory) -> Path:
    return build_tiny_blip2_t5(tmp_path_factory.mktemp("tiny-blip2-t5"))


@pytest.fixture(scope="session")
def tiny_blip2_lively(tmp_path_factory) -> Path:
    """The OPT variant with weights wide enough that answers differ from picture to picture."""
    return build_tiny_blip2(tmp_path_factory.mktemp("tiny-blip2-lively"), init_std=0.4)


@pytest.fixture(scope="session")
def tiny_blip2(tmp_path_factory) -> Path:
    return build_tiny_blip2(tmp_path_factory.mktemp("tiny-blip2"))


@pytest.fixture()
def truncated_jpeg(tmp_path, sign_photo_path) -> Path:
    data = sign_photo_path.read_bytes()
    path = tmp_path / "cut.jpg"
    path.write_bytes(data[: len(data) // 3])
    return path


@pytest.fixture(scope="session")
def dimmed():
    """dimmed(img, 0.1): the same photo with the light turned down."""
    def dim(img: Image.Image, factor: float) -> Image.Image:
        return Image.fromarray((np.asarray(img, dtype=np.float32) * factor).astype(np.uint8))
    return dim
