"""The conversation engine on real recorded speech, replayed through the real capture callback path."""
from __future__ import annotations

import subprocess
import time

import jiwer
import numpy as np
from PIL import Image
from fake_portaudio import sound_card
from voice_helpers import (QUESTION, FixedVision, librivox, read_pcm16, silence, transcript_of,
                           write_pcm16)

from assistant.audio.sources import WavReplaySource
from assistant.events import EventBus, Recorder, SpeakingFinished, SpeakingStarted, Transcript
from assistant.pipeline import Assistant
from assistant.tts.playback import Player
from assistant.voice.events import BargedIn, CommandHeard, TurnTimings, UtteranceIgnored
from assistant.voice.engine import ConversationEngine

IMAGE = Image.new("RGB", (64, 64), (90, 120, 60))


def run_loop(tmp_path, audio, *, transcriber, piper, detector, speed=1.0, answer=None, after_s=0.5):
    bus = EventBus()
    rec = Recorder(bus)
    vision = FixedVision(answer) if answer else FixedVision()
    card = sound_card()
    source = WavReplaySource(write_pcm16(tmp_path / "mic.wav", audio), speed=speed)
    loop = ConversationEngine(source=source, detector=detector, transcriber=transcriber,
                              assistant=Assistant(vision=vision, bus=bus), image=lambda: IMAGE,
                              speaker=piper, player=Player(card), bus=bus)
    loop.start()
    try:
        assert source.wait(120)
        assert loop.drain(60)
        time.sleep(after_s)
    finally:
        loop.close()
    return rec, vision, card


def wer(ref: str, hyp: str) -> float:
    import re

    def norm(text: str) -> str:
        return " ".join(re.findall(r"[a-z0-9']+", text.lower().replace("-", " ")))

    return jiwer.wer(norm(ref), norm(hyp))


def test_question_is_answered_aloud_and_talking_over_it_stops_it(tmp_path, transcriber, piper, detector):
    interruption = librivox("0880")
    audio = np.concatenate([silence(1.0), read_pcm16(QUESTION), silence(5.0), interruption, silence(2.0)])
    rec, vision, card = run_loop(tmp_path, audio, transcriber=transcriber, piper=piper, detector=detector)

    texts = [t.text for t in rec.of_type(Transcript)]
    assert len(texts) == 2, texts
    assert wer("what does the sign say", texts[0]) <= 0.25
    # The interruption is transcribed whole, not from wherever barge-in noticed it.
    assert wer(transcript_of("0880"), texts[1]) <= 0.3, texts[1]
    assert vision.questions == texts
    barge = rec.of_type(BargedIn)
    assert len(barge) == 1 and barge[0].stop_ms < 200
    first_reply = card.streams[0]
    assert first_reply.samplerate == 22050
    assert len(first_reply.played) > 0.5 * 22050       # it really played before being cut off...
    assert first_reply.finished_at - barge[0].at < 0.2  # ...and the sound card stopped at once
    finished = rec.of_type(SpeakingFinished)
    assert finished[0].interrupted
    timings = [t for t in rec.of_type(TurnTimings) if t.end_to_first_audio_s is not None]
    assert timings and all(t.end_to_first_audio_s < 5.0 for t in timings)


def espeak(tmp_path, text: str) -> np.ndarray:
    out = tmp_path / f"{text.replace(' ', '_')}.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "140", "-w", str(out), text], check=True)
    subprocess.run(["sox", str(out), "-r", "16000", "-c", "1", "-b", "16", str(out.with_suffix(".16k.wav"))],
                   check=True)
    return read_pcm16(out.with_suffix(".16k.wav"))


def test_stop_and_repeat_commands(tmp_path, transcriber, piper, detector):
    audio = np.concatenate([silence(0.5), read_pcm16(QUESTION), silence(3.5), espeak(tmp_path, "stop"),
                            silence(2.0), espeak(tmp_path, "say that again"), silence(3.0)])
    rec, vision, card = run_loop(tmp_path, audio, transcriber=transcriber, piper=piper, detector=detector,
                                 answer="The sign says that the old mill is two miles ahead.")
    commands = [c.command for c in rec.of_type(CommandHeard)]
    assert commands == ["stop", "repeat"], ([t.text for t in rec.of_type(Transcript)],
                                            [(i.reason, i.text) for i in rec.of_type(UtteranceIgnored)])
    assert len(vision.questions) == 1            # commands never reach the vision model
    spoken = [s.text for s in rec.of_type(SpeakingStarted)]
    assert spoken == [vision.answer_text, vision.answer_text]  # said, stopped, said again


def test_silence_and_noise_give_no_text(tmp_path, transcriber, piper, detector):
    rng = np.random.default_rng(7)
    parts = [silence(10.0)]
    for level in (0.003, 0.01, 0.03, 0.1):
        parts.append(rng.normal(0, level, 8 * 16000).astype(np.float32))          # white noise
        brown = np.cumsum(rng.normal(0, 1, 4 * 16000)).astype(np.float32)
        brown -= np.convolve(brown, np.ones(400) / 400, "same")                   # rumble, no drift
        parts.append(level * brown / (np.abs(brown).max() + 1e-9))
    audio = np.clip(np.concatenate(parts), -1, 1)
    assert audio.shape[0] >= 58 * 16000
    rec, vision, _ = run_loop(tmp_path, audio, transcriber=transcriber, piper=piper, detector=detector,
                              speed=40.0, after_s=0.0)
    assert rec.of_type(Transcript) == [], [t.text for t in rec.of_type(Transcript)]
    assert vision.questions == []
    for ignored in rec.of_type(UtteranceIgnored):  # anything the VAD let through was caught later
        assert ignored.reason in ("too_short", "no_speech", "phantom")
