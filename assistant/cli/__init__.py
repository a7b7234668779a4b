"""Console entry point: ``assistant ask | transcribe | listen | models | sessions | serve |
history | config | selftest | devices``; ``helptext`` adds what the help says beyond the options.

Expected failures print one line (what went wrong and what to do) and exit with the status
from the one table in ``errors.py`` (README "Exit codes"); anything unexpected is logged with
its traceback to a file and summarised in one line. Logging never raises: a log file that
cannot be written (a full or read-only disk) is turned off and said once.
"""
from __future__ import annotations

import argparse
import errno
import logging
import logging.handlers
import os
import sys
from pathlib import Path

from .. import __version__
from ..config import REPLY_LANGUAGES, TTS_ENGINES, VISION_ENGINES
from ..errors import EXIT_INTERRUPTED, EXIT_UNEXPECTED, AssistantError, ConfigError, InputError
from ..paths import AppPaths, app_paths

log = logging.getLogger("assistant")


class _BadArguments(Exception):
    """What argparse would print before exiting 2, kept so ``--json`` can say it too."""

    def __init__(self, message: str, usage: str) -> None:
        super().__init__(message)
        self.message, self.usage = message, usage


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D102 - argparse's hook; subparsers inherit the class
        raise _BadArguments(message, self.format_usage())


def _wants_json(argv: list[str]) -> bool:
    """``--json`` (ask, models, sessions list, listen) or ``--format json`` (transcribe)."""
    if "--" in argv:
        argv = argv[:argv.index("--")]
    return "--json" in argv or "--format=json" in argv or any(
        a == "--format" and b == "json" for a, b in zip(argv, argv[1:]))


def _json_error(code: str, message: str, status: int) -> None:
    """The error as the one JSON object on stdout, unless a whole one was printed already."""
    from .console import emit_json, json_written

    if not json_written():
        try:
            emit_json({"error": {"code": code, "message": message}, "exit": status})
        except (OSError, ValueError):   # stdout closed: the line on stderr still says it
            pass


