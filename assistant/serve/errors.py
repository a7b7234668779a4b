"""OpenAI-style error objects carrying our error codes; never a traceback.

Every failure a client sees is ``{"error": {"message", "type", "param", "code"}}``: the
message is the same plain sentence the CLI prints, the code is ``AssistantError.code``
(``image_unreadable``, ``audio_empty``...) or one of the server's own (``unauthorized``,
``queue_full``, ``loading``, ``timeout``...).
"""
from __future__ import annotations

import logging
from typing import Any

from ..cancel import Cancelled
from ..errors import (AssistantError, ConfigError, DependencyMissingError, DeviceError,
                      InputError, ModelMissingError)

# Codes that mean "this is bigger than the server takes".
TOO_LARGE = frozenset({"image_too_large", "audio_too_long", "too_large", "text_too_long"})

_TYPES = {400: "invalid_request_error", 401: "authentication_error", 403: "permission_error",
          404: "invalid_request_error", 405: "invalid_request_error", 413: "invalid_request_error",
          429: "rate_limit_error", 503: "server_error", 504: "timeout_error"}

log = logging.getLogger("assistant.serve.app")   # where a failing request has always been logged


class ApiError(Exception):
    """A failure with its HTTP status, ready to be sent as an OpenAI error object."""

    def __init__(self, status: int, message: str, *, code: str, param: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.param = param
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        return error_body(self.status, self.message, self.code, self.param)


def error_body(status: int, message: str, code: str, param: str | None = None) -> dict[str, Any]:
    return {"error": {"message": message, "type": _TYPES.get(status, "server_error"),
                      "param": param, "code": code}}


def status_for(exc: AssistantError) -> int:
    """The HTTP status of one of our coded errors."""
    if exc.code in TOO_LARGE:
        return 413
    if isinstance(exc, (ModelMissingError, DependencyMissingError, DeviceError)):
        return 503    # the server is set up without what this needs; the request was fine
    if isinstance(exc, (InputError, ConfigError)) or exc.code == "bad_input":
        return 400
    return 500        # a stage failed (asr_failed, vision_failed, tts_failed): said in words


def from_assistant_error(exc: AssistantError, *, param: str | None = None,
                         hide: tuple[str, ...] = ()) -> ApiError:
    """``exc`` as an ApiError; each text in ``hide`` (a server temp folder) is cut from the words."""
    message = exc.user_text()
    for text in hide:
        if text:
            message = message.replace(text, "")
    return ApiError(status_for(exc), message, code=exc.code, param=param)


def bad_request(message: str, code: str, param: str | None = None) -> ApiError:
    return ApiError(400, message, code=code, param=param)


def too_large(message: str, code: str = "too_large", param: str | None = None) -> ApiError:
    return ApiError(413, message, code=code, param=param)


def unknown_model(model: str, known: list[str]) -> ApiError:
    return ApiError(404, f"The model '{model}' is not served here. Models: {', '.join(known)}.",
                    code="model_not_found", param="model")


def error_for(exc: BaseException) -> ApiError:
    """Any exception as the ApiError a client may see (never its traceback)."""
    if isinstance(exc, ApiError):
        return exc
    if isinstance(exc, AssistantError):
        return from_assistant_error(exc)
    if isinstance(exc, Cancelled):
        return ApiError(503, "The request was stopped (the server is shutting down).",
                        code="cancelled")
    log.error("unexpected failure answering a request", exc_info=exc)
    return ApiError(500, "Something went wrong inside the assistant; the server's log has the "
                         "details.", code="internal_error")
