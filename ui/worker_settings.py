"""The worker's settings and history steps that decide what the window says: saving the
settings (applied either way, "saved" only when they were), a chosen vision model that is
not on this computer (the engine in use keeps answering; the choice is not called applied),
a history that cannot be written (what can be read is shown, new turns kept in memory), and
which settings the running conversation takes as they are. No widgets (the words are
translated in ``settings_words``).
"""
from __future__ import annotations

import contextlib
import dataclasses
import logging
from typing import Any, Callable

from assistant import config as config_mod
from assistant.config import AppConfig
from assistant.conversation.store import HistoryStore, StoredTurn, purge_folder, read_only_turns
from assistant.errors import AssistantError
from assistant.events import ErrorEvent
from assistant.models.choice import missing_vlm
from assistant.paths import AppPaths

from . import settings_words as words

log = logging.getLogger(__name__)


def save(config: AppConfig, paths: AppPaths) -> str:
    """Write the settings file; "" when saved, else what the window says instead of "saved"."""
    try:
        config_mod.save(config, paths.config_file)
    except Exception as exc:  # noqa: BLE001 - applied anyway; the reader is told it was not kept
        log.warning("the settings could not be saved to %s", paths.config_file, exc_info=exc)
        return words.settings_not_saved(exc, paths.config_file)
    return ""


def usable_vision(config: AppConfig, paths: AppPaths, fallback: AppConfig | None):
    """(the settings to build engines from, what to say): a chosen model that is missing is
    not loaded (it would fail with a console hint); the vision settings of ``fallback`` (the
    running ones) answer meanwhile, or the embedded engine at start."""
    model = missing_vlm(config.vision, paths)
    if not model:
        return config, ""
    kept = fallback.vision if fallback is not None else dataclasses.replace(
        config.vision, engine="embedded")
    kept_words = words.engine_name("embedded" if kept.engine == "auto" else kept.engine)
    log.warning("vision model %s (vision.engine = %s) is not on this computer", model,
                config.vision.engine)
    return (dataclasses.replace(config, vision=kept),
            words.model_missing(config.vision.engine, model, kept=kept_words))


def open_history(paths: AppPaths, *, kiosk: bool, keep: bool, show: bool,
                 on_event: Callable[[Any], None]) -> tuple[HistoryStore, list[StoredTurn], str]:
    """(the store, the turns to show, what to say). A history that cannot be opened for
    writing is read without writing where it can: shown, and this run's turns kept in memory
    (listed, exported, cleared); the disk is left alone. ``keep`` false in a kiosk: visitors'
    turns in memory only, what an earlier run left purged."""
    store = None
    memory_only = kiosk and not keep
    try:
        if memory_only:
            purge_folder(paths.data_dir)
        store = HistoryStore.in_memory() if memory_only else HistoryStore.in_folder(
            paths.data_dir, on_event=on_event)
        return store, store.turns(limit=200) if show and not kiosk else [], ""
    except Exception as exc:  # noqa: BLE001 - questions are answered without a history
        if store is not None:
            with contextlib.suppress(Exception):
                store.close()
        if not isinstance(exc, AssistantError):
            log.error("the chat history could not be opened", exc_info=exc)
        log.warning("chat history unavailable: %s", exc)
        earlier = read_only_turns(paths.data_dir, 200) if show and not kiosk else []
        memory = HistoryStore.in_memory()
        for turn in earlier:     # this run's copy: export and clear see them too
            memory.add(dataclasses.replace(turn, id=None))
        return memory, memory.turns(), words.history_unwritable(exc, paths.data_dir, len(earlier))


def history_event(message: str) -> ErrorEvent:
    return ErrorEvent(code="history_unavailable", stage="history", message=message)


def engine_settings(config: AppConfig) -> tuple:
    return (config.asr, config.vision, config.tts, config.remote, config.ui.speaker_device)


def conversation_changes(old: AppConfig, new: AppConfig) -> dict[str, Any]:
    """The settings the running conversation takes as they are (``ConversationEngine.configure``)."""
    from assistant.voice.events import turn_timing

    changes: dict[str, Any] = {}
    if old.ui.end_silence_s != new.ui.end_silence_s:
        changes["segmenter"] = turn_timing(new.ui.end_silence_s)
    if old.ui.smart_turn != new.ui.smart_turn:
        changes["smart_turn"] = new.ui.smart_turn
    if old.ui.speculate != new.ui.speculate:
        changes["speculate"] = new.ui.speculate
    if old.ui.hands_free != new.ui.hands_free:
        changes["hands_free"] = new.ui.hands_free
    if old.heard_language != new.heard_language:      # asr.language, or a fixed ui.language
        changes["language"] = new.heard_language
    if old.ui.language != new.ui.language:
        changes["reply_language"] = new.ui.language
    if old.tts.rate != new.tts.rate:
        changes["rate"] = new.tts.rate
    return changes