def _build_parser() -> argparse.ArgumentParser:
    from .helptext import add_common, epilog, parsers

    parser = _Parser(
        prog="assistant",
        description="A private voice-and-vision assistant. With no command it opens the window.",
        epilog=epilog(app_paths()), formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help="print the version and exit")
    parser.add_argument("--config", type=Path, metavar="FILE",
                        help="settings file (default: config.toml in the user config folder)")
    parser.add_argument("--kiosk", action="store_true", help="open the window full screen, locked down")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ask = sub.add_parser("ask", help="answer a question about an image, spoken or typed")
    ask.add_argument("--image", required=True, type=Path, help="photo to ask about")
    question = ask.add_mutually_exclusive_group(required=True)
    question.add_argument("--audio", type=Path, help="recording of the spoken question")
    question.add_argument("--text", help="the question, typed")
    ask.add_argument("--json", action="store_true", help="print one JSON object")
    ask.add_argument("--speak-to", type=Path, metavar="OUT.wav",
                     help="write the spoken answer to a file: WAV, FLAC, Ogg Opus (.ogg, .opus), "
                          "MP3 or AAC by its extension (none, as /dev/null: WAV); any other "
                          "extension is refused before anything runs")
    ask.add_argument("--language", help="language of the spoken question (e.g. en, fr); default: detect")
    ask.add_argument("--reply-language", choices=REPLY_LANGUAGES,
                     help="language of the answer: auto (the question's, else the system's; the "
                          "default: ui.language), en, fr, de, es")
    ask.add_argument("--session", help="name of a conversation: follow-ups see its earlier turns")
    ask.add_argument("--vision-engine", choices=VISION_ENGINES,
                     help="what answers about the image: auto (the best one installed), "
                          "imagetext (SmolVLM, Qwen2-VL, Gemma 3... as vision.imagetext_model), "
                          "blip2, llava, blip, embedded (built in, needs no download), openai (the "
                          "server in the [remote] settings)")
    ask.add_argument("--blip2-model", help="BLIP-2 model name (HF cache) or local folder")
    ask.add_argument("--voice-engine", choices=TTS_ENGINES,
                     help="what speaks the answer: auto (Piper when installed, else pyttsx3), piper, "
                          "pyttsx3, none (silent), openai (the server in the [remote] settings)")
    ask.add_argument("--no-play", action="store_true", help="do not play the answer on the speakers")

    tr = sub.add_parser(
        "transcribe", help="turn a recording into text",
        description="Turn a recording into text. The text goes to stdout; progress, notes and "
                    "errors go to stderr.")
    tr.add_argument("audio", type=Path, help="the recording (wav, mp3, flac, ogg, m4a...)")
    tr.add_argument("--language", help="language code (e.g. en, fr); default: detect")
    tr.add_argument("--task", choices=("transcribe", "translate"), default="transcribe",
                    help="translate: English text from speech in any language (rough: check "
                         "anything important)")
    tr.add_argument("--format", choices=("txt", "srt", "vtt", "json"), default="txt",
                    help="txt: plain text (the default); srt: SubRip subtitles; vtt: WebVTT "
                         "subtitles (for web players); json: the text with each segment's times, "
                         "language and scores")
    tr.add_argument("--word-timestamps", action="store_true",
                    help="time each word: adds word timing to json, and one cue per short line "
                         "in srt and vtt")
    tr.add_argument("--initial-prompt", help="words to prime the recogniser (names, jargon)")
    tr.add_argument("--hotwords", metavar="WORDS",
                    help="words to favour, such as names or jargon (e.g. \"Dashwood, Norland\"); "
                         "setting: asr.hotwords")
    tr.add_argument("--model",
                    help="speech model: auto (the default: chosen by language), tiny.en (English "
                         "only, fastest), base (many languages, translates), or a folder with a "
                         "CTranslate2 Whisper model")

    from . import check, devices, listen, model_files, serve, sessions

    model_files.add_parser(sub)

    listen.add_parser(sub)
    sessions.add_parser(sub)
    serve.add_parser(sub)
    check.add_parser(sub)
    devices.add_parser(sub)

    hist = sub.add_parser("history", help="export or clear the window's chat history")
    hist_sub = hist.add_subparsers(dest="history_action", metavar="ACTION", required=True)
    export = hist_sub.add_parser("export", help="write the history to a Markdown or JSON file")
    export.add_argument("path", type=Path, metavar="FILE",
                        help="where to write it (.md or .json; - for standard output)")
    export.add_argument("--format", choices=("md", "json"),
                        help="md: Markdown, json: one JSON document (default: from the file name, "
                             "else md)")
    hist_sub.add_parser("clear", help="delete every stored turn")

    cfg = sub.add_parser("config", help="show the settings in use, or write them to the config file")
    cfg.add_argument("action", nargs="?", choices=("show", "path", "init"), default="show",
                     help="show: print the settings in use (the default); path: print where the "
                          "settings file is; init: write the settings in use to that file, "
                          "every setting with a comment, to edit")
    for _path, each in parsers(parser):
        add_common(each)
    return parser


class _LogFile(logging.handlers.RotatingFileHandler):
    """The log file, which a full or read-only disk turns off (said once), never raising."""

    off = False

    def emit(self, record: logging.LogRecord) -> None:
        if not self.off:
            super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        if self.off or not isinstance(sys.exc_info()[1], OSError):
            return   # a line that could not be formatted is lost; the log goes on
        self.off = True
        from ..storage import failure_words

        exc = sys.exc_info()[1]
        why = failure_words(exc) if exc is not None else "unknown error"
        try:
            print(f"note: The log file {self.baseFilename} cannot be written ({why}); "
                  "log lines go to the screen.", file=sys.stderr, flush=True)
        except (OSError, ValueError):
            pass
        try:
            self.close()
        except (OSError, ValueError):
            pass
        logging.getLogger().addHandler(_screen_log())


