"""A follow-up in the same session reaches BLIP-2 with the earlier turns, through the CLI's
own factory and pipeline, on a tiny random-weight BLIP-2 saved as a user's folder would be."""
from assistant.config import AppConfig
from assistant.conversation.sessions import SessionStore
from assistant.events import EventBus, Recorder, Reply
from assistant.engines.factory import EngineFactory
from assistant.paths import AppPaths
from assistant.pipeline import Assistant


def _assistant(tmp_path, folder):
    paths = AppPaths(tmp_path / "config", tmp_path / "cache", tmp_path / "data")
    config = AppConfig().with_overrides(vision={"engine": "auto", "blip2_model": str(folder),
                                                "max_new_tokens": 5})
    bus = EventBus()
    vision = EngineFactory(paths, on_event=bus.emit).vision(config.vision)
    return Assistant(vision=vision, bus=bus, sessions=SessionStore(paths.sessions_dir)), bus


def test_auto_picks_blip2_when_its_folder_exists(tmp_path, tiny_blip2):
    assistant, _ = _assistant(tmp_path, tiny_blip2)
    assert assistant.vision.name.startswith("blip2:")


def conversation(result) -> str:
    """The prompt after the grounding line (what OCR and the detector measured)."""
    prompt = result.details["prompt"]
    assert prompt.startswith(result.details["grounding"])
    return prompt.removeprefix(result.details["grounding"]).strip()


def test_follow_up_sees_earlier_turns_about_the_same_image_only(tmp_path, tiny_blip2, coffee, photo):
    assistant, bus = _assistant(tmp_path, tiny_blip2)
    replies = Recorder(bus)
    first = assistant.ask(coffee, text="What is in the cup?", session="s")
    second = assistant.ask(coffee, text="Is it hot?", session="s")
    assert conversation(second).startswith(
        f"Question: What is in the cup? Answer: {first.answer.rstrip('.')}")
    assert conversation(second).endswith("Question: Is it hot? Answer:")
    other = assistant.ask(photo("astronaut"), text="Who is this?", session="s")
    assert conversation(other) == "Question: Who is this? Answer:"
    fresh = assistant.ask(coffee, text="Is it hot?", session="other")
    assert conversation(fresh) == "Question: Is it hot? Answer:"
    assert [r.question for r in replies.of_type(Reply)] == ["What is in the cup?", "Is it hot?",
                                                             "Who is this?", "Is it hot?"]


def test_a_new_camera_frame_of_the_same_view_keeps_the_context(tmp_path, tiny_blip2, coffee):
    """Live frames differ in every pixel; the follow-up must still see the earlier turn."""
    import numpy as np
    from PIL import Image

    assistant, _ = _assistant(tmp_path, tiny_blip2)
    rng = np.random.default_rng(3)
    pixels = np.asarray(coffee, dtype=np.float64)
    later = np.roll(np.clip(pixels + rng.normal(0, 6, pixels.shape), 0, 255), (4, 6), axis=(0, 1))
    first = assistant.ask(coffee, text="What is in the cup?", session="cam")
    follow = assistant.ask(Image.fromarray(later.astype(np.uint8)), text="Is it hot?", session="cam")
    assert first.image_id != follow.image_id
    assert conversation(follow).startswith("Question: What is in the cup? Answer:")
