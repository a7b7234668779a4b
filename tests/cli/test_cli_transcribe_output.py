"""`assistant transcribe` as a user runs it: progress on a terminal only, an empty result said
plainly, --hotwords reaching faster-whisper, the translation note, and help for every option.

The command runs in a child process on real recorded speech (LibriVox, Debian
pocketsphinx-testdata); a pseudo-terminal stands in for the user's terminal.
"""
import argparse
import json
import os
import select
import struct
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from assistant.cli import _build_parser
from assistant.tts import SpeechAudio
from assistant.tts.wav import read_wav, write_wav

RATE = 16_000


@pytest.fixture(scope="module")
def long_speech(librivox, tmp_path_factory) -> Path:
    """Over a minute of real speech: the five LibriVox sentences three times, short pauses between."""
    pause = np.zeros(int(0.4 * RATE), np.float32)
    parts = []
    for _ in range(3):
        for wav, _text in librivox:
            audio = read_wav(wav)
            assert audio.sample_rate == RATE
            parts += [audio.samples, pause]
    samples = np.concatenate(parts)
    assert len(samples) / RATE > 70
    return write_wav(SpeechAudio(samples, RATE), tmp_path_factory.mktemp("long") / "long.wav")


@pytest.fixture(scope="module")
def short_speech(librivox) -> Path:
    """'he was not an ill disposed young man' (3 s)."""
    return next(wav for wav, _ in librivox if wav.stem.endswith("0880"))


def _run_on_a_terminal(cli, *args: str, timeout: float = 300) -> tuple[int, str, str]:
    """Run the CLI with stderr on a pseudo-terminal 100 columns wide; (status, stdout, stderr)."""
    import fcntl
    import termios

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    proc = subprocess.Popen([sys.executable, "-m", "assistant", *args], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=slave, env=cli.env)
    os.close(slave)
    err = bytearray()
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 1.0)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal (it ended)
                break
            if not chunk:
                break
            err += chunk
        out = proc.stdout.read().decode()
        status = proc.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        os.close(master)
    # The terminal turns "\n" into "\r\n"; undo that so a bare "\r" is a redraw.
    return status, out, err.decode(errors="replace").replace("\r\n", "\n")


def _spoken_words(librivox) -> set[str]:
    return {word for _, text in librivox for word in text.split() if len(word) > 4}


def _found(words: set[str], text: str) -> float:
    said = {"".join(c for c in word.lower() if c.isalpha()) for word in text.split()}
    return len(words & said) / len(words)


@pytest.mark.slow
def test_long_file_on_a_terminal_shows_a_progress_bar(cli, long_speech, librivox):
    status, out, err = _run_on_a_terminal(cli, "transcribe", str(long_speech), "--language", "en")
    assert status == 0, err
    redraws = [part for part in err.split("\r")[1:] if part.startswith("Transcribing")]
    assert len(redraws) >= 2, f"no progress bar on the terminal: {err!r}"
    assert all(len(part.split("\n")[0]) < 100 for part in redraws), "a redrawn line wrapped"
    assert "100%" in redraws[-1] and "/ 1:" in redraws[-1] and "elapsed" in redraws[-1]
    assert "\n" in redraws[-1], "the bar's line is not ended"
    assert "Transcribing" not in out and "\r" not in out  # stdout holds the text only
    assert _found(_spoken_words(librivox), out) >= 0.8, out


@pytest.mark.slow
def test_quiet_on_a_terminal_prints_only_the_text(cli, long_speech, librivox):
    status, out, err = _run_on_a_terminal(cli, "transcribe", str(long_speech), "--language", "en",
                                          "--quiet")
    assert status == 0, err
    assert "Transcribing" not in err and "Loading" not in err and "Loaded" not in err, err
    assert "\r" not in err
    assert _found(_spoken_words(librivox), out) >= 0.8, out


@pytest.mark.slow
def test_no_progress_when_stderr_is_not_a_terminal(cli, long_speech):
    run = cli("transcribe", str(long_speech), "--language", "en", "--format", "json")
    assert run.returncode == 0, run.stderr
    assert "Transcribing" not in run.stderr and "\r" not in run.stderr, run.stderr
    assert "Loading tiny.en" in run.stderr  # the loading lines stay, as before
    assert json.loads(run.stdout)["text"].strip()


@pytest.fixture(scope="module")
def silence(tmp_path_factory) -> Path:
    return write_wav(SpeechAudio(np.zeros(5 * RATE, np.float32), RATE),
                     tmp_path_factory.mktemp("quiet") / "room silence.wav")


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["txt", "json", "srt", "vtt"])
def test_silence_says_no_speech_and_exits_zero(cli, silence, fmt):
    run = cli("transcribe", str(silence), "--language", "en", "--format", fmt)
    assert run.returncode == 0, run.stderr
    assert f"No speech was found in {silence}." in run.stderr.splitlines()
    if fmt == "txt":
        assert run.stdout == ""
    elif fmt == "json":
        doc = json.loads(run.stdout)
        assert doc["text"] == "" and doc["segments"] == []
    elif fmt == "srt":
        assert run.stdout.strip() == ""  # a SubRip file with no cues
    else:
        assert run.stdout.splitlines()[0] == "WEBVTT" and "-->" not in run.stdout


