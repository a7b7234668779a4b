"""Where the assistant keeps its files. ASSISTANT_HOME moves them all (tests, kiosks)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "local-assistant"


@dataclass(frozen=True)
class AppPaths:
    config_dir: Path
    cache_dir: Path
    data_dir: Path

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.toml"

    @property
    def log_file(self) -> Path:
        return self.cache_dir / "assistant.log"

    @property
    def sessions_dir(self) -> Path:
        return self.data_dir / "sessions"

    @property
    def models_dir(self) -> Path:
        """Folder the user can drop model folders into (checked before the HF cache)."""
        return self.data_dir / "models"

    def make_private(self) -> None:
        """Close the folders an older version left readable by others (0755) to 0700.

        The files directly inside (the log, config.toml, the history) go to 0600 with it;
        deeper ones are out of reach behind the folder. Creates nothing and never fails: a
        read-only or foreign folder is left as it is. Once private, a start costs one stat.
        """
        from .storage import tighten_mode

        for folder in (self.config_dir, self.cache_dir, self.data_dir):
            try:
                loose = folder.is_dir() and folder.stat().st_mode & 0o077
                if loose:
                    for file in folder.iterdir():
                        if file.is_file():
                            tighten_mode(file, 0o600)
            except OSError:
                continue
            if loose:
                tighten_mode(folder, 0o700)


def app_paths(environ: dict[str, str] | None = None) -> AppPaths:
    env = os.environ if environ is None else environ
    home = env.get("ASSISTANT_HOME")
    if home:
        root = Path(home)
        return AppPaths(root / "config", root / "cache", root / "data")
    import platformdirs

    return AppPaths(
        Path(platformdirs.user_config_dir(APP_NAME)),
        Path(platformdirs.user_cache_dir(APP_NAME)),
        Path(platformdirs.user_data_dir(APP_NAME)),
    )
