"""``assistant models download NAME`` and ``remove NAME``: the one place that goes online.

Built on huggingface_hub (2.x), into its own cache, so every other part of the assistant
(which loads with ``local_files_only``) finds the files where it already looks:

- what would be fetched is asked first (``snapshot_download(dry_run=True)``: the hub's file
  list and sizes, what the cache holds already); where the repository has safetensors the
  other weight formats (``*.bin``, ONNX, TensorFlow, Flax, GGUF) are left out;
- the free space of the cache's disk (``shutil.disk_usage``) must hold it all, else nothing is
  fetched (exit 3, naming the space needed);
- the fetch itself is ``snapshot_download``: its progress bars on stderr; a connection that
  breaks mid-file is resumed by the library with an HTTP Range request (up to five times
  while bytes keep coming); a run that stops anyway keeps every finished file, and running
  the command again fetches only the rest (huggingface_hub 2.4 deletes a half-fetched file
  on failure, so one file restarts from its beginning);
- huggingface_hub checks each file's size only, so every file is checked here after the
  fetch against the hub's own listing (``get_cached_repo_tree``): SHA-256 for LFS files
  (the weights), the git blob id (SHA-1) for the small ones; a file that does not match is
  deleted and the command fails, so a rerun fetches it again.
"""
from __future__ import annotations

import hashlib
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TextIO

from .. import offline
from ..cancel import Cancelled
from ..errors import InputError, ModelMissingError
from . import voices
from .vlm_names import GB, copy_hint, hf_cache_dir, lookup

# Left out when the repository has safetensors: the same weights in other formats.
OTHER_FORMATS = ("*.bin", "*.pt", "*.pth", "*.ckpt", "*.h5", "*.msgpack", "*.ot", "*.onnx",
                 "*.onnx_data", "*.tflite", "*.gguf", "onnx/*", "flax_model*", "tf_model*")
_CHUNK = 8 * 1024 * 1024


@dataclass(frozen=True)
class Target:
    repo: str
    setting: str        # the vision.* setting that names it ("" when unknown)
    engine: str
    files: tuple[str, ...] = ()   # only these of the repository (a Piper voice's two files)


def target(name_or_repo: str) -> Target:
    """A short name of the catalogue, ``voice:NAME`` (a Piper voice) or any ``org/name``
    repository id; else exit 2."""
    if voices.is_voice(name_or_repo):
        return Target(voices.VOICE_REPO, "", "voice", voices.voice_files(name_or_repo))
    known = lookup(name_or_repo)
    if known is not None:
        return Target(known.repo, f"vision.{known.setting}", known.engine)
    if name_or_repo.count("/") == 1 and all(name_or_repo.split("/")):
        return Target(name_or_repo, "the vision.*_model setting of its engine", "")
    from .vlm_names import NAMES

    raise InputError(f"'{name_or_repo}' is neither a short name nor a repository id (org/name).",
                     hint="Short names: " + ", ".join(n.name for n in NAMES) + ".",
                     code="unknown_model")


def _gb(n: int) -> str:
    return f"{n / GB:.1f} GB" if n >= GB else f"{n / 1e6:.1f} MB"


def _free_bytes(folder: Path) -> int:
    """Free space on the disk that will hold ``folder`` (its nearest existing parent)."""
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    return shutil.disk_usage(probe).free


def _unreachable(t: Target, endpoint: str) -> ModelMissingError:
    if t.engine == "voice":
        return ModelMissingError(
            f"The voice {Path(t.files[0]).stem} cannot be downloaded because the Hugging Face "
            f"hub ({endpoint}) cannot be reached from this machine: on a machine with internet "
            f"run `hf download {t.repo} {' '.join(t.files)}`, then copy its "
            f"models--{t.repo.replace('/', '--')} cache folder to {hf_cache_dir()} here.",
            code="hub_unreachable", stage="models")
    return ModelMissingError(
        f"{t.repo} cannot be downloaded because the Hugging Face hub ({endpoint}) cannot be "
        f"reached from this machine: {copy_hint(t.repo, t.setting)}.",
        code="hub_unreachable", stage="models")


def _plan(hub, t: Target, cache: Path):
    """The files to fetch (dry run: sizes from the hub, what the cache has) and the patterns."""
    from huggingface_hub.utils import filter_repo_objects

    from huggingface_hub.utils import are_progress_bars_disabled, disable_progress_bars, enable_progress_bars

    was_off = are_progress_bars_disabled()
    disable_progress_bars()   # the dry run's own bar would only be noise
    try:
        listing = hub.snapshot_download(t.repo, cache_dir=cache, dry_run=True,
                                        allow_patterns=list(t.files) or None)
    finally:
        if not was_off:
            enable_progress_bars()
    ignore = list(OTHER_FORMATS) if any(f.filename.endswith(".safetensors") for f in listing) else None
    keep = set(filter_repo_objects([f.filename for f in listing], ignore_patterns=ignore))
    return [f for f in listing if f.filename in keep], ignore


