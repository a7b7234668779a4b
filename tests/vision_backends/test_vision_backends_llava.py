"""LLaVA 1.5 through LlavaEngine, on a tiny random-weight model (CLIP tower + Llama) on disk."""
from __future__ import annotations

import pytest
from assistant.conversation.history import Turn
from assistant.errors import ModelMissingError
from assistant.events import ModelLoaded, ModelLoading
from assistant.vision import VisionAnswer
from assistant.vision.llava import LlavaEngine, llava_prompt

# 32 px pictures in 8 px patches; the CLS token is dropped ("default" strategy).
LLAVA_IMAGE_TOKENS = (32 // 8) ** 2
HISTORY = (Turn("what is this", "a cup of coffee"), Turn("is it full", "yes, nearly"))


@pytest.fixture(scope="module")
def llava(tiny_llava):
    return LlavaEngine(str(tiny_llava), device="cpu", max_new_tokens=6)


def test_prompt_format_is_llava_15():
    assert llava_prompt("what colour is it?", style="") == \
        "USER: <image>\nwhat colour is it? ASSISTANT:"
    assert llava_prompt("and the saucer?", HISTORY[:1], style="") == \
        "USER: <image>\nwhat is this ASSISTANT: a cup of coffee</s>USER: and the saucer? ASSISTANT:"


def test_answer_matches_the_plain_reference_call(llava, tiny_llava, photo):
    import torch
    from transformers import AutoProcessor, LlavaForConditionalGeneration

    coffee = photo("coffee")
    got = llava.answer(coffee, "what colour is the cup?")
    assert isinstance(got, VisionAnswer) and isinstance(got.text, str) and got.text
    assert got.engine == f"llava:{tiny_llava}" and got.device == "cpu"
    # Every image patch reached the language model as its own placeholder token.
    assert got.details["image_tokens"] == LLAVA_IMAGE_TOKENS

    processor = AutoProcessor.from_pretrained(tiny_llava)
    model = LlavaForConditionalGeneration.from_pretrained(tiny_llava).eval()
    inputs = processor(images=coffee, text=got.details["prompt"], return_tensors="pt")
    with torch.inference_mode():
        out = model.generate(**inputs, max_new_tokens=6, do_sample=False)
    new = out[0][inputs["input_ids"].shape[1]:]
    assert got.details["new_tokens"] == len(new)
    expected = " ".join(processor.decode(new, skip_special_tokens=True).split()).strip(" :")
    assert expected and got.text == expected
    # Only the new tokens are decoded: the prompt is not read back to the user.
    assert "USER" not in got.text and "what colour is the cup" not in got.text


def test_history_enters_the_prompt(llava, photo):
    got = llava.answer(photo("coffee"), "what colour is it?", HISTORY)
    prompt = got.details["prompt"]
    assert got.details["turns_used"] == 2
    assert prompt.index("what is this") < prompt.index("a cup of coffee") \
        < prompt.index("is it full") < prompt.index("yes, nearly") < prompt.index("what colour")
    assert prompt.count("<image>") == 1 and prompt.endswith("ASSISTANT:")
    assert got.details["image_tokens"] == LLAVA_IMAGE_TOKENS


def test_history_is_cut_to_the_last_turns(tiny_llava, photo):
    engine = LlavaEngine(str(tiny_llava), device="cpu", max_new_tokens=2, history_turns=1)
    got = engine.answer(photo("coffee"), "what colour is it?", HISTORY)
    assert got.details["turns_used"] == 1
    assert "a cup of coffee" not in got.details["prompt"]
    assert "yes, nearly" in got.details["prompt"]


def test_processor_chat_template_is_used_when_shipped(tiny_llava_templated, photo):
    engine = LlavaEngine(str(tiny_llava_templated), device="cpu", max_new_tokens=3, style="")
    got = engine.answer(photo("astronaut"), "who is this?", HISTORY[:1])
    assert got.details["prompt"] == \
        "USER: <image>\nwhat is this ASSISTANT: a cup of coffee USER: who is this? ASSISTANT:"
    assert got.details["image_tokens"] == LLAVA_IMAGE_TOKENS


def test_answer_depends_on_the_picture(llava, photo):
    answers = {llava.answer(photo(name), "what is this?").text
               for name in ("coffee", "astronaut", "chelsea", "rocket")}
    assert len(answers) > 1


@pytest.mark.parametrize("limit", [1, 4])
def test_max_new_tokens_is_respected(tiny_llava, photo, limit):
    engine = LlavaEngine(str(tiny_llava), device="cpu", max_new_tokens=limit)
    assert 1 <= engine.answer(photo("rocket"), "what is it?").details["new_tokens"] <= limit


def test_missing_folder_is_a_plain_model_missing_error(tmp_path, photo):
    events = []
    folder = tmp_path / "llava-1.5-7b-hf"
    folder.mkdir()
    (folder / "config.json").write_text("{}")   # half-copied: no weights
    engine = LlavaEngine(str(folder), device="cpu", on_event=events.append)
    with pytest.raises(ModelMissingError) as caught:
        engine.answer(photo("coffee"), "what is this?")
    assert caught.value.code == "model_missing"
    assert "LLaVA" in caught.value.message and str(folder) in caught.value.message
    assert "llava-hf/llava-1.5-7b-hf" in caught.value.hint
    assert events == []   # nothing was said to be loading


def test_load_events(tiny_llava):
    events = []
    engine = LlavaEngine(str(tiny_llava), device="cpu", on_event=events.append)
    engine.load()
    engine.load()
    assert [type(e) for e in events] == [ModelLoading, ModelLoaded]
    assert engine.device == "cpu"
