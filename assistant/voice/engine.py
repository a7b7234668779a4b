"""One conversation, for every front end: audio in -> utterances -> transcripts -> commands or
questions -> vision (streamed) -> speech, with barge-in, the own-voice guard, push-to-talk
and hands-free. Typed events out on the bus; commands in through plain method calls that
are safe from any thread (the window's UI thread, the terminal, a test).

Four threads, so nothing waits on anything slow, and every queue between them is bounded:

* the *listener* runs the VAD, segmenter, echo check, barge-in and push-to-talk on the
  microphone's blocks (``listener.Listener``);
* the *hearing* worker transcribes each utterance (cancellable), applies the guards, and
  either runs a command ("stop", "repeat", "slower", "faster") at once or posts a question;
* the *answering* worker answers the newest question (a newer one cancels the one in
  flight: latest wins), streaming the answer into the voice sentence by sentence;
* the *control* thread runs front ends' commands (ask, stop, repeat), so a window's UI
  thread never makes an audio call, not even to stop the sound.

A front end never decides what a turn is: it shows events and sends commands.
"""
from __future__ import annotations

import dataclasses
import logging
import queue
import threading
import time
from contextlib import contextmanager
from typing import Any, Callable, Iterator

import numpy as np

from ..asr import QuickText, Transcriber
from ..cancel import CancelToken, Cancelled
from ..errors import AssistantError
from ..events import ErrorEvent, EventBus
from ..pipeline import Assistant
from ..tts import Speaker
from .commands import VoiceCommand
from .echo_guard import EchoDetector, EchoTextGuard
from .events import BargedIn, CommandHeard, ConversationOptions, ListeningChanged
from .blocks import ListenerThread, offer as _offer
from .answering import Answering
from .gate import TurnGate
from .listener import Heard, Listener
from .turn_host import Question
from .turn_judge import TurnJudge
from .speech import SpeechOutput

log = logging.getLogger(__name__)

DESCRIBE_QUESTION = "Describe what is in front of me."
READ_TEXT_QUESTION = "Read the text."
ImageProvider = Callable[[], Any]      # the picture to ask about now (newest camera frame)
# What ``configure`` changes while running (the rest is fixed when the engine is built).
RUN_TIME_OPTIONS = frozenset({"segmenter", "hands_free", "barge_in", "language", "rate",
                              "min_utterance_s", "no_speech_prob", "smart_turn", "speculate",
                              "reply_language"})


