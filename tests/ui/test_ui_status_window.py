"""Honest status in the window: a missing device is said once, then shown as a state and
retried quietly; questions keep their own rows; answers show as they are written, with no
console advice."""
from __future__ import annotations

import shutil
from pathlib import Path

from a11y_support import heard, tree_name  # noqa: F401 (heard is a fixture)
from ui_support import SIGN, answers, close_window, home, ui_config

from assistant.config import AppConfig
from assistant.events import SpeakingStarted


def _notes(window, words: str) -> list[str]:
    return [t for t in window.chat.texts() if t.startswith("Notice:") and words in t]


def test_a_missing_camera_is_said_once_then_shown_and_retried_quietly(open_window, qtbot,
                                                                     tmp_path, heard):
    camera = tmp_path / "camera.jpg"
    window = open_window(camera=str(camera))
    seen = []
    window.status_changed.connect(seen.append)
    qtbot.waitUntil(lambda: window.state == "Ready — no camera", timeout=10_000)
    window._retry.setInterval(100)          # the kiosk's 5 s, shortened
    window._retry.start()
    qtbot.wait(1_000)                       # about ten quiet retries
    assert len(_notes(window, "was not found")) == 1
    assert len([m for m, _ in heard if "was not found" in m]) == 1
    assert window.state == "Ready — no camera"
    assert "Ready — no camera" in tree_name(window.state_label)
    notice = tree_name(window.notice)
    assert notice.startswith("Notice: ") and "was not found" in notice
    shutil.copy(SIGN, camera)               # plugged in
    qtbot.waitUntil(lambda: window.state == "Ready", timeout=10_000)
    assert len(_notes(window, "The camera is back.")) == 1
    assert [m for m, _ in heard].count("The camera is back.") == 1
    assert seen[-1].problems == () and seen[-1].text == "Ready"


def test_no_microphone_never_claims_to_listen(open_window, qtbot, heard):
    window = open_window(config=ui_config(hands_free=True), microphone="no-such-microphone-xyz")
    qtbot.waitUntil(lambda: window.status_events.machine.has("no_microphone"), timeout=10_000)
    window._retry.setInterval(100)
    qtbot.wait(800)                         # quiet retries of the microphone
    assert window.hands_free_button.isChecked()
    assert window.state == "Ready — no microphone"
    assert "Listening" not in window.state
    assert len(_notes(window, "microphone")) == 1
    assert len([m for m, _ in heard if "microphone" in m.lower()]) == 1, heard
    heard.clear()
    for _ in range(2):                      # F4 held with no microphone: told each time, at once
        window.begin_push_to_talk()
        window.end_push_to_talk()
    assert [loud for m, loud in heard if "cannot listen" in m] == [True, True]
    assert len(_notes(window, "microphone")) == 1     # the chat is not filled with it


def test_no_sound_output_is_one_quiet_notice(qtbot, tmp_path, heard):
    """Piper with playback on to a speaker that is not there: the real player and the
    window's own engine factory, whose device reports reach the window."""
    from assistant.audio.sources import WavReplaySource
    from ui.app import build_window

    config = AppConfig().with_overrides(asr={"language": "en"}, vision={"engine": "embedded"},
                                        tts={"play": True}, ui={"reply_voice": "speak",
                                        "speaker_device": "no-such-speaker-xyz"})
    window = build_window(config, home(tmp_path), camera=str(SIGN),
                          microphone=WavReplaySource(Path("/usr/share/sounds/alsa/Noise.wav")))
    window.show()
    try:
        qtbot.waitUntil(lambda: window.ready, timeout=120_000)
        _two_questions_without_sound(window, qtbot, heard)
    finally:
        close_window(qtbot, window)