# faster-whisper is wrapped, not replaced: the recording still goes through the real model.
_RECORD_HOTWORDS = """
import json, sys
import faster_whisper
calls = []
original = faster_whisper.WhisperModel.transcribe
def recording(self, audio, *args, **kwargs):
    calls.append(kwargs.get("hotwords"))
    return original(self, audio, *args, **kwargs)
faster_whisper.WhisperModel.transcribe = recording
from assistant import cli
try:
    status = cli.main(sys.argv[2:])
finally:
    with open(sys.argv[1], "w") as out:
        json.dump(calls, out)
sys.exit(status)
"""


def _hotwords_seen(cli, tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess, list]:
    record = tmp_path / "calls.json"
    run = subprocess.run([sys.executable, "-c", _RECORD_HOTWORDS, str(record), *args],
                         capture_output=True, text=True, env=cli.env, timeout=300)
    return run, json.loads(record.read_text()) if record.exists() else []


@pytest.mark.slow
def test_hotwords_reach_faster_whisper(cli, short_speech, tmp_path):
    run, calls = _hotwords_seen(cli, tmp_path, "transcribe", str(short_speech), "--language", "en",
                                "--hotwords", "Dashwood, Norland")
    assert run.returncode == 0, run.stderr
    assert "young man" in run.stdout.lower()
    assert calls and all(words == "Dashwood, Norland" for words in calls), calls


@pytest.mark.slow
def test_hotwords_setting_is_used_and_the_flag_wins(cli, short_speech, tmp_path):
    settings = tmp_path / "config.toml"
    settings.write_text('[asr]\nhotwords = "Elinor"\n', encoding="utf-8")
    base = ["--config", str(settings), "transcribe", str(short_speech), "--language", "en"]
    run, calls = _hotwords_seen(cli, tmp_path, *base)
    assert run.returncode == 0, run.stderr
    assert calls and set(calls) == {"Elinor"}, calls
    run, calls = _hotwords_seen(cli, tmp_path, *base, "--hotwords", "Marianne")
    assert run.returncode == 0, run.stderr
    assert calls and set(calls) == {"Marianne"}, calls


def test_hotwords_setting_must_be_short_text(cli, short_speech, tmp_path):
    settings = tmp_path / "config.toml"
    settings.write_text('[asr]\nhotwords = 5\n', encoding="utf-8")
    run = cli("--config", str(settings), "config", "show")
    assert run.returncode == 0 and "asr.hotwords" in run.stderr, run.stderr  # defaults, said once
    from assistant.config import AsrConfig
    from assistant.errors import ConfigError

    with pytest.raises(ConfigError):
        AsrConfig(hotwords="word " * 200)


TRANSLATION_NOTE = "Translation with the built-in speech model"


@pytest.mark.slow
def test_translation_says_once_that_it_is_rough(cli, short_speech):
    run = cli("transcribe", str(short_speech), "--task", "translate", "--language", "en")
    assert run.returncode == 0, run.stderr
    assert run.stderr.count(TRANSLATION_NOTE) == 1, run.stderr
    assert TRANSLATION_NOTE not in run.stdout
    quiet = cli("transcribe", str(short_speech), "--task", "translate", "--language", "en", "--quiet")
    assert quiet.returncode == 0, quiet.stderr
    assert TRANSLATION_NOTE not in quiet.stderr and "Loading" not in quiet.stderr, quiet.stderr
    assert quiet.stdout.strip()


def _subcommand(name: str) -> argparse.ArgumentParser:
    parser = _build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return commands.choices[name]


@pytest.mark.parametrize("command, options", [
    ("transcribe", None),   # every option
    ("models", ["--json"]),
    ("ask", ["--vision-engine", "--voice-engine"]),
    ("config", ["action"]),
])
def test_options_have_help(command, options):
    actions = [a for a in _subcommand(command)._actions if not isinstance(a, argparse._HelpAction)]
    named = {(a.option_strings or [a.dest])[-1]: a for a in actions}
    for name in options or named:
        assert named[name].help and len(named[name].help) > 10, f"{command} {name} has no help"


def test_transcribe_help_says_what_each_format_and_option_does(cli):
    run = cli("transcribe", "--help")
    assert run.returncode == 0
    text = " ".join(run.stdout.split())
    for words in ("txt: plain text", "srt: SubRip subtitles", "vtt: WebVTT subtitles", "json:",
                  "adds word timing to json", "one cue per short line", "--quiet", "--hotwords",
                  "no progress bar", "tiny.en"):
        assert words in text, words
    config = " ".join(cli("config", "--help").stdout.split())
    assert all(w in config for w in ("show: print the settings", "path: print where", "init: write"))
