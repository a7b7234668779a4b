"""``assistant history``: clear it or export it (Markdown or JSON); the export helpers the
sessions command shares: the format from the name, the user's file written safely."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..config import AppConfig
from ..errors import EXIT_OK, InputError, SaveError
from ..paths import AppPaths
from .console import _progress_printer


EXPORT_FORMATS = {"md": "md", "markdown": "md", "json": "json"}


def history(args: argparse.Namespace, config: AppConfig, paths: AppPaths) -> int:
    from ..conversation.store import DB_NAME, HistoryStore

    fmt = None
    if args.history_action == "export":
        fmt = export_format(args.path, args.format)  # a bad name fails before anything opens
    home = args.home
    if not home.can_write(paths.data_dir):
        if args.history_action == "clear":
            why = home.unwritable[paths.data_dir].why
            raise SaveError(f"The history in {paths.data_dir} cannot be cleared ({why}).",
                            hint="Clear it where the folder can be written.",
                            code="not_deleted")
        # Export reads only: a read-only home's history is still the user's to take away.
        store = HistoryStore.read_only(paths.data_dir / DB_NAME)
    else:
        store = HistoryStore.in_folder(paths.data_dir, on_event=_progress_printer)  # repairs: a note
    try:
        if args.history_action == "clear":
            count = store.count()
            store.clear()
            print(f"Deleted {count} turn{'s' if count != 1 else ''} from the history.")
        else:
            from ..conversation.store import to_json, to_markdown

            from ..userfiles import is_stdout

            turns = store.turns()
            save_file(args.path, to_markdown(turns) if fmt == "md" else to_json(turns),
                       "The history")
            # Exported to standard output: the count goes beside it, not into it.
            print(f"Wrote {len(turns)} turns to {shown(args.path)}.",
                  file=sys.stderr if is_stdout(args.path) else sys.stdout)
    finally:
        store.close()
    return EXIT_OK


def export_format(path: Path, fmt: str | None, what: str = "the history") -> str:
    wanted = (fmt or path.suffix.lstrip(".") or "md").lower()
    if wanted not in EXPORT_FORMATS:
        raise InputError(f"{what[0].upper()}{what[1:]} cannot be exported as '{wanted}'.",
                         hint="Use a file ending in .md or .json, or --format md|json.",
                         code="bad_export_format")
    from ..userfiles import check_writable

    check_writable(path, what)   # a folder, a missing folder: said before anything opens
    return EXPORT_FORMATS[wanted]


def shown(path: Path) -> str:
    return "standard output" if str(path) == "-" else str(path)


def save_file(path: Path, text: str, what: str) -> None:
    """Write the user's ``path`` (``userfiles``: through links, into devices, a file replaced
    atomically); a failure is a SaveError whose words and hint match why it failed."""
    from ..storage import failure_hint, failure_words
    from ..userfiles import write_user_file

    try:
        write_user_file(path, text, what.lower())
    except OSError as exc:
        raise SaveError(f"{what} could not be written to {shown(path)} ({failure_words(exc)}).",
                        hint=failure_hint(exc)) from exc
