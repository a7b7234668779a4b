"""`assistant models` and the factory see a BLIP-2 folder dropped into the models folder."""
import shutil

from assistant.config import AppConfig
from assistant.models.catalogue import catalogue, format_table
from assistant.engines.factory import EngineFactory
from assistant.paths import AppPaths


def _paths(tmp_path):
    return AppPaths(tmp_path / "config", tmp_path / "cache", tmp_path / "data")


def test_absent_weights_say_how_to_get_them(tmp_path):
    paths = _paths(tmp_path)
    entries = {e.key: e for e in catalogue(AppConfig(), paths)}
    assert not entries["blip2"].present and "`assistant models download blip2`" in entries["blip2"].note
    assert EngineFactory(paths).vision_kind(AppConfig().vision) == "embedded"
    assert entries["rapidocr"].present and entries["rapidocr"].in_use


def test_blip2_in_the_models_folder_is_found_and_chosen(tmp_path, tiny_blip2):
    paths = _paths(tmp_path)
    shutil.copytree(tiny_blip2, paths.models_dir / "blip2-opt-2.7b")
    entries = {e.key: e for e in catalogue(AppConfig(), paths)}
    assert entries["blip2"].present and entries["blip2"].in_use
    assert entries["blip2"].size_bytes > 100_000
    assert EngineFactory(paths).vision_kind(AppConfig().vision) == "blip2"
    assert "blip2 *" in format_table(list(entries.values()))


def test_a_half_copied_folder_does_not_count(tmp_path, tiny_blip2):
    paths = _paths(tmp_path)
    target = paths.models_dir / "blip2-opt-2.7b"
    target.mkdir(parents=True)
    shutil.copy(tiny_blip2 / "config.json", target / "config.json")
    assert not {e.key: e for e in catalogue(AppConfig(), paths)}["blip2"].present
