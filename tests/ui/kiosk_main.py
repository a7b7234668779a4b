"""A kiosk in a child process (so a test can kill -9 it): its home is ``argv[1]``; once ready it
asks ``argv[2]`` as a typed question and prints ``answered`` when the turn is recorded."""
from __future__ import annotations

import sys
from pathlib import Path

from assistant.config import AppConfig
from assistant.paths import AppPaths

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    from ui.app import application, build_window
    from ui.worker import READY

    root, question = Path(sys.argv[1]), sys.argv[2]
    config = AppConfig().with_overrides(
        asr={"language": "en"}, vision={"engine": "embedded"}, tts={"engine": "none"},
        ui={"camera": str(ROOT / "resources/samples/sign.jpg"), "kiosk_pin": "2468"})
    app = application()
    window = build_window(config, AppPaths(root / "config", root / "cache", root / "data"),
                         kiosk=True, microphone="/usr/share/sounds/alsa/Noise.wav")

    def on_event(event) -> None:
        name = type(event).__name__
        if name == "Progress" and event.stage == READY and event.done >= event.total > 0:
            window.question.setText(question)
            window.ask_typed()
        if name == "TurnRecorded":
            print("answered", flush=True)

    window.host.event.connect(on_event)
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
