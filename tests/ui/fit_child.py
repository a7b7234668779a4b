"""Child process for test_ui_layout: the window under the system's own font scaling
(QT_SCALE_FACTOR set by the parent) at a text size, checked against a small screen; prints JSON."""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> int:
    from PySide6.QtCore import QEventLoop, QRect, QTimer

    from assistant.audio.sources import WavReplaySource
    from assistant.config import AppConfig
    from assistant.paths import app_paths
    from ui import fit_check
    from ui.app import application, build_window

    scale, width, height = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    app = application()  # noqa: F841 (kept: the application lives while the window does)
    config = AppConfig().with_overrides(asr={"language": "en"}, vision={"engine": "embedded"},
                                        tts={"play": False}, ui={"history": False, "font_scale": scale})
    window = build_window(config, app_paths(), camera=str(ROOT / "resources/samples/sign.jpg"),
                          microphone=WavReplaySource(Path("/usr/share/sounds/alsa/Noise.wav")))
    window.show()
    area = window.screen().availableGeometry() if not width else QRect(0, 0, width, height)
    window.screen_limit = area
    window.fit.update()
    end = time.monotonic() + 3.0
    while time.monotonic() < end:     # let the layout settle: events only, nothing to wait on
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()
    found = fit_check.problems(window, area)
    print(json.dumps({"points": window.font().pointSizeF(), "ratio": window.devicePixelRatioF(),
                      "screen": area.getRect(), "line_height": window.fontMetrics().height(),
                      "problems": found}), flush=True)
    os._exit(0)   # the check is done; the engines' shutdown is tested elsewhere


if __name__ == "__main__":
    sys.exit(main())
