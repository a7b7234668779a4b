"""``assistant listen``: a hands-free spoken conversation about a photo or a camera, in the terminal.

Prints each transcript and reply with its timings and speaks the replies;
talking over a reply stops it; "stop", "repeat", "slower" and "faster" work at
any time. ``--audio-in FILE`` replays a recording (WAV, FLAC, OGG, MP3...: whatever
PyAV reads, decoded as it plays, so its length does not matter) as the microphone, in
real time or ``--speed N`` times faster, so it runs headless; it then ends when the
file has been heard and answered.
Ctrl+C ends cleanly.
"""
from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import sys
import threading
from pathlib import Path
from typing import Any, Callable

from ..audio.files import RECORDING_SUFFIXES
from ..config import REPLY_LANGUAGES, TTS_ENGINES, VISION_ENGINES, AppConfig
from ..errors import EXIT_NOT_SAVED, EXIT_OK
from ..events import ErrorEvent, Event, EventBus, Reply, Transcript
from ..paths import AppPaths

# A microphone setting ending in one of these names a recording to replay instead.


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = subparsers.add_parser("listen", help="hands-free conversation: speak, hear the answer, interrupt")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--image", type=Path, help="photo to talk about")
    what.add_argument("--camera", type=int, metavar="N", help="camera index to talk about what it sees")
    p.add_argument("--device", help="microphone: a name (or part of it) or an index; default: the system's")
    p.add_argument("--output-device", help="speakers: a name (or part of it) or an index")
    p.add_argument("--audio-in", type=Path, metavar="FILE",
                   help="take the microphone from this recording (WAV, FLAC, OGG, MP3...), in real time")
    p.add_argument("--speed", type=_speed, default=1.0, metavar="N",
                   help="with --audio-in: replay N times faster than real time (default 1)")
    p.add_argument("--language", help="spoken language (e.g. en, fr); default: detect, English first")
    p.add_argument("--reply-language", choices=REPLY_LANGUAGES,
                   help="language of the replies: auto (the question's, else the system's; the "
                        "default: ui.language), en, fr, de, es")
    p.add_argument("--session", help="conversation name: follow-ups see the earlier turns")
    p.add_argument("--end-silence", type=float, metavar="SECONDS", help="silence that ends your turn")
    p.add_argument("--no-barge-in", action="store_true", help="do not stop replies when you talk over them")
    p.add_argument("--vision-engine", choices=VISION_ENGINES,
                   help="what answers about the picture (as for 'ask'; default: vision.engine)")
    p.add_argument("--voice-engine", choices=TTS_ENGINES,
                   help="what speaks the replies (as for 'ask'; none: replies printed only)")
    p.add_argument("--json", action="store_true", help="one JSON object per event on stdout")
    return p


def _speed(value: str) -> float:
    try:
        speed = float(value)
    except ValueError:
        speed = float("nan")
    if not 0.1 <= speed <= 100:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(f"--speed must be a number from 0.1 to 100, not {value!r}")
    return speed


def _device(value: str | None) -> str | int | None:
    if value is None or value == "":
        return None
    return int(value) if value.isdigit() else value


def _image_provider(args: argparse.Namespace, config: AppConfig) -> tuple[Callable[[], Any], Callable[[], None]]:
    """What to ask about, and how to release it."""
    from ..vision.image import load_image

    target = str(args.camera) if args.camera is not None else (str(args.image) if args.image else config.ui.camera)
    if not target.isdigit():
        from .console import check_file

        image = load_image(check_file(Path(target), "image"))
        return (lambda: image), (lambda: None)
    from ..vision.camera import OpenCVCamera

    from ..vision.frames import best_frame

    camera = OpenCVCamera(int(target))
    camera.open()

    def sharpest_recent():
        camera.latest()  # waits for a first frame, or raises the camera's error in words
        frame, _quality = best_frame(camera.recent(5))  # the engine reports bad quality itself
        return frame.to_pil()

    return sharpest_recent, camera.close


# Printed by ``console._progress_printer`` as "note:" lines: things that were handled.
_NOTES = ("no_audio_output", "session_damaged", "history_repaired")


def _printer(as_json: bool) -> Callable[[Event], None]:
    from ..voice.events import (BargedIn, CommandHeard, TurnCancelled, TurnCompleted, TurnStarted,
                               TurnTimings, UtteranceIgnored)

    def show(event: Event) -> None:
        if as_json:  # a turn's events share its turn_id (Transcript, TurnStarted ... TurnCompleted)
            if isinstance(event, (Transcript, Reply, TurnTimings, BargedIn, CommandHeard, UtteranceIgnored,
                                  ErrorEvent, TurnStarted, TurnCancelled, TurnCompleted)):
                print(json.dumps(event.to_json(), ensure_ascii=False), flush=True)
            return
        if isinstance(event, Transcript):
            print(f"You: {event.text}", flush=True)
        elif isinstance(event, Reply):
            print(f"Assistant: {event.answer}", flush=True)
            for notice in event.notices:
                print(f"note: {notice.message}", file=sys.stderr, flush=True)
        elif isinstance(event, TurnTimings):
            parts = [f"speech {event.audio_s:.1f} s", f"asr {event.asr_s:.2f} s",
                     f"end of turn → text {event.end_to_transcript_s:.2f} s"]
            if event.end_to_first_audio_s is not None:
                parts.append(f"→ first sound {event.end_to_first_audio_s:.2f} s")
            print(f"  ({', '.join(parts)})", flush=True)
        elif isinstance(event, BargedIn):
            print(f"  [interrupted; stopped in {event.stop_ms:.0f} ms]", flush=True)
        elif isinstance(event, CommandHeard):
            print(f"  [command: {event.command}]", flush=True)
        elif isinstance(event, ErrorEvent) and event.code not in _NOTES \
                and not event.code.startswith("remote_"):  # printed as a note
            print(f"error: {event.message}", file=sys.stderr, flush=True)
    return show


