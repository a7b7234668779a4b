"""Engines on an OpenAI-compatible server: vision, speech recognition and speech.

``vision.engine``, ``asr.engine`` or ``tts.engine`` = "openai" sends the frame, the
recording or the text to the server in ``[remote]`` (vLLM, Ollama, llama.cpp's
``llama-server``, or another ``assistant serve``): they leave this machine. Each engine
keeps the one on this machine behind it (``link.RemoteLink`` decides when), so a kiosk
answers even when the server is down; the engines of a process share one probe of the
server and its health (``health.py``), kept in ``cache_dir`` for the next processes. The ``openai`` package is imported only when a
request is made. The builders here are what ``engines.factory`` calls.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from ..config import AsrConfig, RemoteConfig, TtsConfig, VisionConfig
from ..events import Event

EventSink = Callable[[Event], None] | None


def remote_key(remote: RemoteConfig) -> tuple:
    """Every remote setting decides the engine (client, model, fallback), so all are its key."""
    from .link import api_key

    return ("remote", remote.base_url, api_key(remote), remote.vision_model, remote.asr_model,
            remote.tts_model, remote.tts_voice, remote.timeout_s, remote.retries,
            remote.connect_timeout_s, remote.recheck_after_s, remote.send_measurements)


def build_vision(config: VisionConfig, remote: RemoteConfig, embedded: Any, *,
                 on_event: EventSink = None, runtime: dict[str, Any] | None = None,
                 cache_dir: Path | None = None) -> Any:
    """The server's VLM (told what ``embedded`` measured, when allowed), ``embedded`` behind it."""
    from .fallback import FallbackVision
    from .link import RemoteLink
    from .vision import OpenAIVisionEngine

    link = RemoteLink(remote, "vision", on_event=on_event, cache_dir=cache_dir)
    engine: Any = OpenAIVisionEngine(link, model=remote.vision_model, **(runtime or {}))
    if remote.send_measurements and config.grounding:
        from ..vision.grounding import GroundedEngine

        # The embedded engine's analyser: a frame measured for the prompt is measured once.
        engine = GroundedEngine(engine, embedded.analyser)
    return FallbackVision(engine, embedded, link)


def build_transcriber(config: AsrConfig, remote: RemoteConfig, local: Callable[[AsrConfig], Any],
                      *, on_event: EventSink = None, cache_dir: Path | None = None) -> Any:
    from .asr import OpenAITranscriber
    from .link import RemoteLink

    return OpenAITranscriber(RemoteLink(remote, "asr", on_event=on_event, cache_dir=cache_dir),
                             config,
                             model=remote.asr_model, local=local)


def build_speaker(config: TtsConfig, remote: RemoteConfig, *, player: Any,
                  local: Callable[[], Any], on_event: EventSink = None,
                  cache_dir: Path | None = None) -> Any:
    from .link import RemoteLink
    from .tts import OpenAISpeaker

    return OpenAISpeaker(RemoteLink(remote, "tts", on_event=on_event, cache_dir=cache_dir), remote,
                         rate=config.rate, player=player, local=local)
