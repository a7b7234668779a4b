"""Commands said over a reply or just after it are heard as commands: tiny.en hears
espeak-ng's "Slower." as "So where?" or "Sorry" ten times in ten (measured), so a short
utterance said then is heard once more with the command words as hotwords; only a command
is taken from that second hearing, and a question keeps its plain transcript.

The user here is espeak-ng (another voice than the assistant's Piper voice)."""
from __future__ import annotations

import subprocess
import time

import numpy as np
import pytest
from PIL import Image
from fake_portaudio import sound_card
from voice_helpers import FixedVision, silence, write_pcm16

from assistant.audio.sources import WavReplaySource
from assistant.events import EventBus, Recorder, Transcript
from assistant.pipeline import Assistant
from assistant.tts.playback import Player
from assistant.voice.engine import ConversationEngine
from assistant.voice.events import CommandHeard, ConversationOptions

IMAGE = Image.new("RGB", (64, 64), (90, 120, 60))


def espeak(tmp_path, text: str, voice: str = "en-us") -> np.ndarray:
    from assistant.audio.files import load_audio

    out = tmp_path / f"{abs(hash(text))}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-w", str(out), text], check=True, timeout=60)
    audio = load_audio(out)
    return (audio * (0.5 / float(np.abs(audio).max()))).astype(np.float32)


def run(tmp_path, transcriber, piper, detector, audio, answer):
    card = sound_card()
    bus = EventBus()
    rec = Recorder(bus)
    vision = FixedVision(answer)
    source = WavReplaySource(write_pcm16(tmp_path / "mic.wav", audio), speed=1.0)
    loop = ConversationEngine(source=source, detector=detector, transcriber=transcriber,
                              assistant=Assistant(vision=vision, bus=bus),
                              image=lambda: IMAGE, speaker=piper, player=Player(card), bus=bus,
                              options=ConversationOptions(language="en"))
    loop.start()
    try:
        assert source.wait(120)
        assert loop.drain(60)
        time.sleep(0.3)
    finally:
        loop.close()
    return rec, vision


@pytest.mark.slow
def test_slower_after_a_reply_is_a_command(tmp_path, transcriber, piper, detector):
    audio = np.concatenate([silence(0.5), espeak(tmp_path, "What does the sign say?"),
                            silence(7.0), espeak(tmp_path, "Slower."), silence(3.0)])
    rec, vision = run(tmp_path, transcriber, piper, detector, audio, "The sign says EXIT.")
    heard = [t.text for t in rec.of_type(Transcript)]
    assert [c.command for c in rec.of_type(CommandHeard)] == ["slower"], heard
    assert len(vision.questions) == 1, vision.questions      # "Slower." never reached the eyes


@pytest.mark.slow
def test_a_short_question_after_a_reply_keeps_its_plain_words(tmp_path, transcriber, piper,
                                                              detector):
    question = espeak(tmp_path, "What colour is it?")
    plain = transcriber.transcribe(np.concatenate([silence(0.3), question, silence(0.5)])).text
    audio = np.concatenate([silence(0.5), espeak(tmp_path, "What does the sign say?"),
                            silence(7.0), question, silence(3.0)])
    rec, vision = run(tmp_path, transcriber, piper, detector, audio, "The sign says EXIT.")
    assert rec.of_type(CommandHeard) == []
    assert len(vision.questions) == 2, vision.questions
    assert vision.questions[1].strip() == plain.strip()
