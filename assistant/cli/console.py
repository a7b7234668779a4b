"""What every console command shares: JSON on stdout, files checked before use, and
progress and notes on stderr. The commands (``commands.py``, ``listen.py``,
``sessions.py``) and the parser (``__init__.py``) all import it, and it imports none of them.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from ..events import ErrorEvent, Event, ModelLoaded, ModelLoading, Progress
from .progress import TRANSCRIBING, ProgressBar


_written: list[bool] = []   # one whole JSON document went to stdout (the answer, a list)


def json_written() -> bool:
    return bool(_written)


def emit_json(obj: dict) -> None:
    try:
        text = json.dumps(obj, ensure_ascii=False)
        text.encode(sys.stdout.encoding or "utf-8")
    except UnicodeEncodeError:  # a name that is not valid text (or a narrow terminal): escape it
        text = json.dumps(obj, ensure_ascii=True)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()
    _written.append(True)


def exit_now(code: int) -> None:
    """End the process now, its own work done and closed: a worker thread still inside a
    model call (a stage that ignored its cancel) would hold the interpreter's exit for minutes,
    and a native library's threads can abort it while it tears down ("terminate called
    without an active exception": CTranslate2, ONNX Runtime), an exit status of 134 for a
    clean stop."""
    import logging

    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def check_file(path: Path, what: str) -> Path:
    """A regular file to read (``userfiles.check_readable``): a FIFO, device or folder is
    refused and named, so nothing hangs waiting on it; ``-`` here is a file named '-'."""
    from ..userfiles import check_readable

    return check_readable(path, what)


def _progress_printer(event: Event, *, quiet: bool = False, bar: ProgressBar | None = None) -> None:
    """Slow steps are announced on stderr, so stdout stays clean for --json.

    A file's transcription progress is drawn by ``bar`` (``transcribe`` on a terminal) and
    otherwise not printed; ``quiet`` keeps notes but drops loading lines and percentages.
    """
    if isinstance(event, Progress) and event.stage == "asr" and event.message == TRANSCRIBING:
        if bar is not None:
            bar.update(event.done, event.total)
        return
    line = _event_line(event, quiet)
    if line is not None:
        if bar is not None:
            bar.interrupt()  # the message goes under the bar; the next update draws a new one
        print(line, file=sys.stderr, flush=True)


def _event_line(event: Event, quiet: bool) -> str | None:
    if isinstance(event, ModelLoading) and not quiet:
        return f"Loading {event.model} ({event.stage})…"
    if isinstance(event, ModelLoaded) and not quiet:
        return f"Loaded {event.model} on {event.device} in {event.elapsed_ms / 1000:.1f} s."
    if isinstance(event, ErrorEvent) and (event.code in ("no_audio_output", "session_damaged",
                                                         "history_repaired")
                                          or event.code.startswith("remote_")):
        return f"note: {event.message}"
    if isinstance(event, Progress) and not (quiet and event.total):  # total 0: a sentence, kept
        share = f" {100 * event.done // event.total}%" if event.total else ""
        return f"{event.message}{share}"
    return None
