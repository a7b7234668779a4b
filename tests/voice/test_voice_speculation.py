"""Speculative hearing and answering (issue 26): a hands-free turn is heard, and its question
answered, while its last pause still runs, and nothing of it is shown, said or recorded
unless that pause ends the turn.

The listener's part on tones (exact, stream-timed); then the whole engine on a real
recording (the bundled question, a human voice), Silero and tiny.en.
"""
from __future__ import annotations

import time

import numpy as np
from PIL import Image
from fake_portaudio import sound_card
from voice_helpers import QUESTION, FixedVision, librivox, read_pcm16, silence, write_pcm16

from assistant.audio.sources import WavReplaySource
from assistant.cancel import NEVER
from assistant.conversation.sessions import SessionStore
from assistant.events import (EventBus, Recorder, Reply, SpeakingStarted, SpeechEnded,
                              Transcript)
from assistant.pipeline import Assistant
from assistant.tts.playback import Player
from assistant.voice.engine import ConversationEngine
from assistant.voice.events import (AnswerGrowing, ConversationOptions, TurnCancelled,
                                    TurnCompleted, TurnStarted, TurnTimings, UtteranceIgnored,
                                    turn_timing)
from assistant.voice.listener import Listener
from energy_detector import EnergyDetector

RATE = 16_000


class NoEcho:
    def audible_until(self) -> float:
        return -1.0

    def level(self, start: float, end: float) -> float:
        return 0.0            # nothing played

    def score(self, audio, now: float) -> float:
        return 0.0


def tone(seconds: float, hz: float = 300) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    return (0.3 * np.sin(2 * np.pi * hz * t)).astype(np.float32)


def quiet(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * RATE), np.float32)


def listen_to(stream: np.ndarray, *, speculate: bool = True, events: list | None = None,
              **options) -> list[tuple[float, object]]:
    """Each turn handed out, with the stream time it was handed out at."""
    heard: list = []
    listener: Listener

    def on_heard(turn) -> None:
        heard.append((listener.stream_s, turn))

    listener = Listener(EnergyDetector(), ConversationOptions(segmenter=turn_timing(0.8),
                                                              speculate=speculate, **options),
                        echo=NoEcho(), speaking=lambda: False, on_heard=on_heard,
                        on_barge_in=lambda now: None,
                        emit=(events.append if events is not None else lambda event: None))
    for at in range(0, stream.shape[0], 512):
        listener.block(stream[at:at + 512], arrived=min(at + 512, stream.shape[0]) / RATE)
    listener.flush(stream.shape[0] / RATE)
    return heard


def test_a_turn_is_handed_out_during_its_pause_with_the_audio_it_ends_with():
    stream = np.concatenate([quiet(1.0), tone(1.5), quiet(1.5)])
    ((at, turn),) = listen_to(stream)
    ((plain_at, plain),) = listen_to(stream, speculate=False)
    assert turn.tentative is not None and turn.tentative.ended_at is not None   # confirmed
    # Handed out once the pause had run tail_s (0.2 s), not after the 0.8 s end silence.
    assert at <= 2.5 + 0.2 + 0.064 < plain_at - 0.4
    assert turn.turn_ended() == plain.end_of_turn       # the turn still ended with its pause
    assert (turn.utterance.start_s, turn.utterance.end_s) == (plain.utterance.start_s,
                                                              plain.utterance.end_s)
    np.testing.assert_array_equal(turn.utterance.audio, plain.utterance.audio)


def test_speech_after_the_pause_began_drops_the_tentative_turn():
    # 0.4 s of quiet: past tail_s, short of the 0.8 s end silence; then the sentence goes on.
    stream = np.concatenate([quiet(1.0), tone(1.0), quiet(0.4), tone(1.0, 450), quiet(1.5)])
    turns = [turn for _at, turn in listen_to(stream)]
    assert len(turns) == 2, [(t.utterance.start_s, t.utterance.end_s) for t in turns]
    first, whole = turns
    assert first.tentative.dropped and whole.tentative.ended_at is not None
    assert whole.utterance.start_s <= 1.0 and whole.utterance.end_s >= 3.4    # both tones
    (plain,) = [turn for _at, turn in listen_to(stream, speculate=False)]
    np.testing.assert_array_equal(whole.utterance.audio, plain.utterance.audio)


def test_a_turn_too_short_to_hear_is_not_handed_out_early():
    events: list = []
    stream = np.concatenate([quiet(1.0), tone(0.25), quiet(2.5), tone(1.0), quiet(1.5)])
    turns = [turn for _at, turn in listen_to(stream, events=events, min_utterance_s=0.9)]
    assert len(turns) == 1 and turns[0].utterance.start_s > 3.0       # only the second one
    assert [e.reason for e in events if isinstance(e, UtteranceIgnored)] == ["too_short"]


def _converse(audio: np.ndarray, tmp_path, transcriber, piper, detector, *, vision=None,
              sessions=None, **options):
    bus = EventBus()
    rec = Recorder(bus)
    source = WavReplaySource(write_pcm16(tmp_path / "mic.wav", audio), speed=1.0)
    image = Image.new("RGB", (64, 64))
    assistant = Assistant(vision=vision or FixedVision("It is a sign."), bus=bus,
                          sessions=sessions)
    loop = ConversationEngine(source=source, detector=detector, transcriber=transcriber,
                              assistant=assistant, image=lambda: image, speaker=piper,
                              player=Player(sound_card()), bus=bus,
                              session="talk" if sessions is not None else None,
                              options=ConversationOptions(language="en", **options))
    loop.start()
    try:
        assert source.wait(60)
        assert loop.drain(60)
        time.sleep(0.3)
    finally:
        loop.close()
    return rec


