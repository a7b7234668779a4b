"""``/v1/audio/transcriptions``, ``/v1/audio/translations`` and ``/v1/audio/speech``.

Uploads are copied to a private scratch folder (size checked while copying) and
transcribed a chunk at a time by the shared Whisper (``transcribe_file``: any length,
any format PyAV reads); SRT and VTT come from ``asr/formats.py``. Speech is the
configured voice as 16-bit WAV (or raw PCM), made a sentence at a time so a cancelled
request stops between sentences; "voice" names are taken but there is one voice here.
"""
from __future__ import annotations

import io
import re
import wave
from typing import Any

from ..asr import Transcription
from ..config import RATE_RANGE, WHISPER_LANGUAGES, language_code
from ..errors import AssistantError
from . import models
from .errors import ApiError, bad_request, from_assistant_error
from .limits import MB, check_text

FORMATS = ("json", "text", "srt", "vtt", "verbose_json")
SPEECH_FORMATS = {"wav": "audio/wav", "pcm": "audio/pcm"}
_COPY_BLOCK = 1 << 20


def _field(form: Any, name: str) -> str | None:
    value = form.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


def options_from(form: Any, runtime, task: str) -> dict:
    """The checked fields of a transcription form (the upload itself aside)."""
    serve = runtime.config.serve
    models.check(_field(form, "model"), models.whisper_ids(runtime))
    fmt = _field(form, "response_format") or "json"
    if fmt not in FORMATS:
        raise bad_request(f"response_format must be one of {', '.join(FORMATS)}.",
                          "invalid_value", "response_format")
    language = _field(form, "language")
    if language is not None and language_code(language) not in WHISPER_LANGUAGES:
        raise bad_request(f"'{language}' is not a language Whisper knows; give a code such as "
                          "en, fr or de.", "bad_language", "language")
    prompt = _field(form, "prompt")
    if prompt is not None:
        check_text(prompt, serve.max_text_chars, "prompt")
    grains = [*form.getlist("timestamp_granularities[]"), *form.getlist("timestamp_granularities")]
    return {"format": fmt, "language": language_code(language) if language else None,
            "prompt": prompt, "words": "word" in grains, "task": task}


def _file_name(filename: str | None) -> str:
    """A scratch name keeping only the upload's extension (the decoder reads .raw by it)."""
    suffix = "." + filename.rsplit(".", 1)[1].lower() if filename and "." in filename else ""
    return "recording" + (suffix if re.fullmatch(r"\.[a-z0-9]{1,5}", suffix) else "")


def transcribe_job(upload: Any, opts: dict, runtime):
    """The worker's part: copy the upload (counting), then transcribe under the ASR lock."""
    from ..asr import TranscribeOptions

    limit = runtime.config.serve.max_audio_mb

    def job(cancel) -> Transcription:
        with runtime.scratch_dir() as scratch:
            path = scratch / _file_name(getattr(upload, "filename", None))
            upload.file.seek(0)
            copied = 0
            with open(path, "wb") as out:
                while block := upload.file.read(_COPY_BLOCK):
                    copied += len(block)
                    if copied > limit * MB:
                        raise ApiError(413, f"The recording is larger than this server takes "
                                            f"({limit:g} MB).", code="audio_too_large", param="file")
                    out.write(block)
            options = TranscribeOptions(language=opts["language"], task=opts["task"],
                                        word_timestamps=opts["words"],
                                        initial_prompt=opts["prompt"], cancel=cancel)
            try:
                with runtime.locks["asr"]:
                    cancel.check()
                    return runtime.transcriber().transcribe_file(path, options)
            except AssistantError as exc:
                raise from_assistant_error(exc, param="file", hide=(str(scratch) + "/",)) from None

    return job


def render(result: Transcription, opts: dict) -> tuple[Any, str]:
    """(body, media type) in the asked ``response_format``."""
    from ..asr.formats import to_srt, to_txt, to_vtt

    fmt = opts["format"]
    text = result.text.strip()
    if fmt == "json":
        return {"text": text}, "application/json"
    if fmt == "text":
        return to_txt(result), "text/plain"
    if fmt == "srt":
        return to_srt(result), "text/plain"
    if fmt == "vtt":
        return to_vtt(result), "text/vtt"
    segments = [{"id": i, "seek": 0, "start": round(s.start, 3), "end": round(s.end, 3),
                 "text": s.text, "tokens": [], "temperature": 0.0,
                 "avg_logprob": round(s.avg_logprob, 4), "compression_ratio": 0.0,
                 "no_speech_prob": round(s.no_speech_prob, 4)}
                for i, s in enumerate(result.segments)]
    out: dict[str, Any] = {"task": opts["task"], "language": result.language,
                           "duration": round(result.duration_s, 3), "text": text,
                           "segments": segments}
    if opts["words"]:
        out["words"] = [{"word": w.text.strip(), "start": round(w.start, 3), "end": round(w.end, 3)}
                        for s in result.segments for w in s.words]
    return out, "application/json"


def speech_request(body: Any, runtime) -> dict:
    if not isinstance(body, dict):
        raise bad_request("The request body must be a JSON object.", "invalid_json")
    models.check(body.get("model"), models.tts_ids(runtime))
    text = body.get("input")
    if not isinstance(text, str) or not text.strip():
        raise bad_request("'input' must be the text to speak.", "empty_input", "input")
    check_text(text, runtime.config.serve.max_text_chars, "input")
    fmt = body.get("response_format") or "wav"
    if fmt not in SPEECH_FORMATS:
        raise bad_request(f"response_format must be one of {', '.join(SPEECH_FORMATS)} here.",
                          "unsupported_format", "response_format")
    speed = body.get("speed", 1.0)
    low, high = RATE_RANGE   # also OpenAI's range for "speed"
    if isinstance(speed, bool) or not isinstance(speed, (int, float)) or not low <= speed <= high:
        raise bad_request(f"speed must be a number from {low} to {high}.", "invalid_value", "speed")
    return {"text": text.strip(), "format": fmt, "speed": float(speed)}


def _spoken(speaker, text: str, cancel) -> "SpeechAudio":
    """The voice's audio a sentence at a time (``Speaker.chunks``), giving up between two
    sentences when the request is cancelled (4000 characters is about a minute of work)."""
    import numpy as np

    from ..tts import SpeechAudio

    pieces = []
    for piece in speaker.chunks(text):
        cancel.check()
        pieces.append(piece)
    samples = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.float32)
    return SpeechAudio(samples, speaker.sample_rate)


def speech_job(req: dict, runtime):
    from ..errors import SpeechError
    from ..tts.wav import to_int16

    def job(cancel) -> tuple[bytes, int]:
        base = runtime.config.tts.rate
        with runtime.locks["tts"]:
            cancel.check()
            speaker = runtime.speaker()
            rate = min(RATE_RANGE[1], max(RATE_RANGE[0], base * req["speed"]))
            if rate != base:
                speaker.configure(rate=rate)
            try:
                audio = _spoken(speaker, req["text"], cancel)
            finally:
                if rate != base:
                    speaker.configure(rate=base)
        if audio.samples.size == 0:
            raise from_assistant_error(SpeechError("The voice produced no sound.",
                                                   hint="Check tts.engine on the server."))
        pcm = to_int16(audio.samples).tobytes()
        if req["format"] == "pcm":
            return pcm, int(audio.sample_rate)
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(int(audio.sample_rate))
            out.writeframes(pcm)
        return buffer.getvalue(), int(audio.sample_rate)

    return job
