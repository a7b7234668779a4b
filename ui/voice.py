"""Voice input for the window: microphone level, push-to-talk and hands-free turns.

Blocks arrive on the audio source's thread. This object only measures them,
feeds the speech detector + segmenter (``UtteranceCutter``, about 1 ms a
window) and emits Qt signals, which Qt queues to the window's thread. The
transcriber runs in the assistant worker, never here and never on the UI thread.
"""
from __future__ import annotations

import logging
import math
import threading
import time
from typing import Callable

import numpy as np
from PySide6.QtCore import QObject, Signal

from assistant.audio.vad import SAMPLE_RATE

log = logging.getLogger(__name__)

LEVEL_EVERY_S = 0.05        # the meter updates at 20 Hz: smooth, and easy on screen readers
MIN_PUSH_TO_TALK_S = 0.3    # a tap of the key is not a question


def level_of(block: np.ndarray) -> float:
    """Loudness 0..1 on a dB scale (-60 dBFS → 0, 0 dBFS → 1)."""
    if block.size == 0:
        return 0.0
    rms = float(np.sqrt(np.mean(np.square(block, dtype=np.float64))))
    if rms <= 1e-6:
        return 0.0
    return max(0.0, min(1.0, (20.0 * math.log10(rms) + 60.0) / 60.0))


def default_detector():
    from assistant.audio.vad import SileroStreamingVad

    return SileroStreamingVad()


class VoiceInput(QObject):
    level = Signal(float)
    speech_started = Signal()
    utterance = Signal(object)      # float32 16 kHz mono numpy array
    problem = Signal(str)           # a sentence for the user

    def __init__(self, source, *, end_silence_s: float = 0.8,
                 detector_factory: Callable[[], object] = default_detector,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.end_silence_s = end_silence_s
        self._detector_factory = detector_factory
        self._lock = threading.Lock()
        self._cutter = None
        self._hands_free = False
        self._ptt: list[np.ndarray] | None = None
        self.muted = False           # while the assistant speaks, so it does not hear itself
        self._last_level = 0.0
        self.running = False

    # -- control (UI thread) --------------------------------------------------
    def start(self) -> None:
        """Start the source; may block briefly on a device, so callers use a helper thread."""
        self.source.start(self._on_block)
        self.running = True

    def stop(self) -> None:
        self.running = False
        try:
            self.source.stop()
        except Exception:
            log.debug("stopping the audio source failed", exc_info=True)

    @property
    def hands_free(self) -> bool:
        return self._hands_free

    def set_hands_free(self, on: bool) -> None:
        with self._lock:
            self._hands_free = on
            if self._cutter is not None:
                self._cutter.reset()

    def begin_push_to_talk(self) -> None:
        with self._lock:
            self._ptt = []

    def end_push_to_talk(self) -> float:
        """Send what was recorded while the key was held; returns its length in seconds."""
        with self._lock:
            chunks, self._ptt = self._ptt, None
        if not chunks:
            return 0.0
        audio = np.concatenate(chunks).astype(np.float32)
        seconds = audio.shape[0] / SAMPLE_RATE
        if seconds >= MIN_PUSH_TO_TALK_S:
            self.utterance.emit(audio)
        return seconds

    # -- audio thread ---------------------------------------------------------
    def _cutter_now(self):
        if self._cutter is None:
            from assistant.audio.segmenter import SegmenterOptions, UtteranceCutter

            self._cutter = UtteranceCutter(
                self._detector_factory(), SegmenterOptions(end_silence_s=self.end_silence_s),
                on_speech_start=lambda _event: self.speech_started.emit())
        return self._cutter

    def _on_block(self, block: np.ndarray) -> None:
        now = time.monotonic()
        if now - self._last_level >= LEVEL_EVERY_S:
            self._last_level = now
            self.level.emit(level_of(block))
        with self._lock:
            if self._ptt is not None:
                self._ptt.append(np.asarray(block, dtype=np.float32).copy())
                return
            if not self._hands_free or self.muted:
                return
            try:
                done = self._cutter_now().push(block)
            except Exception as exc:  # a broken detector must not kill the audio thread
                log.exception("speech detection failed")
                self._hands_free = False
                self.problem.emit(f"Hands-free listening stopped: {exc}")
                return
        for utterance in done:
            self.utterance.emit(utterance.audio)
