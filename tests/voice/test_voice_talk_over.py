"""A question spoken over the answer is always answered or reported, never lost: through the
real hearing step (tiny.en, the text guard that knows what we just said), with the room's echo
of our own (Piper) voice under the user's words and without it. The user is a human recording
(LibriVox); the echo is our reply, 60 ms late and quieter, as in the project's room-echo test."""
from __future__ import annotations

import time

import numpy as np
import pytest
from PIL import Image
from fake_portaudio import sound_card
from voice_helpers import librivox, silence

from assistant.audio.resampler import resample
from assistant.audio.segmenter import Utterance
from assistant.cancel import CancelToken
from assistant.events import ErrorEvent, EventBus, Recorder, Transcript
from assistant.pipeline import Assistant
from assistant.tts.playback import Player
from assistant.voice.engine import ConversationEngine
from assistant.voice.events import QUESTION_MISSED, UtteranceIgnored
from assistant.voice.hearing import hear
from assistant.voice.listener import Heard
from fake_engines import FakeVision

REPLY = ("The sign says launch pad. There is a tall white rocket on the pad, and people stand "
         "around it looking up at the sky. The weather is clear and bright.")


def _engine(transcriber, piper, detector):
    bus = EventBus()
    engine = ConversationEngine(assistant=Assistant(vision=FakeVision(), bus=bus),
                                transcriber=transcriber, speaker=piper, player=Player(sound_card()),
                                detector=detector, image=lambda: Image.new("RGB", (8, 8)), bus=bus)
    return engine, Recorder(bus)


def _reply_audio(piper) -> np.ndarray:
    audio = np.concatenate(list(piper.chunks(REPLY)))
    return resample(audio, piper.sample_rate, 16_000)


def _heard(audio: np.ndarray) -> Heard:
    now = time.monotonic()
    utt = Utterance(audio=audio.astype(np.float32), start_s=0.0, end_s=audio.shape[0] / 16_000,
                    reason="silence")
    return Heard(utt, end_of_turn=now, last_voice=now, barged_in=True)


@pytest.mark.parametrize("echo_level", [0.0, 0.35, 1.0])
def test_a_question_spoken_over_the_answer_is_answered_or_reported(echo_level, transcriber, piper,
                                                                  detector):
    engine, rec = _engine(transcriber, piper, detector)
    user = librivox("0880")
    echo = _reply_audio(piper) * echo_level
    # Our voice was playing when the turn began; it stops a moment after the user starts.
    engine.echo_text.remember(REPLY, time.monotonic() - 5.0, time.monotonic() + 1.0)
    mic = np.concatenate([silence(0.2), user, silence(0.5)])
    under = np.zeros_like(mic)
    delay = int(0.06 * 16_000)

    tail = echo[int(1.0 * 16_000):][: mic.shape[0] - delay]
    under[delay:delay + tail.shape[0]] = tail
    engine.listener.clock_offset = time.monotonic()
    hear(engine, _heard(np.clip(mic + under, -1, 1)), CancelToken())

    transcripts = rec.of_type(Transcript)
    reported = [e for e in rec.of_type(ErrorEvent) if e.code == QUESTION_MISSED]
    assert bool(transcripts) != bool(reported), (transcripts, reported, rec.of_type(UtteranceIgnored))
    if echo_level == 0.0:      # nothing under the words: the question itself is heard
        assert transcripts and "young man" in transcripts[0].text.lower(), transcripts
    if reported:
        assert "say it again" in reported[0].message and "didn't catch" in reported[0].message



def test_an_echo_only_turn_after_a_barge_in_is_reported(transcriber, piper, detector):
    """What Whisper heard was only our own reply (the user's words drowned): reported."""
    engine, rec = _engine(transcriber, piper, detector)
    engine.echo_text.remember(REPLY, time.monotonic() - 5.0, time.monotonic() + 1.0)
    engine.listener.clock_offset = time.monotonic()
    hear(engine, _heard(_reply_audio(piper)[: 4 * 16_000]), CancelToken())
    ignored = rec.of_type(UtteranceIgnored)
    assert [i.reason for i in ignored] == ["own_voice_text"], ignored
    assert [e.code for e in rec.of_type(ErrorEvent)] == [QUESTION_MISSED]
    assert not rec.of_type(Transcript)
