"""The console contract other tools depend on, run as a real subprocess."""
import json
import shutil
import sys
from pathlib import Path

import jiwer
import numpy as np
import pytest

from assistant.tts import SpeechAudio
from assistant.tts.wav import write_wav

SIGN_WORDS = ("LAUNCH", "PAD")  # drawn on resources/samples/sign.jpg by scripts/make_sign_photo.py


def _norm(text: str) -> str:
    return " ".join("".join(c.lower() if c.isalnum() or c.isspace() else " " for c in text).split())


def _wer(reference: str, hypothesis: str) -> float:
    return jiwer.wer(_norm(reference), _norm(hypothesis))


def test_console_script_is_installed():
    assert shutil.which("assistant", path=str(Path(sys.executable).parent)), "pip install -e . makes it"


@pytest.mark.slow
def test_ask_spoken_question_about_a_sign_end_to_end(cli, samples, tmp_path):
    out = tmp_path / "answer.wav"
    run = cli("ask", "--image", str(samples / "sign.jpg"), "--audio", str(samples / "question.wav"),
              "--json", "--speak-to", str(out), "--no-play")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert {"question", "transcript", "answer", "engines", "timings_ms"} <= result.keys()
    assert _wer("what does the sign say", result["transcript"]) <= 0.25
    assert all(word.lower() in result["answer"].lower() for word in SIGN_WORDS), result["answer"]
    assert {"asr", "vision", "tts", "total"} <= result["timings_ms"].keys()
    assert result["timings_ms"]["total"] >= result["timings_ms"]["vision"] > 0
    assert {"asr", "vision", "tts"} <= result["engines"].keys()
    # No vision model here: said beside the answer, in the console's words, not inside it.
    assert [n["code"] for n in result["notices"]] == ["no_vision_model"]
    assert "'assistant models'" in result["notices"][0]["message"]
    assert "install" not in result["answer"]
    # The WAV is the answer, then the notice, spoken: transcribe it back with the assistant.
    said = " ".join([result["answer"], *(n["message"] for n in result["notices"])])
    back = cli("transcribe", str(out), "--language", "en")
    assert back.returncode == 0, back.stderr
    assert _wer(said, back.stdout) <= 0.35, (said, back.stdout)


def test_ask_typed_question_has_no_transcript(cli, samples):
    run = cli("ask", "--image", str(samples / "sign.jpg"), "--text", "What does the sign say?",
              "--json", "--voice-engine", "none")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert "transcript" not in result and result["question"] == "What does the sign say?"
    assert "launch pad" in result["answer"].lower()
    assert "vision" in result["engines"] and "asr" not in result["engines"]


def test_follow_up_in_a_session_is_remembered(cli, samples):
    notes = []
    for question in ("What does the sign say?", "What colour is it?"):
        run = cli("ask", "--image", str(samples / "sign.jpg"), "--text", question, "--session", "t1",
                  "--voice-engine", "none")
        assert run.returncode == 0, run.stderr
        assert "assistant models" not in run.stdout          # the answer alone on stdout
        notes.append([line for line in run.stderr.splitlines() if line.startswith("note: ")])
    # The missing-model note is said once per conversation, on stderr, not after every answer.
    assert len(notes[0]) == 1 and "'assistant models' shows how" in notes[0][0]
    assert notes[1] == []
    stored = json.loads((Path(cli.env["ASSISTANT_HOME"]) / "data" / "sessions" / "t1.json").read_text())
    assert [t["question"] for t in stored["turns"]] == ["What does the sign say?", "What colour is it?"]
    assert len({t["image_id"] for t in stored["turns"]}) == 1


@pytest.mark.parametrize("fmt, marker", [("srt", " --> "), ("vtt", "WEBVTT"), ("json", '"segments"')])
def test_transcribe_formats(cli, fmt, marker):
    run = cli("transcribe", "/usr/share/sounds/alsa/Front_Center.wav", "--format", fmt, "--language", "en",
              "--word-timestamps")
    assert run.returncode == 0, run.stderr
    assert marker in run.stdout
    assert "front" in run.stdout.lower() and "center" in run.stdout.lower()


def test_models_lists_each_model_with_presence(cli):
    run = cli("models", "--json")
    assert run.returncode == 0, run.stderr
    models = {m["key"]: m for m in json.loads(run.stdout)["models"]}
    assert models["whisper-tiny.en"]["present"] and models["whisper-tiny.en"]["size_bytes"] > 10_000_000
    assert models["blip2"]["present"] is False and "`hf download Salesforce/blip2-opt-2.7b`" in models["blip2"]["note"]
    assert all({"looked_for", "path", "size_bytes"} <= m.keys() for m in models.values())


def _bad_inputs(tmp_path: Path, samples: Path) -> dict[str, tuple[list[str], str]]:
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    real = (samples / "question.wav").read_bytes()
    truncated = tmp_path / "truncated.wav"
    truncated.write_bytes(real[:30])
    corrupt = tmp_path / "corrupt.jpg"
    corrupt.write_bytes((samples / "sign.jpg").read_bytes()[:400])
    tiny = tmp_path / "tiny.png"
    from PIL import Image

    Image.new("RGB", (1, 1), "white").save(tiny)
    img, q = str(samples / "sign.jpg"), str(samples / "question.wav")
    return {
        "missing image": (["--image", str(tmp_path / "none.jpg"), "--text", "hi"], "does not exist"),
        "missing audio": (["--image", img, "--audio", str(tmp_path / "none.wav")], "does not exist"),
        "zero-length wav": (["--image", img, "--audio", str(empty)], "empty"),
        "truncated wav": (["--image", img, "--audio", str(truncated)], ""),
        "corrupt jpeg": (["--image", str(corrupt), "--audio", q], ""),
        "1x1 image": (["--image", str(tiny), "--text", "what is this"], "small"),
        "empty question": (["--image", img, "--text", "  "], "empty"),
    }


@pytest.mark.parametrize("case", ["missing image", "missing audio", "zero-length wav", "truncated wav",
                                  "corrupt jpeg", "1x1 image", "empty question"])
def test_bad_input_gives_one_line_and_non_zero_exit(cli, samples, tmp_path, case):
    args, words = _bad_inputs(tmp_path, samples)[case]
    run = cli("ask", *args, "--voice-engine", "none")
    assert run.returncode == 2, (run.returncode, run.stderr)
    assert "Traceback" not in run.stderr + run.stdout
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), run.stderr
    assert words in lines[0].lower()


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["silence", "white noise"])
def test_silence_and_noise_are_not_questions(cli, samples, tmp_path, kind):
    rng = np.random.default_rng(7)
    samples_ = np.zeros(16000 * 8) if kind == "silence" else rng.normal(0, 0.1, 16000 * 8)
    wav = write_wav(SpeechAudio(np.clip(samples_, -1, 1).astype(np.float32), 16000), tmp_path / "x.wav")
    run = cli("ask", "--image", str(samples / "sign.jpg"), "--audio", str(wav), "--voice-engine", "none",
              "--language", "en")
    assert run.returncode == 2, run.stderr
    assert "did not hear a question" in run.stderr
    assert "Traceback" not in run.stderr


def test_unknown_command_line_is_a_usage_error(cli):
    run = cli("ask", "--image")
    assert run.returncode == 2 and "Traceback" not in run.stderr
