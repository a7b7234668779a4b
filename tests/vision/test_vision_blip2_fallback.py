"""Where BLIP-2 runs and how it steps down when GPU memory runs out.

The GPU failures are injected at the torch/transformers level (a CUDA out-of-memory error
raised where the real one would come from) on the tiny model; our engine code runs as is.
"""
from __future__ import annotations

import pytest

from assistant.errors import DependencyMissingError
from assistant.events import ModelLoaded, Progress
from assistant.vision.blip2 import Blip2Engine
from assistant.vision.blip2_parts import (GenerationSettings, Placement, fallback_ladder,
                                          first_placement)

CPU = Placement("cpu", "float32")


def test_auto_dtype_is_bfloat16_where_the_card_has_it():
    assert first_placement("cuda", "auto", "none", bf16_ok=True, has_bnb=False) == \
        (Placement("cuda", "bfloat16"), "")
    assert first_placement("cuda", "auto", "none", bf16_ok=False, has_bnb=False) == \
        (Placement("cuda", "float16"), "")
    placement, note = first_placement("cuda", "bfloat16", "none", bf16_ok=False, has_bnb=True)
    assert placement == Placement("cuda", "float16") and "bfloat16" in note
    assert first_placement("cpu", "float16", "none", bf16_ok=True, has_bnb=True) == (CPU, "")


def test_quantising_needs_bitsandbytes_and_a_gpu():
    with pytest.raises(DependencyMissingError) as err:
        first_placement("cuda", "auto", "8bit", bf16_ok=True, has_bnb=False)
    assert err.value.package == "bitsandbytes" and "local-assistant[gpu]" in err.value.hint
    placement, note = first_placement("cpu", "auto", "4bit", bf16_ok=False, has_bnb=False)
    assert placement == CPU and "graphics card" in note
    assert first_placement("cuda", "float32", "4bit", bf16_ok=True, has_bnb=True)[0] == \
        Placement("cuda", "float16", "4bit")


def test_fallback_ladder_steps_to_smaller_settings():
    half = Placement("cuda", "float16")
    assert fallback_ladder(Placement("cuda", "float32"), has_bnb=True) == (
        Placement("cuda", "float32"), half, Placement("cuda", "float16", "8bit"),
        Placement("cuda", "float16", "4bit"), CPU)
    assert fallback_ladder(Placement("cuda", "bfloat16"), has_bnb=False) == \
        (Placement("cuda", "bfloat16"), CPU)
    assert fallback_ladder(Placement("cuda", "float16", "8bit"), has_bnb=True) == \
        (Placement("cuda", "float16", "8bit"), Placement("cuda", "float16", "4bit"), CPU)
    assert fallback_ladder(CPU, has_bnb=True) == (CPU,)


def test_generation_settings_are_checked_and_passed_on():
    assert GenerationSettings().kwargs() == {"max_new_tokens": 40, "num_beams": 1,
                                             "do_sample": False}
    kwargs = GenerationSettings(num_beams=3, length_penalty=0.5, repetition_penalty=1.2,
                                min_length=2, do_sample=True, temperature=0.7).kwargs()
    assert kwargs["length_penalty"] == 0.5 and kwargs["temperature"] == 0.7
    assert kwargs["min_length"] == 2 and kwargs["repetition_penalty"] == 1.2
    for bad in ({"repetition_penalty": 0.5}, {"temperature": 0}, {"num_beams": 0},
                {"min_new_tokens": 50}):
        with pytest.raises(ValueError):
            GenerationSettings(**bad)
    with pytest.raises(TypeError):
        Blip2Engine("x", top_k=5)        # a setting nobody reads is a mistake, not ignored


def test_quantise_asked_on_cpu_says_so_and_runs_full_precision(tiny_blip2, photo):
    events = []
    engine = Blip2Engine(str(tiny_blip2), device="cpu", quantize="8bit", max_new_tokens=3,
                         on_event=events.append)
    answer = engine.answer(photo("coffee"), "What is this?")
    assert answer.details["dtype"] == "float32" and answer.details["quantize"] == "none"
    notes = [e.message for e in events if isinstance(e, Progress)]
    assert notes and "graphics card" in notes[0]


@pytest.fixture()
def fake_gpu(monkeypatch):
    """torch believes a bf16-capable card is there; loading onto it is decided by ``mode``."""
    import torch
    import transformers

    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda *a, **k: True)
    monkeypatch.setattr(torch.cuda, "empty_cache", lambda: None)
    real = transformers.Blip2ForConditionalGeneration.from_pretrained.__func__
    state = {"mode": "oom", "cuda_loads": 0, "ooms": 0}
    monkeypatch.setattr(torch.cuda, "memory_stats", lambda *a, **k: {"num_ooms": state["ooms"]})

    def from_pretrained(cls, folder, **options):
        if options.pop("device_map", None) is not None:
            state["cuda_loads"] += 1
            if state["mode"] == "oom":
                raise torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 2 GiB")
            if state["mode"] == "oom-in-quantise":
                # transformers 5 catches the allocator's error inside a quantise step and
                # raises a bare RuntimeError; only the allocator's count remembers it.
                state["ooms"] += 1
                raise RuntimeError("We encountered some issues during automatic conversion of "
                                   "the weights.")
            # "fits": the CPU stands in for the card's memory.
        return real(cls, folder, **options)

    monkeypatch.setattr(transformers.Blip2ForConditionalGeneration, "from_pretrained",
                        classmethod(from_pretrained))
    return state


def test_out_of_memory_while_loading_falls_back_to_cpu(fake_gpu, tiny_blip2, photo):
    events = []
    engine = Blip2Engine(str(tiny_blip2), max_new_tokens=3, on_event=events.append)
    answer = engine.answer(photo("coffee"), "What is this?")
    assert fake_gpu["cuda_loads"] == 1
    assert answer.device == "cpu" and answer.details["dtype"] == "float32"
    notes = [e.message for e in events if isinstance(e, Progress)]
    assert len(notes) == 1 and "ran out of memory" in notes[0] and "CPU" in notes[0]
    assert [e.device for e in events if isinstance(e, ModelLoaded)] == ["cpu"]


def test_out_of_memory_hidden_inside_quantising_still_steps_down(fake_gpu, tiny_blip2, photo):
    fake_gpu["mode"] = "oom-in-quantise"
    events = []
    engine = Blip2Engine(str(tiny_blip2), max_new_tokens=3, on_event=events.append)
    answer = engine.answer(photo("coffee"), "What is this?")
    assert answer.device == "cpu"          # not "the model is damaged, download it again"
    assert any(isinstance(e, Progress) and "ran out of memory" in e.message for e in events)


def test_out_of_memory_while_answering_falls_back_and_answers(fake_gpu, tiny_blip2, photo):
    import torch

    fake_gpu["mode"] = "fits"
    events = []
    engine = Blip2Engine(str(tiny_blip2), max_new_tokens=3, on_event=events.append)
    engine.load()
    assert engine.placement == Placement("cuda", "bfloat16")
    _, model, _ = engine._lazy.loaded

    def out_of_memory(*args, **kwargs):
        raise torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 1 GiB")

    model.language_model.generate = out_of_memory
    answer = engine.answer(photo("coffee"), "What is this?")
    assert answer.device == "cpu" and answer.details["dtype"] == "float32"
    assert answer.details["image_encoding"] == "computed"   # not the bf16 one from before
    assert any(isinstance(e, Progress) and "ran out of memory" in e.message for e in events)
    assert [e.device for e in events if isinstance(e, ModelLoaded)] == ["cuda", "cpu"]
