"""Runs ``assistant listen`` in a child process (the tests give it its own PulseAudio server)."""
from __future__ import annotations

import sys

from assistant.cli import _build_parser
from assistant.cli.listen import run
from assistant.config import AppConfig
from assistant.paths import app_paths

if __name__ == "__main__":
    args = _build_parser().parse_args(["listen", *sys.argv[1:]])   # the console's own parser
    args.verbose = getattr(args, "verbose", False)                  # as cli.main sets them
    args.quiet = getattr(args, "quiet", False)
    sys.exit(run(args, AppConfig(), app_paths()))
