"""The hands-free conversation: source -> cutter -> transcription worker -> Assistant -> speech.

Three threads, so nothing waits on anything slow:

* the source's own thread only queues each block with its arrival time;
* the *listener* runs the VAD/segmenter, decides barge-in, and queues finished
  utterances (audio captured while Whisper works is therefore never lost);
* the *worker* transcribes, applies the guards, runs commands, asks the
  Assistant and hands the reply to ``SpeechOutput`` (its own thread).

Hallucination guard, in layers: Silero VAD decides what is an utterance at all
(and ``min_utterance_s`` drops clicks), Whisper's no-speech probability drops
turns the model itself thinks are empty, and the phantom-phrase filter (in the
transcriber, and again here on the whole text) drops "Thank you." on noise.
"""
from __future__ import annotations

import collections
import logging
import queue
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from ..asr import TranscribeOptions, Transcription
from ..asr.phantom import is_phantom_text
from ..audio.segmenter import SegmentStarted, Utterance, UtteranceCutter
from ..errors import AssistantError
from ..events import ErrorEvent, EventBus, SpeechEnded, SpeechStarted, Transcript
from .commands import VoiceCommand, parse_command
from .echo_guard import RATE, EchoDetector, EchoTextGuard
from .events import BargedIn, CommandHeard, TurnTimings, UtteranceIgnored, VoiceLoopOptions
from .speech import SpeechOutput

log = logging.getLogger(__name__)

ImageProvider = Callable[[], Any]  # returns the PIL image to ask about (a photo or the newest frame)


@dataclass(frozen=True)
class _Heard:
    utterance: Utterance
    end_of_turn: float        # monotonic: when the segmenter closed the turn
    last_voice: float         # monotonic: end of the voiced audio
    barged_in: bool


