"""Issue 21.8: no work nobody receives. ``ask`` with no sound output and no ``--speak-to``
loads no voice and synthesises nothing; a camera that cannot be opened gives our one line,
not OpenCV's warnings. Real processes, real PortAudio and OpenCV."""
import json
import os
import subprocess
import sys

from pulse_support import pulse_server

QUESTION = "What does the sign say?"
# A child with no sound server to reach and no sound card: PortAudio lists no output device.
NO_SOUND = {"PULSE_SERVER": "unix:/nonexistent/pulse/native"}


def _outputs(env: dict) -> int:
    """How many output devices the real PortAudio lists in a child with ``env``."""
    code = ("import sounddevice as sd; "
            "print(sum(d['max_output_channels'] > 0 for d in sd.query_devices()))")
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 0, run.stderr
    return int(run.stdout.split()[-1])


def _ask(cli, samples, *more):
    return cli("ask", "--image", str(samples / "sign.jpg"), "--text", QUESTION, "--json", *more)


def test_ask_without_speakers_synthesises_nothing(cli, samples):
    cli.env.update(NO_SOUND)
    assert _outputs(cli.env) == 0   # the premise: nobody could hear it
    run = _ask(cli, samples)        # the default voice, and playing is not turned off
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert "launch pad" in result["answer"].lower()
    assert "tts" not in result["engines"], result        # no voice loaded
    assert not {"tts", "load_tts"} & result["timings_ms"].keys(), result["timings_ms"]
    assert "No sound output device was found, so the answer is not spoken" in run.stderr
    # Asked for a recording, it is still spoken (into the file) with no speakers.
    wav = cli.env["ASSISTANT_HOME"] + "/answer.wav"
    kept = _ask(cli, samples, "--speak-to", wav)
    assert kept.returncode == 0, kept.stderr
    assert "tts" in json.loads(kept.stdout)["timings_ms"] and os.path.getsize(wav) > 10_000
    assert "the answer is not spoken" not in kept.stderr


def test_ask_with_speakers_still_speaks(cli, samples, tmp_path):
    """The same command where a sound output exists: the voice is loaded and the answer
    synthesised and played, so it is the missing device that saved the work above."""
    with pulse_server(tmp_path / "pulse") as env:
        child = {**cli.env, **env}
        assert _outputs(child) >= 1
        run = subprocess.run([sys.executable, "-m", "assistant", "ask", "--image",
                              str(samples / "sign.jpg"), "--text", QUESTION, "--json"],
                             env=child, capture_output=True, text=True, timeout=240)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert "tts" in result["engines"] and result["timings_ms"]["tts"] > 0, result
    assert "not spoken" not in run.stderr


def test_a_camera_that_cannot_open_gives_one_line_and_no_opencv_warnings(cli, samples):
    run = cli("listen", "--camera", "57", "--audio-in", str(samples / "question.wav"),
              "--voice-engine", "none", timeout=120)
    assert run.returncode == 4, run.stderr
    lines = run.stderr.strip().splitlines()
    assert lines == ["error: Camera number 57 could not be opened. Check that the camera is "
                     "plugged in and that no other program is using it, or choose another "
                     "camera."], run.stderr
