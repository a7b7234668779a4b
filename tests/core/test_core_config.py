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


# -- settings that never block (issue 10) -------------------------------------------------

def test_whisper_languages_match_faster_whisper():
    from faster_whisper.tokenizer import _LANGUAGE_CODES

    assert cfg.WHISPER_LANGUAGES == frozenset(_LANGUAGE_CODES)


@pytest.mark.parametrize("language", ["xx", "englsh", "zz-ZZ", "klingon"])
def test_an_unknown_language_is_refused_before_any_model_loads(language):
    with pytest.raises(ConfigError) as err:
        cfg.AppConfig().with_overrides(asr={"language": language})
    assert f"language '{language}'" in err.value.message and err.value.exit_status == 2


@pytest.mark.parametrize("given, code", [
    ("FR_ca", "fr"), ("en-US", "en"), ("EN", "en"), ("English", "en"), (" mandarin ", "zh"),
    ("haitian creole", "ht"), ("jv", "jw"), ("nb", "no"), ("iw", "he"), ("yue", "yue")])
def test_a_region_case_name_or_sibling_code_is_still_the_language(given, code):
    """Kept as Whisper's code, so every reader (model choice, the remote server) sees one."""
    assert cfg.AppConfig().with_overrides(asr={"language": given}).asr.language == code


def test_every_language_name_is_whisper_s():
    """openai-whisper's names and aliases, as transformers copies them, to codes Whisper knows."""
    from transformers.models.whisper.tokenization_whisper import TO_LANGUAGE_CODE

    from assistant.languages import ALIASES, NAMES

    assert NAMES == TO_LANGUAGE_CODE
    assert set(NAMES.values()) | set(ALIASES.values()) <= cfg.WHISPER_LANGUAGES


def test_read_never_raises_and_keeps_the_good_sections(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text('[tts]\nrate = 9.0\n[ui]\ncamera = "2"\n[asr]\nlanguage = "fr"\n')
    loaded = cfg.read(path)
    assert loaded.damaged and "tts.rate" in loaded.problem
    assert loaded.config.ui.camera == "2" and loaded.config.asr.language == "fr"
    assert loaded.config.tts == cfg.TtsConfig()


@pytest.mark.parametrize("data", [b"\xff\xfe not text", b"[ui\n", b"[nonsense]\n"])
def test_a_damaged_file_gives_defaults_and_says_so(tmp_path: Path, data: bytes):
    path = tmp_path / "config.toml"
    path.write_bytes(data)
    loaded = cfg.read(path)
    assert loaded.config == cfg.AppConfig() and str(path) in loaded.problem


def test_save_sets_a_damaged_file_aside_and_keeps_a_good_one_unsaved(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_bytes(b"[ui\n")
    kept = cfg.save(cfg.AppConfig(), path)
    assert kept is not None and kept.name.startswith("config.toml.corrupt-")
    assert kept.read_bytes() == b"[ui\n" and cfg.load(path) == cfg.AppConfig()
    assert cfg.save(cfg.AppConfig().with_overrides(tts={"rate": 2.0}), path) is None
    assert cfg.load(path).tts.rate == 2.0 and len(list(tmp_path.iterdir())) == 2


@pytest.mark.parametrize("value, folder", [
    ("Salesforce/blip2-opt-2.7b", False), ("blip2", False), ("/models/blip2", True),
    ("./blip2", True), ("~/models/blip2", True), ("models/org/blip2", True),
])
def test_looks_like_folder(value, folder):
    assert cfg.looks_like_folder(value) is folder
