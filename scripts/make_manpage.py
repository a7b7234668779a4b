#!/usr/bin/env python3
"""Write assistant(1), the manual page, from the command-line parser itself.

usage: python scripts/make_manpage.py [OUT.1]   (default: standard output)
       man -l assistant.1

Every command and option comes from ``assistant.cli``'s parser (``helptext.parsers`` walks
it), the environment, exit codes and files from the same text ``assistant --help`` ends with,
so the page cannot fall behind the help. Plain roff from the standard library:
argparse-manpage would do the same but is not installed here, and the page needs these extra
sections anyway.
"""
from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from assistant import __version__
from assistant.cli import _build_parser
from assistant.cli.helptext import ENVIRONMENT, command_helps, parsers
from assistant.errors import EXIT_CODES
from assistant.paths import app_paths


def roff(text: str) -> str:
    """Text safe in roff: backslashes doubled, a leading dot or quote escaped."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text.startswith((".", "'")) else text


def option_lines(parser: argparse.ArgumentParser) -> list[str]:
    out = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) or action.help == argparse.SUPPRESS:
            continue
        if action.option_strings:
            metavar = "" if action.nargs == 0 else f" {action.metavar or action.dest.upper()}"
            if action.choices and not action.metavar:
                metavar = " {" + ",".join(map(str, action.choices)) + "}"
            name = ", ".join(f"\\fB{roff(o)}\\fR" for o in action.option_strings)
            out += [".TP", f"{name}{roff(metavar)}"]
        else:
            out += [".TP", f"\\fI{roff(action.metavar or action.dest)}\\fR"]
        out.append(roff(action.help or ""))
    return out


def page(parser: argparse.ArgumentParser) -> str:
    paths = app_paths({})   # the default places, not this run's ASSISTANT_HOME

    def place(path: Path) -> str:
        return roff(str(path).replace(str(Path.home()), "~", 1))

    today = datetime.date.today().isoformat()
    out = [f'.TH ASSISTANT 1 "{today}" "assistant {__version__}" "User Commands"',
           ".SH NAME", "assistant \\- " + roff(parser.description or ""),
           ".SH SYNOPSIS", "\\fBassistant\\fR [\\fIOPTIONS\\fR] [\\fICOMMAND\\fR ...]",
           ".SH OPTIONS", *option_lines(parser), ".SH COMMANDS"]
    helps: dict[tuple[str, ...], str | None] = {}
    for path, sub in parsers(parser):
        helps.update({path + (name,): text for name, text in command_helps(sub).items()})
    for path, sub in parsers(parser):
        if not path:
            continue
        out += [".SS " + roff("assistant " + " ".join(path)), roff(helps.get(path) or "")]
        if sub.description:
            out += [".PP", roff(sub.description)]
        out += option_lines(sub)
    out.append(".SH ENVIRONMENT")
    for name, text in ENVIRONMENT:
        out += [".TP", f"\\fB{roff(name)}\\fR", roff(text)]
    out.append(".SH EXIT STATUS")
    for code, text in EXIT_CODES:
        out += [".TP", str(code), roff(text)]
    out += [".SH FILES",
            ".TP", place(paths.config_file), "the settings ('assistant config init' writes it)",
            ".TP", place(paths.log_file), "the log",
            ".TP", place(paths.sessions_dir), "the \\-\\-session conversations",
            ".PP", "ASSISTANT_HOME moves them all under one folder."]
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    text = page(_build_parser())
    if argv:
        Path(argv[0]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
