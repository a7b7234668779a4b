"""Issue 21.6: a command line that explains itself. Every option has help, the top-level help
says the environment, exit codes and files, -v/-q go anywhere, and the settings file that
``config init`` writes has a comment for each setting and reads back the same."""
import argparse
import json
import re
import subprocess
import sys
import tomllib
from dataclasses import fields
from pathlib import Path

import pytest

from assistant import config as cfg
from assistant.cli import _build_parser
from assistant.cli.helptext import command_helps, parsers
from assistant.config_text import DESCRIPTIONS, commented_toml
from assistant.errors import EXIT_CODES
from assistant.paths import app_paths

ROOT = Path(__file__).resolve().parents[2]


def test_every_command_and_option_has_help():
    missing, walked = [], 0
    for path, parser in parsers(_build_parser()):
        walked += 1
        for name, text in command_helps(parser).items():
            if not (text or "").strip():
                missing.append(" ".join(path + (name,)))
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            if not (action.help or "").strip() or action.help == argparse.SUPPRESS:
                missing.append(f"{' '.join(path) or 'assistant'} "
                               f"{'/'.join(action.option_strings) or action.dest}")
    assert walked >= 15, walked   # the walk reached the nested commands (sessions show, ...)
    assert missing == []


def _words(text: str) -> str:
    return " ".join(text.split())


def test_top_level_help_says_environment_exit_codes_and_files(cli, module_home):
    run = cli("--help")
    assert run.returncode == 0, run.stderr
    text = _words(run.stdout)
    # Every ASSISTANT_* variable the code reads, found in the code, not listed here.
    source = "\n".join(p.read_text() for p in (ROOT / "assistant").rglob("*.py"))
    names = set(re.findall(r"\bASSISTANT_[A-Z_]+\b", source)) | {"OPENAI_API_KEY"}
    assert {"ASSISTANT_HOME", "ASSISTANT_API_TOKEN", "ASSISTANT_ALLOW_DOWNLOADS"} <= names
    assert [n for n in sorted(names) if n not in text] == []
    section = text[text.index("exit codes:"):]
    for code, words in EXIT_CODES:
        assert _words(f"{code} {words}") in section
    paths = app_paths({"ASSISTANT_HOME": str(module_home)})
    for place in (paths.config_file, paths.log_file, paths.sessions_dir):
        assert str(place) in text


def _ask(cli, samples, *before, after=()):
    return cli(*before, "ask", "--image", str(samples / "sign.jpg"), "--text",
               "What does the sign say?", "--voice-engine", "none", "--json", *after)


@pytest.mark.parametrize("where", ["before", "after"])
def test_verbose_works_before_or_after_the_command(cli, where):
    # A mistake is logged at INFO: -v shows the log's line on stderr as well.
    args = ["sessions", "show", "nobody"]
    run = cli(*(["-v"] + args if where == "before" else args + ["-v"]))
    assert run.returncode == 2, run.stderr
    assert "INFO assistant: expected failure no_such_session" in run.stderr
    plain = cli(*args)
    assert "INFO" not in plain.stderr and "no conversation named 'nobody'" in plain.stderr


def test_quiet_works_before_or_after_the_command(cli, samples):
    loud = _ask(cli, samples)   # no flag first: the loading lines are there
    assert loud.returncode == 0 and "Loading " in loud.stderr, loud.stderr
    for run in (_ask(cli, samples, "-q"), _ask(cli, samples, after=["--quiet"])):
        assert run.returncode == 0, run.stderr
        assert "Loading " not in run.stderr and "Loaded " not in run.stderr, run.stderr
        assert "launch pad" in json.loads(run.stdout)["answer"].lower()


def test_verbose_and_quiet_appear_in_every_commands_help():
    for path, parser in parsers(_build_parser()):
        flags = {o for a in parser._actions for o in a.option_strings}
        assert {"-v", "--verbose", "-q", "--quiet"} <= flags, path


# -- the settings file --------------------------------------------------------------------

