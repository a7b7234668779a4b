"""BLIP (VQA + captioning) through BlipEngine, on tiny random-weight models saved to disk."""
from __future__ import annotations

import shutil

import pytest

from assistant.conversation.history import Turn
from assistant.errors import ModelMissingError
from assistant.events import ModelLoaded, ModelLoading
from assistant.vision import VisionAnswer
from assistant.vision.blip import DESCRIBE_QUESTION, BlipEngine, blip_question, is_available


@pytest.fixture(scope="module")
def blip(tiny_blip_vqa, tiny_blip_caption):
    return BlipEngine(str(tiny_blip_vqa), str(tiny_blip_caption), device="cpu", max_new_tokens=8)


def _reference_vqa(folder, image, question, max_new_tokens):
    """The model card's plain call: processor(...) then generate(...), decoded."""
    import torch
    from transformers import BlipForQuestionAnswering, BlipProcessor

    processor = BlipProcessor.from_pretrained(folder)
    model = BlipForQuestionAnswering.from_pretrained(folder).eval()
    inputs = processor(images=image, text=question, return_tensors="pt")
    with torch.inference_mode():
        out = model.generate(**inputs, max_new_tokens=max_new_tokens, do_sample=False)
    return " ".join(processor.decode(out[0], skip_special_tokens=True).split())


def test_vqa_answer_is_what_the_model_card_call_gives(blip, tiny_blip_vqa, photo):
    coffee = photo("coffee")
    got = blip.answer(coffee, "what colour is the cup?")
    assert isinstance(got, VisionAnswer)
    assert got.details["mode"] == "vqa" and got.device == "cpu"
    assert got.engine == f"blip:{tiny_blip_vqa}"
    assert isinstance(got.text, str) and got.text.strip()
    assert got.text == _reference_vqa(tiny_blip_vqa, coffee, "what colour is the cup?", 8)


def test_vqa_looks_at_the_picture(blip, photo):
    # Same question, different photos: a model that ignored pixels would answer the same.
    replies = [blip.answer(photo(name), "is there an animal?")
               for name in ("coffee", "astronaut", "chelsea", "rocket")]
    assert {r.details["mode"] for r in replies} == {"vqa"}
    assert len({r.text for r in replies}) > 1


def test_describe_goes_to_the_captioning_model(blip, tiny_blip_caption, photo):
    import torch
    from transformers import BlipForConditionalGeneration, BlipProcessor

    got = blip.answer(photo("astronaut"), "describe the picture")
    assert got.details["mode"] == "caption"
    assert got.engine == f"blip:{tiny_blip_caption}"
    processor = BlipProcessor.from_pretrained(tiny_blip_caption)
    model = BlipForConditionalGeneration.from_pretrained(tiny_blip_caption).eval()
    with torch.inference_mode():
        out = model.generate(**processor(images=photo("astronaut"), return_tensors="pt"),
                             max_new_tokens=8, do_sample=False)
    assert got.text == " ".join(processor.decode(out[0], skip_special_tokens=True).split())


def test_conditional_caption_drops_the_prompt_words(tiny_blip_caption, photo):
    engine = BlipEngine(str(tiny_blip_caption), str(tiny_blip_caption), device="cpu",
                        max_new_tokens=5, caption_prompt="a picture of")
    got = engine.answer(photo("chelsea"), "what is in front of me")   # routed to "describe"
    assert got.details["mode"] == "caption" and got.details["prompt"] == "a picture of"
    assert 1 <= got.details["new_tokens"] <= 5
    assert not got.text.startswith("a picture of")


def test_describe_without_a_captioning_model_asks_the_vqa_model(tiny_blip_vqa, tmp_path, photo):
    for caption in (None, str(tmp_path / "no-such-caption-model")):
        engine = BlipEngine(str(tiny_blip_vqa), caption, device="cpu", max_new_tokens=4)
        got = engine.answer(photo("coffee"), "describe the picture")
        assert got.details["mode"] == "vqa"
        assert got.details["prompt"] == DESCRIBE_QUESTION


def test_history_enters_the_question_only_when_asked_for(tiny_blip_vqa, photo):
    history = [Turn("what is this", "a cup of coffee"), Turn("is it hot", "yes")]
    plain = BlipEngine(str(tiny_blip_vqa), None, device="cpu", max_new_tokens=4)
    assert plain.answer(photo("coffee"), "what colour is it?", history).details["prompt"] == \
        "what colour is it?"
    chatty = BlipEngine(str(tiny_blip_vqa), None, device="cpu", max_new_tokens=4, history_turns=1)
    got = chatty.answer(photo("coffee"), "what colour is it?", history)
    assert got.details["prompt"] == "is it hot yes. what colour is it?"
    assert blip_question("q3", history, 2) == "what is this a cup of coffee. is it hot yes. q3"


@pytest.mark.parametrize("limit", [1, 3])
def test_max_new_tokens_is_respected(tiny_blip_vqa, photo, limit):
    engine = BlipEngine(str(tiny_blip_vqa), None, device="cpu", max_new_tokens=limit)
    got = engine.answer(photo("rocket"), "is it on a table?")
    assert 1 <= got.details["new_tokens"] <= limit
    assert len(got.text.split()) <= limit


def test_missing_folder_is_a_plain_model_missing_error(tmp_path, photo):
    missing = tmp_path / "blip-vqa-base"
    engine = BlipEngine(str(missing), None, device="cpu")
    assert not is_available(str(missing))
    with pytest.raises(ModelMissingError) as caught:
        engine.answer(photo("coffee"), "is it on a table?")
    err = caught.value
    assert err.code == "model_missing" and err.stage == "vision"
    assert str(missing) in err.message and "BLIP" in err.message
    assert "assistant models download blip" in err.hint
    assert "Traceback" not in err.user_text()


def test_missing_hub_name_names_the_download(photo):
    engine = BlipEngine("nobody/blip-not-here", None, device="cpu")
    with pytest.raises(ModelMissingError) as caught:
        engine.answer(photo("coffee"), "is it on a table?")
    assert "'nobody/blip-not-here' on this computer" in caught.value.message
    assert "hf download nobody/blip-not-here" in caught.value.hint


def test_damaged_weights_are_reported_not_raised_raw(tiny_blip_vqa, tmp_path, photo):
    broken = tmp_path / "broken"
    shutil.copytree(tiny_blip_vqa, broken)
    weights = broken / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:1000])
    with pytest.raises(ModelMissingError) as caught:
        BlipEngine(str(broken), None, device="cpu").answer(photo("coffee"), "is it on a table?")
    assert caught.value.code == "model_broken" and str(broken) in caught.value.message


def test_load_events_and_one_load(tiny_blip_vqa, photo):
    events = []
    engine = BlipEngine(str(tiny_blip_vqa), None, device="cpu", max_new_tokens=2,
                        on_event=events.append)
    engine.load()
    engine.answer(photo("coffee"), "is it on a table?")
    assert [type(e) for e in events] == [ModelLoading, ModelLoaded]
    assert events[1].device == "cpu" and events[1].elapsed_ms > 0


def test_bad_settings_are_refused():
    with pytest.raises(ValueError):
        BlipEngine(device="tpu")
    with pytest.raises(ValueError):
        BlipEngine(max_new_tokens=0)
    with pytest.raises(ValueError):
        BlipEngine(dtype="int3")
