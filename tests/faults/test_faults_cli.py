"""Fault matrix, the console: the answer comes first, one exit-code table, settings that never
block, logging that never raises.

Every case runs ``python -m assistant`` in a child process with its own home and real files;
full and read-only disks are a real small tmpfs (``faults_support``).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from faults_support import ROOT, SAMPLES, Cli, fill, no_traceback, tmpfs

from assistant.errors import EXIT_CODES

SIGN = SAMPLES / "sign.jpg"
ASK = ("ask", "--image", str(SIGN), "--text", "What does it say?", "--voice-engine", "none",
       "--no-play")
SPOKEN = ("ask", "--image", str(SIGN), "--text", "What does it say?", "--voice-engine", "pyttsx3",
          "--no-play")


def _answered(done: subprocess.CompletedProcess) -> None:
    assert "LAUNCH PAD" in done.stdout, (done.stdout, done.stderr[-2000:])


def _errors(done: subprocess.CompletedProcess) -> list[str]:
    return [line for line in done.stderr.splitlines() if line.startswith("error:")]


def _leftovers(home: Path) -> list[Path]:
    return [p for p in home.rglob("*") if p.name.endswith(".tmp")]


# -- the answer comes first ----------------------------------------------------------------

def test_full_disk_session_answer_printed_then_one_line_exit_5(full_home):
    cli = Cli(full_home)
    merged = subprocess.run([sys.executable, "-m", "assistant", *ASK, "--session", "kitchen"],
                            env=cli.env, capture_output=True, text=True, timeout=240)
    no_traceback(merged)
    assert merged.returncode == 5, merged.stderr
    _answered(merged)
    errors = _errors(merged)
    assert len(errors) == 1 and "session 'kitchen'" in errors[0] and "disk is full" in errors[0], \
        merged.stderr
    # The full disk costs the log too: said once, in words.
    assert merged.stderr.count("cannot be written (the disk is full)") == 1, merged.stderr
    assert not _leftovers(full_home)


def test_full_disk_answer_is_printed_before_the_save_error(full_home):
    cli = Cli(full_home)
    done = subprocess.run([sys.executable, "-m", "assistant", *ASK, "--session", "kitchen"],
                          env=cli.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          timeout=240)
    lines = done.stdout.splitlines()
    answer = next(i for i, line in enumerate(lines) if "LAUNCH PAD" in line)
    error = next(i for i, line in enumerate(lines) if line.startswith("error:"))
    assert answer < error, done.stdout


def test_full_disk_speak_to_json_still_prints_the_answer(full_home):
    out = full_home / "answer.wav"
    done = Cli(full_home)(*SPOKEN, "--session", "s", "--speak-to", str(out), "--json")
    no_traceback(done)
    assert done.returncode == 5, done.stderr
    result = json.loads(done.stdout)
    assert "LAUNCH PAD" in result["answer"]
    assert result["saved"] is False and "disk is full" in result["save_error"]
    assert str(out) in result["save_error"] and "speech_file" not in result
    assert len(_errors(done)) == 1
    assert not out.exists() and not _leftovers(full_home)


def test_read_only_home_answers_and_says_the_session_was_not_kept(read_only_home):
    done = Cli(read_only_home)(*ASK, "--session", "s")
    no_traceback(done)
    assert done.returncode == 5, done.stderr
    _answered(done)
    errors = _errors(done)
    assert len(errors) == 1 and "read-only" in errors[0], done.stderr
    # No log line leaks onto the screen when there is no log file to write.
    assert "the session s could not be saved" not in done.stderr, done.stderr


def test_speak_to_into_a_folder_that_is_a_file(tmp_path):
    (tmp_path / "home").mkdir()
    blocker = tmp_path / "notes.txt"
    blocker.write_text("mine")
    done = Cli(tmp_path / "home")(*SPOKEN, "--speak-to", str(blocker / "out.wav"))
    no_traceback(done)
    # A place that cannot be written is bad input, said before any model runs (issue 21.1).
    assert done.returncode == 2, done.stderr
    assert "LAUNCH PAD" not in done.stdout and "Loading" not in done.stderr
    errors = _errors(done)
    assert len(errors) == 1 and "notes.txt is a file, not a folder" in errors[0], done.stderr
    assert blocker.read_text() == "mine"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_non_utf8_question_is_answered_and_kept_in_the_session(tmp_path):
    cli = Cli(tmp_path)
    args = [a.encode() for a in ASK]
    args[args.index(b"What does it say?")] = b"What does it \xff say?"
    done = subprocess.run([sys.executable.encode(), b"-m", b"assistant", *args, b"--session", b"s",
                           b"--json"], env=cli.env, capture_output=True, timeout=240)
    out, err = done.stdout.decode(), done.stderr.decode(errors="replace")
    assert "Traceback" not in out + err
    assert done.returncode == 0, err
    result = json.loads(out)
    assert "LAUNCH PAD" in result["answer"] and result["saved"] is True
    assert result["question"] == "What does it \ufffd say?"
    stored = json.loads((tmp_path / "data" / "sessions" / "s.json").read_text(encoding="utf-8"))
    assert [t["question"] for t in stored["turns"]] == ["What does it \ufffd say?"]


def test_history_export_to_a_full_disk_exit_5_and_no_half_file(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    with tmpfs(tmp_path / "full", "1m") as full:
        fill(full)
        target = full / "history.md"
        done = Cli(home)("history", "export", str(target))
        no_traceback(done)
        assert done.returncode == 5, done.stderr
        assert "disk is full" in done.stderr and len(_errors(done)) == 1
        assert not target.exists() and not _leftovers(full)


# -- one exit-code table ------------------------------------------------------------------

def _readme_table() -> dict[int, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### Exit codes"):]
    return {int(code): words.strip() for code, words in
            re.findall(r"^\| `(\d+)` \| (.+?) \|$", section, flags=re.M)}


def test_readme_shows_the_codes_table():
    assert _readme_table() == {code: words for code, words in EXIT_CODES}


@pytest.mark.parametrize("args, status, words", [
    ((*ASK, "--language", "xx"), 2, "language 'xx'"),
    (("listen", "--image", str(SIGN), "--language", "xx", "--voice-engine", "none"), 2,
     "language 'xx'"),
    (("history", "export", "x.txt"), 2, "'txt'"),
    (("listen", "--image", str(SIGN), "--device", "no-such-microphone-anywhere",
      "--voice-engine", "none"), 4, "microphone"),
    (("listen", "--camera", "97", "--voice-engine", "none"), 4, "camera"),
])
def test_every_command_uses_the_table(tmp_path, args, status, words):
    done = Cli(tmp_path)(*args, timeout=120)
    no_traceback(done)
    assert done.returncode == status, (done.returncode, done.stderr)
    errors = _errors(done)
    assert len(errors) == 1 and words in errors[0], done.stderr


# -- settings that never block ------------------------------------------------------------

DAMAGED = b"[ui\ncamera = \xff\n"


@pytest.fixture
def damaged_home(tmp_path) -> Path:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_bytes(DAMAGED)
    return tmp_path


def test_damaged_config_commands_run_with_defaults_and_say_so_once(damaged_home):
    cli = Cli(damaged_home)
    for args in (("config", "path"), ("config", "show"), ASK):
        done = cli(*args)
        no_traceback(done)
        assert done.returncode == 0, (args, done.stderr)
        notes = [line for line in done.stderr.splitlines() if "config.toml" in line]
        assert len(notes) == 1 and notes[0].startswith("note:") and "default" in notes[0], done.stderr
    assert cli("config", "path").stdout.strip() == str(damaged_home / "config" / "config.toml")
    assert 'engine = "auto"' in cli("config", "show").stdout
    _answered(cli(*ASK))


def test_config_init_sets_the_damaged_file_aside(damaged_home):
    cli = Cli(damaged_home)
    done = cli("config", "init")
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    folder = damaged_home / "config"
    copies = list(folder.glob("config.toml.corrupt-*"))
    assert len(copies) == 1 and copies[0].read_bytes() == DAMAGED
    assert "moved" in done.stdout and str(copies[0]) in done.stdout
    # Fresh settings now, and nothing more to say about them.
    again = cli("config", "show")
    assert again.returncode == 0 and "note:" not in again.stderr, again.stderr


def test_a_bad_section_keeps_the_good_ones(tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text('[tts]\nrate = 9.0\n[ui]\ncamera = "2"\n')
    done = Cli(tmp_path)("config", "show")
    assert done.returncode == 0, done.stderr
    assert 'camera = "2"' in done.stdout and "rate = 1.0" in done.stdout
    assert "tts.rate" in done.stderr


@pytest.mark.parametrize("args, words", [
    ((*ASK, "--blip2-model", "/nonexistent/blip2-folder"), "/nonexistent/blip2-folder does not exist"),
    ((*ASK, "--blip2-model", "./no-such-folder/blip2"), "no-such-folder/blip2 does not exist"),
])
def test_a_missing_path_is_bad_input(tmp_path, args, words):
    done = Cli(tmp_path)(*args)
    no_traceback(done)
    assert done.returncode == 2, done.stderr
    errors = _errors(done)
    assert len(errors) == 1 and words in errors[0], done.stderr
    assert "LAUNCH PAD" not in done.stdout


def test_a_missing_config_file_is_bad_input_except_for_config_init(tmp_path):
    cli, target = Cli(tmp_path / "home"), tmp_path / "kiosk.toml"
    done = cli("--config", str(target), *ASK)
    no_traceback(done)
    assert done.returncode == 2, done.stderr
    errors = _errors(done)
    assert len(errors) == 1 and f"{target} does not exist" in errors[0], done.stderr
    assert "LAUNCH PAD" not in done.stdout
    made = cli("--config", str(target), "config", "init")   # writes it
    assert made.returncode == 0, made.stderr
    assert "[vision]" in target.read_text()
    assert cli("--config", str(target), "config", "show").returncode == 0


def test_config_init_on_a_read_only_home_is_exit_5(read_only_home):
    done = Cli(read_only_home)("config", "init")
    no_traceback(done)
    assert done.returncode == 5, done.stderr
    assert len(_errors(done)) == 1 and "read-only" in done.stderr


def test_the_window_says_once_that_the_settings_were_damaged(qtbot, damaged_home):
    """The window starts on a damaged settings file and says so once, where the chat is."""
    from assistant import config as config_mod
    from assistant.audio.sources import WavReplaySource
    from assistant.engines.factory import EngineFactory
    from assistant.paths import app_paths
    from ui.app import build_window

    paths = app_paths({"ASSISTANT_HOME": str(damaged_home)})
    loaded = config_mod.read(paths.config_file)
    assert loaded.damaged
    config = loaded.config.with_overrides(asr={"language": "en"}, vision={"engine": "embedded"},
                                          tts={"play": False})
    factory = EngineFactory(paths)
    window = build_window(config, paths, camera=str(SIGN), factory=factory, notice=loaded.problem,
                          microphone=WavReplaySource(Path("/usr/share/sounds/alsa/Noise.wav")))
    try:
        window.show()
        qtbot.waitUntil(lambda: any("config.toml" in t for t in window.chat.texts()), timeout=20_000)
        qtbot.waitUntil(lambda: window.ready, timeout=60_000)
        notes = [t for t in window.chat.texts() if "config.toml" in t]
        assert len(notes) == 1 and "default settings" in notes[0], notes
    finally:
        window.request_quit()
        qtbot.waitUntil(lambda: window._closed_ok, timeout=20_000)
        window.deleteLater()
        factory.close()
