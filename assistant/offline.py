"""Offline by default: nothing is fetched from a model hub unless the user asks for it.

``enforce()`` runs first thing in the console entry point (before anything can import
huggingface_hub or transformers, which read these variables once, at import): it sets
``HF_HUB_OFFLINE=1``, ``TRANSFORMERS_OFFLINE=1`` and ``HF_DATASETS_OFFLINE=1``, and every
``from_pretrained`` we make passes ``local_files_only=True``. A user who wants the hub
(say, to let transformers fetch a missing processor file) sets
``ASSISTANT_ALLOW_DOWNLOADS=1``; then neither is forced.
"""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import Iterator, MutableMapping

ALLOW_ENV = "ASSISTANT_ALLOW_DOWNLOADS"
OFFLINE_ENV = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE")
_YES = ("1", "true", "yes", "on")

_downloads_allowed = False


def downloads_allowed(environ: MutableMapping[str, str] | None = None) -> bool:
    """Whether the user asked for downloads (``ASSISTANT_ALLOW_DOWNLOADS=1``)."""
    env = os.environ if environ is None else environ
    return env.get(ALLOW_ENV, "").strip().lower() in _YES


def enforce(environ: MutableMapping[str, str] | None = None) -> bool:
    """Make this process offline unless downloads are allowed; True when it is offline."""
    global _downloads_allowed
    env = os.environ if environ is None else environ
    _downloads_allowed = downloads_allowed(env)
    if _downloads_allowed:
        return False
    for name in OFFLINE_ENV:
        env[name] = "1"
    return True


def local_files_only() -> bool:
    """What every ``from_pretrained`` passes: True unless ``enforce`` saw downloads allowed."""
    return not _downloads_allowed


def hub_options() -> dict[str, bool]:
    """Keyword arguments for ``from_pretrained``."""
    return {"local_files_only": local_files_only()}


@contextmanager
def lifted() -> Iterator[None]:
    """Online for the block: ``assistant models download`` is the user's explicit permission.

    The offline variables are taken out of this process's environment for the block and put
    back after; huggingface_hub reads them once at import, so its flag is lifted too when it
    was imported already. Only the download command uses this, in its own process.
    """
    global _downloads_allowed
    saved = {name: os.environ.pop(name, None) for name in OFFLINE_ENV}
    constants = sys.modules.get("huggingface_hub.constants")
    old_flag = getattr(constants, "HF_HUB_OFFLINE", None)
    old_allowed = _downloads_allowed
    if constants is not None:
        constants.HF_HUB_OFFLINE = False
    _downloads_allowed = True
    try:
        yield
    finally:
        _downloads_allowed = old_allowed
        for name, value in saved.items():
            if value is not None:
                os.environ[name] = value
        now = sys.modules.get("huggingface_hub.constants")   # imported inside the block, maybe
        if now is not None:
            now.HF_HUB_OFFLINE = old_flag if constants is not None else any(
                (saved[name] or "").strip().lower() in _YES for name in OFFLINE_ENV[:2])
