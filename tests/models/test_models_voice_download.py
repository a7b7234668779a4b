"""`assistant models download voice:NAME`: one Piper voice (two files) out of the hub's
`rhasspy/piper-voices`, against a local hub (tests/models/hub_server.py) in the real layout,
then a French reply said by it instead of espeak-ng; `remove voice:NAME` frees only it.

The voice served is a real Piper voice (the bundled English one, filed under a French name:
what matters here is which voice file speaks, not its accent)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest
from hub_server import COMMIT, HubServer

REPO = "rhasspy/piper-voices"
FR = "fr/fr_FR/test/medium/fr_FR-test-medium.onnx"
DE = "de/de_DE/other/low/de_DE-other-low.onnx"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def voices_repo(tmp_path_factory) -> Path:
    from assistant.tts.piper_voice import bundled_voice_path

    voice = bundled_voice_path()
    folder = tmp_path_factory.mktemp("piper-voices")
    for name in (FR, DE):
        (folder / name).parent.mkdir(parents=True)
        shutil.copy(voice, folder / name)
        shutil.copy(f"{voice}.json", folder / f"{name}.json")
    return folder


def _env(tmp_path: Path, endpoint: str | None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HF_")}
    env.update(ASSISTANT_HOME=str(tmp_path / "home"), HF_HOME=str(tmp_path / "hf"),
               HF_HUB_DISABLE_TELEMETRY="1", PYTHONWARNINGS="ignore")
    if endpoint is not None:
        env["HF_ENDPOINT"] = endpoint
    return env


def _assistant(env: dict, *args: str, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True,
                          text=True, env=env, timeout=timeout)


def test_a_fetched_voice_says_that_languages_replies_and_remove_frees_only_it(tmp_path, voices_repo):
    snapshot = tmp_path / "hf" / "hub" / "models--rhasspy--piper-voices" / "snapshots" / COMMIT
    with HubServer(REPO, voices_repo) as hub:
        run = _assistant(_env(tmp_path, hub.url), "models", "download", "voice:fr_FR-test-medium")
        assert run.returncode == 0, run.stderr
        assert "2 of 2 files to fetch" in run.stderr and "Checking" in run.stderr
        assert hub.gets(DE) == [] and hub.gets(f"{DE}.json") == []   # the other voice stays there
        missing = _assistant(_env(tmp_path, hub.url), "models", "download", "voice:es_ES-nobody-medium")
        assert missing.returncode == 2 and "no Piper voice es_ES-nobody-medium" in missing.stderr
    for name in (FR, f"{FR}.json"):
        assert (snapshot / name).read_bytes() == (voices_repo / name).read_bytes()

    env = _env(tmp_path, None)
    listed = _assistant(env, "models", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = {m["key"]: m for m in json.loads(listed.stdout)["models"]}
    assert rows["voice:fr_FR-test-medium"]["present"], rows.keys()
    assert not rows["voice:de_DE-thorsten-medium"]["present"]

    out = tmp_path / "reply.wav"
    asked = _assistant(env, "ask", "--image", str(ROOT / "resources/samples/sign.jpg"), "--text",
                       "Qu'est-ce qui est écrit sur le panneau ?", "--reply-language", "fr",
                       "--vision-engine", "embedded", "--speak-to", str(out), "--json")
    assert asked.returncode == 0, asked.stderr
    result = json.loads(asked.stdout)
    assert result["reply_language"] == "fr"
    assert result["engines"]["tts"].startswith("piper:fr_FR-test-medium"), result["engines"]
    with wave.open(str(out)) as w:
        audio = np.frombuffer(w.readframes(w.getnframes()), np.int16)
    assert np.abs(audio).max() > 3000 and audio.size > w.getframerate()   # said, not silent

    removed = _assistant(env, "models", "remove", "voice:fr_FR-test-medium")
    assert removed.returncode == 0, removed.stderr
    assert "freed" in removed.stderr
    assert not (snapshot / FR).exists()
    again = _assistant(env, "ask", "--image", str(ROOT / "resources/samples/sign.jpg"), "--text",
                       "Qu'est-ce qui est écrit sur le panneau ?", "--reply-language", "fr",
                       "--vision-engine", "embedded", "--speak-to", str(out), "--json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["engines"]["tts"].startswith("pyttsx3"), again.stdout


def test_a_voice_download_offline_names_the_command_and_files(tmp_path):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}"
    run = _assistant(_env(tmp_path, closed), "models", "download", "voice:de_DE-thorsten-medium")
    assert run.returncode == 3, run.stderr
    [line] = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert "hf download rhasspy/piper-voices de/de_DE/thorsten/medium/de_DE-thorsten-medium.onnx" in line
