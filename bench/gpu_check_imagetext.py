"""The image-text-to-text step of bench/gpu_check.py: the smallest real model of each family
whose files are in the Hugging Face cache, through our ImageTextEngine on one photo.

For each: load time, time to the first streamed piece, the whole answer's time, peak GPU
memory, and the answer (a sanity check: it should name the sign's words). A family whose files
are absent is reported as skipped; nothing is downloaded.
"""
from __future__ import annotations

import time
from pathlib import Path

# The smallest instruct model of each family (Hugging Face names, as the cache stores them).
SMALLEST = {
    "smolvlm": "HuggingFaceTB/SmolVLM-256M-Instruct",
    "qwen2-vl": "Qwen/Qwen2-VL-2B-Instruct",
    "qwen2.5-vl": "Qwen/Qwen2.5-VL-3B-Instruct",
    "llava-onevision": "llava-hf/llava-onevision-qwen2-0.5b-ov-hf",
    "gemma3": "google/gemma-3-4b-it",
    "llava-1.5": "llava-hf/llava-1.5-7b-hf",
}
QUESTION = "What does the sign say?"


def present(model: str) -> bool:
    from assistant.vision.hf_common import find_weights

    return find_weights(model) is not None


def leg(model: str, root: Path, device: str, new_tokens: int) -> dict:
    """Load, answer once streamed (first piece and whole), answer a follow-up; close."""
    import torch
    from PIL import Image

    from assistant.conversation.history import Turn
    from assistant.vision import stream_answer
    from assistant.vision.imagetext import ImageTextEngine

    photo = Image.open(root / "resources" / "samples" / "sign.jpg")
    cuda = device == "cuda"
    if cuda:
        torch.cuda.reset_peak_memory_stats()
    engine = ImageTextEngine(model, device=device, max_new_tokens=new_tokens)
    start = time.perf_counter()
    engine.load()
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    stream = stream_answer(engine, photo, QUESTION)
    first = None
    for _ in stream:
        first = first if first is not None else time.perf_counter() - start
    whole_s = time.perf_counter() - start
    answer = stream.answer
    follow = engine.answer(photo, "What colour is it?", (Turn(QUESTION, answer.text),))
    peak = torch.cuda.max_memory_allocated() / 2**30 if cuda else 0.0
    placement = engine.placement
    engine.close()
    return {"brief": f"load {load_s:.1f} s, first token {first or whole_s:.2f} s, answer "
                     f"{whole_s:.2f} s ({answer.details['new_tokens']} tokens), follow-up "
                     f"{follow.details['elapsed_ms'] / 1000:.2f} s "
                     f"({follow.details['image_encoding']}), peak {peak:.1f} GiB: "
                     f"{answer.text[:60]!r}",
            "load_s": round(load_s, 2), "first_token_s": round(first or whole_s, 3),
            "answer_s": round(whole_s, 3), "peak_gib": round(peak, 2),
            "answer": answer.text, "follow_up": follow.text,
            "placement": placement.describe() if placement else "",
            "family": answer.details["family"]}
