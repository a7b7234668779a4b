"""What each console command does; ``cli.py`` only parses and reports errors."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .config import AppConfig
from .events import ErrorEvent, Event, EventBus, ModelLoaded, ModelLoading, Progress
from .paths import AppPaths


def _progress_printer(event: Event) -> None:
    """Slow steps are announced on stderr, so stdout stays clean for --json."""
    if isinstance(event, ModelLoading):
        print(f"Loading {event.model} ({event.stage})…", file=sys.stderr, flush=True)
    elif isinstance(event, ModelLoaded):
        print(f"Loaded {event.model} on {event.device} in {event.elapsed_ms / 1000:.1f} s.",
              file=sys.stderr, flush=True)
    elif isinstance(event, ErrorEvent) and event.code == "no_audio_output":
        print(f"note: {event.message}", file=sys.stderr, flush=True)
    elif isinstance(event, Progress):
        share = f" {100 * event.done // event.total}%" if event.total else ""
        print(f"{event.message}{share}", file=sys.stderr, flush=True)


def _warm_up(engine: object, stage: str, timings: dict[str, float], **how) -> None:
    """Load the model before the timed stage, so timings separate loading from answering."""
    load = getattr(engine, "load", None)
    if callable(load):
        start = time.perf_counter()
        load(**how)
        timings[f"load_{stage}"] = (time.perf_counter() - start) * 1000.0


def ask(args: argparse.Namespace, config: AppConfig, paths: AppPaths) -> int:
    from .asr import TranscribeOptions
    from .cli import check_file, emit_json
    from .conversation.sessions import SessionStore
    from .models.factory import EngineFactory
    from .pipeline import Assistant
    from .vision.image import load_image

    config = config.with_overrides(
        asr={"language": args.language},
        vision={"engine": args.vision_engine, "blip2_model": args.blip2_model},
        tts={"engine": args.voice_engine, "play": False if args.no_play else None})
    if args.text is not None and not args.text.strip():
        from .errors import InputError

        raise InputError("The question is empty.", hint="Type or say a question.", code="empty_question")
    image = load_image(check_file(args.image, "image"))
    audio = None
    if args.audio is not None:
        from .audio.files import load_audio

        audio = load_audio(check_file(args.audio, "audio"))
    if args.speak_to is not None and args.speak_to.is_dir():
        from .errors import InputError

        raise InputError(f"{args.speak_to} is a folder.", hint="Give a file name ending in .wav.",
                         code="bad_output_path")

    bus = EventBus()
    bus.subscribe(_progress_printer)
    factory = EngineFactory(paths, on_event=bus.emit)
    load_ms: dict[str, float] = {}
    try:
        vision = factory.vision(config.vision)
        _warm_up(vision, "vision", load_ms)
        transcriber = None
        if audio is not None:
            transcriber = factory.transcriber(config.asr)
        want_speech = args.speak_to is not None or (config.tts.play and config.tts.engine != "none")
        speaker = factory.speaker(config.tts) if want_speech else None
        if speaker is not None:
            _warm_up(speaker, "tts", load_ms)
        assistant = Assistant(vision=vision, transcriber=transcriber, speaker=speaker, bus=bus,
                              sessions=SessionStore(paths.sessions_dir),
                              history_turns=config.vision.history_turns)
        options = TranscribeOptions(language=config.asr.language, task=config.asr.task,
                                    initial_prompt=config.asr.initial_prompt)
        if transcriber is not None:
            _warm_up(transcriber, "asr", load_ms, language=options.language, task=options.task)
        result = assistant.ask(image, text=args.text, audio=audio, asr_options=options,
                               session=args.session, synthesize=want_speech)
        if args.speak_to is not None and result.speech is not None:
            from .tts.wav import write_wav

            write_wav(result.speech, args.speak_to)
        if args.json:
            out = result.to_json()
            out["timings_ms"].update({k: round(v, 1) for k, v in load_ms.items()})
            if args.speak_to is not None:
                out["speech_file"] = str(args.speak_to)
            emit_json(out)
        else:
            if result.transcript is not None:
                print(f"You asked: {result.question}")
            print(result.answer)
        if speaker is not None and config.tts.play and result.speech is not None:
            _play(speaker, result.speech)
        return 0
    finally:
        factory.close()


def _play(speaker: object, speech) -> None:
    """Play and wait; a missing sound card is reported once by the player, as an event."""
    player = getattr(speaker, "player", None)
    if player is not None and player.play(speech):
        player.wait()


def transcribe(args: argparse.Namespace, config: AppConfig, paths: AppPaths) -> int:
    from .asr import TranscribeOptions
    from .asr.formats import render
    from .audio.files import load_audio
    from .cli import check_file
    from .models.factory import EngineFactory

    config = config.with_overrides(asr={"language": args.language, "task": args.task,
                                        "model": args.model, "initial_prompt": args.initial_prompt})
    audio = load_audio(check_file(args.audio, "audio"))
    bus = EventBus()
    bus.subscribe(_progress_printer)
    transcriber = EngineFactory(paths, on_event=bus.emit).transcriber(config.asr)
    options = TranscribeOptions(language=config.asr.language, task=config.asr.task,
                                word_timestamps=args.word_timestamps,
                                initial_prompt=config.asr.initial_prompt)
    result = transcriber.transcribe(audio, options)
    text = render(result, args.format)
    sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
    return 0


def models(args: argparse.Namespace, config: AppConfig, paths: AppPaths) -> int:
    from .cli import emit_json
    from .models.catalogue import catalogue, format_table

    entries = catalogue(config, paths)
    if args.json:
        emit_json({"models": [e.to_json() for e in entries]})
    else:
        print(format_table(entries))
    return 0


def history(args: argparse.Namespace, config: AppConfig, paths: AppPaths) -> int:
    from .conversation.store import HistoryStore, export

    store = HistoryStore.in_folder(paths.data_dir)
    try:
        if args.history_action == "clear":
            count = store.count()
            store.clear()
            print(f"Deleted {count} turn{'s' if count != 1 else ''} from the history.")
        else:
            written = export(store, args.path, args.format)
            print(f"Wrote {store.count()} turns to {written}.")
    finally:
        store.close()
    return 0


def config(args: argparse.Namespace, config: AppConfig, paths: AppPaths) -> int:
    from . import config as config_mod

    target = args_config_path(args, paths)
    if args.action == "path":
        print(target)
    elif args.action == "init":
        if target.exists():
            print(f"{target} already exists; not changed.")
        else:
            config_mod.save(config, target)
            print(f"Wrote the default settings to {target}.")
    else:
        import tomli_w

        print(tomli_w.dumps(config.to_dict()), end="")
    return 0


def args_config_path(args: argparse.Namespace, paths: AppPaths) -> Path:
    return args.config or paths.config_file


def open_window(config: AppConfig, paths: AppPaths, *, kiosk: bool,
                parser: argparse.ArgumentParser) -> int:
    import importlib

    # The window lives in ui/, which depends on the core; looked up by name at run time so
    # the core keeps no import of Qt code.
    try:
        window = importlib.import_module("ui.app")
    except ImportError:
        parser.print_help()
        return 0
    return window.run(config, paths, kiosk=kiosk)