def _two_questions_without_sound(window, qtbot, heard) -> None:
    window.question.setText("What does the sign say?")
    window.ask_typed()
    qtbot.waitUntil(lambda: len(answers(window)) == 1, timeout=60_000)
    window.question.setText("What colour is it?")
    window.ask_typed()
    qtbot.waitUntil(lambda: len(answers(window)) == 2, timeout=60_000)
    qtbot.waitUntil(lambda: window.state == "Ready — no sound", timeout=10_000)
    sound = [(m, loud) for m, loud in heard if "played aloud" in m or "sound" in m.lower()]
    assert len(sound) == 1 and sound[0][1] is False    # once, and it does not cut in
    assert len(_notes(window, "played aloud")) == 1


def test_questions_keep_their_rows_and_answers_show_before_speech(open_window, qtbot):
    window = open_window(config=ui_config(reply_voice="speak"))
    at_speech: list[list[str]] = []
    window.host.event.connect(lambda e: at_speech.append(window.chat.texts())
                              if isinstance(e, SpeakingStarted) else None)
    window.question.setText("What does the sign say?")
    window.ask_typed()
    window.question.setText("Is the light on?")
    window.ask_typed()                      # while the first is being answered
    texts = window.chat.texts()
    assert any(t.startswith("You typed: What does the sign say?") for t in texts)
    assert any(t.startswith("You typed: Is the light on?") for t in texts)
    qtbot.waitUntil(lambda: not window.chat.open_turns(), timeout=90_000)
    texts = window.chat.texts()
    first = next(i for i, t in enumerate(texts) if t.startswith("You typed: What does the sign"))
    second = next((i for i, t in enumerate(texts) if t.startswith("You typed: Is the light on?")), None)
    assert second is not None, texts
    assert first < second
    assert texts[second + 1].startswith("Assistant: "), texts   # the newest is never dropped
    # The first one was answered or said why not, in the row under it.
    assert texts[first + 1].startswith(("Assistant: ", "Not answered", "Stopped"))
    assert at_speech and any(t.startswith("Assistant: ") for t in at_speech[0])
    assert not any("'assistant " in t for t in texts)  # no console advice in the window


def test_console_advice_is_left_out_of_what_the_window_shows():
    from ui.window_events import without_cli_advice

    text = ("I see a sign. For full descriptions, install a vision model; 'assistant models' "
            "shows how.")
    assert without_cli_advice(text) == "I see a sign."
    assert without_cli_advice("Plain words.") == "Plain words."


def test_an_answer_the_engine_cannot_give_points_to_settings_not_a_console(open_window, qtbot):
    from assistant.voice.events import TurnCompleted
    from ui.worker import WINDOW_MODEL_NOTE

    window = open_window(config=ui_config(reply_voice="speak"))
    window.question.setText("Is it hot?")   # the embedded engine cannot tell: it says so
    window.ask_typed()
    qtbot.waitUntil(lambda: len(answers(window)) == 1, timeout=60_000)
    [done] = [e for e in window.events if isinstance(e, TurnCompleted)]
    assert [n.message for n in done.notices] == [WINDOW_MODEL_NOTE]   # beside the answer
    assert "'assistant" not in done.answer and "'assistant" not in answers(window)[0]
    assert WINDOW_MODEL_NOTE not in answers(window)[0]
    assert window.notice.text() == WINDOW_MODEL_NOTE                  # shown in the notice line
    qtbot.waitUntil(lambda: window.host.engine.speech.last_text.endswith(WINDOW_MODEL_NOTE),
                    timeout=30_000)                                    # and said after the answer


def test_model_preparation_is_shown_while_it_lasts_and_never_left_stale(open_window, heard):
    from assistant.events import Progress

    window = open_window()
    words = "Preparing the multilingual speech model"
    window.on_event(Progress(stage="asr", message=words, done=1, total=4))
    assert window.notice.text() == words and window.state == "Ready"
    assert window.status_events.machine.status.background == words
    window.on_event(Progress(stage="asr", message=words, done=4, total=4))
    assert window.notice.text() == "" and window.status_events.machine.status.background == ""
    assert not any(words in m for m, _ in heard)        # background work is not read out
    window.on_event(Progress(stage="settings", message="Settings saved and applied."))
    assert [m for m, _ in heard].count("Settings saved and applied.") == 1
    assert not _notes(window, "Settings saved")         # a confirmation, not a chat entry


