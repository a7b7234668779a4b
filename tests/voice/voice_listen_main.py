"""Runs ``assistant listen`` in a child process (the tests give it its own PulseAudio server)."""
from __future__ import annotations

import argparse
import sys

from assistant.config import AppConfig
from assistant.cli.listen import add_parser, run
from assistant.paths import app_paths

if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="assistant")
    add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["listen", *sys.argv[1:]])
    sys.exit(run(args, AppConfig(), app_paths()))
