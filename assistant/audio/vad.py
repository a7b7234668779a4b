"""Speech detectors: one small protocol, a streaming Silero VAD and a WebRTC fallback.

``build_detector`` is the one place that picks: Silero, else WebRTC (said once), else
none, and the conversation then takes typed questions only (said once) instead of
claiming to listen and answering nothing.

A detector answers "how likely is this window speech?" for 16 kHz float32 mono
audio, one fixed-size window at a time, keeping whatever memory it needs between
calls. The segmenter (``segmenter.py``) turns the answers into utterances.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from ..errors import AssistantError, DependencyMissingError, ModelMissingError, require

log = logging.getLogger(__name__)

SAMPLE_RATE = 16_000


class SpeechDetector(Protocol):
    """Speech probability of consecutive windows of 16 kHz float32 mono audio."""

    @property
    def window_samples(self) -> int: ...

    def probability(self, window: np.ndarray) -> float: ...

    def reset(self) -> None: ...


def _as_window(window: np.ndarray, size: int) -> np.ndarray:
    samples = np.asarray(window, dtype=np.float32).reshape(-1)
    if samples.shape[0] != size:
        raise ValueError(f"expected a window of {size} samples, got {samples.shape[0]}")
    return samples


class SileroStreamingVad:
    """Silero VAD v6 (the ONNX file inside faster-whisper) run window by window.

    faster-whisper's ``SileroVADModel`` feeds a whole clip at once: each 512-sample
    window is prefixed with the last 64 samples of the previous window, and the
    LSTM state (h, c) runs across the batch. It starts from zeros on every call,
    so it cannot follow a live stream. Here the same 64-sample context and the
    h/c state are carried from one call to the next, which gives the offline
    probabilities exactly (see tests/audio_live/test_audio_live_vad.py).
    """

    WINDOW = 512
    CONTEXT = 64

    def __init__(self, model_path: str | None = None, *, threads: int = 1) -> None:
        ort = _require_core("onnxruntime")
        if model_path is None:
            model_path = _bundled_silero_path()
        opts = ort.SessionOptions()
        # One thread: a window is ~1 ms of work, more threads only add contention
        # with the transcriber running beside us.
        opts.inter_op_num_threads = 1
        opts.intra_op_num_threads = threads
        opts.enable_cpu_mem_arena = False
        opts.log_severity_level = 4
        try:
            self._session = ort.InferenceSession(
                str(model_path), providers=["CPUExecutionProvider"], sess_options=opts)
        except Exception as exc:  # onnxruntime raises its own untyped errors
            raise ModelMissingError(
                f"The voice activity model at {model_path} could not be loaded ({exc}).",
                hint="Reinstall faster-whisper, which ships the Silero VAD model.",
                stage="audio") from exc
        self.reset()

    @property
    def window_samples(self) -> int:
        return self.WINDOW

    def reset(self) -> None:
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(self.CONTEXT, dtype=np.float32)

    def probability(self, window: np.ndarray) -> float:
        samples = _as_window(window, self.WINDOW)
        model_input = np.concatenate([self._context, samples])[None, :]
        out, self._h, self._c = self._session.run(
            None, {"input": model_input, "h": self._h, "c": self._c})
        self._context = samples[-self.CONTEXT:].copy()
        return float(np.asarray(out).reshape(-1)[0])


def _require_core(module: str, *, package: str | None = None):
    """Import a package the assistant always depends on; a broken install says how to fix it."""
    try:
        return require(module, package=package or module, extra="",
                       purpose="voice activity detector", stage="audio")
    except DependencyMissingError as exc:
        exc.hint = f"Reinstall it with: pip install --force-reinstall {exc.package}"
        raise


def _bundled_silero_path() -> str:
    import os

    get_assets_path = _require_core("faster_whisper.utils", package="faster-whisper").get_assets_path
    path = os.path.join(get_assets_path(), "silero_vad_v6.onnx")
    if not os.path.exists(path):
        raise ModelMissingError(
            "The Silero voice activity model is missing from the faster-whisper install.",
            hint="Reinstall faster-whisper (pip install --force-reinstall faster-whisper).",
            stage="audio")
    return path


class WebRtcVad:
    """WebRTC's VAD (PyPI webrtcvad-wheels): very cheap, but fooled by noise.

    It only answers yes/no, so the probability is 0.0 or 1.0.
    """

    def __init__(self, aggressiveness: int = 2, *, frame_ms: int = 30) -> None:
        if aggressiveness not in (0, 1, 2, 3):
            raise ValueError("aggressiveness must be 0, 1, 2 or 3")
        if frame_ms not in (10, 20, 30):
            raise ValueError("WebRTC VAD frames must be 10, 20 or 30 ms")
        webrtcvad = require("webrtcvad", package="webrtcvad-wheels", extra="webrtc",
                            purpose="WebRTC voice activity detector", stage="audio")
        self._aggressiveness = aggressiveness
        self._module = webrtcvad
        self._window = SAMPLE_RATE * frame_ms // 1000
        self.reset()

    @property
    def window_samples(self) -> int:
        return self._window

    def reset(self) -> None:
        self._vad = self._module.Vad(self._aggressiveness)

    def probability(self, window: np.ndarray) -> float:
        samples = _as_window(window, self._window)
        pcm = (np.clip(samples, -1.0, 1.0) * 32767.0).astype("<i2").tobytes()
        return 1.0 if self._vad.is_speech(pcm, SAMPLE_RATE) else 0.0


class WindowFramer:
    """Cuts arbitrary audio blocks into the detector's fixed windows.

    Sources deliver blocks of whatever size the device likes; detectors want
    exact window sizes. Leftover samples wait for the next block.
    """

    def __init__(self, window_samples: int) -> None:
        if window_samples <= 0:
            raise ValueError("window_samples must be positive")
        self.window_samples = window_samples
        self._pending = np.zeros(0, dtype=np.float32)

    def push(self, block: np.ndarray) -> list[np.ndarray]:
        data = np.concatenate([self._pending, np.asarray(block, dtype=np.float32).reshape(-1)])
        whole = data.shape[0] // self.window_samples * self.window_samples
        self._pending = data[whole:].copy()
        return list(data[:whole].reshape(-1, self.window_samples))

    def reset(self) -> None:
        self._pending = np.zeros(0, dtype=np.float32)


class NoSpeechDetector:
    """Hears no speech: what the conversation runs with when no detector could load."""

    window_samples = 512

    def probability(self, window: np.ndarray) -> float:
        return 0.0

    def reset(self) -> None:
        pass


@dataclass(frozen=True)
class DetectorChoice:
    detector: SpeechDetector
    listens: bool                         # False: no detector loaded; questions are typed
    problem: AssistantError | None = None  # why the first choice is not used, to say once


def build_detector(*, typed_only_fallback: bool = True) -> DetectorChoice:
    """Silero VAD; else WebRTC's (noise fools it more); else, with ``typed_only_fallback``,
    none (typed questions only), otherwise Silero's error is raised."""
    try:
        return DetectorChoice(SileroStreamingVad(), True)
    except Exception as exc:  # a coded error, or onnxruntime's own
        silero = exc if isinstance(exc, AssistantError) else ModelMissingError(
            f"The voice activity model could not be loaded ({exc}).", stage="audio",
            hint="Reinstall faster-whisper, which ships the Silero VAD model.")
        log.warning("Silero VAD could not be loaded: %s", exc)
    try:
        detector: SpeechDetector = WebRtcVad()
    except Exception as exc:
        log.warning("WebRTC VAD could not be loaded either: %s", exc)
        if not typed_only_fallback:
            raise silero from None
        return DetectorChoice(NoSpeechDetector(), False, AssistantError(
            f"{silero.message} So I cannot listen for speech: type your questions instead.",
            hint=silero.hint, code="no_voice_detector", stage="audio"))
    return DetectorChoice(detector, True, AssistantError(
        f"{silero.message.rstrip('.')}; a simpler speech detector listens instead, and "
        "background noise may set it off.", hint=silero.hint, code="voice_detector_fallback",
        stage="audio"))
