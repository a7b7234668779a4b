import os
import subprocess
import sys
from pathlib import Path

import pytest


class Cli:
    def __init__(self, home: Path) -> None:
        self.env = {**os.environ, "ASSISTANT_HOME": str(home), "PYTHONWARNINGS": "ignore"}

    def __call__(self, *args: str, timeout: float = 240) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True,
                              text=True, env=self.env, timeout=timeout)


@pytest.fixture(scope="module")
def cli(module_home: Path) -> Cli:
    # The module's home (tests/conftest.py), whose cache is the run's: the joined Whisper
    # base is built once.
    return Cli(module_home)