def run(args: argparse.Namespace, config: AppConfig, paths: AppPaths) -> int:
    from ..audio.sources import MicrophoneSource, WavReplaySource
    from .console import _progress_printer
    from ..conversation.sessions import check_name
    from ..engines.conversation import (build_conversation, build_engines, conversation_options,
                                        prepare)
    from ..engines.factory import EngineFactory
    from ..tts.playback import Player
    from ..voice.events import LISTEN_END_SILENCE_S

    if args.session is not None:   # a name that cannot be used is said before any model loads
        args.session = check_name(args.session)
    # No language: tiny.en first, the multilingual model only where English is in doubt (asr/language.py).
    config = config.with_overrides(asr={"language": args.language or config.asr.language},
                                   vision={"engine": args.vision_engine}, tts={"engine": args.voice_engine},
                                   ui={"language": args.reply_language})
    end_silence = args.end_silence if args.end_silence is not None else min(
        config.ui.end_silence_s, LISTEN_END_SILENCE_S)
    # listen is hands-free whatever the window's setting: it has no key to hold.
    options = conversation_options(config, end_silence_s=end_silence, hands_free=True,
                                   barge_in=not args.no_barge_in)

    _stop_on_signals()
    bus = EventBus()
    bus.subscribe(functools.partial(_progress_printer, quiet=args.quiet))
    bus.subscribe(_printer(args.json))
    unsaved: list[ErrorEvent] = []     # answers given whose session could not be saved
    bus.subscribe(lambda e: unsaved.append(e) if isinstance(e, ErrorEvent)
                  and e.code == "session_not_saved" else None)
    image, release_image = _image_provider(args, config)
    factory = EngineFactory(paths, on_event=bus.emit, remote=config.remote)
    loop = None
    stopped = False
    try:
        mic_setting = args.device if args.device is not None else config.ui.microphone
        audio_in = args.audio_in or (Path(mic_setting) if mic_setting.lower().endswith(RECORDING_SUFFIXES) else None)
        if audio_in is not None:
            from .console import check_file

            source: Any = WavReplaySource(check_file(audio_in, "audio"), speed=args.speed)
        else:
            source = MicrophoneSource(_device(mic_setting), on_state=lambda s: print(
                f"  [microphone {s}]", file=sys.stderr, flush=True))
            source.resolve_device()  # a missing microphone is reported before models load
        # Loaded (and warmed) now, so the first answer is not also the one that loads a model.
        engines = build_engines(factory, config)
        player = Player(device=_device(args.output_device or config.ui.speaker_device),
                        on_error=lambda e: bus.emit(ErrorEvent(code=e.code, message=e.user_text(), stage="tts")))

        def speaker_for_rate(rate: float) -> Any:
            voice = factory.speaker(dataclasses.replace(config.tts, rate=rate))
            if voice is not engines.speaker:
                prepare(voice)
            return voice

        built = build_conversation(config, engines, bus=bus, image=image, options=options,
                                   sessions=_sessions(paths, bus),
                                   session=args.session, source=source, player=player,
                                   speaker_for_rate=speaker_for_rate,
                                   typed_only_fallback=False)   # listen has nothing else to take
        if built.problem is not None:   # WebRTC in Silero's place: said once, as a note
            print(f"note: {built.problem.user_text()}", file=sys.stderr, flush=True)
        loop = built.engine
        loop.start()
        if args.json:
            print(json.dumps({"event": "Listening"}), flush=True)
        else:
            print("Listening… (Ctrl+C to stop)" if audio_in is None else f"Listening to {audio_in}…",
                  file=sys.stderr, flush=True)
        finished = threading.Event()
        while not finished.wait(0.25):  # short waits keep Ctrl+C responsive
            if audio_in is not None and source.wait(0):
                loop.drain(120)
                finished.set()
        return _status(unsaved)
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        stopped = True
        return _status(unsaved)
    finally:
        if loop is not None:
            loop.close()
        release_image()
        factory.close()
        if stopped:
            # Stopped by a signal (a kiosk's shutdown, Ctrl+C): all closed, so the process
            # ends here, not in the interpreter's teardown, where a native library's threads
            # aborted about one stop in five ("terminate called without an active exception",
            # exit status 134; tests/voice/test_voice_pulse_e2e.py, SIGTERM).
            from .console import exit_now

            exit_now(_status(unsaved))


def _status(unsaved: list) -> int:
    """0, or 5 when answers were given but the session could not keep them (said once each
    time as it happened; the summary here)."""
    if not unsaved:
        return EXIT_OK
    print(f"error: {len(unsaved)} answer(s) could not be saved to the session; they were "
          "still shown and spoken.", file=sys.stderr, flush=True)
    return EXIT_NOT_SAVED


def _stop_on_signals() -> None:
    """Ctrl+C, SIGTERM (a service manager, a kiosk's shutdown) and SIGHUP (the terminal
    closed) all end the conversation cleanly: devices closed, speech stopped. A parent that started us with SIGINT ignored
    (a background job) must not make us unstoppable."""
    import signal

    def stop(signum, frame) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGHUP, stop)


def _sessions(paths: AppPaths, bus: Any) -> Any:
    from ..conversation.sessions import SessionStore

    store = SessionStore(paths.sessions_dir, on_event=bus.emit)
    store.remove_leftovers()   # what a writer killed mid-write left
    return store
