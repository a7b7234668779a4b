"""The conversation's mouth: one thread that synthesises and plays replies, stoppable at once.

A reply can arrive whole (``say``) or as it is generated (``stream``: sentences are added
while the vision model is still writing), so the first sentence sounds while the rest is
made. Piper synthesises sentence by sentence too. Every chunk played is handed to the
``EchoDetector`` on the monotonic clock, which is what lets the listener tell the user's
voice from ours. ``stop()`` is a generation bump: whatever job is running sees it before
its next chunk, including right after opening the output stream, so a stop that lands
while the stream opens leaves silence.
"""
from __future__ import annotations

import logging
import queue
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterator

import numpy as np

from ..audio.sources import resample
from ..errors import AssistantError
from ..events import ErrorEvent, EventBus, SpeakingFinished, SpeakingStarted
from ..i18n import current, speaking
from ..tts import Speaker
from .echo_guard import RATE, EchoDetector, EchoTextGuard
from .events import SpeechHeld, SpeechResumed

if TYPE_CHECKING:
    from .speculation import HeldEvents

log = logging.getLogger(__name__)

# Called with the monotonic time the first chunk was queued, or None when nothing was played.
FirstAudio = Callable[[float | None], None]
SENTENCE_WAIT_S = 60.0     # a streamed reply that stops growing for this long is ended
_CLOSERS = "\"\u201d')]"


def split_sentences(text: str) -> tuple[list[str], str]:
    """Complete sentences at the front of ``text`` and the unfinished rest.

    A sentence ends at . ! or ? followed by space (so "3.40" does not end one), with a
    closing quote or bracket kept with it, and never inside an open quotation: 'The sign
    says: "LAUNCH PAD. NO ENTRY".' is one sentence.
    """
    sentences, start, quoted, i = [], 0, False, 0
    while i < len(text):
        ch = text[i]
        if ch in "\"\u201c\u201d":
            quoted = (not quoted) if ch == '"' else ch == "\u201c"
        elif ch in ".!?" and not quoted:
            j = i + 1
            while j < len(text) and text[j] in _CLOSERS:
                j += 1
            if j < len(text) and text[j].isspace():
                sentence = text[start:j].strip()
                if sentence:
                    sentences.append(sentence)
                start, i = j, j
                continue
        i += 1
    return sentences, text[start:]


class SpeechStream:
    """A reply spoken while it is written: ``add`` text as it grows, then ``end``."""

    def __init__(self, output: "SpeechOutput", generation: int,
                 hold: "HeldEvents | None" = None) -> None:
        self._output = output
        self.generation = generation
        self.hold = hold          # a reply to a turn not yet certain: silent until released
        self._pending = ""
        self._sentences: queue.SimpleQueue[str | None] = queue.SimpleQueue()
        self.text = ""
        self.first_audio_at: float | None = None   # monotonic, once it starts sounding
        self.done = threading.Event()              # played, stopped or dropped

    def add(self, piece: str) -> None:
        self.text += piece
        self._pending += piece
        done, self._pending = split_sentences(self._pending)
        for sentence in done:
            self._sentences.put(sentence)

    def wake(self) -> None:
        self._sentences.put(None)

    def end(self) -> None:
        if self._pending.strip():
            self._sentences.put(self._pending.strip())
        self._pending = ""
        self._sentences.put(None)

    def sentences(self, alive: Callable[[], bool]) -> Iterator[str]:
        while alive():
            try:
                sentence = self._sentences.get(timeout=SENTENCE_WAIT_S)
            except queue.Empty:
                log.warning("a streamed reply stopped growing; ending it")
                return
            if sentence is None:
                return
            yield sentence


@dataclass(frozen=True)
class _Job:
    generation: int
    on_first_audio: FirstAudio | None
    text: str = ""
    stream: SpeechStream | None = field(default=None, compare=False)
    # The reply language of the turn that queued it (``i18n.current()`` there): this thread
    # has no turn of its own, and the voice follows the language.
    language: str = field(default_factory=current)


# A hold is ended by the listener within OnsetOptions.max_hold_s (1.2 s) of stream time; one
# still on after this long (the microphone stopped sending windows) lets the reply go on.
HOLD_LIMIT_S = 2.0


