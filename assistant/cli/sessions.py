"""``assistant sessions list | clear [NAME]``: the named conversations kept for ``--session``."""
from __future__ import annotations

import argparse
import time
from typing import Any

from ..config import AppConfig
from ..paths import AppPaths


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = subparsers.add_parser("sessions",
                              help="list or delete the conversations kept for --session")
    actions = p.add_subparsers(dest="sessions_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="each conversation: name, turns, last used")
    listing.add_argument("--json", action="store_true", help="print one JSON object")
    clear = actions.add_parser("clear", help="delete one conversation, or all of them")
    clear.add_argument("name", nargs="?", help="the conversation to delete (default: all)")
    return p


def run(args: argparse.Namespace, config: AppConfig, paths: AppPaths) -> int:
    from ..conversation.sessions import SessionStore

    store = SessionStore(paths.sessions_dir)
    if args.sessions_action == "clear":
        return _clear(store, args.name)
    return _list(store, args.json)


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
    leftovers = _leftovers(store)
    for path in leftovers:
        path.unlink(missing_ok=True)
    print(f"Deleted {len(names)} conversation{'s' if len(names) != 1 else ''}"
          + (f" and {len(leftovers)} leftover file{'s' if len(leftovers) != 1 else ''}."
             if leftovers else "."))
    return 0


def _leftovers(store) -> list:
    """Damaged copies, locks and temporary files of conversations that are gone: nothing of
    what was asked may stay on the disk after "clear all"."""
    try:
        return sorted(p for p in store.folder.iterdir() if p.is_file())
    except OSError:
        return []


def _clock(seconds: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(seconds))
