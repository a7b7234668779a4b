"""Push-to-talk as X11 delivers a held key: release+press pairs ~33 ms apart, no repeat flag."""
from __future__ import annotations

import pytest

from assistant.voice.ptt import PushToTalk, PushToTalkOptions, Talk


def hold(ptt: PushToTalk, seconds: float, *, repeat_hz: float = 30.0, gap_s: float = 0.005):
    """Press, auto-repeat for ``seconds`` while ticking every 32 ms, release; the decisions."""
    decisions, t = list(ptt.press(0.0)), 0.0
    next_repeat = 1.0 / repeat_hz
    while t < seconds:
        t = round(t + 0.001, 6)
        if t >= next_repeat:
            decisions += ptt.release(t)
            decisions += ptt.tick(t + gap_s / 2)      # an audio block lands between the pair
            decisions += ptt.press(t + gap_s)
            next_repeat += 1.0 / repeat_hz
        if abs(t / 0.032 - round(t / 0.032)) < 1e-6:
            decisions += ptt.tick(t)
    decisions += ptt.release(seconds)
    for step in range(1, 10):
        decisions += ptt.tick(seconds + 0.032 * step)
    return decisions


def test_five_seconds_held_with_auto_repeat_is_one_question():
    ptt = PushToTalk()
    assert hold(ptt, 5.0) == [Talk.BEGIN, Talk.END]
    assert not ptt.talking


def test_a_real_release_ends_after_the_grace():
    ptt = PushToTalk(PushToTalkOptions(grace_s=0.12))
    assert ptt.press(0.0) == [Talk.BEGIN]
    assert ptt.release(1.0) == [] and ptt.tick(1.1) == []
    assert ptt.ending_at == pytest.approx(1.12)
    assert ptt.tick(1.13) == [Talk.END]
    assert ptt.press(2.0) == [Talk.BEGIN]      # and the next question starts afresh


def test_taps_are_too_short():
    ptt = PushToTalk()
    assert not ptt.long_enough(0.1) and ptt.long_enough(1.0)
    with pytest.raises(ValueError):
        PushToTalkOptions(grace_s=0)
