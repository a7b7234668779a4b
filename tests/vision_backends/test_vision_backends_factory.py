"""A user's LLaVA or BLIP folder is picked up by the same factory and pipeline the CLI uses."""
import shutil

from assistant.config import AppConfig
from assistant.conversation.sessions import SessionStore
from assistant.models.catalogue import catalogue
from assistant.engines.factory import EngineFactory
from assistant.paths import AppPaths
from assistant.pipeline import Assistant


def _paths(tmp_path):
    return AppPaths(tmp_path / "config", tmp_path / "cache", tmp_path / "data")


def test_llava_in_the_models_folder_answers_through_the_pipeline(tmp_path, tiny_llava, photo):
    paths = _paths(tmp_path)
    shutil.copytree(tiny_llava, paths.models_dir / "llava-1.5-7b-hf")
    config = AppConfig().with_overrides(vision={"max_new_tokens": 4})
    factory = EngineFactory(paths)
    assert factory.vision_kind(config.vision) == "llava"
    entries = {e.key: e for e in catalogue(config, paths)}
    assert entries["llava"].present and entries["llava"].in_use and not entries["blip2"].in_use
    assistant = Assistant(vision=factory.vision(config.vision), sessions=SessionStore(paths.sessions_dir))
    first = assistant.ask(photo("coffee"), text="What is this?", session="s")
    second = assistant.ask(photo("coffee"), text="Is it hot?", session="s")
    assert first.engines["vision"].startswith("llava")
    assert isinstance(second.answer, str) and second.answer
    assert "What is this?" in second.details["prompt"]  # the earlier turn is context


def test_blip_named_in_settings_is_used_with_its_captioner(tmp_path, tiny_blip_vqa, tiny_blip_caption, photo):
    paths = _paths(tmp_path)
    config = AppConfig().with_overrides(vision={"engine": "blip", "blip_model": str(tiny_blip_vqa),
                                                "blip_caption_model": str(tiny_blip_caption)})
    engine = EngineFactory(paths).vision(config.vision)
    answer = Assistant(vision=engine).ask(photo("chelsea"), text="Describe the scene")
    assert answer.engines["vision"].startswith("blip")
    assert isinstance(answer.answer, str) and answer.answer
