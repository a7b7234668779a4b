"""BLIP-2 through the real loading code, on a tiny random-weight model saved to disk."""
from __future__ import annotations

import json
import shutil

import pytest

from assistant.conversation.history import Turn
from assistant.errors import DeviceError, ModelMissingError
from assistant.events import ModelLoaded, ModelLoading
from assistant.vision.blip2 import NO_ANSWER, Blip2Engine, _tidy, is_available, locate


@pytest.fixture(scope="module")
def events():
    return []


@pytest.fixture(scope="module")
def engine(tiny_blip2, events):
    return Blip2Engine(str(tiny_blip2), max_new_tokens=8, on_event=events.append)


def test_answers_a_question(engine, coffee, events, tiny_blip2):
    answer = engine.answer(coffee, "What is on the table?")
    assert isinstance(answer.text, str) and answer.text
    import torch

    assert answer.engine == f"blip2:{tiny_blip2}"
    assert answer.device == ("cuda" if torch.cuda.is_available() else "cpu")
    assert answer.details["prompt"] == "Question: What is on the table? Answer:"
    assert 1 <= answer.details["new_tokens"] <= 8
    assert answer.details["image_tokens"] == 4          # the picture reached the language model
    assert [type(e) for e in events] == [ModelLoading, ModelLoaded]


def test_multi_turn_prompt_carries_earlier_turns(engine, coffee):
    history = (Turn("What is this?", "a cup of coffee"), Turn("What colour is the cup?", "red."))
    answer = engine.answer(coffee, "Is it hot?", history)
    assert answer.details["prompt"] == ("Question: What is this? Answer: a cup of coffee. "
                                        "Question: What colour is the cup? Answer: red. "
                                        "Question: Is it hot? Answer:")
    assert "Question:" not in answer.text


def test_missing_folder(tmp_path, coffee):
    engine = Blip2Engine(str(tmp_path / "no-such-model"))
    with pytest.raises(ModelMissingError) as err:
        engine.answer(coffee, "What is this?")
    assert err.value.stage == "vision"
    assert "full vision model is not installed" in err.value.message
    assert "assistant models download blip2" in err.value.hint


def test_hub_name_not_cached(tmp_path):
    assert not is_available("Salesforce/blip2-opt-2.7b", hf_cache=tmp_path)
    with pytest.raises(ModelMissingError) as err:
        Blip2Engine("Salesforce/blip2-opt-2.7b", hf_cache=tmp_path).load()
    assert "vision.blip2_model" in err.value.hint


def test_found_in_hugging_face_cache_layout(tmp_path, tiny_blip2, coffee):
    # The layout huggingface_hub writes: models--org--name/{refs/main, snapshots/<rev>/...}
    repo = tmp_path / "models--tiny--blip2"
    shutil.copytree(tiny_blip2, repo / "snapshots" / "0123abcd")
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text("0123abcd")
    assert locate("tiny/blip2", hf_cache=tmp_path) == repo / "snapshots" / "0123abcd"
    answer = Blip2Engine("tiny/blip2", hf_cache=tmp_path, max_new_tokens=3).answer(coffee, "What?")
    assert answer.engine == "blip2:tiny/blip2"


def test_models_folder_by_short_name(tmp_path, tiny_blip2):
    shutil.copytree(tiny_blip2, tmp_path / "blip2-opt-2.7b")
    assert locate("Salesforce/blip2-opt-2.7b", models_dir=tmp_path) == tmp_path / "blip2-opt-2.7b"


def test_folder_without_weights_is_not_available(tmp_path, tiny_blip2):
    shutil.copytree(tiny_blip2, tmp_path / "m", ignore=shutil.ignore_patterns("*.safetensors"))
    assert not is_available(str(tmp_path / "m"))


def test_damaged_weights(tmp_path, tiny_blip2, coffee):
    shutil.copytree(tiny_blip2, tmp_path / "m")
    (tmp_path / "m" / "model.safetensors").write_bytes(b"not weights")
    with pytest.raises(ModelMissingError) as err:
        Blip2Engine(str(tmp_path / "m")).answer(coffee, "What is this?")
    assert err.value.code == "model_broken"


def test_older_snapshot_without_image_tokens(tmp_path, tiny_blip2, coffee):
    # Checkpoints saved before the processor knew num_query_tokens: the picture must
    # still reach the model.
    folder = tmp_path / "old"
    shutil.copytree(tiny_blip2, folder)
    config = json.loads((folder / "config.json").read_text())
    config.pop("image_token_index", None)
    config.pop("image_token_id", None)
    (folder / "config.json").write_text(json.dumps(config))
    proc = json.loads((folder / "processor_config.json").read_text())
    proc.pop("num_query_tokens", None)
    (folder / "processor_config.json").write_text(json.dumps(proc))
    answer = Blip2Engine(str(folder), max_new_tokens=3).answer(coffee, "What is this?")
    assert answer.details["image_tokens"] == 4


def test_cuda_when_there_is_none(tiny_blip2):
    import torch

    engine = Blip2Engine(str(tiny_blip2), device="cuda")
    if torch.cuda.is_available():
        assert engine.device == "cuda"
    else:
        with pytest.raises(DeviceError):
            engine.load()


def test_empty_and_runaway_generations_are_tidied():
    assert _tidy("   ") == NO_ANSWER
    assert _tidy(" a red cup Question: what else? Answer: x") == "a red cup"