def test_descriptions_name_every_setting_and_its_choices():
    for section in fields(cfg.AppConfig):
        names = [f.name for f in fields(section.default_factory())]
        assert sorted(DESCRIPTIONS[section.name]) == sorted(names), section.name
    for (section, name), choices in {
            ("asr", "engine"): cfg.ASR_ENGINES, ("asr", "device"): cfg.DEVICES,
            ("vision", "engine"): cfg.VISION_ENGINES, ("vision", "dtype"): cfg.DTYPES,
            ("vision", "quantize"): cfg.QUANTIZE, ("tts", "engine"): cfg.TTS_ENGINES,
            ("ui", "reply_voice"): cfg.REPLY_VOICE}.items():
        said = DESCRIPTIONS[section][name].split(":")[0].split(";")[0]
        assert [c.strip() for c in said.split("|")] == list(choices), (section, name)


def test_config_init_writes_every_setting_with_a_comment_and_reads_back(cli, module_home):
    target = module_home / "config" / "config.toml"
    target.unlink(missing_ok=True)
    run = cli("config", "init")
    assert run.returncode == 0, run.stderr
    lines = target.read_text().splitlines()
    written = {}
    section = None
    for i, line in enumerate(lines):
        if line.startswith("["):
            section = line.strip("[]")
            assert lines[i - 1].startswith("# "), line
            continue
        setting = re.match(r"^(?:# )?([a-z_0-9]+) = ", line)
        if setting and section:
            written.setdefault(section, []).append(setting.group(1))
            assert lines[i - 1].startswith("# ") and not re.match(r"^# [a-z_0-9]+ = ",
                                                                   lines[i - 1]), line
    for each in fields(cfg.AppConfig):
        assert written[each.name] == [f.name for f in fields(each.default_factory())]
    assert cfg.load(target) == cfg.AppConfig()
    assert "language" in written["asr"] and "initial_prompt" in written["asr"]


def test_commented_settings_read_back_identically(tmp_path):
    changed = cfg.AppConfig().with_overrides(
        asr={"language": "fr", "initial_prompt": 'Say "hello"\nthen # not a comment',
             "hotwords": "Dashwood, Norland", "beam_size": 5},
        vision={"engine": "embedded", "temperature": 0.5, "do_sample": True},
        tts={"voice": "/voices/a b.onnx", "rate": 1.25},
        ui={"kiosk_pin": "1234", "microphone": "USB \\ mic"},
        serve={"allowed_folders": ["/srv/a", "/srv/b c"], "tokens": ["x" * 40]})
    text = commented_toml(changed)
    assert cfg.from_dict(tomllib.loads(text)) == changed
    path = tmp_path / "config.toml"
    cfg.save(changed, path)
    assert cfg.load(path) == changed and path.read_text() == text


def test_several_mistakes_are_each_named_and_the_good_values_kept(cli, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[asr]\nlanguage = "fr"\nbeam_size = 99\n'
                   '[tts]\nengine = "pyttsx3"\nrate = "fast"\n'
                   '[ui]\ncamera = "2"\nfont_scale = 9.0\ncolour = "red"\n'
                   '[serve]\nport = 9000\n')
    run = cli("--config", str(bad), "config", "show")
    assert run.returncode == 0, run.stderr
    for mistake in ("asr.beam_size", "tts.rate", "ui.font_scale", "ui.colour"):
        assert mistake in run.stderr, mistake
    assert "4 mistakes" in run.stderr
    shown = cfg.from_dict(tomllib.loads(run.stdout))
    assert (shown.asr.language, shown.tts.engine, shown.ui.camera, shown.serve.port) == \
        ("fr", "pyttsx3", "2", 9000)
    assert (shown.asr.beam_size, shown.tts.rate, shown.ui.font_scale) == (1, 1.0, 1.0)
    assert "should be a number, not 'fast'" in run.stderr   # not "should be a float"


# -- the manual page ----------------------------------------------------------------------

def test_the_manual_page_has_every_command_and_option(tmp_path):
    out = tmp_path / "assistant.1"
    made = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_manpage.py"), str(out)],
                          capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    shown = subprocess.run(["man", "-l", str(out)], capture_output=True, text=True, timeout=60,
                           env={"MANWIDTH": "200", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
    assert shown.returncode == 0, shown.stderr
    text = _words(shown.stdout)
    for path, parser in parsers(_build_parser()):
        if path:
            assert "assistant " + " ".join(path) in text
        for action in parser._actions:
            for option in action.option_strings:
                assert option in text, (path, option)
    assert "ASSISTANT_HOME" in text and "EXIT STATUS" in text
