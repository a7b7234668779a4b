"""Fixtures for the window tests: real engines shared across windows, replayed camera and mic."""
from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest

from assistant.config import AppConfig
from assistant.paths import AppPaths

ROOT = Path(__file__).resolve().parents[2]
SIGN = ROOT / "resources" / "samples" / "sign.jpg"
LIBRIVOX = Path("/usr/share/pocketsphinx/test/data/librivox")


def home(root: Path) -> AppPaths:
    return AppPaths(root / "config", root / "cache", root / "data")


def ui_config(**ui) -> AppConfig:
    # English Whisper (bundled tiny.en), the embedded vision engine, Piper without a sound card.
    # The start-up self-test (its own chat row and spoken sentence) only where a test asks.
    ui.setdefault("selftest", False)
    return AppConfig().with_overrides(asr={"language": "en"}, vision={"engine": "embedded"},
                                      tts={"play": False}, ui=ui)


@pytest.fixture(scope="session")
def shared_factory(tmp_path_factory):
    """One EngineFactory for the whole run, so each model loads once; windows may not close it."""
    from assistant.engines.factory import EngineFactory

    class SessionFactory(EngineFactory):
        def close(self) -> None:  # the windows' shutdown; the real close happens at the end
            for engine in list(self._cache.values()):
                stop = getattr(engine, "stop", None)
                if callable(stop):
                    stop()

    factory = SessionFactory(home(tmp_path_factory.mktemp("engines")))
    yield factory
    EngineFactory.close(factory)


@pytest.fixture(scope="session")
def camera_video(tmp_path_factory) -> Path:
    """A 30 fps video made from real scikit-image photos: a stand-in camera."""
    import cv2
    from skimage import data

    path = tmp_path_factory.mktemp("video") / "camera.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 30.0, (640, 480))
    for photo in (data.astronaut(), data.coffee(), data.chelsea()):
        frame = cv2.resize(cv2.cvtColor(photo, cv2.COLOR_RGB2BGR), (640, 480))
        for _ in range(30):
            writer.write(frame)
    writer.release()
    return path


@pytest.fixture(scope="session")
def spoken_wav(tmp_path_factory) -> tuple[Path, str]:
    """A real recorded sentence with silence before and after (a turn ends on silence)."""
    line = next(l for l in (LIBRIVOX / "transcription").read_text().splitlines() if "0880" in l)
    text = line.split("</s>")[0].replace("<s>", "").strip()
    source = LIBRIVOX / "sense_and_sensibility_01_austen_64kb-0880.wav"
    with wave.open(str(source), "rb") as wav:
        rate, raw = wav.getframerate(), wav.readframes(wav.getnframes())
        assert wav.getnchannels() == 1 and wav.getsampwidth() == 2
    speech = np.frombuffer(raw, "<i2")
    silence = np.zeros(int(rate * 1.5), "<i2")
    path = tmp_path_factory.mktemp("mic") / "question.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(np.concatenate([silence[: rate // 2], speech, silence]).tobytes())
    return path, text


@pytest.fixture
def open_window(qtbot, shared_factory, tmp_path):
    """Builds windows on a data folder; closes them all (and waits for their workers) at the end."""
    from ui.app import build_window

    windows = []

    def make(*, root: Path | None = None, config: AppConfig | None = None, camera=None,
             microphone=None, kiosk: bool = False, show: bool = True):
        from assistant.audio.sources import WavReplaySource

        if microphone is None:
            # A replayed mic (a real noise recording): no sound card needed.
            microphone = WavReplaySource(Path("/usr/share/sounds/alsa/Noise.wav"))
        window = build_window(config or ui_config(), home(root or tmp_path), kiosk=kiosk,
                              camera=camera if camera is not None else str(SIGN),
                              microphone=microphone, factory=shared_factory)
        window.events = []
        window.host.event.connect(window.events.append)
        if show:
            window.show()
            # On a real X server (Xvfb, no window manager) a new window is not active until
            # asked; keyboard focus, and so every keyboard test, depends on it.
            window.activateWindow()
            window.raise_()
            qtbot.waitActive(window, timeout=10_000)
        qtbot.waitUntil(lambda: window.ready, timeout=60_000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        close_window(qtbot, window)


def close_window(qtbot, window) -> None:
    if window._closed_ok:
        return
    window.request_quit()
    qtbot.waitUntil(lambda: window._closed_ok and not window.isVisible(), timeout=20_000)
    window.deleteLater()


def answers(window) -> list[str]:
    return [t.answer for t in window.chat.turns()]


@pytest.fixture(scope="session", autouse=True)
def window_manager():
    """Openbox on the test X server for the whole run of tests/ui, as on a desktop (it frames,
    places and activates windows; Xvfb alone does none of that). A window manager already
    running is kept. The CI screen is 1024x768 (``scripts/setup.sh test``); by hand:
    ``xvfb-run -a -s "-screen 0 1024x768x24" python -m pytest tests/ui/test_ui_bigtext.py``."""
    import os
    import shutil
    import subprocess

    if not os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb":
        yield None                      # Qt's offscreen platform: no X server to manage
        return
    if shutil.which("openbox") is None:
        pytest.fail("These window tests need a window manager: install the Debian package "
                    "openbox (bash scripts/setup.sh install test).")
    wm = subprocess.Popen(["openbox", "--sm-disable"], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)
    # It exits at once when another one already manages the screen; windows shown before it
    # is up are taken over when it starts (the tests wait for a window's frame).
    yield wm
    if wm.poll() is None:
        wm.terminate()
        wm.wait(timeout=10)
