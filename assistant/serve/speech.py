"""``POST /v1/audio/speech``: the configured voice in the format the client asks for.

As OpenAI's: ``response_format`` mp3 (the default), opus (Ogg), aac (ADTS), flac, wav or
pcm (raw 16-bit little-endian mono), all at 24 kHz (Opus at 48 kHz, its decoders' rate),
so a client that plays "pcm" at 24 kHz plays it at the right speed. The answer is sent a
sentence at a time (``Speaker.chunks``) through ``audio/encode.py``: the first sentence
plays while the next is made, a stopped request stops the voice between sentences, and
a failure before the first sound is an error object. (A failure after it can only cut the
stream: the client sees an unfinished body, never a complete-looking short one.) "voice"
names are taken but there is one voice here; ``x-sample-rate`` says the audio's rate.
"""
from __future__ import annotations

import logging
from typing import Any, AsyncIterator

from ..audio.encode import FORMATS, SERVE_RATE, Encoder
from ..config import RATE_RANGE
from . import models
from .errors import bad_request, from_assistant_error
from .limits import check_text

log = logging.getLogger(__name__)
DEFAULT_FORMAT = "mp3"   # OpenAI's


def speech_request(body: Any, runtime) -> dict:
    if not isinstance(body, dict):
        raise bad_request("The request body must be a JSON object.", "invalid_json")
    models.check(body.get("model"), models.tts_ids(runtime))
    text = body.get("input")
    if not isinstance(text, str) or not text.strip():
        raise bad_request("'input' must be the text to speak.", "empty_input", "input")
    check_text(text, runtime.config.serve.max_text_chars, "input")
    fmt = body.get("response_format") or DEFAULT_FORMAT
    if fmt not in FORMATS:
        raise bad_request(f"response_format must be one of {', '.join(FORMATS)}.",
                          "unsupported_format", "response_format")
    if body.get("stream_format") not in (None, "audio"):
        raise bad_request("stream_format 'sse' is not given here; the audio itself is streamed "
                          "(stream_format 'audio').", "unsupported_format", "stream_format")
    speed = body.get("speed", 1.0)
    low, high = RATE_RANGE   # also OpenAI's range for "speed"
    if isinstance(speed, bool) or not isinstance(speed, (int, float)) or not low <= speed <= high:
        raise bad_request(f"speed must be a number from {low} to {high}.", "invalid_value", "speed")
    return {"text": text.strip(), "format": fmt, "speed": float(speed)}


def speech_work(req: dict, runtime):
    """The worker's part: each sentence synthesised, encoded and posted as bytes.

    Posts ("ready", rate) once the first sound is encoded, then ("piece", bytes)."""
    from ..errors import SpeechError

    def work(cancel, post) -> None:
        base = runtime.config.tts.rate
        encoder = None
        with runtime.locks["tts"]:
            cancel.check()
            speaker = runtime.speaker()
            rate = min(RATE_RANGE[1], max(RATE_RANGE[0], base * req["speed"]))
            if rate != base:
                speaker.configure(rate=rate)
            try:
                for piece in speaker.chunks(req["text"]):
                    cancel.check()       # a stopped request stops the voice between sentences
                    if not piece.size:
                        continue
                    first = encoder is None
                    if first:            # the voice's rate is known once it has spoken
                        encoder = Encoder(req["format"], speaker.sample_rate, rate=SERVE_RATE)
                    data = encoder.feed(piece)
                    if first:
                        post("ready", encoder.rate)
                    if data:
                        post("piece", data)
                if encoder is None:
                    raise from_assistant_error(SpeechError("The voice produced no sound.",
                                                           hint="Check tts.engine on the server."))
                post("piece", encoder.finish())
            finally:
                if encoder is not None:
                    encoder.close()
                if rate != base:
                    speaker.configure(rate=base)

    return work


async def start(req: dict, runtime) -> tuple[int, AsyncIterator[bytes]]:
    """(rate, body): waits for the first sound, so a failure before it raises here and
    becomes an error object; the body then yields the encoded audio as it is made."""
    events = runtime.stream(speech_work(req, runtime), kind="tts")
    try:
        async for kind, value in events:
            if kind == "ready":
                return value, _body(events)
    except BaseException:
        await events.aclose()
        raise
    raise RuntimeError("the speech stream ended before any sound")   # work() never does this


async def _body(events) -> AsyncIterator[bytes]:
    try:
        async for kind, value in events:
            if kind == "piece" and value:
                yield value
    except Exception as exc:
        # The status line has gone: cutting the body is how HTTP says it did not finish.
        log.warning("speech stopped after it started: %s", getattr(exc, "message", exc))
        raise
    finally:
        await events.aclose()
