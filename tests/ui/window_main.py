"""Runs the desktop window in a child process that has its own PulseAudio server (the tests
speak into a virtual microphone and record a virtual speaker); prints its events as JSON lines."""
from __future__ import annotations

import dataclasses
import json
import signal
import sys
from pathlib import Path

from assistant.config import AppConfig
from assistant.paths import app_paths

ROOT = Path(__file__).resolve().parents[2]
EVENTS = ("Transcript", "Reply", "BargedIn", "CommandHeard", "SpeakingStarted", "SpeakingFinished",
          "UtteranceIgnored", "ErrorEvent", "ListeningChanged", "TurnCancelled", "TurnTimings")


def main() -> int:
    from PySide6.QtCore import QTimer

    from ui.app import application, build_window
    from ui.worker import READY

    config = AppConfig().with_overrides(
        asr={"language": "en"}, vision={"engine": "embedded"}, tts={"play": True},
        ui={"hands_free": True, "camera": str(ROOT / "resources/samples/sign.jpg"),
            "history": False, "end_silence_s": 0.5})
    app = application()
    window = build_window(config, app_paths())

    def show(event) -> None:
        name = type(event).__name__
        if name == "Progress" and event.stage == READY and event.done >= event.total > 0:
            print(json.dumps({"event": "Ready", "at": event.at}), flush=True)
        if name == "TurnRecorded":
            print(json.dumps({"event": "TurnRecorded", "question": event.turn.question,
                              "answer": event.turn.answer}), flush=True)
        if name in EVENTS:
            data = {k: v for k, v in dataclasses.asdict(event).items()
                    if isinstance(v, (str, int, float, bool, type(None)))}
            print(json.dumps({"event": name, **data}, ensure_ascii=False), flush=True)

    window.host.event.connect(show)
    signal.signal(signal.SIGTERM, lambda *_: QTimer.singleShot(0, window.request_quit))
    signal.signal(signal.SIGINT, lambda *_: QTimer.singleShot(0, window.request_quit))
    wake = QTimer(interval=100)   # lets Python run its signal handlers inside Qt's loop
    wake.timeout.connect(lambda: None)
    wake.start()
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
