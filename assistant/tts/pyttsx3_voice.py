"""The basic voice: pyttsx3 driving the system's espeak-ng, on one owning thread.

pyttsx3 keeps one engine per driver for the whole process, and its run loop
raises "run loop already started" when entered from two threads, so every
engine call in the process goes through one module-wide worker thread. We never
let espeak play (it shells out to ``aplay`` on its own thread, which cannot be
stopped and fails silently without a sound card): we render to a temporary WAV,
wait for pyttsx3's 'finished-utterance' (``runAndWait`` can return before the
file is written), read it back, and play it through our own stoppable Player.
"""
from __future__ import annotations

import logging
import os
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Iterator

import numpy as np

from ..config import check_rate
from ..errors import DependencyMissingError, SpeechError
from . import SpeechAudio
from .playback import Player, speak_chunks
from .wav import read_wav

log = logging.getLogger(__name__)

ESPEAK_SAMPLE_RATE = 22_050  # espeak-ng's fixed output rate
BASE_WORDS_PER_MINUTE = 175  # espeak-ng's own default pace = our rate 1.0
PREFERRED_VOICES = ("gmw/en-us", "en-us")  # American English suits Whisper tiny.en and most users

_owner: ThreadPoolExecutor | None = None
_owner_lock = threading.Lock()


def _owner_thread() -> ThreadPoolExecutor:
    """The single thread that touches the pyttsx3 engine (shared by all speakers)."""
    global _owner
    with _owner_lock:
        if _owner is None:
            _owner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pyttsx3-owner")
        return _owner


class _Engine:
    """The process's pyttsx3 engine and its completion signal; used on the owner thread only."""

    instance: "_Engine | None" = None

    def __init__(self) -> None:
        try:
            import pyttsx3
        except ImportError as exc:
            error = DependencyMissingError("pyttsx3", "tts", purpose="basic voice", stage="tts")
            error.hint = "Install it with: pip install pyttsx3"
            raise error from exc
        try:
            self.engine = pyttsx3.init()
        except Exception as exc:  # OSError/RuntimeError when libespeak-ng is absent
            raise SpeechError(
                f"The basic voice could not start the espeak-ng speech engine ({exc}).",
                hint="Install it (Debian/Ubuntu: sudo apt install espeak-ng), or install the "
                     "clearer Piper voice: pip install 'local-assistant[piper]'",
                code="dependency_missing") from exc
        _silence_driver_prints()
        # The espeak binding, when pyttsx3 chose the espeak driver (Linux); None elsewhere.
        self._espeak = sys.modules.get("pyttsx3.drivers._espeak") \
            if "pyttsx3.drivers.espeak" in sys.modules else None
        self.finished = threading.Event()
        self.failure: BaseException | None = None
        self.engine.connect("finished-utterance", self._on_finished)
        self.engine.connect("error", self._on_error)
        self.voice_ids = [v.id for v in self.engine.getProperty("voices") or []]

    def _on_finished(self, name: Any = None, completed: bool = True) -> None:
        if not completed:
            self.failure = RuntimeError("espeak-ng cancelled the utterance")
        self.finished.set()

    def _apply(self, voice: str | None, words_per_minute: int) -> None:
        """Set voice and pace so that they are in force before the next utterance.

        Through pyttsx3's command queue they can be lost: in espeak's asynchronous mode a
        setting is itself queued, and pyttsx3's end-of-loop Cancel() drops it (the next
        utterance then kept the previous pace). So set them on espeak directly and wait
        until espeak has applied them.
        """
        if self._espeak is None:
            if voice:
                self.engine.setProperty("voice", voice)
            self.engine.setProperty("rate", words_per_minute)
            return
        if voice and self._espeak.SetVoiceByName(voice.encode("utf-8")) != 0:
            raise SpeechError(f"espeak-ng could not switch to the voice '{voice}'.",
                              hint="Leave tts.voice empty for the default voice.")
        self._espeak.SetParameter(self._espeak.RATE, words_per_minute, 0)
        self._espeak.Synchronize()

    def _on_error(self, name: Any = None, exception: BaseException | None = None) -> None:
        self.failure = exception or RuntimeError("espeak-ng failed")
        self.finished.set()

    @classmethod
    def get(cls) -> "_Engine":
        if cls.instance is None:
            cls.instance = cls()
        return cls.instance

    def render(self, text: str, voice: str | None, words_per_minute: int) -> SpeechAudio:
        fd, name = tempfile.mkstemp(prefix="assistant-tts-", suffix=".wav")
        os.close(fd)
        path = Path(name)
        try:
            self._apply(voice, words_per_minute)
            self.finished.clear()
            self.failure = None
            self.engine.save_to_file(text, str(path))
            self.engine.runAndWait()
            # About 50x faster than real time; the bound only catches a wedged engine.
            if not self.finished.wait(timeout=30 + len(text) / 10):
                raise SpeechError("The basic voice did not finish speaking in time.",
                                  hint="Try shorter text, or restart the assistant.")
            if self._espeak is not None:
                self._espeak.Synchronize()  # let espeak's thread finish its callback first
            if self.failure is not None:
                raise SpeechError(f"The basic voice could not say that ({self.failure}).",
                                  hint="Try plainer text.")
            return read_wav(path)
        finally:
            path.unlink(missing_ok=True)


