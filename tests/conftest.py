"""Shared test set-up: nothing touches the user's folders, the network or a real display."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"
LIBRIVOX = Path("/usr/share/pocketsphinx/test/data/librivox")
ALSA = Path("/usr/share/sounds/alsa")


def pytest_configure(config: pytest.Config) -> None:
    # One scratch home for the whole run: config, caches (the joined Whisper base) and sessions.
    os.environ.setdefault("ASSISTANT_HOME", tempfile.mkdtemp(prefix="assistant-test-home-"))
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    if not os.environ.get("DISPLAY"):
        # CI runs the tests under Xvfb (scripts/setup.sh test); a bare run falls back to Qt's
        # offscreen platform.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def real_photo(name: str):
    """A real scikit-image photo (astronaut, coffee, chelsea, rocket, page...) as RGB PIL."""
    from PIL import Image
    from skimage import data

    return Image.fromarray(getattr(data, name)()).convert("RGB")


@pytest.fixture(scope="session")
def photo():
    """photo("coffee") -> a real scikit-image photo as an RGB PIL image."""
    return real_photo


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def librivox() -> list[tuple[Path, str]]:
    """Real recorded speech with its transcript (Debian pocketsphinx-testdata)."""
    lines = (LIBRIVOX / "transcription").read_text().splitlines()
    clips = []
    for line in lines:
        text, _, ident = line.rpartition("(")
        wav = LIBRIVOX / f"{ident.strip(' )')}.wav"
        if wav.exists():
            clips.append((wav, text.replace("<s>", "").replace("</s>", "").strip()))
    assert clips, "pocketsphinx-testdata is not installed (scripts/setup.sh test installs it)"
    return clips
