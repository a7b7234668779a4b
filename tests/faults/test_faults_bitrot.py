"""Fault matrix, bit rot (issue 25.2): 64 KiB of random bytes written in place inside a model
file, its size and mtime kept (``os.utime``), so the (size, mtime, inode) stamp cannot see it.

Each model file kind: Whisper tiny.en's weights and its tokenizer, the Piper voice, an OCR
model (copies of the installed packages put first on ``PYTHONPATH``: the installed files are
never touched), and the multilingual base joined into the test's own home. ``assistant
selftest`` hashes in full and fails naming the part and the reinstall command; afterwards
``transcribe``/``ask`` refuse the file with exit 3 (never espeak in place of the Piper voice);
the joined base, a cache, is rebuilt. A stamp older than a day is not trusted either.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from faults_support import SAMPLES, Cli, no_traceback

from assistant.asr import bundled
from assistant.models import packaged

QUESTION = SAMPLES / "question.wav"
SIGN = SAMPLES / "sign.jpg"
NO_SOUND = {"PULSE_SERVER": "unix:/nonexistent/pulse/native"}
pytestmark = pytest.mark.slow


def rot(path: Path, size: int = 64 * 1024) -> None:
    """Random bytes in the middle of ``path``, written in place; size and times put back."""
    info = path.stat()
    with open(path, "r+b") as handle:
        handle.seek(max(0, info.st_size // 2 - size // 2))
        handle.write(os.urandom(min(size, info.st_size)))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == \
        (info.st_size, info.st_mtime_ns, info.st_ino)


def copy_package(site: Path, package: packaged.Package, keep: str) -> Path:
    """The installed package copied under ``site`` (large files linked, ``keep`` a real copy)."""
    real = packaged.package_dir(package, stage="test")
    fake = site / package.module
    for src in real.rglob("*"):
        if "__pycache__" in src.parts or not src.is_file():
            continue
        dest = fake / src.relative_to(real)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if src.relative_to(real).as_posix() != keep and src.stat().st_size > 1_000_000:
            dest.symlink_to(src)
        else:
            shutil.copyfile(src, dest)
    return fake / keep


def _cli(tmp_path: Path, site: Path | None = None) -> Cli:
    (tmp_path / "tmp").mkdir(exist_ok=True)
    env = dict(TMPDIR=str(tmp_path / "tmp"), **NO_SOUND)
    if site is not None:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(site), os.environ.get("PYTHONPATH"))
                                            if p)
    return Cli(tmp_path / "home", **env)


def _stamp(run: Cli, file: packaged.DataFile) -> None:
    """The file verified once, as an earlier run of the assistant would have (the stamp)."""
    import subprocess
    import sys

    code = ("from assistant.models import packaged as p; "
            f"p.verified(p.{_name(file)}, stage='test')")
    subprocess.run([sys.executable, "-c", code], env=run.env, check=True, timeout=120)


def _name(file: packaged.DataFile) -> str:
    for group in ("TINY_EN_FILES", "PIPER_FILES", "RAPIDOCR_FILES"):
        files = getattr(packaged, group)
        if file in files:
            return f"{group}[{files.index(file)}]"
    raise AssertionError(file)


def _selftest(run: Cli) -> tuple[int, dict]:
    done = run("selftest", "--json", "--no-devices", timeout=300)
    no_traceback(done)
    return done.returncode, json.loads(done.stdout)


def _part(result: dict, part: str) -> dict:
    return next(c for c in result["checks"] if c["part"] == part)


KINDS = {   # the file, the part it serves, the command that must then refuse it (exit 3)
    "tiny.en weights": (packaged.TINY_EN_FILES[0], "hearing",
                        ("transcribe", str(QUESTION), "--model", "tiny.en")),
    "tiny.en tokenizer": (packaged.TINY_EN_FILES[2], "hearing",
                          ("transcribe", str(QUESTION), "--model", "tiny.en")),
    "Piper voice": (packaged.PIPER_FILES[0], "voice",
                    ("ask", "--image", str(SIGN), "--text", "What colour is it?",
                     "--vision-engine", "embedded", "--no-play", "--speak-to", "{out}")),
    "OCR model": (packaged.RAPIDOCR_FILES[0], "eyes",
                  ("ask", "--image", str(SIGN), "--text", "What does the sign say?",
                   "--vision-engine", "embedded", "--voice-engine", "none")),
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_bit_rot_in_a_packaged_file_is_found_and_refused(tmp_path, kind):
    file, part, command = KINDS[kind]
    site = tmp_path / "site"
    damaged = copy_package(site, file.package, file.path)
    run = _cli(tmp_path, site)
    _stamp(run, file)
    rot(damaged)
    code, result = _selftest(run)
    check = _part(result, part)
    assert code == 1 and not result["passed"], result
    assert check["status"] == "failed" and file.name in check["detail"], check
    assert file.package.install in check["fix"], check
    assert result["sentence"].startswith({"hearing": "I can't hear", "voice": "I can't speak",
                                          "eyes": "I can't see"}[part]), result["sentence"]
    assert file.package.install in result["sentence"]
    others = [c["status"] for c in result["checks"] if c["part"] not in (part, "microphone", "speaker")]
    assert others == ["ok", "ok"], result          # the other parts are still checked
    # The stamp no longer vouches for it: the command that uses it refuses it, in words.
    done = run(*(a.replace("{out}", str(tmp_path / "out.wav")) for a in command), timeout=300)
    no_traceback(done)
    assert done.returncode == 3, (done.returncode, done.stderr)
    assert file.name in done.stderr and file.package.install in done.stderr, done.stderr
    assert not (tmp_path / "out.wav").exists(), "no lesser voice spoke in its place"


def test_a_stamp_older_than_a_day_is_hashed_again(tmp_path):
    file = packaged.TINY_EN_FILES[0]
    site = tmp_path / "site"
    damaged = copy_package(site, file.package, file.path)
    run = _cli(tmp_path, site)
    _stamp(run, file)
    rot(damaged)
    stamps = tmp_path / "home" / "cache" / packaged.STAMP_FILE
    entries = json.loads(stamps.read_text())
    entries[str(damaged)][4] -= packaged.VERIFY_EVERY_S + 60     # verified a day and a minute ago
    stamps.write_text(json.dumps(entries))
    done = run("transcribe", str(QUESTION), "--model", "tiny.en")
    no_traceback(done)
    assert done.returncode == 3 and file.name in done.stderr, (done.returncode, done.stderr)


def test_bit_rot_in_the_joined_base_is_rebuilt_by_the_selftest(tmp_path):
    run = _cli(tmp_path)
    first = run("transcribe", str(QUESTION), "--model", "base")
    assert first.returncode == 0, first.stderr
    model = tmp_path / "home" / "cache" / "whisper-base" / "model.bin"
    rot(model)
    assert bundled.base_path(model.parent) == model.parent   # the stamp is fooled: same size, time
    code, result = _selftest(run)
    hearing = _part(result, "hearing")
    assert code == 0 and hearing["status"] == "ok", result
    assert "model.bin rebuilt" in hearing["detail"], hearing
    assert "rebuilt" in result["sentence"], result["sentence"]
    assert packaged.sha256_of(model) == packaged.BASE_JOINED_SHA256
    assert len(list(model.parent.glob("model.bin.corrupt-*"))) == 1, "the damaged copy kept"
    assert time.time() - json.loads((model.parent / bundled.STAMP).read_text())["verified_at"] < 600
