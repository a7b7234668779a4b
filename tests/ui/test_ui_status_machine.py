"""The window's status machine (pure Python, no Qt): honest words, each problem said once."""
from __future__ import annotations

import pytest

from ui.window_state import PROBLEMS, STATES, StatusMachine, WindowStatus, with_text


def started(hands_free: bool = False, microphone: bool = True) -> StatusMachine:
    machine = StatusMachine()
    machine.loading("Loading the vision engine…")
    if not microphone:
        machine.problem("no_microphone", "There is no microphone.")
    else:
        machine.fixed("no_microphone")
    machine.set_hands_free(hands_free)
    machine.became_ready()
    return machine


def test_loading_then_ready_is_announced_once():
    machine = StatusMachine()
    assert machine.loading("Loading speech recognition…").announce == ""
    assert machine.status == WindowStatus(state="loading", text="Loading speech recognition…",
                                          activity="Loading speech recognition…")
    assert machine.became_ready().announce == "Ready"
    assert machine.status.state == "ready" and machine.status.text == "Ready"
    assert not machine.became_ready()       # a second "ready" says nothing
    assert not machine.loading("Loading the voice…") and machine.status.text == "Ready"


def test_hands_free_set_while_loading_is_said_once_with_ready():
    machine = StatusMachine()
    machine.fixed("no_microphone")
    assert not machine.set_hands_free(True)
    assert machine.status.state == "loading"
    assert machine.became_ready().announce == "Listening (hands-free)"


def test_hands_free_without_a_microphone_never_says_listening():
    machine = started(hands_free=True, microphone=False)
    assert machine.status.state == "ready"
    assert machine.status.text == "Ready — no microphone"
    assert "Listening" not in machine.status.text
    back = machine.fixed("no_microphone")
    assert back.notice == "The microphone is back." and back.announce == back.notice
    assert machine.status.state == "listening" and machine.status.text == "Listening (hands-free)"


def test_a_missing_camera_is_a_notice_once_then_a_state_retried_quietly():
    machine = started()
    first = machine.problem("no_camera", "The camera 0 was not found.")
    assert first.notice == first.announce == "The camera 0 was not found."
    assert machine.status.problems == ("no_camera",)
    assert machine.status.text == "Ready — no camera"
    for _ in range(20):                       # the kiosk retries every few seconds
        assert not machine.problem("no_camera", "The camera 0 was not found.")
    assert machine.fixed("no_camera").notice == "The camera is back."
    assert not machine.fixed("no_camera")     # said once
    assert machine.status.text == "Ready" and machine.status.problems == ()


def test_problems_stay_in_a_fixed_order_and_survive_a_turn():
    machine = started()
    machine.problem("no_sound", "Replies cannot be played aloud.")
    machine.problem("no_camera", "No camera.")
    assert machine.status.problems == ("no_camera", "no_sound")
    assert machine.turn_started().announce == "Thinking…"
    assert machine.status.text == "Thinking… — no camera, no sound"
    assert not machine.turn_started()         # the stages of one turn are not re-announced
    machine.stage("Preparing the spoken answer…")
    assert machine.status.state == "thinking"
    machine.speaking()
    assert machine.status.state == "speaking"
    machine.idle()
    assert machine.status.text == "Ready — no camera, no sound"


def test_turns_and_hands_free_words():
    machine = started()
    assert machine.set_hands_free(True).announce == "Listening (hands-free)"
    assert machine.status.state == "listening"
    machine.hearing()
    assert machine.status.text == "Hearing you…" and machine.status.state == "listening"
    machine.turn_started()
    machine.idle()
    assert machine.status.text == "Listening (hands-free)"
    assert machine.set_hands_free(False).announce == "Hands-free off"
    assert machine.status.text == "Ready"


def test_background_work_is_shown_while_it_lasts():
    machine = started()
    machine.progress("Preparing the multilingual speech model", 1, 4)
    assert machine.status.background == "Preparing the multilingual speech model"
    machine.progress("Preparing the multilingual speech model", 4, 4)
    assert machine.status.background == ""     # no stale words after it finished


def test_snapshots_are_checked_and_immutable():
    with pytest.raises(ValueError):
        WindowStatus(state="dreaming")
    with pytest.raises(ValueError):
        WindowStatus(problems=("no_printer",))
    status = with_text(WindowStatus(state="ready"), problems=("no_camera",))
    assert status.text == "Ready — no camera"
    with pytest.raises(Exception):
        status.state = "ready"  # type: ignore[misc]
    assert set(STATES) == {"loading", "ready", "listening", "thinking", "speaking"}
    assert set(PROBLEMS) == {"no_camera", "no_microphone", "no_sound",
                             "cannot_hear", "cannot_speak", "cannot_see"}   # the self-test's parts
