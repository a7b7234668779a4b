"""The window end to end with real engines: typed questions, restart, errors, kiosk, settings."""
from __future__ import annotations

from ui_support import answers, close_window, home

from assistant import config as config_mod
from assistant.events import ErrorEvent, SpeakingStarted
from ui.worker import WINDOW_MODEL_NOTE


def test_typed_question_is_answered_from_the_photo(open_window, qtbot):
    window = open_window()
    qtbot.waitUntil(lambda: window.camera_view.current_frame is not None, timeout=10_000)
    window.question.setText("What does the sign say?")
    window.ask_button.click()
    qtbot.waitUntil(lambda: len(answers(window)) == 1, timeout=60_000)
    answer = answers(window)[0]
    # The embedded engine read the real photo's sign with OCR.
    assert "LAUNCH PAD" in answer.upper(), answer
    texts = window.chat.texts()
    assert texts[-2] == "You typed: What does the sign say?"
    assert texts[-1] == f"Assistant: {answer}"
    assert not window.chat.item(window.chat.count() - 2).icon().isNull()  # the frame's thumbnail
    turn = window.chat.turns()[0]
    assert turn.timings_ms["vision"] > 0 and turn.timings_ms["tts"] > 0
    qtbot.waitUntil(lambda: any(isinstance(e, SpeakingStarted) for e in window.events))
    spoken = [e for e in window.events if isinstance(e, SpeakingStarted)]
    # The answer, then (first answer of the conversation) the window's own notice words.
    assert spoken[0].text == f"{answer} {WINDOW_MODEL_NOTE}"
    assert WINDOW_MODEL_NOTE not in answer and window.notice.text() == WINDOW_MODEL_NOTE
    assert "Vision: embedded" in window.models_label.text()
    assert window.compute_label.text() == "CPU"


def test_history_survives_a_restart_and_can_be_cleared(open_window, qtbot, tmp_path):
    first = open_window(root=tmp_path)
    first.question.setText("Read the text.")
    first.ask_typed()
    qtbot.waitUntil(lambda: len(answers(first)) == 1, timeout=60_000)
    said = answers(first)[0]
    close_window(qtbot, first)

    second = open_window(root=tmp_path)
    qtbot.waitUntil(lambda: answers(second) == [said], timeout=10_000)
    assert second.chat.texts()[0] == "You typed: Read the text."
    second.host.clear_history()
    qtbot.waitUntil(lambda: second.chat.count() == 0, timeout=10_000)
    close_window(qtbot, second)
    third = open_window(root=tmp_path)
    assert answers(third) == []


def test_missing_camera_is_said_in_words_and_the_app_keeps_running(open_window, qtbot, tmp_path):
    window = open_window(camera=str(tmp_path / "no-such-camera.jpg"))
    qtbot.waitUntil(lambda: "was not found" in window.notice.text(), timeout=10_000)
    window.question.setText("What colour is it?")
    window.ask_typed()
    qtbot.waitUntil(lambda: any(isinstance(e, ErrorEvent) and e.code == "no_frame"
                                for e in window.events), timeout=20_000)
    assert "no camera picture" in window.notice.text()
    assert window.isVisible() and window.state == "Ready — no camera"   # honest: not "Ready"


def test_kiosk_ignores_close_purges_when_idle_and_keeps_quit_locked_without_a_pin(open_window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = open_window(kiosk=True)
    assert window.menuBar().actions() == []   # no settings or quit menu in a kiosk
    window.close()
    qtbot.wait(50)                            # let a (wrong) close go through, if it would
    assert window.isVisible() and not window._closing
    window.question.setText("Read the text.")
    window.ask_typed()
    qtbot.waitUntil(lambda: len(answers(window)) == 1, timeout=60_000)
    window.keys.idle.setInterval(300)   # instead of minutes; the answer restarted the countdown
    window.keys.touch()
    qtbot.waitUntil(lambda: window.chat.count() == 0, timeout=10_000)   # purged when idle
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    # With no staff PIN set, the chord does not quit (the PIN path: tests/ui/test_ui_kiosk.py).
    qtbot.waitUntil(lambda: any("kiosk_pin" in t for t in window.chat.texts()))
    assert window.isVisible() and not window._closing


def test_settings_are_saved_where_the_cli_reads_them(open_window, qtbot, tmp_path):
    window = open_window(root=tmp_path)
    dialog = window.keys.open_settings()
    dialog.end_silence.setValue(1.2)
    dialog.history.setChecked(False)
    assert not dialog.thumbnails.isChecked()          # pictures in the history: opt-in
    dialog.thumbnails.setChecked(True)
    dialog.rate.setValue(1.25)
    dialog.accept()
    target = home(tmp_path).config_file
    qtbot.waitUntil(target.exists, timeout=20_000)
    saved = config_mod.load(target)
    assert saved.ui.end_silence_s == 1.2 and saved.ui.history is False and saved.tts.rate == 1.25
    assert saved.ui.history_thumbnails is True
    assert window.config == saved
    # Applied without a restart: the conversation listens with the new end-of-turn silence.
    qtbot.waitUntil(lambda: window.host.engine is not None and
                    window.host.engine.options.segmenter.end_silence_s == 1.2, timeout=20_000)


def test_end_of_turn_silence_changes_without_a_new_engine_or_a_warm_up(open_window, qtbot, tmp_path,
                                                                       monkeypatch):
    from assistant.events import ModelLoaded, ModelLoading, ModelUnloaded, Progress

    window = open_window(root=tmp_path)
    worker = window.host.worker
    engine = window.host.engine
    running = (engine.assistant.vision, engine.transcriber, worker._speaker)
    listener, cutter = engine.listener, engine.listener.cutter
    loads: list[str] = []     # every load or warm-up of the running engines from now on
    for model in running:
        for step in ("load", "warm_up"):
            real = getattr(model, step, None)
            if callable(real):
                monkeypatch.setattr(model, step, lambda *a, _real=real, _step=step, **k:
                                    loads.append(_step) or _real(*a, **k))
    seen = len(window.events)
    dialog = window.keys.open_settings()
    dialog.end_silence.setValue(1.4)
    dialog.accept()
    qtbot.waitUntil(lambda: any(isinstance(e, Progress) and e.stage == "settings"
                                for e in window.events[seen:]), timeout=20_000)
    after = window.events[seen:]
    assert not [e for e in after if isinstance(e, (ModelLoading, ModelLoaded, ModelUnloaded))]
    assert loads == []
    # The same conversation on the same engines; its listener cuts the next turn with the new
    # silence (the cutting itself: tests/voice/test_voice_configure.py).
    assert window.host.engine is engine and engine.listener is listener
    assert (engine.assistant.vision, engine.transcriber, worker._speaker) == running
    qtbot.waitUntil(lambda: cutter.segmenter.options.end_silence_s == 1.4, timeout=10_000)
    assert engine.options.segmenter.end_silence_s == 1.4
