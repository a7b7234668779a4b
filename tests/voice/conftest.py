"""Shared, loaded-once engines for the voice tests: tiny.en Whisper, the Piper voice, Silero."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def transcriber():
    from assistant.asr.whisper import FasterWhisperTranscriber
    from assistant.config import AsrConfig

    engine = FasterWhisperTranscriber(AsrConfig(model="tiny.en", language="en", cpu_threads=2))
    engine.warm_up()
    return engine


@pytest.fixture(scope="session")
def piper():
    from assistant.tts.piper_voice import PiperSpeaker

    speaker = PiperSpeaker()
    speaker.load()
    return speaker


@pytest.fixture
def detector():
    from assistant.audio.vad import SileroStreamingVad

    return SileroStreamingVad()
