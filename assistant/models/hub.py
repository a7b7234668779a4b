"""Find Hugging Face models on disk without loading them (no network, no torch)."""
from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)

_WEIGHTS = ("*.safetensors", "*.bin", "*.safetensors.index.json")


def folder_size(path: Path) -> int:
    """Bytes under ``path``, following the HF cache's symlinks to blobs."""
    if path.is_file():
        return path.stat().st_size
    total = 0
    for item in path.rglob("*"):
        try:
            if item.is_file():
                total += item.stat().st_size
        except OSError:
            continue
    return total


def is_complete(folder: Path) -> bool:
    """A config and at least one weights file: a half-copied folder does not count."""
    if not (folder / "config.json").is_file():
        return False
    return any(next(folder.glob(pattern), None) is not None for pattern in _WEIGHTS)


def cached_snapshot(repo: str, cache: Path) -> Path | None:
    """A complete snapshot of ``repo`` in the Hugging Face cache folder ``cache``, read from
    the cache's layout (``models--ORG--NAME/snapshots/COMMIT``) without importing the library."""
    snapshots = Path(cache) / f"models--{repo.replace('/', '--')}" / "snapshots"
    try:
        found = sorted(snapshots.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return None
    return next((folder for folder in found if is_complete(folder)), None)


def locate_hf_model(name_or_folder: str, extra_roots: tuple[Path, ...] = (), *,
                    hf_cache: Path | None = None, ask_library: bool = True) -> Path | None:
    """The folder holding a complete copy of a model, or None; never downloads.

    ``ask_library`` false: the cache's layout is read (``cached_snapshot``) instead of asking
    huggingface_hub, so nothing is imported (a Qt helper thread: PySide6's import hook is
    not safe against the UI thread importing at the same time).

    Looked for in order: the name as a folder; ``root/<name>``, ``root/<org--name>`` and
    ``root/<last part of name>`` under each of ``extra_roots``; the Hugging Face cache
    (``hf_cache``, default: wherever HF_HOME / HF_HUB_CACHE point).
    """
    direct = Path(name_or_folder).expanduser()
    candidates = [direct]
    for root in extra_roots:
        candidates += [root / name_or_folder, root / name_or_folder.replace("/", "--"),
                       root / name_or_folder.split("/")[-1]]
    for folder in candidates:
        try:
            if folder.is_dir() and is_complete(folder):
                return folder
        except OSError:   # a folder we may not read (another user's home): not here
            continue
    try:
        if name_or_folder.count("/") != 1 or direct.is_absolute() or direct.exists():
            return None
    except OSError:
        return None
    if not ask_library:
        from .vlm_names import hf_cache_dir

        return cached_snapshot(name_or_folder, hf_cache or hf_cache_dir())
    try:
        from huggingface_hub import snapshot_download
    except ImportError:
        return None
    try:
        folder = Path(snapshot_download(name_or_folder, cache_dir=hf_cache, local_files_only=True))
    except Exception as exc:  # noqa: BLE001 - "not here", or the library could not tell
        if type(exc).__name__ == "IncompleteSnapshotError":
            return None       # its own listing says files are missing: not a complete copy
        # No ref for the revision (a cache folder copied by hand), or a failure of its own:
        # the cache's layout still shows a complete snapshot when there is one.
        from .vlm_names import hf_cache_dir

        found = cached_snapshot(name_or_folder, Path(hf_cache) if hf_cache else hf_cache_dir())
        if found is not None:
            log.warning("huggingface_hub did not find %s (%s: %s); using %s from the cache",
                        name_or_folder, type(exc).__name__, exc, found)
        return found
    return folder if is_complete(folder) else None
