"""The engine factory builds outside its lock: a voice changed for a new rate, or rebuilt for
another voice, does not wait for a vision model loading on another thread. The vision build
here is made slow on purpose (it waits for the test); the speakers are the real pyttsx3
voice; the factory's locking is what is under test."""
from __future__ import annotations

import threading

from assistant.config import AppConfig, TtsConfig
from assistant.engines.factory import EngineFactory
from assistant.paths import AppPaths

EMBEDDED = AppConfig().with_overrides(vision={"engine": "embedded"}).vision


class SlowVisionFactory(EngineFactory):
    """Its vision build takes as long as the test wants (a model loading for minutes)."""

    def __init__(self, paths: AppPaths) -> None:
        super().__init__(paths)
        self.building = threading.Event()
        self.release = threading.Event()

    def _build_vision(self, *args, **kwargs):
        self.building.set()
        self.release.wait(60)
        return super()._build_vision(*args, **kwargs)


def _in_thread(call) -> tuple[threading.Thread, list]:
    out: list = []
    thread = threading.Thread(target=lambda: out.append(call()), daemon=True)
    thread.start()
    return thread, out


def test_a_voice_for_a_new_rate_does_not_wait_for_a_vision_model_loading(tmp_path):
    factory = SlowVisionFactory(AppPaths(tmp_path / "config", tmp_path / "cache", tmp_path / "data"))
    voice = factory.speaker(TtsConfig(engine="pyttsx3", play=False))
    loading, vision = _in_thread(lambda: factory.vision(EMBEDDED))
    try:
        assert factory.building.wait(10)
        # "Faster": the kept voice at the new rate (what speaker_for_rate asks the factory for).
        faster, got = _in_thread(lambda: factory.speaker(TtsConfig(engine="pyttsx3", play=False,
                                                                   rate=1.5)))
        faster.join(10)
        assert got == [voice] and voice._rate == 1.5, "the rate change waited for the vision build"
        # Another voice: a real rebuild, also beside the vision build.
        other, built = _in_thread(lambda: factory.speaker(TtsConfig(
            engine="pyttsx3", voice="gmw/en-us", play=False)))
        other.join(10)
        assert built and built[0] is not voice and voice._closed, "the rebuild waited"
        assert loading.is_alive() and vision == []          # the vision model is still loading
    finally:
        factory.release.set()
        loading.join(30)
    assert vision and factory._cache["vision"] is vision[0]
    # The second ask for vision while none is loading gets the one that was built.
    assert factory.vision(EMBEDDED) is vision[0]
    factory.close()


def test_two_builds_of_one_role_give_one_engine(tmp_path):
    factory = SlowVisionFactory(AppPaths(tmp_path / "config", tmp_path / "cache", tmp_path / "data"))
    first, one = _in_thread(lambda: factory.vision(EMBEDDED))
    assert factory.building.wait(10)
    second, two = _in_thread(lambda: factory.vision(EMBEDDED))
    factory.release.set()
    first.join(30)
    second.join(30)
    assert one and two and one[0] is two[0]
    factory.close()
