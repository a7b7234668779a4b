"""Settings → Vision with a vision model that is not on this computer: said plainly, and its
Download… button fetching it from a local hub (tests/models/hub_server.py) with the real
huggingface_hub and the real disk: progress, cancel, a failure in one plain sentence."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "models"))
from hub_server import COMMIT, HubServer  # noqa: E402

REPO = "Salesforce/blip-vqa-base"      # what vision.engine = "blip" names by default


@pytest.fixture(scope="module")
def model_files(tmp_path_factory) -> Path:
    """A model folder as the hub holds one: a config and 24 MB of weights (more than one of
    the 10 MiB pieces huggingface_hub writes, so progress comes in several steps)."""
    folder = tmp_path_factory.mktemp("blip-files")
    (folder / "config.json").write_text('{"model_type": "blip"}')
    (folder / "model.safetensors").write_bytes(os.urandom(24_000_000))
    return folder


@pytest.fixture
def hub(model_files, tmp_path, monkeypatch):
    """The local hub as huggingface_hub's endpoint, and an empty cache of this test's own."""
    import huggingface_hub.constants as constants

    with HubServer(REPO, model_files) as server:
        monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf"))
        # huggingface_hub reads HF_HUB_CACHE and HF_ENDPOINT once, at import, into these
        monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path / "hf"))
        monkeypatch.setattr(constants, "ENDPOINT", server.url)
        monkeypatch.setattr(constants, "HUGGINGFACE_CO_URL_TEMPLATE",
                            server.url + "/{repo_id}/resolve/{revision}/{filename}")
        yield server
        server.release.set()


def _dialog(qtbot, tmp_path):
    from ui.settings_dialog import SettingsDialog
    from ui_support import home, ui_config

    dialog = SettingsDialog(ui_config().with_overrides(vision={"engine": "blip"}),
                            paths=home(tmp_path / "home"))
    qtbot.addWidget(dialog)
    dialog.show()
    row = dialog.vision_model
    qtbot.waitUntil(lambda: not row.download_button.isHidden(), timeout=10_000)
    return dialog, row


def test_a_missing_model_is_said_plainly_and_downloaded_with_progress(qtbot, tmp_path, hub):
    from assistant.models.choice import missing_vlm
    from ui_support import home, ui_config

    dialog, row = _dialog(qtbot, tmp_path)
    assert "BLIP is not on this computer" in row.words.text()
    assert "assistant models" not in row.words.text() and "`" not in row.words.text()
    values = []
    row.bar.valueChanged.connect(values.append)
    row.download_button.click()
    assert not row.bar.isHidden() and not row.cancel_button.isHidden()
    qtbot.waitUntil(lambda: row.outcome == "done", timeout=60_000)
    assert row.words.text() == "BLIP is downloaded. Save to use it."
    assert row.download_button.isHidden() and row.bar.isHidden()
    # progress came in steps, never backwards, up to the whole
    assert len(values) >= 2 and values == sorted(values) and values[-1] == 1000
    snapshot = tmp_path / "hf" / f"models--{REPO.replace('/', '--')}" / "snapshots" / COMMIT
    assert (snapshot / "model.safetensors").read_bytes() == hub.files["model.safetensors"]
    config = ui_config().with_overrides(vision={"engine": "blip"})
    assert missing_vlm(config.vision, home(tmp_path / "home")) == ""
    dialog._check_model()          # asked again: it is here now
    qtbot.waitUntil(lambda: row.words.text() == "BLIP is on this computer.", timeout=10_000)


def test_cancel_stops_the_download_mid_file(qtbot, tmp_path, hub):
    hub.hold["model.safetensors"] = 1_000_000
    dialog, row = _dialog(qtbot, tmp_path)
    row.download_button.click()
    qtbot.waitUntil(lambda: len(hub.gets("model.safetensors")) == 1, timeout=30_000)
    row.cancel_button.click()
    hub.release.set()              # the bytes come again; the next piece ends it
    qtbot.waitUntil(lambda: row.outcome == "cancelled", timeout=30_000)
    assert row.words.text().startswith("Download cancelled.")
    assert not row.download_button.isHidden() and row.bar.isHidden()
    blobs = tmp_path / "hf" / f"models--{REPO.replace('/', '--')}" / "blobs"
    whole = [p for p in blobs.glob("*") if p.stat().st_size == 24_000_000]
    assert whole == []             # the weights never arrived whole


def test_a_failed_download_is_one_plain_sentence(qtbot, tmp_path, hub):
    from ui.model_download import FAILED

    hub.fail["model.safetensors"] = 503
    dialog, row = _dialog(qtbot, tmp_path)
    row.download_button.click()
    qtbot.waitUntil(lambda: row.outcome == "failed", timeout=60_000)
    assert row.words.text() == FAILED["download_failed"]
    assert not row.download_button.isHidden()


def test_no_hub_says_so_in_words(qtbot, tmp_path, hub, monkeypatch):
    import socket

    import huggingface_hub.constants as constants
    from ui.model_download import FAILED

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}"
    monkeypatch.setattr(constants, "ENDPOINT", closed)
    monkeypatch.setattr(constants, "HUGGINGFACE_CO_URL_TEMPLATE",
                        closed + "/{repo_id}/resolve/{revision}/{filename}")
    dialog, row = _dialog(qtbot, tmp_path)
    row.download_button.click()
    qtbot.waitUntil(lambda: row.outcome == "failed", timeout=60_000)
    assert row.words.text() == FAILED["hub_unreachable"]
