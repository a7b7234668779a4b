"""A first word split off by a pause reaches the question: the listener's part (which turn
is replaced, our own voice never taken back), then the whole conversation with ``listen``'s
engine and timing on real LibriVox speech, Silero, tiny.en and the Piper voice."""
from __future__ import annotations

import re
import subprocess

import numpy as np
import pytest
from PIL import Image
from fake_portaudio import sound_card
from voice_helpers import FixedVision, librivox, read_pcm16, write_pcm16

from assistant.audio.sources import WavReplaySource
from assistant.events import EventBus, Recorder, SpeechStarted, Transcript
from assistant.pipeline import Assistant
from assistant.tts.playback import Player
from assistant.voice.engine import ConversationEngine
from assistant.voice.events import CommandHeard, ConversationOptions, turn_timing
from assistant.voice.listener import Listener
from energy_detector import EnergyDetector

RATE = 16_000


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


class EchoDuring:
    """The acoustic echo check, saying the microphone hears our own voice between two stream
    times (the listener's clock is the stream's here)."""

    def __init__(self, *spans: tuple[float, float]) -> None:
        self.spans = spans

    def audible_until(self) -> float:
        return 1e9

    def score(self, audio, now: float) -> float:
        return 1.0 if any(lo <= now <= hi for lo, hi in self.spans) else 0.0

    def level(self, start: float, end: float) -> float:
        """Our voice sounds in the spans (at -20 dBFS)."""
        return 0.1 if any(lo <= end and start <= hi for lo, hi in self.spans) else 0.0


def tone(seconds: float, hz: float) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    return (0.3 * np.sin(2 * np.pi * hz * t)).astype(np.float32)


def quiet(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * RATE), np.float32)


def listen_to(stream: np.ndarray, echo: EchoDuring = EchoDuring()) -> list:
    heard: list = []
    listener = Listener(EnergyDetector(), ConversationOptions(segmenter=turn_timing(0.5)),
                        echo=echo, speaking=lambda: False, on_heard=heard.append,
                        on_barge_in=lambda now: None, emit=lambda event: None)
    for at in range(0, stream.shape[0], 512):
        listener.block(stream[at:at + 512], arrived=min(at + 512, stream.shape[0]) / RATE)
    listener.flush(stream.shape[0] / RATE)
    return heard


def test_the_short_turn_is_replaced_by_the_turn_that_takes_it_back():
    word = tone(0.3, 300)
    alone, whole = listen_to(np.concatenate([quiet(1.0), word, quiet(0.8), tone(1.5, 450),
                                             quiet(1.5)]))
    assert alone.token.cancelled and alone.token.reason == "continued"
    assert not whole.token.cancelled
    assert whole.utterance.start_s == alone.utterance.start_s
    lead = int(round((1.0 - whole.utterance.start_s) * RATE))
    np.testing.assert_array_equal(whole.utterance.audio[lead:lead + word.shape[0]], word)


def test_our_own_voice_in_the_pause_is_never_taken_back():
    # The word, then a blip of our reply heard back through the microphone, then the rest.
    stream = np.concatenate([quiet(1.0), tone(0.3, 300), quiet(0.65), tone(0.12, 500), quiet(0.3),
                             tone(1.5, 450), quiet(1.5)])
    alone, rest = listen_to(stream, EchoDuring((1.95, 2.1)))
    assert not alone.token.cancelled          # the word stays a turn of its own
    assert rest.utterance.start_s >= alone.utterance.end_s
    assert rest.utterance.start_s > 2.07      # and the echo is not in the next one


@pytest.mark.parametrize("smart", [True, False], ids=["smart-turn", "fixed-silence"])
def test_the_question_keeps_the_word_before_a_pause(tmp_path, transcriber, piper, detector, smart):
    rng = np.random.default_rng(5)

    def room(s):
        return (0.003 * rng.standard_normal(int(s * RATE))).astype(np.float32)

    first, second = librivox("0930"), librivox("0880")
    cut = int(0.555 * RATE)   # "He" | "was not an ill disposed young man", at a silent point
    # The reply to the first sentence is over before the second begins.
    audio = np.concatenate([room(1.0), first, room(4.0), second[:cut], room(0.8), second[cut:],
                            room(2.0)])
    bus = EventBus()
    rec = Recorder(bus)
    vision = FixedVision("It is a green square.")
    # listen's default timing; with the smart end of turn "He." waits through its pause
    options = ConversationOptions(segmenter=turn_timing(0.5), smart_turn=smart)
    source = WavReplaySource(write_pcm16(tmp_path / "mic.wav", audio))
    loop = ConversationEngine(source=source,
                              detector=detector, transcriber=transcriber,
                              assistant=Assistant(vision=vision, bus=bus),
                              image=lambda: Image.new("RGB", (64, 64), (90, 120, 60)),
                              speaker=piper, player=Player(sound_card()), bus=bus,
                              options=options)
    loop.start()
    try:
        assert source.wait(60)
        assert loop.drain(60)
    finally:
        loop.close()

    # With a fixed silence three turns were cut ("He" alone was one, taken back by the next);
    # the smart end of turn hears "He" as unfinished and keeps the sentence one turn when its
    # quick transcript is back before the pause ends. This replay runs in real time, so on a
    # loaded machine it may not be, and the fixed silence decides (three turns); the decision
    # itself, paced by its judge, is tests/audio_live/test_audio_live_smart_turn.py's.
    assert len(rec.of_type(SpeechStarted)) in ((2, 3) if smart else (3,))
    # Either way the last one starts with "He".
    texts = [t.text for t in rec.of_type(Transcript)]
    assert words(texts[-1])[:3] == ["he", "was", "not"], texts
    assert words(vision.questions[-1])[:3] == ["he", "was", "not"], vision.questions
    # Nothing after the whole question: the lone word's turn was dropped or replaced.
    assert rec.of_type(Transcript)[-1].text == vision.questions[-1]


def test_a_command_before_the_pause_is_run_and_not_asked_again(tmp_path, transcriber, piper,
                                                                detector):
    """"Stop." ... "Say that again.": the second turn takes the first back, but a command is
    done the moment it is understood, so both run and neither becomes a question."""
    def espeak(text: str) -> np.ndarray:       # no recording of a person says the commands
        raw, out = tmp_path / "raw.wav", tmp_path / f"{len(text)}.wav"
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", "140", "-w", str(raw), text], check=True)
        subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", "-b", "16", str(out)], check=True)
        return read_pcm16(out)

    # "stop" ends 0.44 s before its file does: 0.84 s between the two, within rejoin_s.
    audio = np.concatenate([quiet(1.0), espeak("stop"), quiet(0.4), espeak("say that again"),
                            quiet(2.0)])
    bus = EventBus()
    rec = Recorder(bus)
    vision = FixedVision("It is a green square.")
    source = WavReplaySource(write_pcm16(tmp_path / "mic.wav", audio))
    loop = ConversationEngine(source=source, detector=detector, transcriber=transcriber,
                              assistant=Assistant(vision=vision, bus=bus),
                              image=lambda: Image.new("RGB", (64, 64)), speaker=piper,
                              player=Player(sound_card()), bus=bus,
                              options=ConversationOptions(segmenter=turn_timing(0.5)))
    loop.start()
    try:
        assert source.wait(60)
        assert loop.drain(60)
    finally:
        loop.close()
    assert len(rec.of_type(SpeechStarted)) == 2     # the pause did split them
    assert [c.command for c in rec.of_type(CommandHeard)] == ["stop", "repeat"], \
        [t.text for t in rec.of_type(Transcript)]
    assert vision.questions == []
