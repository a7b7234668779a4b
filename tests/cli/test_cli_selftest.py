"""``assistant selftest`` (issue 25.1): every part run end to end on the bundled samples, in
real processes with the real models: a fresh setup passes and says so; a damaged model fails
naming its part and the fix, while the other parts are still checked; with a sound server
the microphone and the sound output are opened and used."""
from __future__ import annotations

import json
import subprocess
import sys

from pulse_support import pulse_server

NO_SOUND = {"PULSE_SERVER": "unix:/nonexistent/pulse/native"}   # PortAudio lists no devices


def _selftest(env: dict, *args: str) -> tuple[int, dict, str]:
    run = subprocess.run([sys.executable, "-m", "assistant", *args, "selftest", "--json"],
                         env=env, capture_output=True, text=True, timeout=300)
    assert "Traceback" not in run.stderr, run.stderr
    return run.returncode, json.loads(run.stdout), run.stderr


def _parts(result: dict) -> dict[str, dict]:
    return {check["part"]: check for check in result["checks"]}


def test_a_fresh_setup_passes_and_says_so(cli):
    code, result, _ = _selftest({**cli.env, **NO_SOUND})
    parts = _parts(result)
    assert code == 0 and result["passed"] and result["summary"] == "Everything works.", result
    assert [p["status"] for p in parts.values()] == ["ok", "ok", "ok", "absent", "absent"], parts
    assert "sign" in parts["hearing"]["detail"].lower()
    assert "heard back" in parts["voice"]["detail"] and "assistant" in parts["voice"]["detail"].lower()


def test_a_damaged_speech_model_fails_naming_the_part_and_its_fix(cli, tmp_path):
    folder = tmp_path / "whisper"
    folder.mkdir()
    (folder / "model.bin").write_bytes(bytes(range(256)) * 400)      # bit rot, not a model
    (folder / "config.json").write_text("{}")
    config = tmp_path / "config.toml"
    config.write_text(f'[asr]\nmodel = "{folder}"\n')
    code, result, _ = _selftest({**cli.env, **NO_SOUND}, "--config", str(config))
    parts = _parts(result)
    assert code == 1 and not result["passed"] and result["summary"] == "Not working: hearing."
    assert parts["hearing"]["status"] == "failed" and parts["hearing"]["fix"], parts
    assert str(folder) in parts["hearing"]["detail"]
    assert parts["eyes"]["status"] == "ok" and parts["voice"]["status"] == "ok"   # still checked


def test_with_a_sound_server_the_microphone_and_output_are_opened(cli, tmp_path):
    with pulse_server(tmp_path / "pulse") as env:
        code, result, _ = _selftest({**cli.env, **env})
    parts = _parts(result)
    assert parts["microphone"]["status"] == "ok", parts
    assert parts["speaker"]["status"] == "ok", parts
    assert code == 0, result
