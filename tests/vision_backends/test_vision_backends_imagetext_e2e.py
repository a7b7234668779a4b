"""A tiny SmolVLM folder named in the settings answers through ``assistant ask`` in a child
process and through a real ``assistant serve``, as a user's downloaded model would."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "serve"))
from serve_support import SIGN, sign_message, start  # noqa: E402


def _config(folder: Path) -> str:
    # Grounding is tested in-process (test_vision_backends_imagetext); here the model itself.
    return (f'[vision]\nengine = "imagetext"\nimagetext_model = "{folder}"\n'
            'max_new_tokens = 6\ngrounding = false\n')


@pytest.fixture(scope="module")
def smolvlm(tiny_imagetext) -> Path:
    return tiny_imagetext("smolvlm")


def test_ask_answers_with_the_imagetext_model(tmp_path, module_home, smolvlm):
    cfg = tmp_path / "config.toml"
    cfg.write_text(_config(smolvlm))
    env = {**os.environ, "ASSISTANT_HOME": str(module_home), "PYTHONWARNINGS": "ignore"}
    run = subprocess.run([sys.executable, "-m", "assistant", "--config", str(cfg), "ask",
                          "--image", str(SIGN), "--text", "What is in the picture?", "--json",
                          "--voice-engine", "none"],
                         capture_output=True, text=True, env=env, timeout=240)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["engines"]["vision"].startswith(f"imagetext:{smolvlm}")
    assert isinstance(result["answer"], str) and result["answer"]


def test_serve_answers_streamed_and_not_alike(tmp_path, smolvlm):
    served = start(tmp_path / "serve", config=_config(smolvlm))
    try:
        client = served.client()
        model = client.models.list().data[0].id
        assert "imagetext" in model or "SmolVLM" in model or str(smolvlm) in model, model
        message = sign_message("What is in the picture?")
        whole = client.chat.completions.create(model=model, messages=[message])
        text = whole.choices[0].message.content
        chunks = client.chat.completions.create(model=model, messages=[message], stream=True)
        streamed = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
        assert text and streamed == text
    finally:
        assert served.stop() == 0
