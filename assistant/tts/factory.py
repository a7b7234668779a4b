"""Choose a speaker from the settings; list the voices installed here.

Adapters are imported only when chosen, so a missing optional engine costs nothing
until it is asked for.
"""
from __future__ import annotations

import ctypes.util
import importlib.util
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import numpy as np

from ..config import TtsConfig
from ..errors import AssistantError, ConfigError
from . import SpeechAudio, Speaker
from .playback import SilentPlayer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class VoiceInfo:
    name: str            # what tts.voice / tts.engine accept
    engine: str          # "piper" | "pyttsx3"
    path: str            # model file, or the system library that speaks
    size_bytes: int      # 0 when unknown (system voices)
    present: bool
    note: str = ""
    language: str = ""   # a voice fetched for one reply language ("": the default voices)


class SilentSpeaker:
    """tts.engine = "none": never makes a sound, returns empty audio (kiosks, tests, --quiet)."""

    name = "none"
    device = "cpu"
    sample_rate = 22_050
    player: SilentPlayer

    def __init__(self) -> None:
        self.player = SilentPlayer()

    def load(self) -> None:
        pass

    def warm_up(self) -> None:
        pass

    def configure(self, *, rate: float | None = None) -> None:
        pass

    def chunks(self, text: str) -> Iterator[np.ndarray]:
        return iter(())

    def synthesize(self, text: str) -> SpeechAudio:
        return SpeechAudio(np.zeros(0, dtype=np.float32), self.sample_rate)

    def speak(self, text: str, *, wait: bool = True) -> SpeechAudio:
        return self.synthesize(text)

    def stop(self) -> None:
        pass

    def close(self) -> None:
        pass


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # ValueError: a module blocked in sys.modules
        return False


def piper_available() -> bool:
    """piper-tts importable and the bundled voice installed (without loading or hashing it)."""
    if not _installed("piper"):
        return False
    from ..models import packaged

    # Installed is enough: a damaged voice must not quietly turn into espeak. Piper is chosen,
    # and loading it refuses the damaged file in words with the reinstall command (exit 3).
    try:
        packaged.package_dir(packaged.PIPER_VOICE, stage="tts")
    except AssistantError:
        return False
    return True


def make_speaker(config: TtsConfig, *, player: Any = None) -> Speaker:
    """Build the speaker ``config`` asks for; "auto" prefers the clearer Piper voice, which
    speaks English: a reply in another language is said by a Piper voice of that language
    fetched with ``assistant models download voice:NAME``, else by espeak-ng's voice of it
    (``LanguageSpeaker``; espeak-ng's own speaker picks its voice per reply itself)."""
    if config.engine == "none":
        return SilentSpeaker()
    if player is None and not config.play:
        player = SilentPlayer()
    engine = config.engine
    if engine == "auto":
        # A voice given as an .onnx path can only be Piper's.
        wants_piper = config.voice is not None and config.voice.endswith(".onnx")
        engine = "piper" if wants_piper or piper_available() else "pyttsx3"
        log.info("text to speech: %s", engine)
    if engine == "piper":
        from .piper_voice import PiperSpeaker

        if config.voice is not None and not config.voice.endswith(".onnx"):
            raise ConfigError(f"tts.voice '{config.voice}' is not a Piper voice file (.onnx).",
                              hint="Give the path of a Piper .onnx voice, or leave tts.voice empty.")
        piper = PiperSpeaker(config.voice, rate=config.rate, player=player)
        if config.voice is not None:
            return piper             # a voice the user chose speaks every reply
        from .languages import LanguageSpeaker
        from .pyttsx3_voice import Pyttsx3Speaker

        def other(language: str, rate: float) -> Speaker:
            # A Piper voice of that language fetched with `assistant models download
            # voice:NAME`, else espeak-ng's voice of it.
            from ..models.voices import downloaded_voice

            fetched = downloaded_voice(language)
            if fetched is not None:
                log.info("text to speech in %s: piper %s", language, fetched.stem)
                return PiperSpeaker(str(fetched), rate=rate, player=piper.player)
            return Pyttsx3Speaker(None, rate=rate, player=piper.player, language=language)

        return LanguageSpeaker(piper, other, rate=config.rate)
    from .pyttsx3_voice import Pyttsx3Speaker

    return Pyttsx3Speaker(config.voice, rate=config.rate, player=player)


def available_voices() -> list[VoiceInfo]:
    """What the ``assistant models`` command lists for speech out; loads no model."""
    voices: list[VoiceInfo] = []
    piper_installed = _installed("piper")
    try:
        from .piper_voice import BUNDLED_VOICE, bundled_voice_path

        model = bundled_voice_path()
        present = model.is_file() and Path(f"{model}.json").is_file()
        voices.append(VoiceInfo(
            BUNDLED_VOICE, "piper", str(model), model.stat().st_size if present else 0,
            present and piper_installed,
            "" if piper_installed else "voice installed, but piper-tts is not: "
                                       "pip install 'local-assistant[piper]'"))
    except AssistantError:
        voices.append(VoiceInfo("en_US-joe-medium", "piper", "", 0, False,
                                "pip install 'local-assistant[piper]'"))
    library = ctypes.util.find_library("espeak-ng") or ctypes.util.find_library("espeak")
    pyttsx3_installed = _installed("pyttsx3")
    note = "" if library else "install espeak-ng (Debian/Ubuntu: sudo apt install espeak-ng)"
    if library and not pyttsx3_installed:
        note = "pip install pyttsx3"
    voices.append(VoiceInfo("espeak-ng", "pyttsx3", library or "", 0,
                            bool(library) and pyttsx3_installed, note))
    from ..models.voices import SUGGESTED, downloaded_voice

    for language, suggested in SUGGESTED.items():
        if language == "en":
            continue
        fetched = downloaded_voice(language)
        if fetched is not None:
            voices.append(VoiceInfo(fetched.stem, "piper", str(fetched), fetched.stat().st_size,
                                    piper_installed, "", language))
        else:
            voices.append(VoiceInfo(suggested, "piper", "", 0, False,
                                    f"espeak-ng says these replies; a clearer voice: "
                                    f"assistant models download voice:{suggested}", language))
    return voices


__all__ = ["VoiceInfo", "SilentSpeaker", "make_speaker", "available_voices", "piper_available"]
