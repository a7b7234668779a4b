"""Shared test set-up: nothing touches the user's folders, the network or a real display."""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest
from system_files import debian_package, missing_message, system_file  # noqa: F401 (re-exported)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"
LIBRIVOX = Path("/usr/share/pocketsphinx/test/data/librivox")
ALSA = Path("/usr/share/sounds/alsa")


_RUN_HOME: list[Path] = []


def pytest_configure(config: pytest.Config) -> None:
    # One scratch home for the run; each test module gets its own below it (``module_home``).
    os.environ.setdefault("ASSISTANT_HOME", tempfile.mkdtemp(prefix="assistant-test-home-"))
    _RUN_HOME.append(Path(os.environ["ASSISTANT_HOME"]))
    os.environ["PYTEST_ASSISTANT_RUN_HOME"] = str(_RUN_HOME[0])   # children and tests see it
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    if not os.environ.get("DISPLAY"):
        # CI runs the tests under Xvfb (scripts/setup.sh test); a bare run falls back to Qt's
        # offscreen platform.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@pytest.fixture(autouse=True, scope="module")
def module_home(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """Each test module its own ``ASSISTANT_HOME``: its settings, sessions and saved turns
    start empty and stay its own. Only the cache folder is the run's (linked), so derived
    models such as the joined Whisper base are built once per run, not once per module."""
    shared_cache = _RUN_HOME[0] / "cache"
    shared_cache.mkdir(parents=True, exist_ok=True)
    home = tmp_path_factory.mktemp("home-" + request.module.__name__.rpartition(".")[2])
    (home / "cache").symlink_to(shared_cache, target_is_directory=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ASSISTANT_HOME", str(home))
        yield home


# A window (Qt's test fixtures) or real-time audio through a PulseAudio server with room echo
# (the "pulse" fixtures): these need the machine to themselves.
_ALONE_FIXTURES = {"qtbot", "qapp", "pulse"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests that show a window or play and hear audio in real time through a sound server are
    marked ``alone``: scripts/setup.sh test runs them in one process, one at a time (a window
    must own the keyboard focus of the one screen; under another worker's load a sound
    server's echo came back later than the echo check looks for it), and the rest in two
    processes at once. Runs before ``-m`` selects (tryfirst)."""
    ui = ROOT / "tests" / "ui"
    for item in items:
        if (_ALONE_FIXTURES & set(getattr(item, "fixturenames", ()))
                or ui in Path(str(item.path)).parents):
            item.add_marker(pytest.mark.alone)


_SYSTEM_PATH = re.compile(r"/usr/share/[^\s'\"]+")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """A test that died on a missing Debian test file says which package to install.

    For tests that open such files directly (FileNotFoundError, or our InputError
    "does not exist") rather than through ``system_file``.
    """
    outcome = yield
    report = outcome.get_result()
    if not report.failed or call.excinfo is None or call.excinfo.errisinstance(pytest.fail.Exception):
        return  # passed, or failed by system_file, which names the package itself
    error = call.excinfo.value
    named = [getattr(error, "filename", None) or "", *_SYSTEM_PATH.findall(str(error))]
    missing = [path for path in named if path and debian_package(path) and not os.path.exists(path)]
    if missing:
        report.sections.append(("missing system file", missing_message(missing[0])))


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
    lines = system_file(LIBRIVOX / "transcription", "pocketsphinx-testdata").read_text().splitlines()
    clips = []
    for line in lines:
        text, _, ident = line.rpartition("(")
        wav = LIBRIVOX / f"{ident.strip(' )')}.wav"
        if wav.exists():
            clips.append((wav, text.replace("<s>", "").replace("</s>", "").strip()))
    assert clips, "pocketsphinx-testdata is not installed (scripts/setup.sh test installs it)"
    return clips
