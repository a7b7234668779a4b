"""Spoken questions through a replayed microphone (real recorded speech), hands-free and push-to-talk."""
from __future__ import annotations

import jiwer
from ui_support import answers, ui_config

from assistant.audio.sources import WavReplaySource
from assistant.events import Transcript


def test_hands_free_question_from_the_replayed_microphone(open_window, qtbot, spoken_wav):
    path, said = spoken_wav
    mic = WavReplaySource(path)
    window = open_window(config=ui_config(hands_free=True), microphone=mic)
    qtbot.waitUntil(lambda: window.hands_free_button.isChecked(), timeout=10_000)
    levels = []
    window.voice.level.connect(levels.append)
    qtbot.waitUntil(lambda: len(answers(window)) == 1, timeout=90_000)
    turn = window.chat.turns()[0]
    assert turn.spoken
    assert jiwer.wer(said, turn.transcript.lower().strip(" .")) < 0.35, turn.transcript
    assert window.chat.texts()[-2].startswith("You said: ")
    assert "asr" in turn.timings_ms
    assert any(isinstance(e, Transcript) for e in window.events)
    assert max(levels) > 0.3          # the meter moved with the voice


def test_push_to_talk_with_the_held_key(open_window, qtbot, spoken_wav):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    path, said = spoken_wav
    mic = WavReplaySource(path, speed=4.0)
    window = open_window(microphone=mic)
    qtbot.waitUntil(lambda: window.voice is not None and window.voice.running, timeout=10_000)
    window.activateWindow()
    mic.stop()                                   # restart the replay while the key is held
    QTest.keyPress(window.question, Qt.Key.Key_F4)
    assert window.state.startswith("Recording")
    mic.start(window.voice._on_block)
    qtbot.waitUntil(lambda: mic.wait(0), timeout=20_000)
    QTest.keyRelease(window.question, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: len(answers(window)) == 1, timeout=90_000)
    transcript = window.chat.turns()[0].transcript
    assert jiwer.wer(said, transcript.lower().strip(" .")) < 0.35, transcript
