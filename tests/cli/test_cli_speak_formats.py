"""``ask --speak-to FILE`` writes the format its extension names (issue 21.5), through the one
encoder (``audio/encode.py``), and refuses an extension it cannot write before any model runs."""
from __future__ import annotations

import json
import os
import re

import numpy as np
import pytest

SCALE = {"flt": 1.0, "dbl": 1.0, "s16": 32768.0, "s32": 2147483648.0}
QUESTION = "What does the sign say?"


def _read(path) -> tuple[str, int, np.ndarray]:
    """(container, rate, float samples) as PyAV reads the file back."""
    import av

    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        frames = [f.to_ndarray().astype(np.float32).reshape(-1) / SCALE[f.format.name[:3]]
                  for f in container.decode(stream)]
        return container.format.name, stream.codec_context.sample_rate, np.concatenate(frames)


@pytest.mark.slow
@pytest.mark.parametrize("name, container, codec_rate", [
    ("answer.mp3", "mp3", 22_050), ("answer.OGG", "ogg", 48_000), ("answer.flac", "flac", 22_050),
    ("answer.opus", "ogg", 48_000), ("answer", "wav", 22_050)])
def test_the_extension_names_the_format(cli, samples, tmp_path, name, container, codec_rate):
    out = tmp_path / name
    run = cli("ask", "--image", str(samples / "sign.jpg"), "--text", QUESTION, "--json",
              "--voice-engine", "piper", "--no-play", "--speak-to", str(out))
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["speech_file"] == str(out)
    kind, rate, samples_back = _read(out)
    assert kind == container and rate == codec_rate
    assert len(samples_back) / rate > 1.0                         # the answer, spoken
    assert float(np.sqrt(np.mean(samples_back ** 2))) > 0.01     # not silence
    if name == "answer.OGG":    # the words survive Opus: the assistant's own Whisper hears them
        back = cli("transcribe", str(out), "--language", "en")
        assert back.returncode == 0, back.stderr
        said = re.findall(r"[a-z]+", json.loads(run.stdout)["answer"].lower())
        heard = set(re.findall(r"[a-z]+", back.stdout.lower().replace("launchpad", "launch pad")))
        # Nearly every word: tiny.en may mishear one ("lunch pad" on an AMD CPU, whose int8
        # arithmetic differs), as it would the uncompressed voice.
        assert len(said) >= 5 and sum(w in heard for w in said) >= len(said) - 1, back.stdout


def test_an_unknown_extension_is_refused_before_any_model_runs(cli, samples, tmp_path):
    for name in ("answer.mp4", "answer.txt"):
        out = tmp_path / name
        run = cli("ask", "--image", str(samples / "sign.jpg"), "--text", QUESTION, "--json",
                  "--voice-engine", "piper", "--speak-to", str(out), timeout=60)
        assert run.returncode == 2, run.stderr
        error = json.loads(run.stdout)["error"]
        assert error["code"] == "unknown_audio_format"
        assert f"'.{name.rsplit('.', 1)[1]}'" in error["message"] and ".mp3" in error["message"]
        assert "Loading" not in run.stderr and "Traceback" not in run.stderr
        assert not out.exists()


@pytest.mark.slow
def test_dev_null_still_takes_the_sound(cli, samples):
    """No extension: WAV, written into the device, which stays a device."""
    run = cli("ask", "--image", str(samples / "sign.jpg"), "--text", QUESTION,
              "--voice-engine", "piper", "--no-play", "--speak-to", os.devnull)
    assert run.returncode == 0, run.stderr
    assert os.path.exists(os.devnull) and not os.path.isfile(os.devnull)
