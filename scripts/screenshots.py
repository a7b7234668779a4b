"""Make docs/screenshots/*.png from the real window (real engines, the sign photo as the camera).

Run under a virtual screen of a small desktop; the script starts openbox (a window manager:
title bars, maximising, placement) when none runs:
    xvfb-run -a -s "-screen 0 1024x768x24" .venv/bin/python scripts/screenshots.py [out_dir]

Shots of the whole screen, title bar and all: the first view, an answer (a real question
through the embedded engine), text at 2x and 4x, high contrast, dark, a dropped picture
(a real drag-and-drop event), the details, the settings dialog, the kiosk, the kiosk idle,
the kiosk after a restart (nothing of the last visitor), and the kiosk with no camera and no
microphone.
"""
from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SIGN = ROOT / "resources" / "samples" / "sign.jpg"
NOISE = Path("/usr/share/sounds/alsa/Noise.wav")


def spin(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(check, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not check():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        spin(20)


def with_ui(window, **changes) -> None:
    config = window.config
    window.apply_config(dataclasses.replace(config, ui=dataclasses.replace(config.ui, **changes)))
    spin(400)


def shoot(widget, out: Path, name: str) -> None:
    """The whole screen as the user sees it (the window manager's frame included)."""
    spin(400)
    screen = widget.screen()
    picture = screen.grabWindow(0)
    picture.save(str(out / f"{name}.png"))
    print(f"{name}.png {picture.width()}x{picture.height()}", flush=True)


def window_manager():
    """openbox, unless another window manager already runs (it then exits at once)."""
    import shutil
    import subprocess

    if shutil.which("openbox") is None:
        print("note: no openbox: the shots have no window manager", file=sys.stderr)
        return None
    wm = subprocess.Popen(["openbox", "--sm-disable"], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    return wm


def drop_picture(window, path: Path) -> None:
    """A real drag and drop of a picture file on the camera view, delivered as Qt delivers it:
    to the nearest widget that takes drops (enter, then drop)."""
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    widget = target = window.camera_view
    while not target.acceptDrops():
        target = target.parentWidget()
    point = target.mapFromGlobal(widget.mapToGlobal(widget.rect().center()))
    copy, left, none = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(target, QDragEnterEvent(point, copy, mime, left, none))
    QApplication.sendEvent(target, QDropEvent(QPointF(point), copy, mime, left, none))


def close(window) -> None:
    window.request_quit()
    wait_until(lambda: window._closed_ok, 30)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    scratch = Path(tempfile.mkdtemp(prefix="screenshots-"))
    os.environ["ASSISTANT_HOME"] = str(scratch / "home")


    from assistant.audio.sources import WavReplaySource
    from assistant.config import AppConfig
    from assistant.conversation.store import TurnRecorded
    from assistant.engines.factory import EngineFactory
    from assistant.paths import app_paths
    from ui.app import application, build_window

    wm = window_manager()
    app = application()  # noqa: F841 (kept: the application lives while the window does)
    paths = app_paths()
    factory = EngineFactory(paths)
    config = AppConfig().with_overrides(asr={"language": "en"}, vision={"engine": "embedded"},
                                        tts={"play": False}, ui={"history": False})

    def open_window(kiosk=False, camera=str(SIGN), microphone=None, cfg=config):
        window = build_window(cfg, paths, kiosk=kiosk, camera=camera, factory=factory,
                              microphone=microphone if microphone is not None
                              else WavReplaySource(NOISE))
        window.events = []
        window.host.event.connect(window.events.append)
        if kiosk:
            window.showFullScreen()
        else:
            window.showMaximized()
        wait_until(lambda: window.ready, 120)
        return window

    window = open_window()
    wait_until(lambda: window.camera_view.current_frame is not None)
    shoot(window, out, "first-view")
    window.question.setText("What does the sign say?")
    window.ask_typed()
    wait_until(lambda: any(isinstance(e, TurnRecorded) for e in window.events), 120)
    shoot(window, out, "answer")
    with_ui(window, font_scale=2.0)
    shoot(window, out, "text-2x")
    with_ui(window, font_scale=4.0)
    shoot(window, out, "text-4x")
    with_ui(window, font_scale=1.0)
    window.fit.update()
    with_ui(window, high_contrast=True)
    shoot(window, out, "high-contrast")
    with_ui(window, high_contrast=False)
    with_ui(window, theme="dark")
    shoot(window, out, "dark")
    import skimage

    drop_picture(window, Path(skimage.__file__).parent / "data" / "coffee.png")
    wait_until(lambda: window.pictures.active is not None, 30)
    window.question.setText("What is in the picture?")
    window.ask_typed()
    wait_until(lambda: sum(isinstance(e, TurnRecorded) for e in window.events) >= 2, 120)
    shoot(window, out, "picture-dropped")
    details = window.show_details()
    spin(200)
    shoot(details, out, "details")
    details.accept()
    with_ui(window, theme="light")
    dialog = window.keys.open_settings()
    shoot(dialog, out, "settings")
    dialog.tabs.setCurrentWidget(dialog.advanced_tab)
    shoot(dialog, out, "settings-advanced")
    dialog.reject()
    close(window)

    kiosk = open_window(kiosk=True, cfg=config.with_overrides(ui={"kiosk_pin": "2468", "history": True}))
    wait_until(lambda: kiosk.camera_view.current_frame is not None)
    kiosk.describe_now()
    wait_until(lambda: any(isinstance(e, TurnRecorded) for e in kiosk.events), 120)
    shoot(kiosk, out, "kiosk")
    kiosk.kiosk_face.idle()
    shoot(kiosk, out, "kiosk-idle")
    close(kiosk)
    again = open_window(kiosk=True, cfg=config.with_overrides(ui={"kiosk_pin": "2468", "history": True}))
    wait_until(lambda: again.camera_view.current_frame is not None)
    shoot(again, out, "kiosk-after-restart")
    close(again)
    bare = open_window(kiosk=True, camera="9", microphone="no such microphone")   # neither exists
    wait_until(lambda: bare.kiosk_face.problem.isVisible(), 30)
    spin(1500)
    shoot(bare, out, "kiosk-no-devices")
    close(bare)
    factory.close()
    if wm is not None:
        wm.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
