"""``assistant sessions list | show NAME | export NAME FILE | clear [NAME]``: the named
conversations kept for ``--session``."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from ..config import AppConfig
from ..paths import AppPaths


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = subparsers.add_parser("sessions",
                              help="list, read, export or delete the conversations kept for "
                                   "--session")
    actions = p.add_subparsers(dest="sessions_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="each conversation: name, turns, last used")
    listing.add_argument("--json", action="store_true", help="print one JSON object")
    show = actions.add_parser("show", help="print one conversation's questions and answers")
    show.add_argument("name", help="the conversation's name (as given to --session)")
    show.add_argument("--json", action="store_true", help="print one JSON object (its turns)")
    export = actions.add_parser("export", help="write one conversation to a Markdown or JSON file")
    export.add_argument("name", help="the conversation's name (as given to --session)")
    export.add_argument("path", type=Path, metavar="FILE",
                        help="where to write it (.md or .json; - for standard output)")
    export.add_argument("--format", choices=("md", "json"),
                        help="md: Markdown, json: one JSON document (default: from the file name, "
                             "else md)")
    clear = actions.add_parser("clear", help="delete one conversation, or all of them")
    clear.add_argument("name", nargs="?", help="the conversation to delete (default: all)")
    return p


def run(args: argparse.Namespace, config: AppConfig, paths: AppPaths) -> int:
    from ..conversation.sessions import SessionStore

    store = SessionStore(paths.sessions_dir)
    if args.sessions_action == "clear":
        try:
            return _clear(store, args.name)
        except OSError as exc:   # a read-only home, another user's folder
            from ..errors import SaveError
            from ..storage import failure_hint, failure_words

            what = f"The conversation '{args.name}'" if args.name else "The conversations"
            raise SaveError(f"{what} in {store.folder} could not be deleted "
                            f"({failure_words(exc)}).", hint=failure_hint(exc),
                            code="not_deleted") from exc
    if args.sessions_action == "show":
        return _show(store, args.name, args.json)
    if args.sessions_action == "export":
        return _export(store, args.name, args.path, args.format)
    return _list(store, args.json)


def _turns(store, name: str) -> list:
    """The conversation's turns, read without changing anything; missing or damaged: an error."""
    from ..errors import InputError

    info = store.info(name)   # no such conversation: said, exit 2
    if info.turns is None:
        raise InputError(f"The conversation '{name}' cannot be read (its file {info.path} is "
                         "damaged).", hint=f"'assistant sessions clear {name}' deletes it.",
                         code="session_damaged")
    return store.load(name)


def _turn_json(turn) -> dict:
    return {"question": turn.question, "answer": turn.answer, "at": _clock(turn.at),
            "engine": turn.engine}


def _show(store, name: str, as_json: bool) -> int:
    from .console import emit_json

    turns = _turns(store, name)
    if as_json:
        emit_json({"name": name, "turns": [_turn_json(t) for t in turns]})
        return 0
    if not turns:
        print(f"The conversation '{name}' has no turns.")
    for turn in turns:
        print(f"[{_clock(turn.at)}] You: {turn.question}")
        print(f"[{_clock(turn.at)}] Assistant: {turn.answer}")
    return 0


def _markdown(name: str, turns: list) -> str:
    lines = [f"# Conversation '{name}'", ""]
    if not turns:
        lines.append("_No turns yet._")
    for turn in turns:
        lines += [f"## {_clock(turn.at)}", "", f"**You:** {turn.question}", "",
                  f"**Assistant:** {turn.answer}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _export(store, name: str, path: Path, fmt: str | None) -> int:
    from ..userfiles import is_stdout
    from .history import export_format, save_file, shown

    fmt = export_format(path, fmt, "the conversation")   # a bad name fails before reading
    turns = _turns(store, name)
    text = (_markdown(name, turns) if fmt == "md" else
            json.dumps({"name": name, "turns": [_turn_json(t) for t in turns]},
                       ensure_ascii=False, indent=2) + "\n")
    save_file(path, text, "The conversation")
    print(f"Wrote {len(turns)} turn{'s' if len(turns) != 1 else ''} of '{name}' to {shown(path)}.",
          file=sys.stderr if is_stdout(path) else sys.stdout)
    return 0


def _list(store, as_json: bool) -> int:
    from .console import emit_json

    infos = [store.info(name) for name in store.names()]
    damaged = store.damaged_copies()
    if as_json:
        emit_json({"sessions": [{"name": i.name, "turns": i.turns, "last_used": _clock(i.last_used),
                                 "path": str(i.path)} for i in infos],
                   "set_aside": [str(p) for p in damaged]})
        return 0
    if not infos:
        print("No conversations are kept.")
    else:
        width = max(len("NAME"), *(len(i.name) for i in infos))
        print(f"{'NAME':<{width}}  {'TURNS':>7}  LAST USED")
        for i in infos:
            turns = "damaged" if i.turns is None else str(i.turns)
            print(f"{i.name:<{width}}  {turns:>7}  {_clock(i.last_used)}")
    if damaged:
        print(f"{len(damaged)} damaged file{'s' if len(damaged) != 1 else ''} set aside in "
              f"{store.folder} ('assistant sessions clear' deletes them).")
    return 0


def _clear(store, name: str | None) -> int:
    from ..errors import InputError

    if name is not None:
        if not store.clear(name):
            raise InputError(f"There is no conversation named '{name}'.",
                             hint="'assistant sessions list' shows them.", code="no_such_session")
        print(f"Deleted the conversation '{name}'.")
        return 0
    names = store.names()
    for each in names:
        store.clear(each)
    store.remove_leftovers()   # temporary files, each under its conversation's lock
    leftovers = _leftovers(store)
    for path in leftovers:
        path.unlink(missing_ok=True)
    print(f"Deleted {len(names)} conversation{'s' if len(names) != 1 else ''}"
          + (f" and {len(leftovers)} leftover file{'s' if len(leftovers) != 1 else ''}."
             if leftovers else "."))
    return 0


def _leftovers(store) -> list:
    """Damaged copies and temporary files of conversations that are gone: nothing of what
    was asked may stay on the disk after "clear all". Lock files stay (empty): a writer may be
    waiting on one, and a deleted lock lets two writers in at once."""
    try:
        return sorted(p for p in store.folder.iterdir()
                      if p.is_file() and not p.name.endswith((".lock", ".tmp")))
    except OSError:
        return []


def _clock(seconds: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(seconds))
