"""Speech recognition on an OpenAI-compatible server (/v1/audio/transcriptions).

The recording goes up as a 16 kHz 16-bit WAV with the model name, the language when one
is set and the initial prompt; the server's text comes back as it is. ``verbose_json``
is asked for (language, segments); a server that knows only ``json`` is asked that from
then on. When the server cannot be used, faster-whisper on this machine (built only
then) transcribes the same audio, and the user is told once.
"""
from __future__ import annotations

import io
import logging
import wave
from pathlib import Path
from typing import Any, Callable

import numpy as np

from ..asr import SAMPLE_RATE, Segment, TranscribeOptions, Transcriber, Transcription
from ..config import AsrConfig, language_code
from ..errors import InputError
from .link import AnsweredBy, RemoteLink, is_api_error

log = logging.getLogger(__name__)

# What OpenAI's verbose_json says ("english"); other servers give the code itself.
_NAMES = {"english": "en", "french": "fr", "german": "de", "spanish": "es", "italian": "it",
          "portuguese": "pt", "dutch": "nl", "russian": "ru", "chinese": "zh", "japanese": "ja",
          "korean": "ko", "arabic": "ar", "hindi": "hi", "polish": "pl", "turkish": "tr",
          "swedish": "sv", "ukrainian": "uk", "czech": "cs", "greek": "el", "danish": "da"}


def wav_bytes(samples: np.ndarray, rate: int = SAMPLE_RATE) -> bytes:
    """Mono float32 samples as a 16-bit PCM WAV file in memory."""
    from ..tts.wav import to_int16

    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(int(rate))
        out.writeframes(to_int16(samples).tobytes())
    return buffer.getvalue()


class OpenAITranscriber(AnsweredBy):
    """A Transcriber on a server, with faster-whisper here behind it."""

    def __init__(self, link: RemoteLink, config: AsrConfig, *, model: str,
                 local: Callable[[AsrConfig], Transcriber]) -> None:
        self.link = link
        self._config = config
        self._model = model
        self._build_local = local
        self._local: Transcriber | None = None
        self._format = "verbose_json"
        self._answered_here = False   # the last request fell back: name the engine that answered

    @property
    def config(self) -> AsrConfig:
        return self._config

    @config.setter
    def config(self, new: AsrConfig) -> None:
        """Run-time settings (language, task, prompt...) for the server and the fallback."""
        self._config = new
        if self._local is not None:
            self._local.config = new

    def _remote_name(self) -> str:
        return f"openai:{self._model}@{self.link.host}"

    @property
    def local(self) -> Transcriber:
        """faster-whisper on this machine, built the first time the server fails."""
        if self._local is None:
            self._local = self._build_local(self._config)
        return self._local

    def load(self, language: str | None = None, task: str | None = None) -> None:
        """Check the server answers; when it does not, load the models here instead."""
        if not self.link.available():
            self.local.load(language=language, task=task)

    def warm_up(self) -> None:
        if not self.link.available():
            self.local.warm_up()

    def close(self) -> None:
        self.link.close()
        if self._local is not None:
            self._local.close()

    def transcribe(self, audio: np.ndarray,
                   options: TranscribeOptions = TranscribeOptions()) -> Transcription:
        cancel = options.cancel
        if cancel is not None:
            cancel.check()
        samples = np.asarray(audio, dtype=np.float32).reshape(-1)
        if self.link.available():
            try:
                result = self._remote(samples, options)
                self.link.answered()
                self._answered_here = False
                return result
            except Exception as exc:  # noqa: BLE001 - the server failed: transcribe here
                if not is_api_error(exc):
                    raise
                self.link.failed(exc)
            if cancel is not None:
                cancel.check()
        self._answered_here = True
        return self.local.transcribe(samples, options)

    def transcribe_file(self, path: str | Path,
                        options: TranscribeOptions = TranscribeOptions()) -> Transcription:
        """A file of any length, sent a few minutes at a time (servers cap uploads at ~25 MB)."""
        from ..asr import long_audio
        from ..audio.files import check_audio_file
        from ..audio.stream_decode import pieces

        done: list[tuple[float, Transcription]] = []
        total = 0
        for offset, samples in long_audio.chunks(pieces(check_audio_file(path))):
            total += samples.shape[0]
            done.append((offset, self.transcribe(samples, options)))
        if not done:
            raise InputError(f"The audio file {Path(path)} holds no sound samples.",
                             hint="Record again; the recording has a header but no audio.",
                             code="audio_empty")
        return long_audio.join(done, total / SAMPLE_RATE)

    def _remote(self, samples: np.ndarray, options: TranscribeOptions) -> Transcription:
        import openai

        language = options.language if options.language is not None else self._config.language
        prompt = options.initial_prompt or self._config.initial_prompt
        translate = options.task == "translate" or self._config.task == "translate"
        endpoint = (self.link.client.audio.translations if translate
                    else self.link.client.audio.transcriptions)
        request: dict[str, Any] = dict(file=("question.wav", wav_bytes(samples), "audio/wav"),
                                       model=self._model)
        if language and not translate:
            request["language"] = language_code(language)
        if prompt:
            request["prompt"] = prompt
        try:
            reply = endpoint.create(response_format=self._format, **request)
        except openai.BadRequestError:
            if self._format == "json":
                raise
            # llama.cpp's whisper server and some others know only "json".
            self._format = "json"
            reply = endpoint.create(response_format="json", **request)
        return self._transcription(reply, samples, language, translate)

    def _transcription(self, reply: Any, samples: np.ndarray, language: str | None,
                       translate: bool) -> Transcription:
        text = str(_field(reply, "text") or "").strip()
        said = str(_field(reply, "language") or "").strip().lower()
        lang = "en" if translate else language_code(language) if language else \
            _NAMES.get(said, said)
        duration = len(samples) / SAMPLE_RATE
        segments = tuple(
            Segment(start=float(_field(s, "start") or 0.0), end=float(_field(s, "end") or 0.0),
                    text=str(_field(s, "text") or "").strip(),
                    no_speech_prob=float(_field(s, "no_speech_prob") or 0.0),
                    avg_logprob=float(_field(s, "avg_logprob") or 0.0), language=lang)
            for s in _field(reply, "segments") or ())
        if not segments and text:
            segments = (Segment(start=0.0, end=duration, text=text, language=lang),)
        return Transcription(text=text, language=lang, language_probability=1.0 if lang else 0.0,
                             duration_s=duration, segments=segments, model=self.name,
                             device=self.device)


def _field(item: Any, name: str) -> Any:
    """A field of the client's reply object, or of a plain dict (extra fields from servers)."""
    if isinstance(item, dict):
        return item.get(name)
    value = getattr(item, name, None)
    if value is None:
        extra = getattr(item, "model_extra", None) or {}
        value = extra.get(name)
    return value
