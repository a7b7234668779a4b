"""Honest packaging (issue 20.7): the core install is the embedded engine plus the console
commands; Qt, torch/transformers and the web server are extras, and asking for one that is
missing says which ``pip install`` to run, in one line, with a non-zero status.

Nothing is uninstalled: the console runs in a subprocess whose first act is to put an import
blocker on ``sys.meta_path``, so importing any extra's package fails as it would on a machine
without it.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from assistant.errors import EXIT_MISSING

ROOT = Path(__file__).resolve().parents[2]
EXTRA_PACKAGES = ("torch", "transformers", "PySide6", "fastapi", "uvicorn", "starlette")
# Distribution names of the above (and what only they need) as pyproject spells them.
EXTRA_DISTRIBUTIONS = {"torch", "transformers", "pyside6", "pyside6-essentials", "fastapi",
                       "uvicorn", "starlette", "python-multipart", "prometheus-client"}

_BLOCKED_CONSOLE = f"""
import sys

BLOCKED = {EXTRA_PACKAGES!r}


class NotInstalled:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None


sys.meta_path.insert(0, NotInstalled())
from assistant.cli import main

code = main(sys.argv[1:])
loaded = sorted(m for m in sys.modules if m.partition(".")[0] in BLOCKED)
assert not loaded, loaded
sys.exit(code)
"""


def _console(*args: str, home: Path, **env: str) -> subprocess.CompletedProcess:
    environ = {**os.environ, "ASSISTANT_HOME": str(home), "PYTHONPATH": str(ROOT), **env}
    return subprocess.run([sys.executable, "-c", _BLOCKED_CONSOLE, *args], cwd=ROOT, env=environ,
                          capture_output=True, text=True, timeout=300)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def _one_line_hint(result: subprocess.CompletedProcess, extra: str) -> None:
    assert result.returncode == EXIT_MISSING, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"pip install 'local-assistant[{extra}]'" in lines[0], lines[0]


def _distribution(requirement: str) -> str:
    return re.match(r"[A-Za-z0-9_.-]+", requirement).group(0).lower().replace("_", "-")


def test_core_dependencies_hold_no_extra():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    core = {_distribution(r) for r in project["dependencies"]}
    assert not core & EXTRA_DISTRIBUTIONS, sorted(core & EXTRA_DISTRIBUTIONS)
    extras = {name: {_distribution(r) for r in reqs}
              for name, reqs in project["optional-dependencies"].items()}
    assert {"pyside6-essentials"} <= extras["gui"]
    assert {"fastapi", "uvicorn", "python-multipart", "prometheus-client"} <= extras["serve"]
    assert {"torch", "transformers"} <= extras["vlm"]
    everything = " ".join(project["optional-dependencies"]["all"])
    assert all(name in everything for name in ("gui", "serve", "vlm", "piper")), everything


@pytest.mark.slow
def test_ask_about_a_photo_without_any_extra(tmp_path, samples):
    result = _console("ask", "--image", str(samples / "sign.jpg"), "--text", "What is this?",
                      "--no-play", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert {"launch", "pad"} <= _words(result.stdout), result.stdout


@pytest.mark.slow
def test_transcribe_speech_without_any_extra(tmp_path, librivox):
    wav, transcript = librivox[0]
    result = _console("transcribe", str(wav), "--language", "en", home=tmp_path)
    assert result.returncode == 0, result.stderr
    heard, said = _words(result.stdout), _words(transcript)
    assert len(heard & said) >= 0.8 * len(said), (result.stdout, transcript)


def test_serve_without_the_serve_extra_names_it(tmp_path):
    _one_line_hint(_console("serve", home=tmp_path), "serve")


def test_window_without_the_gui_extra_names_it(tmp_path):
    # A screen is there (offscreen Qt): the missing package, not the display, is the answer.
    _one_line_hint(_console(home=tmp_path, QT_QPA_PLATFORM="offscreen"), "gui")


def test_full_vision_model_without_the_vlm_extra_names_it(tmp_path, samples):
    # A folder that looks like downloaded BLIP-2 weights, so the missing package is what stops it.
    weights = tmp_path / "blip2"
    weights.mkdir()
    (weights / "config.json").write_text('{"model_type": "blip-2"}')
    (weights / "model.safetensors").write_bytes(b"")
    result = _console("ask", "--image", str(samples / "sign.jpg"), "--text", "What is this?",
                      "--vision-engine", "blip2", "--blip2-model", str(weights), "--no-play",
                      home=tmp_path / "home")
    _one_line_hint(result, "vlm")
