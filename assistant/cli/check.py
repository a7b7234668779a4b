"""``assistant selftest``: each part run end to end on the bundled samples (``selftest.py``);
a table (or ``--json``), exit 0 only when nothing failed, else 1 with each failure's fix."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from ..config import AppConfig
from ..errors import EXIT_FAILED, EXIT_OK
from ..paths import AppPaths
from .console import _progress_printer, emit_json

NAMES = {"hearing": "speech recognition", "voice": "the voice", "eyes": "the vision engine",
         "microphone": "the microphone", "speaker": "the sound output"}


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "selftest", help="check that hearing, the voice, the eyes and the sound devices really "
                         "work, on the bundled samples (exit 0 only when all do)")
    p.add_argument("--json", action="store_true",
                   help="print one JSON object (each part: status, detail, fix, ms)")
    p.add_argument("--no-devices", action="store_true",
                   help="check the models only, not the microphone and sound output")
    return p


def run(args: argparse.Namespace, config: AppConfig, paths: AppPaths) -> int:
    from .. import selftest
    from ..engines.factory import EngineFactory

    def progress(part: str) -> None:
        if not args.quiet and not args.json:
            print(f"Checking {NAMES[part]}…", file=sys.stderr, flush=True)

    factory = EngineFactory(paths, on_event=_progress_printer if args.verbose else None,
                            remote=config.remote)
    try:
        checks = selftest.run(config, factory, devices=not args.no_devices, progress=progress)
    finally:
        factory.close()
    ok = selftest.passed(checks)
    if args.json:
        emit_json({"passed": ok, "summary": selftest.summary(checks),
                   "sentence": selftest.sentence(checks),
                   "checks": [check.to_json() for check in checks]})
    else:
        print(selftest.table(checks))
    return EXIT_OK if ok else EXIT_FAILED
