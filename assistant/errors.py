"""Coded errors. Every expected failure is an AssistantError with a stable code.

The message is a plain sentence a user can read (or hear); ``hint`` says what to
do about it. Stages raise these; the pipeline turns them into ``ErrorEvent`` and
carries on, the CLI prints ``user_text()`` and exits with the status below.
"""
from __future__ import annotations

# The exit statuses, the same for every command (README.md "Exit codes" shows this table).
EXIT_OK = 0
EXIT_FAILED = 1            # an expected failure with no code of its own; the message says why
EXIT_BAD_INPUT = 2         # a bad argument, file, setting or language
EXIT_MISSING = 3           # a model or Python package is not installed
EXIT_NO_DEVICE = 4         # no camera, microphone, sound system or screen
EXIT_NOT_SAVED = 5         # the answer was given, but saving it (session, WAV, export) failed
EXIT_UNEXPECTED = 70       # a bug; the traceback is in the log file
EXIT_INTERRUPTED = 130     # Ctrl+C

EXIT_CODES: tuple[tuple[int, str], ...] = (
    (EXIT_OK, "done"),
    (EXIT_FAILED, "the request could not be done; the message says why"),
    (EXIT_BAD_INPUT, "bad input: an argument, file, setting or language that cannot be used"),
    (EXIT_MISSING, "a model or Python package is missing; the message names how to get it"),
    (EXIT_NO_DEVICE, "a device is missing: camera, microphone, sound output or screen"),
    (EXIT_NOT_SAVED, "could not save (session, --speak-to sound, history export, config init); "
                     "the answer is still given"),
    (EXIT_UNEXPECTED, "unexpected failure (a bug); details are in the log file"),
    (EXIT_INTERRUPTED, "interrupted (Ctrl+C); `listen` ends this way and exits 0 (5 if a "
                       "session could not keep its answers); `serve` stopped by SIGTERM exits 0"),
)

# Codes raised as a plain AssistantError whose exit status is not the base class's.
_EXIT_BY_CODE = {"bad_input": EXIT_BAD_INPUT}


class AssistantError(Exception):
    """Base of every expected failure: a code, a sentence, and what to do."""

    code = "error"
    stage = "assistant"
    exit_status = EXIT_FAILED

    def __init__(self, message: str, *, hint: str = "", code: str | None = None,
                 stage: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        if code is not None:
            self.code = code
            if type(self) is AssistantError and code in _EXIT_BY_CODE:
                self.exit_status = _EXIT_BY_CODE[code]
        if stage is not None:
            self.stage = stage

    def user_text(self) -> str:
        """The message and its hint, in the reply language where the catalogue has them
        (a sentence composed with details stays in English)."""
        from .i18n import _

        said = [_(part) for part in (self.message, self.hint) if part]
        return " ".join(said).strip()


class InputError(AssistantError):
    """The user gave something we cannot use (missing file, unreadable audio...)."""

    code = "bad_input"
    stage = "input"
    exit_status = EXIT_BAD_INPUT


class ConfigError(AssistantError):
    code = "bad_config"
    stage = "config"
    exit_status = EXIT_BAD_INPUT


class DependencyMissingError(AssistantError):
    """An optional package is not installed; the message names the pip extra."""

    code = "dependency_missing"
    exit_status = EXIT_MISSING

    # The optional-dependency groups in pyproject.toml; other packages are core dependencies.
    EXTRAS = ("gui", "serve", "vlm", "piper", "webrtc", "gpu", "all")

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
    exit_status = EXIT_MISSING


class DeviceError(AssistantError):
    """Audio or camera hardware is missing or stopped working."""

    code = "device_unavailable"
    stage = "device"
    exit_status = EXIT_NO_DEVICE


class SaveError(AssistantError):
    """The answer exists, but keeping it (a session, a WAV file, an export) failed."""

    code = "not_saved"
    stage = "storage"
    exit_status = EXIT_NOT_SAVED


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
