"""`assistant models download/remove` against a local hub (tests/models/hub_server.py) serving a
tiny real model in the hub's layout: the real command in a child process, the real
huggingface_hub, the real disk."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from hub_server import COMMIT, HubServer

REPO = "tiny-org/tiny-bert"


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    """A random-weight BERT saved as transformers saves it: its weights (15 MB) are over the
    10 MiB that huggingface_hub writes at a time, so a cut after the first piece can resume."""
    from transformers import BertConfig, BertModel

    folder = tmp_path_factory.mktemp("tiny-bert")
    config = BertConfig(vocab_size=60000, hidden_size=64, num_hidden_layers=1,
                        num_attention_heads=2, intermediate_size=64)
    BertModel(config).save_pretrained(folder)
    assert (folder / "model.safetensors").stat().st_size > 15_000_000
    return folder


def _run(tmp_path: Path, endpoint: str | None, *args: str, timeout: float = 120):
    env = {k: v for k, v in os.environ.items() if not k.startswith("HF_")}
    env.update(ASSISTANT_HOME=str(tmp_path / "home"), HF_HOME=str(tmp_path / "hf"),
               HF_HUB_DISABLE_TELEMETRY="1", PYTHONWARNINGS="ignore")
    env.pop("ASSISTANT_ALLOW_DOWNLOADS", None)
    if endpoint is not None:
        env["HF_ENDPOINT"] = endpoint
    return subprocess.run([sys.executable, "-m", "assistant", "models", *args],
                          capture_output=True, text=True, env=env, timeout=timeout)


def _snapshot(tmp_path: Path) -> Path:
    return tmp_path / "hf" / "hub" / f"models--{REPO.replace('/', '--')}" / "snapshots" / COMMIT


def _same_files(snapshot: Path, source: Path) -> None:
    for name in ("config.json", "model.safetensors"):
        assert (snapshot / name).read_bytes() == (source / name).read_bytes(), name


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def _closed_port() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_download_fetches_checks_loads_and_remove_frees_it(tmp_path, tiny_model):
    with HubServer(REPO, tiny_model) as hub:
        run = _run(tmp_path, hub.url, "download", REPO)
        assert run.returncode == 0, run.stderr
        assert "goes online" in run.stderr and "Checking" in run.stderr
        snapshot = _snapshot(tmp_path)
        _same_files(snapshot, tiny_model)
        again = _run(tmp_path, hub.url, "download", REPO)   # nothing left to fetch
        assert again.returncode == 0, again.stderr
        assert "0 of 2 files to fetch" in again.stderr
        assert len(hub.gets("model.safetensors")) == 1
    # The files load as the model they were saved from, offline.
    import torch
    from transformers import BertModel

    loaded = BertModel.from_pretrained(snapshot, local_files_only=True).state_dict()
    original = BertModel.from_pretrained(tiny_model).state_dict()
    assert loaded.keys() == original.keys()
    assert all(torch.equal(loaded[k], original[k]) for k in original)

    size = sum(p.stat().st_size for p in tiny_model.iterdir())
    removed = _run(tmp_path, None, "remove", REPO)
    assert removed.returncode == 0, removed.stderr
    assert not (tmp_path / "hf" / "hub" / f"models--{REPO.replace('/', '--')}").exists()
    assert f"{size / 1e6:.1f} MB freed" in removed.stderr
    gone = _run(tmp_path, None, "remove", REPO)
    assert gone.returncode == 0 and "nothing to remove" in gone.stderr


def test_a_connection_cut_mid_file_resumes_where_it_stopped(tmp_path, tiny_model):
    with HubServer(REPO, tiny_model) as hub:
        hub.cut_once["model.safetensors"] = 12_000_000
        run = _run(tmp_path, hub.url, "download", REPO)
        assert run.returncode == 0, run.stderr
        # The second request asks only for the rest (HTTP Range) from the last whole piece
        # written (huggingface_hub writes 10 MiB at a time), and the bytes are right.
        assert hub.gets("model.safetensors") == [None, f"bytes={10 * 1024 * 1024}-"]
    _same_files(_snapshot(tmp_path), tiny_model)


def test_a_stopped_download_keeps_finished_files_and_a_rerun_fetches_the_rest(tmp_path, tiny_model):
    with HubServer(REPO, tiny_model) as hub:
        hub.fail["model.safetensors"] = 503
        run = _run(tmp_path, hub.url, "download", REPO)
        assert run.returncode == 3, run.stderr
        assert "run this command again" in _error_lines(run.stderr)[0]
        assert (_snapshot(tmp_path) / "config.json").is_file()
        del hub.fail["model.safetensors"]
        rerun = _run(tmp_path, hub.url, "download", REPO)
        assert rerun.returncode == 0, rerun.stderr
        assert "1 of 2 files to fetch" in rerun.stderr
        assert len(hub.gets("config.json")) == 1
    _same_files(_snapshot(tmp_path), tiny_model)


def test_a_damaged_file_is_found_deleted_and_fetched_again(tmp_path, tiny_model):
    with HubServer(REPO, tiny_model) as hub:
        hub.corrupt.add("model.safetensors")     # right length, wrong bytes: the size check passes
        run = _run(tmp_path, hub.url, "download", REPO)
        assert run.returncode == 3, run.stderr
        assert "arrived damaged (model.safetensors)" in run.stderr
        assert not (_snapshot(tmp_path) / "model.safetensors").exists()
        hub.corrupt.clear()
        rerun = _run(tmp_path, hub.url, "download", REPO)
        assert rerun.returncode == 0, rerun.stderr
    _same_files(_snapshot(tmp_path), tiny_model)


def test_a_model_bigger_than_the_free_disk_space_is_refused_before_any_byte(tmp_path, tiny_model):
    """The real free space of the test's disk (statvfs), against a model that says it is 1 PB."""
    claimed = 10**15
    assert shutil.disk_usage(tmp_path).free < claimed
    with HubServer(REPO, tiny_model) as hub:
        hub.claimed_size["model.safetensors"] = claimed
        run = _run(tmp_path, hub.url, "download", REPO)
        assert run.returncode == 3, run.stderr
        [line] = _error_lines(run.stderr)
        assert f"needs {(claimed + len(hub.files['config.json'])) / 1e9:.1f} GB of disk space" in line
        assert hub.gets("model.safetensors") == [] and hub.gets("config.json") == []


