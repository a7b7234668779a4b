"""The conversation engine's turns: streamed answers start speaking at their first sentence,
a newer question or "stop" cancels the one in flight (generation too), and closing ends
everything within two seconds. The vision engine here is a slow writer that stands in for
a VLM generating on a GPU (not under test); the voice is the real Piper, the sound card a
fake that pulls audio at a real card's pace."""
from __future__ import annotations

import threading
import time

import pytest
from PIL import Image
from fake_engines import FakeVision
from fake_portaudio import sound_card

from assistant.cancel import NEVER, Cancelled
from assistant.events import EventBus, Recorder, Reply, SpeakingFinished, SpeakingStarted
from assistant.pipeline import Assistant
from assistant.tts.playback import Player
from assistant.vision import VisionAnswer
from assistant.voice.engine import ConversationEngine
from assistant.voice.events import AnswerGrowing, TurnCancelled, TurnCompleted

IMAGE = Image.new("RGB", (64, 64), (90, 120, 60))
ANSWER = ("The sign says the bridge is closed. Turn left at the mill and follow the river. "
          "The station is two miles ahead.")


class SlowWriter(FakeVision):
    """Writes its answer a word every ``pace_s``, checking the turn's token between words."""

    name = "slow-writer"

    def __init__(self, pace_s: float = 0.15) -> None:
        self.pace_s = pace_s
        self.words_written: dict[str, int] = {}
        self.cancelled: list[str] = []

    def answer(self, image, question, history=(), *, context="", cancel=NEVER):
        return VisionAnswer(text=ANSWER, engine=self.name)

    def stream(self, image, question, history=(), *, context="", cancel=NEVER):
        words = ANSWER.split(" ")
        self.words_written[question] = 0
        for i, word in enumerate(words):
            if cancel.wait(self.pace_s):
                self.cancelled.append(question)
                raise Cancelled(cancel.reason)
            self.words_written[question] += 1
            yield word if i == 0 else " " + word
        return VisionAnswer(text=ANSWER, engine=self.name)


@pytest.fixture
def conversation(piper, detector):
    made = []

    def make(pace_s: float = 0.15, writer=None):
        bus = EventBus()
        vision = writer or SlowWriter(pace_s)
        engine = ConversationEngine(assistant=Assistant(vision=vision, bus=bus), transcriber=None,
                                    speaker=piper, player=Player(sound_card()),
                                    detector=detector, image=lambda: IMAGE, bus=bus)
        engine.start()
        made.append(engine)
        return engine, vision, Recorder(bus)

    yield make
    for engine in made:
        engine.close()