class ConversationEngine:
    """``start()`` begins listening (if a source is given); ``close()`` ends within ~2 s."""

    def __init__(self, *, assistant: Assistant, transcriber: Transcriber | None,
                 speaker: Speaker, player: Any, detector: Any, image: ImageProvider,
                 source: Any = None, bus: EventBus | None = None,
                 options: ConversationOptions = ConversationOptions(),
                 speaker_for_rate: Callable[[float], Speaker] | None = None, rate: float = 1.0,
                 session: str | None = None) -> None:
        self.options = options
        self.bus = bus or assistant.bus
        self.assistant = assistant
        self.transcriber = transcriber
        self._image = image
        self.session = session
        self.echo = EchoDetector(max_delay_s=options.echo_max_delay_s)
        self.echo_text = EchoTextGuard(window_s=options.echo_text_window_s,
                                       threshold=options.echo_text_threshold)
        self.speech = SpeechOutput(speaker, player, self.bus, echo=self.echo,
                                   echo_text=self.echo_text, speaker_for_rate=speaker_for_rate,
                                   rate=rate)
        self.judge = TurnJudge(self._quick_text)
        self.listener = Listener(detector, options, echo=self.echo,
                                 speaking=lambda: self.speech.speaking, on_heard=self._heard_put,
                                 on_barge_in=self._barged_in, emit=self.bus.emit,
                                 on_talk=self._on_talk, judge=self.judge,
                                 on_hold=self.speech.hold, on_release=self.speech.resume)
        self._source = source
        self._heard: queue.Queue[Any] = queue.Queue(maxsize=8)
        self._closing = threading.Event()
        self._gate = TurnGate()                    # engines change only between turns
        self.answering = Answering(speech=self.speech, bus=self.bus, gate=self._gate,
                                   closing=self._closing, answer=self._answer_one)
        self._blocks = ListenerThread(self.listener, self._closing,
                                      lambda done: _offer(self._heard, done, timeout=5.0))
        self._control: queue.Queue[Any] = queue.Queue(maxsize=32)
        self._hearing = CancelToken()              # the transcription in progress
        self._threads: list[threading.Thread] = []
        self.microphone = source is not None
        self.last_answer = ""

    # -- lifecycle --------------------------------------------------------------------
    def start(self) -> None:
        if self._threads:
            raise RuntimeError("the conversation is already running")
        self._threads = [threading.Thread(target=self._blocks.run, name="conv-listener", daemon=True),
                         threading.Thread(target=self._hear, name="conv-hearing", daemon=True),
                         threading.Thread(target=self.answering.run, name="conv-answering", daemon=True),
                         threading.Thread(target=self._run_control, name="conv-control",
                                          daemon=True)]
        for thread in self._threads:
            thread.start()
        if self.options.smart_turn:
            self.judge.start()
        if self._source is not None:
            self.set_source(self._source)

    def set_source(self, source: Any) -> None:
        """Listen to another microphone (or none); the old one is stopped first."""
        old, self._source = self._source, source
        if old is not None and old is not source:
            _quietly(old.stop)
        self.microphone = False
        if source is not None:
            try:
                source.start(self.on_block)
                self.microphone = True
            except AssistantError as exc:
                self.bus.emit(ErrorEvent(code=exc.code, message=exc.user_text(), stage="device"))
        self.bus.emit(ListeningChanged(hands_free=self.listener.hands_free,
                                       microphone=self.microphone))

    def close(self, timeout: float = 2.0) -> None:
        """Stop listening, cancel the turn in flight, silence speech, join the threads."""
        if self._closing.is_set():
            return
        deadline = time.monotonic() + timeout
        self._closing.set()
        if self._source is not None:
            _quietly(self._source.stop)
        self._cancel_current("closing")
        self._hearing.cancel("closing")
        self.judge.close()
        self.speech.close(timeout=max(0.1, deadline - time.monotonic()))
        self._blocks.stop()
        for q in (self._heard, self._control):
            _offer(q, None, timeout=0.1)
        self.answering.close()
        for thread in self._threads:
            thread.join(timeout=max(0.05, deadline - time.monotonic()))
        alive = [t.name for t in self._threads if t.is_alive()]
        if alive:   # a model call that cannot be interrupted; daemon threads end with us
            log.warning("still finishing after close: %s", ", ".join(alive))

    def drain(self, timeout: float = 60.0) -> bool:
        """Close the open utterance and wait until every queued turn was answered (files, tests)."""
        done = threading.Event()
        return self._blocks.drain(done, timeout) and done.wait(timeout)

    # -- commands from front ends (any thread; they return at once) -----------------------
    # Each returns the turn's id (``turn_id``, taken here unless the front end took one with
    # ``next_turn_id`` to show the question first); every event of the turn carries it.
    def ask_text(self, text: str, image: Any = None, *, source: str = "typed",
                 turn_id: int | None = None) -> int | None:
        """None, asking nothing, when the text is blank."""
        text = text.strip()
        if not text:
            return None
        return self._ask(Question(text=text, source=source, image=image), turn_id)

    def describe_now(self, image: Any = None, *, turn_id: int | None = None) -> int:
        return self._ask(Question(text=DESCRIBE_QUESTION, source="describe", image=image), turn_id)

    def read_now(self, image: Any = None, *, turn_id: int | None = None) -> int:
        return self._ask(Question(text=READ_TEXT_QUESTION, source="read", image=image), turn_id)

    def _ask(self, question: Question, turn_id: int | None) -> int:
        if turn_id is not None:
            question.turn_id = turn_id
        self._do(self.post, question)
        return question.turn_id

    @property
    def closing(self) -> threading.Event:
        return self._closing

    def stop_speaking(self) -> None:
        self._cancel_current("stop")     # the answer being written stops at its next token
        self._do(self._stop_now)

    def repeat(self) -> None:
        self._do(self._repeat_now)

    def _do(self, call: Callable[..., Any], *args: Any) -> None:
        if self._closing.is_set():
            return
        try:
            self._control.put((call, args), timeout=0.5)
        except queue.Full:
            log.warning("front-end commands are not being taken; dropping one")

    def _run_control(self) -> None:
        while not self._closing.is_set():
            try:
                item = self._control.get(timeout=0.2)
            except queue.Empty:
                continue
            if item is None:
                return
            call, args = item
            try:
                call(*args)
            except Exception:  # a bug in one command must not stop the next
                log.exception("a conversation command failed")

    def _stop_now(self) -> None:
        self.speech.stop()
        self._cancel_current("stop")

    def _repeat_now(self) -> None:
        again = self.speech.last_text or self.last_answer
        if not again:
            self.bus.emit(ErrorEvent(code="nothing_to_repeat", stage="tts",
                                     message="There is no answer to repeat yet."))
            return
        self.speech.stop()
        self.speech.say(again)

    def configure(self, **changes: Any) -> None:
        """Settings that need no reload, applied to the running conversation: nothing is
        rebuilt or loaded. ``segmenter`` (end-of-turn silence and the other timings: from the
        next block on), ``hands_free``, ``barge_in``, ``language`` (the next turn heard),
        ``rate`` (the next reply spoken), ``smart_turn`` (the next pause), ``reply_language``
        (``ui.language``: the next answer), and the guards' ``min_utterance_s``,
        ``no_speech_prob``."""
        unknown = set(changes) - RUN_TIME_OPTIONS
        if unknown:
            raise ValueError(f"these settings cannot change while running: {sorted(unknown)}")
        rate = changes.pop("rate", None)
        hands_free = changes.pop("hands_free", None)
        if "reply_language" in changes:
            self.assistant.reply_setting = changes.pop("reply_language")
        if changes:
            self.options = dataclasses.replace(self.options, **changes)
            # The listener's own thread takes them, between two blocks.
            self._blocks.configure(self.options)
        if hands_free is not None and hands_free != self.listener.hands_free:
            self.set_hands_free(hands_free)
        if rate is not None:
            self.speech.set_rate(rate)

    def set_hands_free(self, on: bool) -> None:
        self._blocks.set_hands_free(on)
        self.bus.emit(ListeningChanged(hands_free=on, microphone=self.microphone))

    @property
    def hands_free(self) -> bool:
        return self.listener.hands_free

    def push_to_talk(self, pressed: bool) -> None:
        """The talk key went down (True) or up (False); auto-repeat pairs are absorbed."""
        self._blocks.press(pressed)

    def on_block(self, block: np.ndarray) -> None:
        """The microphone's callback (any thread; never waits)."""
        self._blocks.on_block(block)

    @contextmanager
    def held(self, wait_s: float = 30.0) -> Iterator[None]:
        """For changing engines (a settings change): the turn in flight ends first, spoken
        to its end (cancelled after ``wait_s``), and no turn starts until the block ends, so
        no engine is closed while a turn uses it. Questions asked meanwhile wait, not lost."""
        def overdue() -> None:
            self._cancel_current("settings")
            self._hearing.cancel("settings")

        with self._gate.hold(wait_s, overdue):
            yield

    def frame(self) -> Any:
        """The picture to ask about now (the front end's newest camera frame)."""
        return self._image()

    def _quick_text(self, audio: np.ndarray) -> str | None:
        """The judge's quick transcript, from the transcriber in use now (engines change)."""
        transcriber = self.transcriber
        return transcriber.quick_text(audio) if isinstance(transcriber, QuickText) else None

    def _barged_in(self, now: float) -> None:
        stop_s = self.speech.stop()
        self._cancel_current("barge_in")
        self.bus.emit(BargedIn(stop_ms=stop_s * 1000.0, echo_score=0.0))

    def _on_talk(self, talk) -> None:
        from .ptt import Talk

        if talk is Talk.BEGIN:   # the user is about to speak: stop talking over them
            self.speech.stop()

    def _heard_put(self, heard: Heard) -> None:
        try:
            self._heard.put(heard, timeout=1.0)
        except queue.Full:
            log.warning("too many turns waiting for speech recognition; dropping the oldest")
            try:
                self._heard.get_nowait()
            except queue.Empty:
                pass
            _offer(self._heard, heard)

    # -- hearing thread ------------------------------------------------------------------
    def _hear(self) -> None:
        while not self._closing.is_set():
            try:
                heard = self._heard.get(timeout=0.2)
            except queue.Empty:
                continue
            if heard is None:
                return
            if isinstance(heard, threading.Event):   # drain(): after the questions it posted
                self.answering.when_done(heard)
                continue
            try:
                self._hear_one(heard)
            except Cancelled:
                pass
            except AssistantError as exc:
                self.bus.emit(ErrorEvent(code=exc.code, message=exc.user_text(), stage=exc.stage))
            except Exception as exc:  # a bug: log it, say so, keep listening
                log.exception("hearing a turn failed")
                self.bus.emit(ErrorEvent(code="internal", stage="asr",
                                         message=f"Something went wrong hearing that ({exc})."))

    def _hear_one(self, heard: Heard) -> None:
        from .hearing import hear

        self._gate.enter(self._closing)
        try:
            self._hearing = CancelToken()
            if not self._closing.is_set():
                hear(self, heard, self._hearing)
        finally:
            self._gate.leave()

    def run_command(self, command: VoiceCommand, turn_id: int) -> None:
        """A spoken command, done now (hearing calls it)."""
        self.bus.emit(CommandHeard(command=command.value, turn_id=turn_id))
        if command is VoiceCommand.STOP:
            self._stop_now()
            return
        if command is not VoiceCommand.REPEAT:
            opts = self.options
            step = opts.rate_step if command is VoiceCommand.FASTER else 1 / opts.rate_step
            self.speech.set_rate(min(max(self.speech.rate * step, opts.min_rate), opts.max_rate))
        self._repeat_now()

    # -- answering thread (``answering.Answering``) ------------------------------------
    def post(self, question: Question) -> None:
        """Latest wins: a question not started yet is replaced, the one in flight cancelled."""
        self.answering.post(question)

    def speculate(self, question: Question) -> bool:
        """Begin a held answer on a turn not yet certain (``Answering.speculate``)."""
        return self.answering.speculate(question)

    def _cancel_current(self, reason: str) -> None:
        self.answering.cancel_current(reason)

    def _answer_one(self, q: Question) -> None:
        from .turns import answer_turn

        answer_turn(self, q)


def _quietly(call: Callable[[], Any]) -> None:
    try:
        call()
    except Exception:
        log.debug("stopping a device failed", exc_info=True)