@pytest.mark.parametrize("name, repo", [("smolvlm", "HuggingFaceTB/SmolVLM-256M-Instruct"),
                                        (REPO, REPO)])
def test_no_hub_exits_3_naming_what_to_copy_and_where(tmp_path, name, repo):
    run = _run(tmp_path, _closed_port(), "download", name)
    assert run.returncode == 3, run.stderr
    [line] = _error_lines(run.stderr)
    folder = f"models--{repo.replace('/', '--')}"
    assert f"`hf download {repo}`" in line and folder in line
    assert str(tmp_path / "hf" / "hub" / folder) in line     # where it goes on this machine
    assert line.count(". ") == 0 and line.endswith(".")      # one sentence


def test_smolvlm_with_no_network_names_a_command_that_exists(tmp_path):
    """The default endpoint (huggingface.co), unreachable from here; `hf download` is real."""
    run = _run(tmp_path, None, "download", "smolvlm", timeout=180)
    assert run.returncode == 3, run.stderr
    assert "`hf download HuggingFaceTB/SmolVLM-256M-Instruct`" in _error_lines(run.stderr)[0]
    hf = Path(sys.executable).parent / "hf"
    help_text = subprocess.run([str(hf), "download", "--help"], capture_output=True, text=True)
    assert help_text.returncode == 0 and "repo_id" in help_text.stdout.lower().replace("-", "_")


def test_an_unknown_short_name_is_bad_input(tmp_path):
    run = _run(tmp_path, _closed_port(), "download", "no-such-model")
    assert run.returncode == 2 and "smolvlm" in run.stderr
