"""``assistant devices`` and tab completion (issue 21.6), in real processes: the sound devices
a real PulseAudio server offers are listed with the numbers and names the settings take;
cameras come from a V4L2 list laid out as Linux lays it out; the shell's completion hook
completes commands and options, and the setup's bash file registers it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pulse_support import pulse_server

from assistant.cli.devices import cameras

ROOT = Path(__file__).resolve().parents[2]


def test_devices_lists_the_sound_servers_microphone_and_output(cli, tmp_path):
    with pulse_server(tmp_path / "pulse") as env:
        run = subprocess.run([sys.executable, "-m", "assistant", "devices", "--json"],
                             env={**cli.env, **env}, capture_output=True, text=True, timeout=120)
        table = subprocess.run([sys.executable, "-m", "assistant", "devices"],
                               env={**cli.env, **env}, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    found = json.loads(run.stdout)
    assert found["microphones"] and found["outputs"], found
    assert any(d["default"] for d in found["outputs"]), found["outputs"]
    for device in found["microphones"][:1] + found["outputs"][:1]:
        assert f"{device['index']:>3}  {device['name']}" in table.stdout, table.stdout


def test_cameras_are_the_capture_nodes_of_the_v4l2_list(tmp_path):
    def node(number: int, name: str, index: int) -> None:
        folder = tmp_path / f"video{number}"
        folder.mkdir()
        (folder / "name").write_text(name + "\n")
        (folder / "index").write_text(f"{index}\n")

    node(0, "Integrated Camera: Integrated C", 0)
    node(1, "Integrated Camera: Integrated C", 1)     # the same camera's metadata node
    node(10, "USB Video: HD Webcam", 0)
    node(2, "USB Video: HD Webcam", 0)
    assert cameras(tmp_path) == [
        {"index": 0, "path": "/dev/video0", "name": "Integrated Camera: Integrated C"},
        {"index": 2, "path": "/dev/video2", "name": "USB Video: HD Webcam"},
        {"index": 10, "path": "/dev/video10", "name": "USB Video: HD Webcam"}]
    assert cameras(tmp_path / "absent") is None


def _complete(line: str, tmp_path: Path) -> list[str]:
    out = tmp_path / "completions.txt"
    env = {**os.environ, "_ARGCOMPLETE": "1", "COMP_LINE": line, "COMP_POINT": str(len(line)),
           "_ARGCOMPLETE_STDOUT_FILENAME": str(out)}
    run = subprocess.run([sys.executable, "-m", "assistant"], env=env, capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    return sorted(word.strip() for word in out.read_text().split("\x0b"))


def test_the_shell_completes_commands_and_options(tmp_path):
    assert _complete("assistant se", tmp_path) == ["selftest", "serve", "sessions"]
    assert _complete("assistant transcribe --for", tmp_path) == ["--format"]
    assert "kitchen" not in _complete("assistant sessions ", tmp_path)
    assert {"clear", "export", "list", "show"} <= set(_complete("assistant sessions ", tmp_path))


def test_the_setup_installs_a_bash_completion_that_registers_the_command(tmp_path):
    data = tmp_path / "data"
    script = ROOT / "scripts" / "setup.sh"
    source = script.read_text()
    function = source[source.index("install_completion() {"):source.index("\n}\n", source.index(
        "install_completion() {")) + 3]
    run = subprocess.run(["bash", "-c", f'set -euo pipefail\nVENV="{Path(sys.executable).parents[1]}"\n'
                          f"{function}\ninstall_completion"],
                         env={**os.environ, "XDG_DATA_HOME": str(data)}, capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    bash_file = data / "bash-completion" / "completions" / "assistant"
    registered = subprocess.run(["bash", "-c", f"source {bash_file}; complete -p assistant"],
                                capture_output=True, text=True, timeout=30)
    assert registered.returncode == 0 and "assistant" in registered.stdout, registered.stderr
    assert (data / "zsh" / "site-functions" / "_assistant").read_text().startswith("# assistant")
    mine = data / "zsh" / "site-functions" / "_assistant"
    mine.write_text("# the user's own\n")                 # not ours: left alone, said so
    again = subprocess.run(["bash", "-c", f'set -euo pipefail\nVENV="{Path(sys.executable).parents[1]}"\n'
                            f"{function}\ninstall_completion"],
                           env={**os.environ, "XDG_DATA_HOME": str(data)}, capture_output=True,
                           text=True, timeout=60)
    assert again.returncode == 0 and "not ours" in again.stderr
    assert mine.read_text() == "# the user's own\n"
