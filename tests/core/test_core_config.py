from pathlib import Path

import pytest

from assistant import config as cfg
from assistant.errors import ConfigError


def test_defaults_are_valid_and_round_trip(tmp_path: Path):
    path = tmp_path / "config.toml"
    original = cfg.AppConfig().with_overrides(asr={"language": "fr"}, tts={"rate": 1.5})
    cfg.save(original, path)
    assert cfg.load(path) == original
    assert 'language = "fr"' in path.read_text()


def test_missing_file_means_defaults(tmp_path: Path):
    assert cfg.load(tmp_path / "nope.toml") == cfg.AppConfig()


def test_overrides_ignore_none_and_keep_the_rest():
    base = cfg.AppConfig().with_overrides(vision={"max_new_tokens": 12})
    changed = base.with_overrides(vision={"engine": "embedded", "blip2_model": None})
    assert changed.vision.engine == "embedded"
    assert changed.vision.max_new_tokens == 12
    assert changed.vision.blip2_model == cfg.VisionConfig().blip2_model


@pytest.mark.parametrize("text, words", [
    ("[asr]\ntask = 'sing'\n", "asr.task"),
    ("[tts]\nrate = 9.0\n", "tts.rate"),
    ("[tts]\nrate = 'fast'\n", "tts.rate"),
    ("[vision]\nwhat = 1\n", "vision.what"),
    ("[nonsense]\n", "[nonsense]"),
    ("this is = not toml [", "not valid TOML"),
])
def test_bad_files_name_the_problem(tmp_path: Path, text: str, words: str):
    path = tmp_path / "config.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as err:
        cfg.load(path)
    assert words in err.value.user_text()


def test_integers_are_accepted_for_floats(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text("[tts]\nrate = 2\n")
    assert cfg.load(path).tts.rate == 2.0
