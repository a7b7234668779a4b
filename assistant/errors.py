"""Coded errors. Every expected failure is an AssistantError with a stable code.

The message is a plain sentence a user can read (or hear); ``hint`` says what to
do about it. Stages raise these; the pipeline turns them into ``ErrorEvent`` and
carries on, the CLI prints ``user_text()`` and exits non-zero.
"""
from __future__ import annotations


class AssistantError(Exception):
    """Base of every expected failure: a code, a sentence, and what to do."""

    code = "error"
    stage = "assistant"
    exit_status = 1

    def __init__(self, message: str, *, hint: str = "", code: str | None = None,
                 stage: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        if code is not None:
            self.code = code
        if stage is not None:
            self.stage = stage

    def user_text(self) -> str:
        return f"{self.message} {self.hint}".strip()


class InputError(AssistantError):
    """The user gave something we cannot use (missing file, unreadable audio...)."""

    code = "bad_input"
    stage = "input"
    exit_status = 2


class ConfigError(AssistantError):
    code = "bad_config"
    stage = "config"
    exit_status = 2


class DependencyMissingError(AssistantError):
    """An optional package is not installed; the message names the pip extra."""

    code = "dependency_missing"
    exit_status = 3

    # The optional-dependency groups in pyproject.toml; other packages are core dependencies.
    EXTRAS = ("piper", "webrtc", "gpu")

    def __init__(self, package: str, extra: str, *, purpose: str, stage: str) -> None:
        command = (f"pip install 'local-assistant[{extra}]'" if extra in self.EXTRAS
                   else f"pip install {package}")
        super().__init__(
            f"The {purpose} needs the Python package '{package}', which is not installed.",
            hint=f"Install it with: {command}",
            stage=stage,
        )
        self.package = package
        self.extra = extra


class ModelMissingError(AssistantError):
    code = "model_missing"
    exit_status = 3


class DeviceError(AssistantError):
    """Audio or camera hardware is missing or stopped working."""

    code = "device_unavailable"
    stage = "device"


class TranscriptionError(AssistantError):
    code = "asr_failed"
    stage = "asr"


class VisionError(AssistantError):
    code = "vision_failed"
    stage = "vision"


class SpeechError(AssistantError):
    code = "tts_failed"
    stage = "tts"


def require(module: str, *, package: str, extra: str, purpose: str, stage: str):
    """Import ``module`` or raise DependencyMissingError naming the pip extra."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:  # includes a broken native library under the package
        raise DependencyMissingError(package, extra, purpose=purpose, stage=stage) from exc
