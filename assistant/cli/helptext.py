"""What ``assistant --help`` says beyond the options: the environment variables, the exit
codes and where the settings, log and conversations are; the ``-v``/``-q`` flags every
command takes before or after its name; ``parsers`` walks the whole command tree (the help
test and ``scripts/make_manpage.py`` use it).
"""
from __future__ import annotations

import argparse
import textwrap
from typing import Iterator

from ..errors import EXIT_CODES
from ..paths import AppPaths

# Every environment variable the assistant reads (a test greps the code for ASSISTANT_*).
ENVIRONMENT: tuple[tuple[str, str], ...] = (
    ("ASSISTANT_HOME", "one folder for the settings (config/), log (cache/) and conversations "
                       "(data/) instead of the user folders below"),
    ("ASSISTANT_ALLOW_DOWNLOADS", "1: models may be fetched from the Hugging Face hub (off by "
                                  "default: nothing leaves this computer)"),
    ("ASSISTANT_API_TOKEN", "the token 'assistant serve' requires when serve.token is empty"),
    ("ASSISTANT_REMOTE_API_KEY", "the key for the [remote] server when remote.api_key is empty "
                                 "(else OPENAI_API_KEY)"),
    ("OPENAI_API_KEY", "the [remote] server's key when neither of the above is set"),
    ("NOTIFY_SOCKET", "set by systemd (with WATCHDOG_USEC): 'serve' and the window say when they "
                      "are ready and ping the watchdog (scripts/setup.sh service)"),
)


def epilog(paths: AppPaths) -> str:
    """The top-level help's closing sections, with this user's real paths."""
    def rows(pairs, width: int) -> list[str]:
        out = []
        for name, text in pairs:
            out += textwrap.wrap(text, 79, initial_indent=f"  {str(name):<{width}}  ",
                                 subsequent_indent=" " * (width + 4), break_on_hyphens=False,
                                 break_long_words=False)
        return out

    lines = ["environment:"]
    lines += rows(ENVIRONMENT, max(len(n) for n, _ in ENVIRONMENT))
    lines += ["", "exit codes:"]
    lines += rows(EXIT_CODES, 3)
    lines += ["", "files:"]
    lines += rows((("settings", f"{paths.config_file} (--config FILE for another; "
                                "'assistant config init' writes it, every setting commented)"),
                   ("log", f"{paths.log_file} (-v also prints it on stderr)"),
                   ("sessions", f"{paths.sessions_dir} (the --session conversations)"),
                   ("models", f"{paths.models_dir} (model folders dropped here are found)")), 8)
    lines += ["", "'assistant COMMAND --help' describes each command."]
    return "\n".join(lines)


def add_common(parser: argparse.ArgumentParser) -> None:
    """``-v`` and ``-q``, accepted before or after any command name.

    SUPPRESS as the default keeps a sub-command's parser from resetting a flag given before
    its name; ``main`` fills in False for the ones not given.
    """
    parser.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="also print the log's lines on stderr (they always go to the log file)")
    parser.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                        help="fewer lines on stderr: no progress bar or model loading lines; "
                             "answers, notes and errors still print")


def parsers(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
            ) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every parser in the tree with its command path: ``()``, ``("sessions", "show")``..."""
    yield path, parser
    for action in parser._actions:   # argparse keeps the sub-commands only here
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from parsers(sub, path + (name,))


def command_helps(parser: argparse.ArgumentParser) -> dict[str, str | None]:
    """Each sub-command's one-line help as its parent lists it."""
    found: dict[str, str | None] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                found[choice.dest] = choice.help
    return found
