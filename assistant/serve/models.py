"""The model names the API answers to (``GET /v1/models``) and the checks on a request's ``model``.

The configured vision engine comes first (a client that takes "the first model listed",
as ``remote.vision_model = ""`` does, gets it); then speech recognition, where
"whisper-1" (OpenAI's name) means our default Whisper; then speech, "tts-1" (and
"tts-1-hd") meaning our configured voice.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import ApiError, unknown_model

if TYPE_CHECKING:
    from .runtime import Runtime

WHISPER_ALIASES = ("whisper-1",)
TTS_ALIASES = ("tts-1", "tts-1-hd")


def vision_ids(runtime: "Runtime") -> list[str]:
    return [runtime.vision_kind()]


def whisper_ids(runtime: "Runtime") -> list[str]:
    model = runtime.config.asr.model
    return [*WHISPER_ALIASES, *([model] if model not in WHISPER_ALIASES else [])]


def tts_ids(runtime: "Runtime") -> list[str]:
    return list(TTS_ALIASES) if runtime.config.tts.engine != "none" else []


def listing(runtime: "Runtime") -> list[dict]:
    out = []
    for ids, owner in ((vision_ids(runtime), "assistant-vision"), (whisper_ids(runtime), "assistant-asr"),
                       (tts_ids(runtime), "assistant-tts")):
        out += [{"id": name, "object": "model", "created": 0, "owned_by": owner} for name in ids]
    return out


def check(model: object, known: list[str], *, required: bool = True) -> str:
    """``model`` when this server has it (or the first known one when left out); else 404."""
    if model is None or model == "":
        if required:
            raise ApiError(400, "The request names no model.", code="model_missing", param="model")
        return known[0]
    if not isinstance(model, str) or model not in known:
        raise unknown_model(str(model), known)
    return model
