"""The loop's mouth: one thread that synthesises and plays replies, stoppable at once.

Synthesis goes sentence by sentence when the speaker can (Piper's ``chunks``),
so the first sentence plays while the rest is made. Every chunk played is also
handed to the ``EchoDetector`` on the monotonic clock, which is what lets the
listener tell the user's voice from ours.
"""
from __future__ import annotations

import logging
import queue
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterator

import numpy as np

from ..audio.sources import resample
from ..errors import AssistantError
from ..events import ErrorEvent, EventBus, SpeakingFinished, SpeakingStarted
from .echo_guard import RATE, EchoDetector, EchoTextGuard

log = logging.getLogger(__name__)

# Called with the monotonic time the first chunk was queued, or None when nothing was played.
FirstAudio = Callable[[float | None], None]


@dataclass(frozen=True)
class _Job:
    text: str
    generation: int
    on_first_audio: FirstAudio | None


class SpeechOutput:
    """Says texts one at a time on its own thread; ``stop()`` silences and drops the queue."""

    def __init__(self, speaker: Any, player: Any, bus: EventBus, *, echo: EchoDetector,
                 echo_text: EchoTextGuard, speaker_for_rate: Callable[[float], Any] | None = None,
                 rate: float = 1.0) -> None:
        self._speaker = speaker
        self._player = player
        self._bus = bus
        self._echo = echo
        self._echo_text = echo_text
        self._speaker_for_rate = speaker_for_rate
        self.rate = rate
        self._wanted_rate = rate
        self._jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._generation = 0
        self._lock = threading.Lock()
        self._playing = threading.Event()
        self.last_text = ""
        self._thread = threading.Thread(target=self._run, name="voice-speech", daemon=True)
        self._thread.start()

    @property
    def speaking(self) -> bool:
        return self._playing.is_set()

    @property
    def can_change_rate(self) -> bool:
        return self._speaker_for_rate is not None

    def say(self, text: str, on_first_audio: FirstAudio | None = None) -> None:
        with self._lock:
            self._jobs.put(_Job(text, self._generation, on_first_audio))

    def stop(self) -> float:
        """Silence now and forget queued texts; returns the seconds stopping took."""
        began = time.monotonic()
        with self._lock:
            self._generation += 1
        self._playing.clear()  # at once: the listener must not see a stopped reply as talking
        self._player.stop()
        now = time.monotonic()
        self._echo.stopped(now)
        return now - began

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until every queued text was said (or dropped); False on timeout."""
        done = threading.Event()
        self._jobs.put(done)
        return done.wait(timeout)

    def set_rate(self, rate: float) -> None:
        """Takes effect from the next reply (a new voice may have to load)."""
        self._wanted_rate = rate

    def close(self) -> None:
        self.stop()
        self._jobs.put(None)
        self._thread.join(timeout=10)

    # -- the thread -------------------------------------------------------------
    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            if isinstance(job, threading.Event):  # wait_idle(): everything before it is done
                job.set()
                continue
            if job.generation != self._generation or not job.text.strip():
                continue
            try:
                self._say(job)
            except AssistantError as exc:
                self._bus.emit(ErrorEvent(code=exc.code, message=exc.user_text(), stage=exc.stage))
            except Exception as exc:  # a bug in a voice must not end the conversation
                log.exception("speaking failed")
                self._bus.emit(ErrorEvent(code="tts_failed", message=f"Speaking failed ({exc}).",
                                          stage="tts"))
            finally:
                self._playing.clear()

    def _voice(self) -> Any:
        if self._wanted_rate != self.rate and self._speaker_for_rate is not None:
            self._speaker = self._speaker_for_rate(self._wanted_rate)
            self.rate = self._wanted_rate
        return self._speaker

    def _chunks(self, speaker: Any, text: str) -> Iterator[tuple[np.ndarray, int]]:
        chunks = getattr(speaker, "chunks", None)
        if callable(chunks):
            rate = int(getattr(speaker, "sample_rate", 22_050))
            for chunk in chunks(text):
                yield chunk, int(getattr(speaker, "sample_rate", rate))
            return
        audio = speaker.synthesize(text)
        yield audio.samples, audio.sample_rate

    def _say(self, job: _Job) -> None:
        speaker = self._voice()
        self.last_text = job.text
        started = ended = None
        opened = False
        for samples, rate in self._chunks(speaker, job.text):
            if job.generation != self._generation:
                break
            if len(samples) == 0:
                continue
            if started is None:
                if job.generation != self._generation:
                    return
                opened = self._player.start(rate)
                started = time.monotonic()
                self._playing.set()
                self._bus.emit(SpeakingStarted(text=job.text))
                if job.on_first_audio is not None:
                    job.on_first_audio(started)
            if opened:
                self._player.feed(samples)
                self._echo.played(resample(np.asarray(samples, np.float32), rate, RATE),
                                  time.monotonic())
        if started is None:  # nothing to play (a silent voice): the turn still gets its timings
            if job.on_first_audio is not None and job.generation == self._generation:
                job.on_first_audio(None)
            return
        finished = True
        if opened:
            self._player.end()
            finished = self._player.wait() and job.generation == self._generation
        ended = time.monotonic()
        self._echo_text.remember(job.text, started, max(ended, self._echo.audible_until()))
        self._bus.emit(SpeakingFinished(interrupted=not finished))
