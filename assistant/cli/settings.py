"""``assistant config``: where the settings are, what they are, and ``init`` (every setting
written with a comment; a damaged file set aside; a ``--config`` path written through links
or into a device, the settings folder's file through its link)."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..config import AppConfig
from ..errors import EXIT_OK, SaveError
from ..paths import AppPaths


def config(args: argparse.Namespace, config: AppConfig, paths: AppPaths) -> int:
    import tomli_w

    from .. import config as config_mod
    from ..config_text import commented_toml

    target = args_config_path(args, paths)
    if args.action == "path":
        print(target)
    elif args.action == "init":
        loaded = _read_default(target) if args.config is None else _read_given(target)
        if _exists(target) and not loaded.damaged:
            print(f"{target} already exists; not changed.")
            return EXIT_OK
        try:
            kept = (config_mod.save(loaded.config, target) if args.config is None
                    else _save_given(loaded, target, commented_toml(loaded.config)))
        except OSError as exc:
            from ..storage import failure_hint, failure_words

            raise SaveError(f"The settings could not be written to {target} ({failure_words(exc)}).",
                            hint=failure_hint(exc)) from exc
        if kept is None:
            print(f"Wrote the default settings to {target}.")
        else:
            print(f"{target} was damaged; it was moved to {kept}. Wrote the settings in use "
                  f"(defaults where it was damaged) to {target}.")
    else:
        print(tomli_w.dumps(config.to_dict()), end="")
    return EXIT_OK


def _exists(target: Path) -> bool:
    try:
        return target.exists()
    except OSError:
        return False


def _read_default(target: Path):
    """The settings file in our folder; something not a file there is never read (a FIFO
    would hang), and saving over it is refused (``write_private``), said why."""
    from .. import config as config_mod

    try:
        if target.is_file() or not target.exists():
            return config_mod.read(target)
    except OSError as exc:   # a folder we may not look into: written below, or refused there
        return config_mod.Loaded(config_mod.AppConfig(), f"{target} cannot be read "
                                 f"({exc.strerror or exc}).")
    return config_mod.Loaded(config_mod.AppConfig(), f"{target} is not a file.")


def _read_given(target: Path):
    """A ``--config`` file to init: only a regular file is read (a FIFO would hang)."""
    from .. import config as config_mod
    from ..userfiles import check_writable

    landing = check_writable(target, "the settings")   # a missing folder: exit 2, nothing made
    if landing.is_file():
        return config_mod.read(landing)
    return config_mod.Loaded(config_mod.AppConfig())


def _save_given(loaded, target: Path, text: str) -> Path | None:
    """``config init --config PATH``: the user's path, written through a link or into a device;
    a damaged file there is set aside first (beside the file a link points to)."""
    from ..storage import set_aside
    from ..userfiles import check_writable, write_user_file

    landing = check_writable(target, "the settings")
    kept = set_aside(landing) if loaded.damaged and landing.is_file() else None
    write_user_file(target, text, "the settings")
    return kept


def args_config_path(args: argparse.Namespace, paths: AppPaths) -> Path:
    return args.config or paths.config_file