def test_a_question_row_stops_saying_working_once_answered_or_not(qtbot):
    from ui.chat_view import WORKING, ChatView

    chat = ChatView()
    qtbot.addWidget(chat)
    chat.add_question("a", f"You typed: Is the light on?{WORKING}")
    chat.add_question("b", f"You said: What colour is it?{WORKING}")
    chat.grow_answer("a", "It is")
    assert chat.texts()[0].endswith(WORKING)          # still being answered
    chat.finish("a", "It is dark.")                   # the words, before the history has it
    chat.cancel("b", "Stopped.")
    assert chat.texts() == ["You typed: Is the light on?", "Assistant: It is dark.",
                            "You said: What colour is it?", "Stopped."]


def test_the_same_question_twice_gets_two_rows_each_ended_on_its_own(open_window, qtbot):
    """Describe pressed twice quickly (the likeliest double input), then the same words typed
    twice: every question keeps its own row, and each ends answered or cancelled under it."""
    from ui.chat_view import ROLE_KIND, ROLE_TURN, WORKING

    from assistant.voice.engine import DESCRIBE_QUESTION

    window = open_window(config=ui_config(reply_voice="speak"))
    qtbot.waitUntil(lambda: window.host.engine is not None, timeout=60_000)
    window.describe_now()
    window.describe_now()
    for _ in range(2):
        window.question.setText("What does the sign say?")
        window.ask_typed()
    qtbot.waitUntil(lambda: not window.chat.open_turns(), timeout=120_000)
    rows = [(window.chat.item(i).data(ROLE_KIND), window.chat.item(i).text(),
             window.chat.item(i).data(ROLE_TURN)) for i in range(window.chat.count())]
    rows = [r for r in rows if not r[1].startswith("Notice: ")]   # notes about models, if any
    assert len(rows) == 8, [r[:2] for r in rows]
    asked = [DESCRIBE_QUESTION, DESCRIBE_QUESTION, "What does the sign say?", "What does the sign say?"]
    for n, question in enumerate(asked):
        (q_kind, q_text, _), (a_kind, a_text, a_turn) = rows[2 * n], rows[2 * n + 1]
        assert q_kind in ("asking", "question") and not q_text.endswith(WORKING), rows[2 * n]
        assert a_kind in ("answer", "notice"), (n, [r[:2] for r in rows])
        if a_kind == "answer":
            assert a_text.startswith("Assistant: ") and a_turn.question == question
        else:
            assert a_text.startswith(("Not answered", "Stopped")), a_text
    assert rows[-1][0] == "answer" and "LAUNCH PAD" in rows[-1][1].upper()   # the newest answered


def test_without_a_speech_detector_typed_questions_are_still_answered(open_window, qtbot, heard,
                                                                     tmp_path, monkeypatch):
    """The Silero model damaged on disk and no WebRTC detector: the window says once that it
    cannot listen, never claims to, and answers what is typed."""
    import sys

    import assistant.audio.vad as vad

    damaged = tmp_path / "silero_vad_v6.onnx"
    damaged.write_bytes(b"\x08\x07not an onnx model")
    monkeypatch.setattr(vad, "_bundled_silero_path", lambda: str(damaged))
    monkeypatch.setitem(sys.modules, "webrtcvad", None)
    window = open_window(config=ui_config(hands_free=True))
    qtbot.waitUntil(lambda: window.host.engine is not None, timeout=60_000)
    qtbot.waitUntil(lambda: window.status_events.machine.has("no_microphone"), timeout=10_000)
    assert "Listening" not in window.state
    window.question.setText("What does the sign say?")
    window.ask_typed()
    qtbot.waitUntil(lambda: len(answers(window)) == 1, timeout=60_000)
    assert "LAUNCH PAD" in answers(window)[0].upper()
    told = [m for m, _ in heard if "type your questions" in m]
    assert len(told) == 1, heard
    assert "Listening" not in window.state