class VoiceLoop:
    """One conversation. ``start()`` begins listening; ``stop()`` ends it cleanly."""

    def __init__(self, *, source: Any, detector: Any, transcriber: Any, assistant: Any,
                 image: ImageProvider, speaker: Any, player: Any, bus: EventBus | None = None,
                 options: VoiceLoopOptions = VoiceLoopOptions(),
                 speaker_for_rate: Callable[[float], Any] | None = None, rate: float = 1.0,
                 session: str | None = None) -> None:
        self.options = options
        self.bus = bus or getattr(assistant, "bus", None) or EventBus()
        self._source = source
        self._transcriber = transcriber
        self._assistant = assistant
        self._image = image
        self._session = session
        self.echo = EchoDetector(max_delay_s=options.echo_max_delay_s)
        self.echo_text = EchoTextGuard(window_s=options.echo_text_window_s,
                                       threshold=options.echo_text_threshold)
        self.speech = SpeechOutput(speaker, player, self.bus, echo=self.echo, echo_text=self.echo_text,
                                   speaker_for_rate=speaker_for_rate, rate=rate)
        self._cutter = UtteranceCutter(detector, options.segmenter, threshold=options.vad_threshold,
                                       on_speech_start=self._on_speech_start)
        self._window = detector.window_samples
        self._blocks: queue.SimpleQueue[Any] = queue.SimpleQueue()  # (block, arrival) | Event | None
        self._heard: queue.SimpleQueue[Any] = queue.SimpleQueue()   # _Heard | Event | None
        self._recent = collections.deque(maxlen=int(options.echo_window_s * RATE / self._window) + 1)
        self._stream_s = 0.0              # seconds of audio pushed into the cutter
        self._clock_offset = 0.0          # monotonic time minus stream time, from the newest block
        self._double_talk = 0
        self._barge_at_s: float | None = None  # stream time of the last barge-in
        self._errors_seen = 0
        self._unsubscribe = self.bus.subscribe(self._count_errors)
        self._threads: list[threading.Thread] = []
        self._running = False
        self.last_answer = ""

    # -- lifecycle ----------------------------------------------------------------
    def start(self) -> None:
        if self._running:
            raise RuntimeError("the voice loop is already running")
        self._running = True
        self._threads = [threading.Thread(target=self._listen, name="voice-listener", daemon=True),
                         threading.Thread(target=self._work, name="voice-worker", daemon=True)]
        for thread in self._threads:
            thread.start()
        self._source.start(self._on_block)

    def stop(self) -> None:
        """Stop capture, let the queued audio and turns finish, silence speech."""
        if not self._running:
            return
        self._running = False
        self._source.stop()
        self._blocks.put(None)
        for thread in self._threads:
            thread.join(timeout=60)
        self.speech.close()
        self._unsubscribe()

    def drain(self, timeout: float = 60.0) -> bool:
        """Close the open utterance and wait until every queued turn was handled (files, tests).

        Speech started by those turns may still be playing; False on timeout.
        """
        done = threading.Event()
        self._blocks.put(done)  # travels behind the queued audio, then behind the queued turns
        return done.wait(timeout)

    # -- capture side -----------------------------------------------------------------
    def _on_block(self, block: np.ndarray) -> None:
        self._blocks.put((block, time.monotonic()))  # the audio thread does nothing else

    def _to_monotonic(self, stream_s: float) -> float:
        return stream_s + self._clock_offset

    def _listen(self) -> None:
        while True:
            item = self._blocks.get()
            if item is None:
                self._finish_utterances(self._cutter.flush(), time.monotonic())
                self._heard.put(None)
                return
            if isinstance(item, threading.Event):  # drain(): close the turn, pass the marker on
                self._finish_utterances(self._cutter.flush(), time.monotonic())
                self._heard.put(item)
                continue
            block, arrived = item
            try:
                self._listen_block(block, arrived)
            except Exception:  # a bug here must not stop hearing
                log.exception("listening failed on a block")

    def _listen_block(self, block: np.ndarray, arrived: float) -> None:
        block = np.asarray(block, np.float32).reshape(-1)
        block_end_s = self._stream_s + block.shape[0] / RATE
        self._clock_offset = arrived - block_end_s
        for at in range(0, block.shape[0], self._window):
            piece = block[at:at + self._window]
            done = self._cutter.push(piece)
            self._stream_s += piece.shape[0] / RATE
            self._recent.append(piece)
            self._check_barge_in(self._to_monotonic(self._stream_s))
            self._finish_utterances(done, self._to_monotonic(self._stream_s))

    def _on_speech_start(self, event: SegmentStarted) -> None:
        self.bus.emit(SpeechStarted())

    def _check_barge_in(self, now: float) -> None:
        opts = self.options
        speaking = self.speech.speaking or now < self.echo.audible_until() + opts.echo_max_delay_s
        if not (opts.barge_in and speaking) or self._cutter.last_probability < opts.vad_threshold:
            self._double_talk = 0
            return
        score = self.echo.score(np.concatenate(list(self._recent)), now)
        self._double_talk = self._double_talk + 1 if score < opts.echo_threshold else 0
        if self._double_talk < opts.barge_in_windows:
            return
        self._double_talk = 0
        if self.speech.speaking:
            self._barge_at_s = self._stream_s
            stop_s = self.speech.stop()
            self.bus.emit(BargedIn(stop_ms=stop_s * 1000.0, echo_score=score))
        elif self._barge_at_s is None:
            # The reply has just ended but its echo could still be arriving: a voice that does
            # not match it is the user's (say, "stop" a moment too late), so keep it whole
            # rather than trimming it away as our own tail.
            self._barge_at_s = self._stream_s

    def _finish_utterances(self, done: list[Utterance], now: float) -> None:
        opts = self.options
        for utt in done:
            self.bus.emit(SpeechEnded(duration_s=utt.duration_s))
            # Only a barge-in inside this utterance counts; an older one is stale.
            barged = (self._barge_at_s is not None
                      and utt.start_s - opts.segmenter.pre_roll_s <= self._barge_at_s <= utt.end_s)
            if not barged and self._barge_at_s is not None and self._barge_at_s <= utt.end_s:
                self._barge_at_s = None
            if barged:
                # Keep what the user said from just before the barge-in was detected: the
                # echo of our reply before that point is not part of the question.
                lead = opts.barge_in_windows * self._window / RATE + opts.segmenter.pre_roll_s \
                    + opts.segmenter.speech_start_s
                utt = _trim(utt, self._barge_at_s - lead)
                self._barge_at_s = None
            elif self._to_monotonic(utt.start_s) < self.echo.audible_until() + opts.echo_max_delay_s:
                # Began while our reply was sounding and never sounded like anyone else.
                echo_end_s = self.echo.audible_until() + opts.echo_max_delay_s - self._clock_offset
                utt = _trim(utt, echo_end_s)
                if utt.duration_s < opts.min_utterance_s:
                    self.bus.emit(UtteranceIgnored(reason="own_voice_acoustic", duration_s=utt.duration_s))
                    continue
            if utt.duration_s < opts.min_utterance_s:
                self.bus.emit(UtteranceIgnored(reason="too_short", duration_s=utt.duration_s))
                continue
            last_voice = self._to_monotonic(max(utt.end_s - opts.segmenter.tail_s, utt.start_s))
            self._heard.put(_Heard(utt, end_of_turn=now, last_voice=last_voice, barged_in=barged))

    # -- worker side ------------------------------------------------------------------
    def _count_errors(self, event: Any) -> None:
        if isinstance(event, ErrorEvent):
            self._errors_seen += 1

    def _work(self) -> None:
        while True:
            heard = self._heard.get()
            if heard is None:
                return
            if isinstance(heard, threading.Event):
                heard.set()
                continue
            errors_before = self._errors_seen
            try:
                self._turn(heard)
            except AssistantError as exc:
                if self._errors_seen == errors_before:  # the Assistant reports its own stages
                    self.bus.emit(ErrorEvent(code=exc.code, message=exc.user_text(), stage=exc.stage))
            except Exception as exc:  # a bug: log it, tell the user, keep listening
                log.exception("a voice turn failed")
                self.bus.emit(ErrorEvent(code="internal", message=f"Something went wrong ({exc}).",
                                         stage="voice"))

    def _transcribe(self, audio: np.ndarray) -> Transcription:
        options = TranscribeOptions(language=self.options.language)
        return self._transcriber.transcribe(audio, options)

    def _turn(self, heard: _Heard) -> None:
        utt = heard.utterance
        began = time.monotonic()
        result = self._transcribe(utt.audio)
        ready = time.monotonic()
        text = result.text.strip()
        reason = self._guard(result, text, heard)
        if reason:
            self.bus.emit(UtteranceIgnored(reason=reason, text=text, duration_s=utt.duration_s))
            return
        self.bus.emit(Transcript(text=text, language=result.language, duration_s=result.duration_s))
        timing = dict(text=text, audio_s=utt.duration_s, asr_s=ready - began,
                      end_to_transcript_s=ready - heard.end_of_turn,
                      voice_to_transcript_s=ready - heard.last_voice)
        command = parse_command(text)
        if command is not None:
            self.bus.emit(TurnTimings(**timing))
            self._command(command)
            return
        self.speech.stop()  # a new question supersedes whatever was still being said
        answer = self._assistant.ask(self._image(), text=text, session=self._session)
        self.last_answer = answer.answer

        def first_audio(at: float | None) -> None:
            if at is None:
                self.bus.emit(TurnTimings(**timing))
                return
            self.bus.emit(TurnTimings(**timing, end_to_first_audio_s=at - heard.end_of_turn,
                                      voice_to_first_audio_s=at - heard.last_voice))

        self.speech.say(answer.answer, on_first_audio=first_audio)

    def _guard(self, result: Transcription, text: str, heard: _Heard) -> str:
        if not text:
            return "phantom" if result.dropped else "no_speech"
        segments = result.segments
        if segments and min(s.no_speech_prob for s in segments) >= self.options.no_speech_prob:
            return "no_speech"
        if is_phantom_text(text) and segments and max(s.no_speech_prob for s in segments) >= 0.3:
            return "phantom"
        if not heard.barged_in or parse_command(text) is None:
            if self.echo_text.is_echo(text, self._to_monotonic(heard.utterance.start_s)):
                return "own_voice_text"
        return ""

    def _command(self, command: VoiceCommand) -> None:
        self.bus.emit(CommandHeard(command=command.value))
        if command is VoiceCommand.STOP:
            self.speech.stop()
            return
        if command is not VoiceCommand.REPEAT:
            step = self.options.rate_step if command is VoiceCommand.FASTER else 1 / self.options.rate_step
            rate = min(max(self.speech.rate * step, self.options.min_rate), self.options.max_rate)
            self.speech.set_rate(rate)
        again = self.speech.last_text or self.last_answer
        if again:
            self.speech.stop()
            self.speech.say(again)


def _trim(utt: Utterance, from_s: float) -> Utterance:
    """The utterance from stream time ``from_s`` on (unchanged when that is before it)."""
    if from_s <= utt.start_s:
        return utt
    cut = min(int(round((from_s - utt.start_s) * utt.sample_rate)), utt.audio.shape[0])
    return Utterance(audio=utt.audio[cut:], start_s=utt.start_s + cut / utt.sample_rate,
                     end_s=utt.end_s, reason=utt.reason, sample_rate=utt.sample_rate)