def _git_blob_id(path: Path) -> str:
    digest = hashlib.sha1(b"blob %d\0" % path.stat().st_size)
    with path.open("rb") as fh:
        while block := fh.read(_CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(_CHUNK):
            digest.update(block)
    return digest.hexdigest()


def verify(hub, repo: str, commit: str, snapshot: Path, cache: Path, names: set[str]) -> list[str]:
    """The files of ``names`` whose bytes differ from the hub's listing; each is deleted."""
    bad = []
    for entry in hub.get_cached_repo_tree(repo, revision=commit, cache_dir=cache):
        if entry.path not in names:
            continue
        local = snapshot / entry.path
        if entry.lfs is not None:
            ok = local.is_file() and _sha256(local) == entry.lfs.sha256
        else:
            ok = local.is_file() and _git_blob_id(local) == entry.blob_id
        if not ok:
            bad.append(entry.path)
            blob = local.resolve()
            local.unlink(missing_ok=True)
            blob.unlink(missing_ok=True)
    return bad


def _progress_bars(progress: Callable[[int, int], None] | None, stop) -> type:
    """A tqdm class for ``snapshot_download`` (huggingface_hub sums every file's bytes into
    one bar, ``unit="B"``): it reports (bytes done, bytes planned) and, once ``stop`` is
    set, raises ``Cancelled`` from the next chunk of every file being fetched."""
    from tqdm.auto import tqdm

    class Bars(tqdm):
        def __init__(self, *args, **kwargs) -> None:
            kwargs.pop("name", None)
            kwargs["disable"] = True    # the window (or whoever asked) shows its own progress
            self.bytes = kwargs.get("unit") == "B" and not str(kwargs.get("desc", "")).startswith(
                "Downloading bytes")    # the transfer bar counts the same bytes again
            self.done = 0
            super().__init__(*args, **kwargs)

        def update(self, n=1):
            if stop is not None and stop.is_set():
                raise Cancelled("download cancelled")
            if self.bytes and progress is not None:
                self.done += int(n or 0)
                progress(self.done, Bars.planned)
            return super().update(n)

    Bars.planned = 0
    return Bars


def download(name_or_repo: str, *, out: TextIO = sys.stderr,
             progress: Callable[[int, int], None] | None = None, stop=None) -> Path:
    """Fetch a model into the Hugging Face cache; its snapshot folder. Coded errors (exit 3).

    ``progress(done, total)``: bytes fetched so far of those planned (the window's bar; the
    console gets huggingface_hub's own). ``stop`` (a ``threading.Event``): set, the fetch
    ends within one chunk with ``Cancelled``; finished files are kept for the next try."""
    t = target(name_or_repo)
    cache = hf_cache_dir()
    with offline.lifted():
        import huggingface_hub as hub
        from huggingface_hub import constants
        from huggingface_hub.errors import (DryRunError, GatedRepoError, HfHubHTTPError,
                                            LocalEntryNotFoundError, RepositoryNotFoundError)

        endpoint = constants.ENDPOINT
        print(f"Downloading {t.repo} from {endpoint} (this is the one command that goes "
              "online) …", file=out, flush=True)
        try:
            files, ignore = _plan(hub, t, cache)
        except (DryRunError, LocalEntryNotFoundError, HfHubHTTPError, OSError) as exc:
            cause = exc.__cause__ if isinstance(exc, DryRunError) else exc
            if isinstance(cause, GatedRepoError):
                raise ModelMissingError(
                    f"{t.repo} is gated: accept its licence at {endpoint}/{t.repo} and log in "
                    "with `hf auth login`, then run this command again.", code="model_gated",
                    stage="models") from None
            if isinstance(cause, RepositoryNotFoundError):
                raise InputError(f"The hub has no model {t.repo}.", hint="Check the name with "
                                 "`assistant models`.", code="unknown_model") from None
            raise _unreachable(t, endpoint) from None
        if t.files and len(files) < len(t.files):
            raise InputError(f"The hub has no Piper voice {Path(t.files[0]).stem}.",
                             hint="Piper's voices are listed at https://rhasspy.github.io/piper-samples/.",
                             code="unknown_model")
        commit = files[0].commit_hash if files else None
        need = sum(f.file_size or 0 for f in files if f.will_download)
        free = _free_bytes(cache)
        if need > free:
            raise ModelMissingError(
                f"{t.repo} needs {_gb(need)} of disk space and {cache} has {_gb(free)} free: "
                "free some space (`assistant models remove NAME` frees a model) or move the "
                "cache with HF_HOME, then run this command again.", code="no_disk_space",
                stage="models")
        fetched = [f for f in files if f.will_download]
        bars = _progress_bars(progress, stop) if progress is not None or stop is not None else None
        if bars is not None:
            bars.planned = need
            if stop is not None and stop.is_set():
                raise Cancelled("download cancelled")
        print(f"{len(fetched)} of {len(files)} files to fetch, {_gb(need)}, into {cache}.",
              file=out, flush=True)
        try:
            folder = Path(hub.snapshot_download(t.repo, revision=commit, cache_dir=cache,
                                                ignore_patterns=ignore, tqdm_class=bars,
                                                allow_patterns=list(t.files) or None))
        except Cancelled:
            raise
        except OSError as exc:
            if getattr(exc, "errno", None) == 28:   # ENOSPC: something else filled the disk
                raise ModelMissingError(f"The disk holding {cache} filled up while {t.repo} was "
                                        "downloading: free some space and run this command "
                                        "again (finished files are kept).", code="no_disk_space",
                                        stage="models") from None
            raise ModelMissingError(
                f"The download of {t.repo} stopped ({type(exc).__name__}): run this command "
                "again to fetch the rest (finished files are kept), or "
                f"{copy_hint(t.repo, t.setting)}.", code="download_failed", stage="models") from None
        except Exception as exc:   # httpx errors after the library's own retries
            raise ModelMissingError(
                f"The download of {t.repo} stopped ({type(exc).__name__}): run this command "
                "again to fetch the rest (finished files are kept).", code="download_failed",
                stage="models") from None
        print(f"Checking {len(files)} files against the hub's checksums …", file=out, flush=True)
        bad = verify(hub, t.repo, folder.name, folder, cache, {f.filename for f in files})
    if bad:
        raise ModelMissingError(
            f"{len(bad)} file(s) of {t.repo} arrived damaged ({', '.join(bad[:3])}) and were "
            "deleted: run this command again to fetch them afresh.", code="download_corrupt",
            stage="models")
    if t.engine == "voice":
        language = t.files[0].split("/")[0]
        print(f"Done: the Piper voice {Path(t.files[0]).stem} is in {folder}. Replies in "
              f"'{language}' are said by it from the next start.", file=out, flush=True)
        return folder
    use = (f"set vision.engine = \"{t.engine}\" and {t.setting} = \"{t.repo}\"" if t.engine
           else f"point {t.setting} at \"{t.repo}\"")
    print(f"Done: {t.repo} is in {folder}. To use it, {use} (`assistant config show` lists "
          "the settings).", file=out, flush=True)
    return folder


def remove(name_or_repo: str, *, out: TextIO = sys.stderr) -> int:
    """Delete a model from the Hugging Face cache; the bytes freed (0: it was not there)."""
    t = target(name_or_repo)
    cache = hf_cache_dir()
    folder = cache / f"models--{t.repo.replace('/', '--')}"
    if t.files:
        return _remove_files(t, folder, out)
    if not folder.is_dir():
        print(f"{t.repo} is not in the Hugging Face cache ({cache}): nothing to remove.",
              file=out)
        return 0
    from huggingface_hub import scan_cache_dir

    info = scan_cache_dir(cache)
    revisions = [rev.commit_hash for repo in info.repos
                 if repo.repo_id == t.repo and repo.repo_type == "model" for rev in repo.revisions]
    if revisions:
        strategy = info.delete_revisions(*revisions)
        freed = strategy.expected_freed_size
        strategy.execute()
    else:   # an interrupted first download: blobs but no snapshot yet
        freed = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    if folder.exists():   # what the strategy leaves (refs, half-fetched files) goes too
        shutil.rmtree(folder, ignore_errors=True)
    print(f"Removed {t.repo}: {_gb(freed)} freed.", file=out)
    return freed


def _remove_files(t: Target, folder: Path, out: TextIO) -> int:
    """Some files of a repository (a voice of ``rhasspy/piper-voices``): their links in every
    snapshot and the blobs they name; the other voices stay."""
    freed = 0
    for snapshot in sorted((folder / "snapshots").glob("*")):
        for name in t.files:
            link = snapshot / name
            if not (link.is_symlink() or link.exists()):
                continue
            blob = link.resolve()
            if blob.is_file():
                freed += blob.stat().st_size
                blob.unlink()
            link.unlink(missing_ok=True)
    label = Path(t.files[0]).stem
    if not freed:
        print(f"The voice {label} is not in the Hugging Face cache: nothing to remove.", file=out)
        return 0
    print(f"Removed the voice {label}: {_gb(freed)} freed.", file=out)
    return freed