def wait_for(check, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_speech_starts_at_the_first_sentence_while_the_rest_is_written(conversation):
    engine, vision, rec = conversation(pace_s=0.15)
    engine.ask_text("What does the sign say?")
    wait_for(lambda: rec.of_type(SpeakingStarted), 30)
    spoken_at = rec.of_type(SpeakingStarted)[0].at
    wait_for(lambda: rec.of_type(Reply), 30)
    assert spoken_at < rec.of_type(Reply)[0].at - 1.0     # talking well before the answer ends
    growing = [e.text for e in rec.of_type(AnswerGrowing)]
    assert growing[0] != growing[-1] and growing[-1] == ANSWER   # shown as it grew
    wait_for(lambda: rec.of_type(TurnCompleted), 60)       # recorded after it was spoken


def test_a_newer_question_cancels_the_one_in_flight(conversation):
    engine, vision, rec = conversation(pace_s=0.2)
    engine.ask_text("first question")
    wait_for(lambda: vision.words_written.get("first question", 0) >= 2)
    engine.ask_text("second question")
    wait_for(lambda: rec.of_type(Reply), 30)
    assert [r.question for r in rec.of_type(Reply)] == ["second question"]
    assert vision.cancelled == ["first question"]
    assert vision.words_written["first question"] < 6            # generation stopped too
    assert any(c.question == "first question" for c in rec.of_type(TurnCancelled))


def test_stop_ends_the_answer_being_written_and_the_voice(conversation):
    engine, vision, rec = conversation(pace_s=0.2)
    engine.ask_text("What does the sign say?")
    wait_for(lambda: rec.of_type(SpeakingStarted), 30)
    engine.stop_speaking()
    wait_for(lambda: rec.of_type(TurnCancelled), 5)
    assert vision.words_written["What does the sign say?"] < len(ANSWER.split(" "))
    assert not engine.speech.speaking
    assert rec.of_type(Reply) == []


def test_close_mid_answer_takes_under_two_seconds(conversation):
    engine, vision, rec = conversation(pace_s=0.3)
    engine.ask_text("What does the sign say?")
    wait_for(lambda: rec.of_type(SpeakingStarted), 30)
    began = time.monotonic()
    engine.close()
    assert time.monotonic() - began < 2.0
    names = {t.name for t in threading.enumerate()}
    assert not names & {"conv-listener", "conv-hearing", "conv-answering", "conv-control",
                        "voice-speech"}


def test_a_question_replacing_a_queued_one_is_spoken_to_its_end(conversation):
    """The newest question's own voice is never silenced by the stop meant for the ones it
    replaces. A front end slow to take an event (a busy window) holds the posting thread
    between queueing the question and silencing the old voice; the answering thread must
    not be able to start the new answer's voice inside that gap."""
    engine, vision, rec = conversation(pace_s=0.02)

    def slow_front_end(event):
        if isinstance(event, TurnCancelled) and event.question == "first question":
            time.sleep(0.3)          # keeps the second question waiting in the queue
        if isinstance(event, TurnCancelled) and event.question == "second question":
            time.sleep(1.5)          # while the third is taken and starts speaking

    engine.bus.subscribe(slow_front_end)
    vision.pace_s = 0.3
    engine.ask_text("first question")
    wait_for(lambda: vision.words_written.get("first question", 0) >= 1)
    vision.pace_s = 0.02
    engine.ask_text("second question")
    engine.ask_text("third question")
    wait_for(lambda: any(t.question == "third question" for t in rec.of_type(TurnCompleted)), 60)
    assert [r.question for r in rec.of_type(Reply)] == ["third question"]
    spoken = rec.of_type(SpeakingStarted)
    assert spoken and spoken[-1].text.startswith("The sign says"), spoken
    finished = rec.of_type(SpeakingFinished)
    assert finished and not finished[-1].interrupted, finished


def test_every_event_of_a_turn_carries_the_id_its_command_returned(conversation):
    """The same words asked twice are two turns: each event names its turn by id, never by
    the question's words, and serialises without the camera frame."""
    import json

    from assistant.voice.events import TurnStarted, next_turn_id

    engine, vision, rec = conversation(pace_s=0.2)
    first = engine.ask_text("What does the sign say?")
    wait_for(lambda: vision.words_written.get("What does the sign say?", 0) >= 2)
    chosen = next_turn_id()                       # a front end may take the id itself
    second = engine.ask_text("What does the sign say?", turn_id=chosen)
    assert engine.ask_text("   ") is None          # nothing asked, no turn
    assert first != second and second == chosen
    wait_for(lambda: rec.of_type(TurnCompleted), 60)
    assert [e.turn_id for e in rec.of_type(TurnStarted)] == [first, second]
    assert [e.turn_id for e in rec.of_type(TurnCancelled)] == [first]
    assert {e.turn_id for e in rec.of_type(AnswerGrowing)} <= {first, second}
    assert rec.of_type(AnswerGrowing)[-1].turn_id == second
    [done] = rec.of_type(TurnCompleted)
    assert done.turn_id == second and done.image is not None
    data = json.loads(json.dumps(done.to_json()))   # plain JSON: no frame, no numpy
    assert data["event"] == "TurnCompleted" and data["turn_id"] == second
    assert "image" not in data and data["answer"] == ANSWER


class ClosableWriter(SlowWriter):
    """A SlowWriter whose model can be closed, as a settings change closes an engine; it
    notes a close that comes while it is still writing (the GPU freed under generate)."""

    def __init__(self, pace_s: float = 0.15) -> None:
        super().__init__(pace_s)
        self.writing = 0
        self.closed_while_writing = False
        self.closed = False

    def stream(self, image, question, history=(), *, context="", cancel=NEVER):
        self.writing += 1
        try:
            if self.closed:
                raise RuntimeError("used after close")
            return (yield from super().stream(image, question, history, context=context,
                                              cancel=cancel))
        finally:
            self.writing -= 1

    def close(self) -> None:
        self.closed_while_writing |= self.writing > 0
        self.closed = True


def test_a_settings_change_waits_for_the_answer_in_flight_and_closes_nothing_in_use(conversation):
    """The window's settings swap engines inside ``held()``: the long answer in flight is
    written and spoken to its end with the old engine, which is closed only after; the next
    question is answered by the new one."""
    old = ClosableWriter(pace_s=0.15)
    engine, _, rec = conversation(writer=old)
    new = SlowWriter(pace_s=0.01)
    new.name = "new-writer"
    first = engine.ask_text("What does the sign say?")
    wait_for(lambda: old.words_written.get("What does the sign say?", 0) >= 2)
    swapped = threading.Event()

    def change_settings() -> None:          # what the window's worker does, on its own thread
        with engine.held():
            old.close()
            engine.assistant.vision = new
            swapped.set()

    changer = threading.Thread(target=change_settings)
    changer.start()
    time.sleep(0.5)
    assert not swapped.is_set()             # still answering: the change waits
    changer.join(60)
    assert swapped.is_set() and old.closed and not old.closed_while_writing
    [done] = rec.of_type(TurnCompleted)
    assert done.turn_id == first and done.answer == ANSWER and done.engine.startswith("slow-writer")
    assert not rec.of_type(TurnCancelled)
    second = engine.ask_text("Is the light on?")
    wait_for(lambda: len(rec.of_type(TurnCompleted)) == 2, 60)
    assert rec.of_type(TurnCompleted)[1].turn_id == second
    assert rec.of_type(TurnCompleted)[1].engine.startswith("new-writer")
