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


@pytest.fixture(scope="session")
def cli(tmp_path_factory) -> Cli:
    # The same home for the whole run, so the joined Whisper base is built once.
    return Cli(Path(os.environ["ASSISTANT_HOME"]))
