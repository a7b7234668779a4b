"""What each console command does; ``cli.py`` only parses and reports errors.

The answer comes first: ``ask`` prints and plays it, then saves the session and writes
``--speak-to``; a failure there is one line after the answer and exit status 5
(``EXIT_NOT_SAVED``), never a lost answer.
"""
from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import AppConfig, looks_like_folder
from .console import _progress_printer, check_file, emit_json
from ..errors import EXIT_NOT_SAVED, EXIT_OK, InputError
from ..events import EventBus
from ..paths import AppPaths
from .progress import ProgressBar

if TYPE_CHECKING:
    from ..tts import Speaker


def ask(args: argparse.Namespace, config: AppConfig, paths: AppPaths) -> int:
    from ..asr import TranscribeOptions
    from ..engines.conversation import build_engines, make_assistant
    from ..engines.factory import EngineFactory
    from ..vision.image import load_image

    config = config.with_overrides(
        asr={"language": args.language},
        vision={"engine": args.vision_engine, "blip2_model": _model_folder(args.blip2_model)},
        tts={"engine": args.voice_engine, "play": False if args.no_play else None},
        ui={"language": args.reply_language})
    text = None if args.text is None else valid_text(args.text)
    if text is not None and not text.strip():
        raise InputError("The question is empty.", hint="Type or say a question.", code="empty_question")
    if args.session is not None:           # before any model runs, so a typo costs nothing
        from ..conversation.sessions import check_name

        args.session = check_name(args.session)
    if args.speak_to is not None:
        _check_speak_to(args.speak_to)
    image = load_image(check_file(args.image, "image"))
    audio = None
    if args.audio is not None:
        audio = _question_audio(args.audio, config.asr.max_question_seconds)

    bus = EventBus()
    bus.subscribe(functools.partial(_progress_printer, quiet=args.quiet))
    factory = EngineFactory(paths, on_event=bus.emit, remote=config.remote)
    try:
        play_wanted = config.tts.play and config.tts.engine != "none"
        if play_wanted and args.speak_to is None and not _has_speakers():
            play_wanted = False   # nobody would hear it: no voice is loaded, nothing synthesised
            print("note: No sound output device was found, so the answer is not spoken "
                  "(--speak-to FILE keeps it as a recording).", file=sys.stderr, flush=True)
        want_speech = args.speak_to is not None or play_wanted
        roles = ("vision",) + (("asr",) if audio is not None else ()) + (("tts",) if want_speech else ())
        # Loaded before the timed stages, so timings separate loading from answering; one
        # question is not worth a warm-up pass.
        engines = build_engines(factory, config, roles=roles, warm=False)
        load_ms = engines.load_ms
        speaker = engines.speaker
        assistant = make_assistant(config, engines, bus=bus, sessions=_sessions(paths, bus),
                                   speaker=speaker)
        options = TranscribeOptions(language=config.heard_language, task=config.asr.task,
                                    initial_prompt=config.asr.initial_prompt)
        result = assistant.ask(image, text=text, audio=audio, asr_options=options,
                               session=args.session, synthesize=want_speech, save=False)
        play = speaker is not None and config.tts.play and result.speech is not None

        def keep() -> list[str]:
            """Save what was asked for; each failure in words (the answer is already out)."""
            failed = []
            why = assistant.remember(args.session, result.turn)
            if why:
                failed.append(f"the session '{args.session}' ({why})")
            if args.speak_to is not None and result.speech is not None:
                why = _write_speech(result.speech, args.speak_to)
                if why:
                    failed.append(f"the spoken answer to {args.speak_to} ({why})")
            return failed

        if args.json:
            # One JSON object holds the answer and what became of it, so it is written last;
            # saving cannot fail in a way that keeps it from being printed.
            failed = keep()
            emit_answer_json(args, result, load_ms, failed)
            if play:
                _play(speaker, result.speech)
        else:
            if result.transcript is not None:
                print(f"You asked: {result.question}")
            print(result.answer, flush=True)
            for notice in result.notices:     # beside the answer, not part of it
                print(f"note: {notice.message}", file=sys.stderr, flush=True)
            if play:
                _play(speaker, result.speech)
            failed = keep()
        if failed:
            print(f"error: The answer could not be saved: {'; '.join(failed)}.", file=sys.stderr,
                  flush=True)
            return EXIT_NOT_SAVED
        return EXIT_OK
    finally:
        factory.close()