class SpeechOutput:
    """Says replies one at a time on its own thread; ``stop()`` silences and drops the queue."""

    def __init__(self, speaker: Speaker, player: Any, bus: EventBus, *, echo: EchoDetector,
                 echo_text: EchoTextGuard,
                 speaker_for_rate: Callable[[float], Speaker] | None = None,
                 rate: float = 1.0) -> None:
        self._speaker = speaker
        self._player = player
        self._bus = bus
        self._echo = echo
        self._echo_text = echo_text
        self._speaker_for_rate = speaker_for_rate
        self.rate = rate
        self._wanted_rate = rate
        self._jobs: queue.Queue[Any] = queue.Queue(maxsize=16)
        self._generation = 0
        self._lock = threading.Lock()
        self._playing = threading.Event()
        self._streams: list[SpeechStream] = []    # open streams, woken by stop()
        self.last_text = ""
        self._held_at: float | None = None       # our voice held by a loud onset (``hold``)
        self.spoken_until: float | None = None   # monotonic: when our last reply stopped sounding
        self._thread = threading.Thread(target=self._run, name="voice-speech", daemon=True)
        self._thread.start()

    @property
    def speaking(self) -> bool:
        return self._playing.is_set()

    @property
    def can_change_rate(self) -> bool:
        return self._speaker_for_rate is not None

    def set_speaker(self, speaker: Any) -> None:
        """Use another voice from the next reply on (the settings changed)."""
        self._speaker = speaker

    def say(self, text: str, on_first_audio: FirstAudio | None = None) -> None:
        with self._lock:
            self._put(_Job(self._generation, on_first_audio, text=text))

    def stream(self, on_first_audio: FirstAudio | None = None,
               hold: "HeldEvents | None" = None) -> SpeechStream:
        """A reply to be spoken as it is written; sentences play as soon as they are complete.
        With ``hold``, its first sentence is synthesised but sounds only once released."""
        with self._lock:
            stream = SpeechStream(self, self._generation, hold)
            self._streams = [s for s in self._streams if s.generation == self._generation]
            self._streams.append(stream)
            self._put(_Job(self._generation, on_first_audio, stream=stream))
        return stream

    def _put(self, job: Any) -> None:
        try:
            self._jobs.put(job, timeout=2.0)
        except queue.Full:       # far behind: the newest reply matters, drop the backlog
            log.warning("speech queue full; dropping older replies")
            self._generation += 1
            self._jobs.put(job, timeout=2.0)

    def stop(self) -> float:
        """Silence now and forget queued texts; returns the seconds stopping took."""
        began = time.monotonic()
        with self._lock:
            self._generation += 1
            streams, self._streams = self._streams, []
        for stream in streams:       # a speech thread waiting for the next sentence wakes now
            stream.wake()
        self._playing.clear()  # at once: the listener must not see a stopped reply as talking
        self._held_at = None
        self._player.stop()
        now = time.monotonic()
        self._echo.stopped(now)
        return now - began

    def hold(self, at: float, limit_s: float = HOLD_LIMIT_S) -> None:
        """Silence the reply where it is while the listener's VAD decides whether a loud onset
        (at ``at``) is the user talking (``onset.py``): a barge-in's ``stop()`` or ``resume``
        follows. A player that cannot hold, or nothing playing, leaves it as it is. A hold
        nobody ends within ``limit_s`` (the microphone stopped sending) goes on by itself."""
        hold = getattr(self._player, "hold", None)
        if self._held_at is not None or not self.speaking or hold is None or not hold():
            return
        held_at = self._held_at = time.monotonic()
        self._echo.held(held_at)           # the rest of the reply sounds later
        self._bus.emit(SpeechHeld(at=held_at))
        timer = threading.Timer(limit_s, self._let_go, args=(held_at,))
        timer.daemon = True
        timer.start()

    def _let_go(self, held_at: float) -> None:
        if self._held_at == held_at:
            log.warning("a held reply goes on: nothing ended the hold within its limit")
            self.resume(time.monotonic())

    def resume(self, at: float) -> None:
        """Not the user after all: the held reply goes on from where it was."""
        with self._lock:
            held_at, self._held_at = self._held_at, None
        if held_at is None:
            return
        resume = getattr(self._player, "resume", None)
        if resume is not None:
            resume()
        now = time.monotonic()
        self._echo.resumed(now)
        self._bus.emit(SpeechResumed(at=now, held_s=now - held_at))

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until every queued reply was said (or dropped); False on timeout."""
        done = threading.Event()
        try:
            self._jobs.put(done, timeout=timeout)
        except queue.Full:
            return False
        return done.wait(timeout)

    def set_rate(self, rate: float) -> None:
        """Takes effect from the next reply (a new voice may have to load)."""
        self._wanted_rate = rate

    def close(self, timeout: float = 1.5) -> None:
        self.stop()
        try:
            self._jobs.put(None, timeout=timeout)
        except queue.Full:
            pass
        self._thread.join(timeout=timeout)

    # -- the thread -------------------------------------------------------------
    def _current(self, generation: int) -> bool:
        return generation == self._generation

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            if isinstance(job, threading.Event):  # wait_idle(): everything before it is done
                job.set()
                continue
            if not self._current(job.generation):
                if job.stream is not None:
                    job.stream.done.set()
                continue
            try:
                with speaking(job.language):
                    self._say(job)
            except AssistantError as exc:
                self._bus.emit(ErrorEvent(code=exc.code, message=exc.user_text(), stage=exc.stage))
            except Exception as exc:  # a bug in a voice must not end the conversation
                log.exception("speaking failed")
                self._bus.emit(ErrorEvent(code="tts_failed", message=f"Speaking failed ({exc}).",
                                          stage="tts"))
            finally:
                self._playing.clear()
                if self._held_at is not None:     # ended while held (the microphone went)
                    self._held_at = None
                    self._echo.stopped(time.monotonic())
                if job.stream is not None:
                    job.stream.done.set()

    def _voice(self) -> Speaker:
        if self._wanted_rate != self.rate and self._speaker_for_rate is not None:
            self._speaker = self._speaker_for_rate(self._wanted_rate)
            self.rate = self._wanted_rate
        return self._speaker

    def _chunks(self, speaker: Speaker, text: str) -> Iterator[tuple[np.ndarray, int]]:
        # The rate is read after each chunk: a server's voice says it with the clip.
        for chunk in speaker.chunks(text):
            yield chunk, int(speaker.sample_rate)

    def _may_sound(self, job: _Job) -> bool:
        """The job is current and, for a held reply, its turn was confirmed (waits for it)."""
        alive = lambda: self._current(job.generation)   # noqa: E731
        hold = job.stream.hold if job.stream is not None else None
        return alive() and (hold is None or hold.wait(alive))

    def _texts(self, job: _Job) -> Iterator[str]:
        if job.stream is None:
            if job.text.strip():
                yield job.text
            return
        yield from job.stream.sentences(lambda: self._current(job.generation))

    def _say(self, job: _Job) -> None:
        speaker = self._voice()
        started: float | None = None
        opened = False
        said: list[str] = []
        for text in self._texts(job):
            said.append(text)
            for samples, rate in self._chunks(speaker, text):
                if not self._current(job.generation):
                    break
                if len(samples) == 0:
                    continue
                if started is None:
                    if not self._may_sound(job):
                        return      # its turn was not final after all: nothing was heard
                    opened = self._player.start(rate)
                    if not self._current(job.generation):   # stopped while the stream opened
                        self._player.stop()
                        return
                    started = time.monotonic()
                    if job.stream is not None:
                        job.stream.first_audio_at = started
                    self._playing.set()
                    self._bus.emit(SpeakingStarted(text=job.text or job.stream.text.strip()))
                    if job.on_first_audio is not None:
                        job.on_first_audio(started)
                if opened:
                    self._player.feed(samples)
                    self._echo.played(resample(np.asarray(samples, np.float32), rate, RATE),
                                      time.monotonic())
            if not self._current(job.generation):
                break
        full = " ".join(said)
        if started is None:  # nothing to play (a silent voice): the turn still gets its timings
            if self._may_sound(job):        # not for a stopped or dropped reply
                self.last_text = full or self.last_text
                if job.on_first_audio is not None:
                    job.on_first_audio(None)
            return
        self.last_text = full or self.last_text
        finished = True
        if opened:
            self._player.end()
            finished = self._player.wait() and self._current(job.generation)
        ended = time.monotonic()
        self.spoken_until = max(ended, self._echo.audible_until())
        self._echo_text.remember(full, started, self.spoken_until)
        self._bus.emit(SpeakingFinished(interrupted=not finished))
