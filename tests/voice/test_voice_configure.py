"""``ConversationEngine.configure``: settings that need no reload reach the running
conversation. The end-of-turn silence cuts the next turn differently, with the same
engine and listener; the language goes to the next transcription. Tone bursts and the
energy detector stand in for speech (the segmenter's rules are under test, not a VAD)."""
from __future__ import annotations

import threading

import numpy as np
import pytest
from PIL import Image

from assistant.asr import TranscribeOptions, Transcription
from assistant.events import EventBus
from assistant.pipeline import Assistant
from assistant.tts.factory import SilentSpeaker
from assistant.tts.playback import SilentPlayer
from assistant.voice.engine import ConversationEngine
from assistant.voice.events import ConversationOptions, turn_timing
from energy_detector import EnergyDetector
from fake_engines import FakeTranscriber
from voice_helpers import FixedVision

RATE = 16_000
BLOCK = 512


class HeardTurns(FakeTranscriber):
    """Records what the conversation sends to speech recognition; hears no words."""

    name = "heard-turns"

    def __init__(self) -> None:
        self.turns: list[tuple[float, str | None]] = []   # (seconds of audio, language asked)
        self.lock = threading.Lock()

    def transcribe(self, audio, options=TranscribeOptions()):
        with self.lock:
            self.turns.append((len(audio) / RATE, options.language))
        return Transcription(text="", language="en", language_probability=1.0,
                             duration_s=len(audio) / RATE)


class HandFedSource:
    """A microphone whose blocks the test hands over."""

    def start(self, callback) -> None:
        self.callback = callback

    def stop(self) -> None:
        pass

    def play(self, audio: np.ndarray) -> None:
        for at in range(0, len(audio), BLOCK):
            self.callback(audio[at:at + BLOCK])


def tone(seconds: float) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    return (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)


def quiet(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * RATE), np.float32)


# Two runs of speech 0.9 s apart: two turns with 0.5 s of end-of-turn silence, one with 1.5 s.
# (Each run is longer than ``short_turn_s``, so a turn ended by the pause is not taken back.)
TWO_RUNS = np.concatenate([quiet(0.5), tone(1.5), quiet(0.9), tone(1.5), quiet(2.0)])


@pytest.fixture
def conversation():
    made = []

    def make(speaker_for_rate=None, **options):
        bus = EventBus()
        heard = HeardTurns()
        source = HandFedSource()
        engine = ConversationEngine(
            assistant=Assistant(vision=FixedVision(), bus=bus), transcriber=heard,
            speaker=SilentSpeaker(), player=SilentPlayer(), detector=EnergyDetector(),
            image=lambda: Image.new("RGB", (8, 8)), source=source, bus=bus,
            options=ConversationOptions(**options), speaker_for_rate=speaker_for_rate)
        engine.start()
        made.append(engine)
        return engine, source, heard

    yield make
    for engine in made:
        engine.close()


def test_a_longer_end_of_turn_silence_applies_to_the_next_turn_on_the_same_engine(conversation):
    # Every transcription is counted here: no speculative hearing during the pauses (its
    # own tests are in test_voice_speculation.py).
    engine, source, heard = conversation(segmenter=turn_timing(0.5), language="en",
                                         speculate=False)
    listener, cutter = engine.listener, engine.listener.cutter
    source.play(TWO_RUNS)
    assert engine.drain(20)
    assert len(heard.turns) == 2, heard.turns          # the pause ended the first turn

    engine.configure(segmenter=turn_timing(1.5), language="fr")
    source.play(TWO_RUNS)
    assert engine.drain(20)
    later = heard.turns[2:]
    assert len(later) == 1, later                       # the same pause no longer ends a turn
    seconds, language = later[0]
    assert seconds > 3.5 and language == "fr"
    # Nothing was rebuilt: the same listener and cutter, now with the new timing.
    assert engine.listener is listener and engine.listener.cutter is cutter
    assert cutter.segmenter.options.end_silence_s == 1.5
    assert engine.options.segmenter.end_silence_s == 1.5


def test_configure_refuses_a_setting_that_needs_a_new_engine(conversation):
    engine, _source, _heard = conversation()
    with pytest.raises(ValueError):
        engine.configure(vad_threshold=0.3)


def test_configure_sets_the_rate_the_next_reply_is_spoken_at(conversation):
    asked: list[float] = []     # the front end's voice at a new rate (the factory's, in use)

    def voice_at(rate: float):
        asked.append(rate)
        return SilentSpeaker()

    engine, _source, _heard = conversation(speaker_for_rate=voice_at)
    engine.configure(rate=1.5, hands_free=False)
    assert asked == []                       # nothing is built until a reply is spoken
    engine.speech.say("Hello.")
    assert engine.speech.wait_idle(10)
    assert asked == [1.5] and engine.speech.rate == 1.5
    assert engine.drain(5) and engine.hands_free is False   # the listener took it in order


def test_a_new_reply_language_applies_to_the_next_question(conversation):
    engine, _source, _heard = conversation()
    assert engine.assistant.reply_language_for("What is this?", "en") == "en"
    engine.configure(reply_language="de")
    assert engine.assistant.reply_language_for("What is this?", "en") == "de"
    engine.configure(reply_language="auto")
    assert engine.assistant.reply_language_for("Qu'est-ce que c'est ?", "fr") == "fr"
