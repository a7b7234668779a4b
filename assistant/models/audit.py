"""Every installed model file hashed in full, by the part of the assistant it serves.

The self-test (at start, daily in the window, the kiosk and ``serve``, and ``assistant
selftest``) calls ``audit``: damage that keeps a file's size and time is found here, not only
when a stamp changes. A damaged packaged file is forgotten by the stamps (``packaged``), so
every later use refuses it with the reinstall command (exit 3); the joined Whisper base, a
cache, is set aside and rebuilt from its packages. A package that is not installed is left to
the engine that needs it (it names the install command when it is asked for).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from ..config import AppConfig
from ..errors import AssistantError
from . import packaged

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PartFiles:
    """One part's files after a full hash: the first damaged one in words, what was rebuilt."""

    part: str
    checked: int = 0
    problem: AssistantError | None = None
    rebuilt: tuple[str, ...] = field(default=())


def _files(part: str, config: AppConfig) -> tuple[packaged.DataFile, ...]:
    if part == "hearing":
        return (*packaged.TINY_EN_FILES, *packaged.BASE_PIECES, *packaged.BASE_SIDE,
                packaged.SILERO_VAD)
    if part == "voice":
        piper = config.tts.engine in ("auto", "piper", "openai") and not config.tts.voice
        return packaged.PIPER_FILES if piper else ()
    return (*packaged.RAPIDOCR_FILES, packaged.MOBILENET_WEIGHTS, packaged.IMAGENET_CLEAN_NAMES)


def _installed(package: packaged.Package) -> bool:
    try:
        packaged.package_dir(package, stage="selftest")
    except AssistantError:
        return False
    return True


def audit_part(part: str, config: AppConfig) -> PartFiles:
    """``part`` ("hearing", "voice" or "eyes"): each of its installed files hashed in full."""
    checked, rebuilt = 0, ()
    stage = {"hearing": "asr", "voice": "tts", "eyes": "vision"}[part]
    try:
        for file in _files(part, config):
            if _installed(file.package):
                packaged.verified(file, stage=stage, full=True)
                checked += 1
        if part == "hearing":
            from ..asr import bundled

            rebuilt = tuple(bundled.verify_base())
        if part == "eyes":
            checked += _objects()
    except AssistantError as exc:
        log.warning("self-test: %s: %s", part, exc.user_text())
        return PartFiles(part, checked, exc, rebuilt)
    return PartFiles(part, checked, None, rebuilt)


def _objects() -> int:
    from ..vision import objects

    if not objects.installed():
        return 0                      # not installed: the eyes work without boxes
    objects.model_files(full=True)
    return 2
