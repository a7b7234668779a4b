"""``assistant models`` (the list), ``models download NAME`` and ``models remove NAME``.

The list reads the disk only (no network); ``download`` is the one command that goes online
(``models/download.py``), ``remove`` frees a model's space in the Hugging Face cache.
"""
from __future__ import annotations

import argparse

from ..config import AppConfig
from ..paths import AppPaths
from .console import emit_json


def add_parser(sub) -> None:
    models = sub.add_parser(
        "models", help="list the models (sizes, memory, whether this machine runs them), "
                       "download or remove one")
    models.add_argument("--json", action="store_true",
                        help="print one JSON object (the models, and the vision-language models "
                             "by short name) instead of tables")
    action = models.add_subparsers(dest="models_action", metavar="ACTION")
    get = action.add_parser(
        "download", help="fetch a model into the Hugging Face cache (the one command that goes "
                         "online): progress on stderr, free disk space checked first, files "
                         "checked against the hub's checksums; run again to finish one that "
                         "stopped")
    get.add_argument("name", help="a short name from `assistant models` (e.g. smolvlm, "
                                  "qwen2.5-vl-3b, blip2) or a repository id (org/name)")
    drop = action.add_parser("remove", help="delete a model from the Hugging Face cache and say "
                                            "how much space that freed")
    drop.add_argument("name", help="a short name or a repository id")


def run(args: argparse.Namespace, config: AppConfig, paths: AppPaths) -> int:
    action = getattr(args, "models_action", None)
    if action == "download":
        from ..models.download import download

        download(args.name)
        return 0
    if action == "remove":
        from ..models.download import remove

        remove(args.name)
        return 0
    return _list(args, config, paths)


def _list(args: argparse.Namespace, config: AppConfig, paths: AppPaths) -> int:
    from ..models.catalogue import catalogue, format_table, format_vlm_table, vlm_rows
    from ..models.vlm_names import this_machine

    entries = catalogue(config, paths)
    machine = this_machine()
    rows = vlm_rows(paths, machine)
    if args.json:
        emit_json({"models": [e.to_json() for e in entries],
                   "vision_models": [r.to_json() for r in rows],
                   "machine": {"ram_free": machine.ram_free, "gpu_free": machine.gpu_free,
                               "gpu_name": machine.gpu_name}})
    else:
        print(format_table(entries))
        print(format_vlm_table(rows, machine))
    return 0