def _has_speakers() -> bool:
    """Whether PortAudio lists any output device (a missing PortAudio counts as none)."""
    from ..audio.hub import shared_hub

    hub = shared_hub()
    return hub.available and bool(hub.output_devices())


def emit_answer_json(args: argparse.Namespace, result, load_ms: dict[str, float],
                     failed: list[str]) -> None:

    out = result.to_json()
    out["timings_ms"].update({k: round(v, 1) for k, v in load_ms.items()})
    if args.speak_to is not None and not any(f.startswith("the spoken answer") for f in failed):
        out["speech_file"] = str(args.speak_to)
    if args.session or args.speak_to is not None:
        out["saved"] = not failed
        if failed:
            out["save_error"] = f"The answer could not be saved: {'; '.join(failed)}."
    emit_json(out)


def _sessions(paths: AppPaths, bus: EventBus):
    from ..conversation.sessions import SessionStore

    store = SessionStore(paths.sessions_dir, on_event=bus.emit)  # a damaged file: one "note:"
    store.remove_leftovers()   # what a writer killed mid-write left
    return store


def _check_speak_to(path: Path) -> None:
    """Before any model runs: a place that can be written, in a format we write."""
    from ..audio.encode import format_for_path
    from ..userfiles import check_writable, is_stdin

    if is_stdin(path):   # the answer is printed there: the two would be mixed
        raise InputError("--speak-to - would mix the sound with the answer on standard output.",
                         hint="Give a file name ending in .wav (or /dev/stdout with --json off "
                              "and nothing else read from it).", code="bad_output_path")
    format_for_path(path)
    check_writable(path, "the spoken answer")


def _question_audio(path: Path, max_seconds: float):
    """The spoken question's samples, from a file or (``-``) from standard input."""
    from ..audio.files import load_audio
    from ..userfiles import is_stdin, stdin_as_file

    if not is_stdin(path):
        return load_audio(check_file(path, "audio"), max_seconds=max_seconds)
    with stdin_as_file("recording") as held:
        try:
            return load_audio(held, max_seconds=max_seconds)
        except InputError as exc:
            raise about_stdin(exc, held) from exc


def about_stdin(exc: InputError, held: Path) -> InputError:
    """The same error, saying "standard input" where it named the file holding it."""
    message = exc.message.replace(f"The audio file {held}", "The audio on standard input")
    for name in (str(held), f" {held.name} "):
        message = message.replace(name, " on standard input " if name.startswith(" ")
                                  else "standard input")
    exc.message = message
    return exc


def _write_speech(speech, path: Path) -> str | None:
    """Write the sound in the format the extension names (WAV, FLAC, Ogg Opus, MP3, AAC; no
    extension: WAV); on failure the reason in words (a temporary file is already gone)."""
    from ..audio.encode import encode, format_for_path
    from ..storage import failure_words
    from ..userfiles import write_user_file

    try:
        data = encode(speech.samples, speech.sample_rate, format_for_path(path))
        write_user_file(path, data, "the spoken answer")
        return None
    except Exception as exc:  # noqa: BLE001 - the answer is out; report, never lose it
        import logging

        logging.getLogger(__name__).warning("the spoken answer could not be written to %s: %s",
                                            path, exc)
        return failure_words(exc)


