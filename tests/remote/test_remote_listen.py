"""'assistant listen' with every engine on a server: a real recording replayed as the
microphone is transcribed there, the question answered there, the reply spoken there."""
from __future__ import annotations

import json
import os
import subprocess
import sys


def test_listen_uses_the_servers_engines(server, samples, tmp_path):
    server.transcript = "What is in front of me?"
    config = tmp_path / "config.toml"
    config.write_text('[asr]\nengine = "openai"\nlanguage = "en"\n\n[vision]\nengine = "openai"\n\n'
                      f'[tts]\nengine = "openai"\n\n[remote]\nbase_url = "{server.base_url}"\n'
                      'vision_model = "fake-vlm"\n')
    run = subprocess.run(
        [sys.executable, "-m", "assistant", "--config", str(config), "listen", "--image",
         str(samples / "sign.jpg"), "--audio-in", str(samples / "question.wav"), "--speed", "4",
         "--json"], capture_output=True, text=True, timeout=300,
        env={**os.environ, "ASSISTANT_HOME": str(tmp_path / "home"), "PYTHONWARNINGS": "ignore"})
    assert run.returncode == 0, run.stderr
    events = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    [heard] = [e for e in events if e["event"] == "Transcript"]
    [reply] = [e for e in events if e["event"] == "Reply"]
    assert heard["text"] == server.transcript
    assert reply["engine"] == f"openai:fake-vlm@127.0.0.1:{server.port}"
    assert reply["answer"].startswith(server.answer)
    assert not [e for e in events if e["event"] == "ErrorEvent" and e["code"].startswith("remote")]
    [uploaded] = server.of("/v1/audio/transcriptions")
    assert uploaded.file[:4] == b"RIFF"
    spoken = [r.body["input"] for r in server.of("/v1/audio/speech")]
    # Spoken sentence by sentence as the answer streams in: together, the whole reply.
    assert " ".join(spoken) == reply["answer"]