class _ScreenFormatter(logging.Formatter):
    """A warning as one line on stderr: the traceback stays out of the user's way."""

    def format(self, record: logging.LogRecord) -> str:
        exc = record.exc_info[1] if record.exc_info else None
        detail = f" ({type(exc).__name__}: {exc})" if exc is not None else ""
        return f"{record.levelname.lower()}: {record.getMessage()}{detail}"


def _screen_log() -> logging.Handler:
    """Where warnings go when there is no log file: stderr, one line each."""
    screen = logging.StreamHandler(sys.stderr)
    screen.setLevel(logging.ERROR)   # warnings are the notes the user was given already
    screen.setFormatter(_ScreenFormatter())
    return screen


def _setup_logging(paths: AppPaths, verbose: bool, home=None) -> Path | None:
    """The log file, or (a home that cannot be written: said in the home's one line) warnings
    on stderr; ``-v`` adds everything on stderr. ``home``: ``home.check``'s verdict (None:
    the folder is tried as it is)."""
    logging.raiseExceptions = False   # a log line that cannot be written never costs an answer
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    log_file = paths.log_file
    try:
        if home is not None and not home.can_write(paths.cache_dir):
            raise PermissionError(paths.cache_dir)
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = _LogFile(log_file, maxBytes=2_000_000, backupCount=2, encoding="utf-8",
                           errors="backslashreplace")  # a lone surrogate a client sent: escaped
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    except OSError:
        log_file = None
        if not verbose:
            root.addHandler(_screen_log())
    if verbose:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(stream)
    return log_file


def _complete(parser: argparse.ArgumentParser) -> None:
    """Print the completions the shell asked for and exit (bash and zsh, through argcomplete;
    scripts/setup.sh installs the hook for this user)."""
    try:
        import argcomplete
    except ImportError:
        sys.exit(0)
    argcomplete.autocomplete(parser)     # exits once the completions are written


def main(argv: list[str] | None = None) -> int:
    os.umask(0o077)         # private by default: folders 0700, files 0600 (issue 10.8)
    from .. import offline

    offline.enforce()       # before anything imports huggingface_hub/transformers (issue 10.8)
    from ..memory import limit_arenas

    limit_arenas()          # before any thread: a long conversation's memory stays flat
    parser = _build_parser()
    if "_ARGCOMPLETE" in os.environ:     # the shell asking for completions (argcomplete)
        _complete(parser)
    words = list(sys.argv[1:] if argv is None else argv)
    as_json = _wants_json(words)
    try:
        args = parser.parse_args(words)
    except _BadArguments as bad:
        sys.stderr.write(bad.usage)
        print(f"{parser.prog}: error: {bad.message}", file=sys.stderr)
        if as_json:
            _json_error("bad_arguments", bad.message, 2)
        return 2
    args.verbose = getattr(args, "verbose", False)   # -v/-q: before or after the command
    args.quiet = getattr(args, "quiet", False)
    paths = app_paths()
    from .. import home as home_mod

    args.home = home = home_mod.check(paths)   # a home that cannot be used never stops a command
    paths.make_private()    # folders an older version left 0755 (issue 10.8)
    log_file = _setup_logging(paths, args.verbose, home)
    if not home.ok:
        print(f"note: {home.line(settings_read=args.config is not None or home.can_read(paths.config_dir))}",
              file=sys.stderr, flush=True)
    from . import check, commands, devices, history, model_files, sessions, settings

    try:
        config, notice = _settings(args, paths)
        if args.command is None:
            return commands.open_window(config, paths, kiosk=args.kiosk, parser=parser,
                                        notice=notice)
        handler = {"ask": commands.ask, "transcribe": commands.transcribe,
                   "models": model_files.run, "config": settings.config,
                   "history": history.history, "listen": _listen,
                   "sessions": sessions.run, "serve": _serve, "selftest": check.run,
                   "devices": devices.run}[args.command]
        return handler(args, config, paths)
    except AssistantError as exc:
        log.info("expected failure %s: %s", exc.code, exc.user_text(), exc_info=True)
        print(f"error: {exc.user_text()}", file=sys.stderr)
        if as_json:
            _json_error(exc.code, exc.user_text(), exc.exit_status)
        return exc.exit_status
    except OSError as exc:
        folder = _home_folder(exc, paths)
        if folder is None:
            return _unexpected(log_file, as_json)
        from ..errors import EXIT_NOT_SAVED
        from ..storage import failure_words

        # A folder problem is never a bug: said in words, the code of what it stopped.
        status = EXIT_NOT_SAVED if exc.errno in _WRITE_ERRORS else 1
        message = (f"The assistant's folder {folder} cannot be used ({failure_words(exc)}).")
        log.warning("%s", message, exc_info=True)
        print(f"error: {message}", file=sys.stderr)
        if as_json:
            _json_error("home_unusable", message, status)
        return status
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        if as_json:
            _json_error("interrupted", "Stopped.", EXIT_INTERRUPTED)
        return EXIT_INTERRUPTED
    except Exception:  # a bug: keep the traceback in the log, give the user one sentence
        return _unexpected(log_file, as_json)