class Pyttsx3Speaker:
    """Speaker backed by pyttsx3 + espeak-ng; ``voice`` is a pyttsx3 voice id (see voices())."""

    player: Any     # what ``speak`` plays through (Speaker)

    def __init__(self, voice: str | None = None, *, rate: float = 1.0, player: Any = None,
                 language: str | None = None) -> None:
        check_rate(rate)
        self._voice = voice
        # The voice of this language when ``voice`` is not given; None: the reply language of
        # the turn being said (``i18n.current()``), so one speaker answers in every language.
        self.language = language
        self._rate = rate
        self.player = player if player is not None else Player()
        self._speak_lock = threading.Lock()
        self._generation = 0
        self._closed = False

    @property
    def name(self) -> str:
        """'pyttsx3:roa/fr' for espeak-ng's French voice of a language speaker, else the voice set."""
        from ..i18n import ESPEAK_VOICES

        if self._voice is None and self.language in ESPEAK_VOICES and self.language != "en":
            return f"pyttsx3:{ESPEAK_VOICES[self.language]}"
        return f"pyttsx3:{self._voice or 'default'}"

    @property
    def device(self) -> str:
        return "cpu"

    @property
    def sample_rate(self) -> int:
        return ESPEAK_SAMPLE_RATE

    def load(self) -> None:
        """Nothing: espeak-ng starts at the first synthesis, once for the process, so a
        missing espeak-ng costs the speech, never the answer it would have said."""

    def warm_up(self) -> None:
        """Nothing: espeak-ng is about 50x faster than real time from its first sentence."""

    def voices(self) -> list[str]:
        """Voice ids espeak-ng offers here."""
        return list(self._call(lambda: _Engine.get().voice_ids))

    def synthesize(self, text: str) -> SpeechAudio:
        if not text or not text.strip():
            return SpeechAudio(np.zeros(0, dtype=np.float32), ESPEAK_SAMPLE_RATE)
        words_per_minute = int(round(BASE_WORDS_PER_MINUTE * self._rate))
        from ..i18n import current

        language = self.language or current()   # read here: the owner thread has no turn

        def job() -> SpeechAudio:
            engine = _Engine.get()
            return engine.render(text, self._pick_voice(engine, language), words_per_minute)

        return self._call(job)

    def chunks(self, text: str) -> Iterator[np.ndarray]:
        """The whole text as one piece: espeak-ng renders it to a file in one go."""
        audio = self.synthesize(text)
        if len(audio.samples):
            yield audio.samples

    def speak(self, text: str, *, wait: bool = True) -> SpeechAudio:
        """Synthesise and play; with ``wait`` returns once playback ends or is stopped."""
        with self._speak_lock:
            generation = self._generation
            audio = self.synthesize(text)
            chunks = [audio.samples] if len(audio.samples) else []
            speak_chunks(self.player, audio.sample_rate, chunks,
                         lambda: self._generation != generation, wait=wait)
            return audio

    def stop(self) -> None:
        # espeak cannot be cut mid-synthesis, but synthesis is short; what matters is
        # that nothing starts playing after the stop and that playback ends now.
        self._generation += 1
        self.player.stop()

    def configure(self, *, rate: float | None = None) -> None:
        """Speak at ``rate`` from the next synthesis on."""
        if rate is None:
            return
        check_rate(rate)
        self._rate = rate

    def close(self) -> None:
        # The engine and its thread stay for the process: pyttsx3 cannot start espeak twice.
        self._closed = True
        self.stop()

    def _pick_voice(self, engine: _Engine, language: str) -> str | None:
        if self._voice:
            if self._voice not in engine.voice_ids:
                raise SpeechError(f"The voice '{self._voice}' is not installed for espeak-ng.",
                                  hint="Leave tts.voice empty for the default voice, or pick one "
                                       "listed by 'assistant models'.", code="bad_config")
            return self._voice
        return voice_for(language, engine.voice_ids)

    def _call(self, job: Any) -> Any:
        if self._closed:
            raise SpeechError("This voice has been closed.", hint="Create a new speaker.")
        return _owner_thread().submit(job).result()


def voice_for(language: str, voice_ids: list[str]) -> str | None:
    """espeak-ng's voice for ``language`` among those installed (None: espeak's default)."""
    from ..i18n import ESPEAK_VOICES

    wanted = (ESPEAK_VOICES[language],) if language in ESPEAK_VOICES and language != "en" \
        else PREFERRED_VOICES
    return next((v for v in wanted if v in voice_ids), None)


def _silence_driver_prints() -> None:
    """pyttsx3's espeak driver print()s "Audio saved to ..." on every file, which would
    corrupt the CLI's JSON output; route its prints to our debug log instead."""
    module = sys.modules.get("pyttsx3.drivers.espeak")
    if module is not None:
        module.print = lambda *args, **kwargs: log.debug(" ".join(map(str, args)))  # type: ignore[attr-defined]