def valid_text(text: str) -> str:
    """Text from the command line as valid Unicode: bytes that are not UTF-8 (which Python
    keeps as lone surrogates) become U+FFFD, so the question can be printed and saved."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        try:
            return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        except UnicodeEncodeError:
            return text.encode("utf-8", "replace").decode("utf-8")


def _model_folder(value: str | None) -> str | None:
    """A model given as a local folder must exist; a hub name is looked up later."""
    if value and looks_like_folder(value) and not Path(value).expanduser().exists():
        raise InputError(f"The model folder {value} does not exist.",
                         hint="Check the path, or give a model name such as "
                              "Salesforce/blip2-opt-2.7b.", code="model_folder_missing")
    return value


def _play(speaker: "Speaker | None", speech) -> None:
    """Play and wait; a missing sound card is reported once by the player, as an event."""
    if speaker is not None and speaker.player.play(speech):
        speaker.player.wait()


def transcribe(args: argparse.Namespace, config: AppConfig, paths: AppPaths) -> int:
    """The text on stdout; progress, notes and "no speech" on stderr."""
    from ..userfiles import is_stdin, stdin_as_file

    if not is_stdin(args.audio):
        return _transcribe(args, config, paths, check_file(args.audio, "audio"), str(args.audio))
    with stdin_as_file("recording") as held:
        try:
            return _transcribe(args, config, paths, held, "standard input")
        except InputError as exc:
            raise about_stdin(exc, held) from exc


def _transcribe(args: argparse.Namespace, config: AppConfig, paths: AppPaths, source: Path,
                shown: str) -> int:
    from ..asr import TranscribeOptions
    from ..asr.formats import render
    from ..audio.files import check_audio_file
    from ..engines.conversation import build_engine
    from ..engines.factory import EngineFactory

    config = config.with_overrides(asr={"language": args.language, "task": args.task,
                                        "model": args.model, "initial_prompt": args.initial_prompt,
                                        "hotwords": args.hotwords})
    audio = check_audio_file(source)  # decoded a chunk at a time below
    # Off the terminal (a pipe, a log file) the bar's redrawn line would be noise in the text
    # a script keeps for errors and notes, so nothing is printed per step there.
    bar = None if args.quiet or not _is_terminal(sys.stderr) else ProgressBar(sys.stderr)
    bus = EventBus()
    bus.subscribe(functools.partial(_progress_printer, quiet=args.quiet, bar=bar))
    if config.asr.task == "translate" and not args.quiet and _rough_translator(config.asr):
        print("note: Translation with the built-in speech model (Whisper base) is rough; "
              "check anything important against the recording.", file=sys.stderr, flush=True)
    factory = EngineFactory(paths, on_event=bus.emit, remote=config.remote)
    # Not loaded ahead: it loads the model the file's language needs, as it starts.
    transcriber = build_engine(factory, config, "asr")
    options = TranscribeOptions(language=config.asr.language, task=config.asr.task,
                                word_timestamps=args.word_timestamps,
                                initial_prompt=config.asr.initial_prompt,
                                hotwords=config.asr.hotwords)
    completed = False
    try:
        result = transcriber.transcribe_file(audio, options)
        completed = True
    finally:
        if bar is not None:
            bar.finish(completed)  # an error or "Stopped." starts on a line of its own
    if not result.text.strip():
        print(f"No speech was found in {shown}.", file=sys.stderr, flush=True)
    elif result.gaps and not args.quiet:
        print(gap_note(result.gaps), file=sys.stderr, flush=True)
    text = render(result, args.format)  # json, srt and vtt stay valid documents when empty
    sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
    return 0


def gap_note(gaps) -> str:
    """Where speech was heard but no words came of it, for the user to listen to."""
    def clock(seconds: float) -> str:
        whole = int(seconds)
        return f"{whole // 60}:{whole % 60:02d}"
    spans = ", ".join(f"{clock(a)}–{clock(b)}" for a, b in gaps)
    return f"note: Speech at {spans} gave no words; listen to it there."


def _is_terminal(stream) -> bool:
    try:
        return stream is not None and stream.isatty()
    except ValueError:  # closed
        return False


def _rough_translator(asr) -> bool:
    """Whether a translation comes from the bundled base model (a server or a folder may do better)."""
    return asr.engine == "local" and asr.model in ("auto", "base")


def open_window(config: AppConfig, paths: AppPaths, *, kiosk: bool,
                parser: argparse.ArgumentParser, notice: str | None = None) -> int:
    """The window; ``notice`` (a damaged settings file, say) is shown in it once."""
    import importlib

    from ..errors import require

    # The window lives in ui/, which depends on the core; looked up by name at run time so
    # the core keeps no import of Qt code. Qt itself is the [gui] extra.
    require("PySide6.QtWidgets", package="PySide6-Essentials", extra="gui", purpose="window",
            stage="ui")
    try:
        window = importlib.import_module("ui.app")
    except ImportError:
        parser.print_help()
        return EXIT_OK
    return window.run(config, paths, kiosk=kiosk, notice=notice)
