"""Building the photos: one case in memory, or the whole set as JPEG files in a cache.

Every usable photo first gets ``degrade.handheld``, the loose focus and shake a blind
user's phone adds on top of each case's own faults (unusable ones are spoilt enough).
Every photo ends as a JPEG at quality 85, as a phone saves it, so an engine is scored
on the same compressed pixels whether it gets ``photo(case)`` or the file. The cache
folder's name carries a hash of this package's code and of the source files' sizes,
so editing a case or installing other source photos builds a fresh set.
"""
from __future__ import annotations

import hashlib
import io
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image

from .cases import PhotoCase, all_cases, recipes
from .degrade import handheld
from .score import check_facts  # noqa: F401  (part of this module's promised interface)
from .sources import source_files

JPEG_QUALITY = 85
PACKAGE = Path(__file__).resolve().parent


def jpeg_bytes(case: PhotoCase | str) -> bytes:
    """The case's photo as the JPEG bytes a phone would store."""
    case_id = case if isinstance(case, str) else case.id
    recipe = recipes()[case_id]
    img = recipe.build(recipe.case.seed).convert("RGB")
    if recipe.case.usable:
        img = handheld(img, recipe.case.seed)
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=JPEG_QUALITY)
    return buffer.getvalue()


def photo(case: PhotoCase | str) -> Image.Image:
    """The case's photo (built now, not cached) as an RGB image."""
    with Image.open(io.BytesIO(jpeg_bytes(case))) as img:
        return img.convert("RGB")


def fingerprint() -> str:
    """A short hash of the code and the source files this set is built from."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for path in source_files():
        digest.update(f"{path}:{path.stat().st_size if path.exists() else -1}".encode())
    digest.update(Image.__version__.encode())
    return digest.hexdigest()[:16]


def default_folder() -> Path:
    return Path(tempfile.gettempdir()) / f"assistant-photoset-{fingerprint()}"


def build_all(folder: str | Path | None = None, *, workers: int | None = None,
              split: str = "all") -> dict[str, Path]:
    """Write every case's JPEG into ``folder`` (default: the temp-dir cache) once.

    Only missing files are built, in ``workers`` processes (default: up to 2, the
    number of cores a shared test machine gives us). Returns id -> path.
    """
    folder = Path(folder) if folder is not None else default_folder()
    folder.mkdir(parents=True, exist_ok=True)
    paths = {case.id: folder / f"{case.id}.jpg" for case in all_cases(split)}
    missing = [case_id for case_id, path in paths.items() if not path.is_file()]
    workers = workers or min(2, os.cpu_count() or 1)
    if len(missing) > 4 and workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for case_id, data in zip(missing, pool.map(jpeg_bytes, missing)):
                _write(paths[case_id], data)
    else:
        for case_id in missing:
            _write(paths[case_id], jpeg_bytes(case_id))
    return paths


def _write(path: Path, data: bytes) -> None:
    """Write via a temporary name, so a cut-short run never leaves half a JPEG behind."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    partial.replace(path)