def _unexpected(log_file: Path | None, as_json: bool) -> int:
    log.exception("unexpected failure")
    where = f" Details are in {log_file}." if log_file else ""
    print(f"error: Something went wrong inside the assistant.{where}", file=sys.stderr)
    if as_json:
        _json_error("unexpected", f"Something went wrong inside the assistant.{where}",
                    EXIT_UNEXPECTED)
    return EXIT_UNEXPECTED


_WRITE_ERRORS = {errno.EROFS, errno.ENOSPC, errno.EDQUOT}


def _home_folder(exc: OSError, paths: AppPaths) -> Path | None:
    """Which of our folders a failed file operation was in, or None (not ours: a bug)."""
    if exc.errno not in (errno.EACCES, errno.EPERM, errno.ENOTDIR, *_WRITE_ERRORS):
        return None
    for name in (exc.filename, exc.filename2):
        if not name:
            continue
        where = Path(os.path.abspath(os.fsdecode(name)))
        for folder in (paths.config_dir, paths.cache_dir, paths.data_dir):
            folder = Path(os.path.abspath(folder))
            if where == folder or folder in where.parents or where in folder.parents:
                return folder
    return None


def _settings(args: argparse.Namespace, paths: AppPaths):
    """The settings in use and, when the file is damaged, the sentence saying so (once).

    Settings never block: a damaged file gives defaults. A ``--config`` that names no file is
    a mistake, though, except for ``config init`` (which writes it) and ``config path``.
    """
    from .. import config as config_mod

    from ..userfiles import check_readable

    writes_it = args.command == "config" and getattr(args, "action", "") in ("init", "path")
    given = args.config
    if given is not None and not writes_it:
        try:
            check_readable(given, "settings")   # only a regular file: a FIFO would hang the read
        except InputError as exc:
            raise ConfigError(exc.message, hint="Check the --config path, or leave it out to use "
                              "the default one.", code="config_missing") from None
    source = given or paths.config_file
    if given is None and not args.home.can_read(paths.config_dir):
        return config_mod.AppConfig(), None   # the home's one line said so
    if source.is_file() or not source.exists():
        loaded = config_mod.read(source)
    elif given is not None:
        loaded = config_mod.Loaded(config_mod.AppConfig())   # config init/path: nothing to read
    else:   # a FIFO or device where our settings file should be: never read (it could hang)
        from ..storage import file_kind

        loaded = config_mod.Loaded(config_mod.AppConfig(), f"The settings file {source} is "
                                   f"{file_kind(os.stat(source).st_mode)}, not a file; using the "
                                   "default settings.")
    if loaded.problem and not (args.command == "config" and args.action == "init"):  # init says
        print(f"note: {loaded.problem} Run 'assistant config init' to set it aside and start "
              "afresh.", file=sys.stderr, flush=True)
    return loaded.config, loaded.problem


def _serve(args: argparse.Namespace, config, paths: AppPaths) -> int:
    from . import serve

    return serve.run(args, config, paths)


def _listen(args: argparse.Namespace, config, paths: AppPaths) -> int:
    from . import listen

    return listen.run(args, config, paths)


