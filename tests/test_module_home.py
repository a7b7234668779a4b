"""Each test module has its own ``ASSISTANT_HOME`` (tests/conftest.py ``module_home``): what
one module saves (settings, sessions) is not there for the next; only the cache is shared."""
from __future__ import annotations

import os
from pathlib import Path

from assistant.paths import app_paths


def test_this_module_has_a_home_of_its_own_with_the_runs_cache(module_home: Path):
    paths = app_paths()
    assert Path(os.environ["ASSISTANT_HOME"]) == module_home
    assert module_home.name.startswith("home-test_module_home")
    assert paths.config_dir.parent == module_home and paths.data_dir.parent == module_home
    run_home = Path(os.environ["PYTEST_ASSISTANT_RUN_HOME"])
    assert paths.cache_dir.resolve() == (run_home / "cache").resolve()
    assert not paths.data_dir.exists() or not any(paths.data_dir.iterdir())   # nothing of others