def test_nothing_is_shown_before_the_pause_ends_the_turn(tmp_path, transcriber, piper, detector):
    """A long end silence (1.5 s): the transcript is ready long before the turn ends, and
    still comes after it."""
    question = read_pcm16(QUESTION)
    rec = _converse(np.concatenate([silence(0.5), question, silence(3.0)]), tmp_path,
                    transcriber, piper, detector, segmenter=turn_timing(1.5), smart_turn=False)
    (ended,) = rec.of_type(SpeechEnded)
    (said,) = rec.of_type(Transcript)
    assert "sign" in said.text.lower()
    assert said.at >= ended.at


def test_a_sentence_that_goes_on_after_a_pause_is_one_turn_and_nothing_else(
        tmp_path, transcriber, piper, detector):
    clip = librivox("0880")                     # "He was not an ill-disposed young man."
    cut = int(1.05 * RATE)                      # a quiet point after "not an"
    audio = np.concatenate([silence(0.5), clip[:cut], silence(0.4), clip[cut:], silence(2.5)])
    rec = _converse(audio, tmp_path, transcriber, piper, detector,
                    segmenter=turn_timing(0.8), smart_turn=False)
    said = rec.of_type(Transcript)
    assert len(said) == 1, [t.text for t in said]
    assert not rec.of_type(TurnCancelled) and not rec.of_type(UtteranceIgnored)
    assert "young man" in said[0].text.lower()


class SlowVision(FixedVision):
    """A vision model that takes ``seconds`` to answer (BLIP-2 on a CPU takes longer); when
    each answer began is kept."""

    def __init__(self, answer: str = "It is a sign.", seconds: float = 0.2) -> None:
        super().__init__(answer)
        self.seconds = seconds
        self.began: list[float] = []

    def answer(self, image, question, history=(), *, context="", cancel=NEVER):
        self.began.append(time.monotonic())
        time.sleep(self.seconds)
        return super().answer(image, question, history, context=context, cancel=cancel)


def test_a_question_is_answered_while_the_pause_runs_and_heard_only_after_it(
        tmp_path, transcriber, piper, detector):
    """A 2 s end silence and a vision model that takes 0.6 s: the answer is written while
    the pause runs, held, and the first sentence sounds as soon as the pause ends the turn."""
    vision = SlowVision("It is a sign. It says exit.", 0.6)
    rec = _converse(np.concatenate([silence(0.5), read_pcm16(QUESTION), silence(4.0)]),
                    tmp_path, transcriber, piper, detector, vision=vision,
                    segmenter=turn_timing(2.0), smart_turn=False)
    (ended,) = rec.of_type(SpeechEnded)
    (said,) = rec.of_type(Transcript)
    assert vision.began and vision.began[0] < ended.at       # begun before the turn was over
    # Nothing of it was shown or heard before the turn ended, and the transcript came first.
    assert said.at >= ended.at
    shown = rec.events.index(said)
    for kind in (TurnStarted, AnswerGrowing, Reply, SpeakingStarted, TurnCompleted):
        assert rec.of_type(kind), kind
        assert all(rec.events.index(e) > shown and e.at >= said.at for e in rec.of_type(kind))
    assert {e.turn_id for e in rec.of_type(TurnStarted) + rec.of_type(TurnCompleted)} \
        == {said.turn_id}
    (timing,) = [t for t in rec.of_type(TurnTimings) if t.end_to_first_audio_s is not None]
    # Answered after the turn ended, the 0.6 s of vision alone would come first.
    assert timing.end_to_first_audio_s < 0.5, timing


def test_an_answer_begun_in_a_pause_the_user_talks_on_after_leaves_no_trace(
        tmp_path, transcriber, piper, detector):
    """A 1.5 s pause inside the sentence (the end silence is 2.5 s): the words before it are
    heard and answered while it runs, then dropped: one transcript, one answer, one voice,
    one turn in the session, nothing cancelled."""
    clip = librivox("0880")                     # "He was not an ill-disposed young man."
    cut = int(1.05 * RATE)                      # a quiet point after "not an"
    audio = np.concatenate([silence(0.5), clip[:cut], silence(1.5), clip[cut:], silence(4.0)])
    vision = SlowVision("It is a sign.", 0.2)
    sessions = SessionStore(tmp_path / "sessions")
    rec = _converse(audio, tmp_path, transcriber, piper, detector, vision=vision,
                    sessions=sessions, segmenter=turn_timing(2.5), smart_turn=False)
    assert len(vision.questions) == 2, vision.questions      # the first part was answered
    said = rec.of_type(Transcript)
    assert len(said) == 1 and "young man" in said[0].text.lower(), [t.text for t in said]
    for kind in (TurnStarted, Reply, SpeakingStarted, TurnCompleted):
        assert len(rec.of_type(kind)) == 1, (kind, rec.of_type(kind))
    assert rec.of_type(Reply)[0].question == said[0].text
    assert not rec.of_type(TurnCancelled) and not rec.of_type(UtteranceIgnored)
    assert [turn.question for turn in sessions.load("talk")] == [said[0].text]
