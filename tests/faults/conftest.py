"""Fixtures of the fault matrix (the tools are in ``faults_support``)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from faults_support import fill, make_read_only, tmpfs


@pytest.fixture
def full_home(tmp_path) -> Iterator[Path]:
    """An ASSISTANT_HOME on a small file system that is already full."""
    with tmpfs(tmp_path / "full", "2m") as home:
        for sub in ("config", "cache", "data"):
            (home / sub).mkdir()
        fill(home)
        yield home


@pytest.fixture
def read_only_home(tmp_path) -> Iterator[Path]:
    """An empty ASSISTANT_HOME that cannot be written (a kiosk image)."""
    with tmpfs(tmp_path / "ro", "1m") as home:
        make_read_only(home)
        yield home
