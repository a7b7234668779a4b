"""Finding a model in the Hugging Face cache (assistant/models/hub.py) with the real
huggingface_hub: what the library finds, a snapshot copied by hand without the library's
ref, and a snapshot the library's own listing calls incomplete."""
from __future__ import annotations

import json
from pathlib import Path

from assistant.models.hub import locate_hf_model

REPO = "example-org/tiny-model"
COMMIT = "0123456789abcdef0123456789abcdef01234567"


def _snapshot(cache: Path, *, ref: bool, listed: tuple[str, ...] = ()) -> Path:
    """The cache's layout for REPO at COMMIT: a config and weights, the ref for "main" when
    ``ref``, and the library's tree listing naming ``listed`` when given."""
    repo = cache / f"models--{REPO.replace('/', '--')}"
    snapshot = repo / "snapshots" / COMMIT
    snapshot.mkdir(parents=True)
    (snapshot / "config.json").write_text('{"model_type": "blip"}')
    (snapshot / "model.safetensors").write_bytes(b"\0" * 64)
    if ref:
        (repo / "refs").mkdir()
        (repo / "refs" / "main").write_text(COMMIT)
    if listed:
        (repo / "trees").mkdir()
        (repo / "trees" / f"{COMMIT}.json").write_text(json.dumps(
            {"format_version": 1, "files": {name: {"size": 1, "blob_id": "0" * 40} for name in listed}}))
    return snapshot


def test_a_snapshot_the_library_finds_is_found(tmp_path):
    snapshot = _snapshot(tmp_path / "hf", ref=True)
    assert locate_hf_model(REPO, hf_cache=tmp_path / "hf") == snapshot


def test_a_snapshot_copied_without_its_ref_is_still_found(tmp_path):
    # huggingface_hub cannot resolve "main" without refs/main and says it is not cached;
    # the folder is complete, so it is served (the loaders load the folder, not the name).
    snapshot = _snapshot(tmp_path / "hf", ref=False)
    assert locate_hf_model(REPO, hf_cache=tmp_path / "hf") == snapshot


def test_a_snapshot_the_library_lists_as_incomplete_is_not_found(tmp_path):
    _snapshot(tmp_path / "hf", ref=True,
              listed=("config.json", "model.safetensors", "tokenizer.json"))
    assert locate_hf_model(REPO, hf_cache=tmp_path / "hf") is None


def test_nothing_in_the_cache_is_not_found(tmp_path):
    (tmp_path / "hf").mkdir()
    assert locate_hf_model(REPO, hf_cache=tmp_path / "hf") is None
