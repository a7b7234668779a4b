"""Own-voice guard: the text layer and the acoustic echo detector, on real recorded speech."""
from __future__ import annotations

import numpy as np
import pytest
from voice_helpers import RATE, librivox, silence

from assistant.voice.echo_guard import EchoDetector, EchoTextGuard, containment

REPLY = "The sign says that the old mill is two miles ahead and that the bridge is closed."


def test_containment_measures_words_of_the_transcript_found_in_the_reply():
    assert containment("the old mill is two miles ahead", REPLY) == 1.0
    assert containment("The old mill is 2 miles ahead.", REPLY) >= 0.8  # Whisper writes digits
    assert containment("what colour is the car", REPLY) <= 0.4
    assert containment("", REPLY) == 0.0


def test_text_guard_only_within_the_window_after_a_reply():
    guard = EchoTextGuard(window_s=2.0, threshold=0.6)
    guard.remember(REPLY, started=100.0, ended=106.0)
    assert guard.is_echo("the bridge is closed", utterance_start=103.0)      # during the reply
    assert guard.is_echo("old mill is two miles ahead", utterance_start=107.5)  # reverberation
    assert not guard.is_echo("the bridge is closed", utterance_start=109.0)  # the user quoting us later
    assert not guard.is_echo("what is behind the sign", utterance_start=103.0)


@pytest.fixture(scope="module")
def voices():
    return librivox("0920"), librivox("0880")  # our "reply" and the user's voice


def _play_and_hear(detector: EchoDetector, reply: np.ndarray, mic: np.ndarray, *, t0: float,
                   window_s: float = 0.3) -> list[float]:
    """Reply starts at t0; score each 32 ms step of the mic (which starts at t0 too)."""
    detector.played(reply[: RATE], t0)           # fed in two chunks, as a speaker does
    detector.played(reply[RATE:], t0)            # queued: sounds right after the first
    n = int(window_s * RATE)
    scores = []
    for end in range(n, mic.shape[0], 512):
        scores.append(detector.score(mic[end - n:end], t0 + end / RATE))
    return scores


def _window_rms(signal: np.ndarray, window_s: float = 0.3) -> np.ndarray:
    n = int(window_s * RATE)
    return np.array([np.sqrt(np.mean(signal[end - n:end] ** 2)) for end in range(n, signal.shape[0], 512)])


def test_a_delayed_quieter_copy_of_the_reply_is_echo(voices):
    reply, _ = voices
    delay = int(0.23 * RATE)
    rng = np.random.default_rng(1)
    mic = np.concatenate([silence(0.23), 0.3 * reply])[: reply.shape[0]] + rng.normal(0, 0.002, reply.shape[0])
    scores = np.array(_play_and_hear(EchoDetector(max_delay_s=0.8), reply, mic, t0=50.0))
    voiced = scores[_window_rms(mic) > 0.01]
    assert delay > 0 and voiced.size > 20 and np.median(voiced) > 0.8


def test_the_user_talking_over_the_echo_is_not_echo(voices):
    reply, user = voices
    length = min(reply.shape[0], user.shape[0])
    echo = np.concatenate([silence(0.23), 0.15 * reply])[:length]
    mic = echo + user[:length]
    detector = EchoDetector(max_delay_s=0.8)
    scores = np.array(_play_and_hear(detector, reply, mic, t0=10.0))
    loud = _window_rms(user[:length]) > 0.03
    assert np.median(scores[loud]) < 0.55
    # And with nothing played, nothing is echo.
    assert EchoDetector().score(user[:4800], 5.0) == 0.0


def test_stopping_cuts_the_reference(voices):
    reply, _ = voices
    detector = EchoDetector(max_delay_s=0.5)
    detector.played(reply, 0.0)
    detector.stopped(1.0)
    assert detector.audible_until() == pytest.approx(1.0)
    late = reply[int(2.0 * RATE):int(2.3 * RATE)]
    assert detector.score(late, 2.4) < 0.3  # audio we never played cannot be our echo


def test_three_threads_hammering_the_guards_for_three_seconds():
    """The speech thread feeds, the listener scores, the worker checks transcripts: at once."""
    import threading
    import time as clock

    detector, text_guard = EchoDetector(), EchoTextGuard()
    rng = np.random.default_rng(5)
    speech = rng.normal(0, 0.1, 16000).astype(np.float32)
    errors: list[BaseException] = []
    scores: list[float] = []
    stop_at = clock.monotonic() + 3.0

    def run(work) -> None:
        try:
            while clock.monotonic() < stop_at:
                work()
        except BaseException as exc:  # noqa: BLE001 - any error fails the test
            errors.append(exc)

    def speak() -> None:
        now = clock.monotonic()
        detector.played(speech[:512], now)
        text_guard.remember("the sign says launch pad no entry", now, now + 0.5)
        if rng.random() < 0.05:
            detector.stopped(now)

    def listen() -> None:
        scores.append(detector.score(speech[:512], clock.monotonic()))
        detector.audible_until()

    def check() -> None:
        text_guard.is_echo("the sign says launch pad", clock.monotonic())

    threads = [threading.Thread(target=run, args=(w,)) for w in (speak, listen, check)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert not errors, errors[:3]
    assert len(scores) > 20 and all(0.0 <= s <= 1.0 + 1e-6 for s in scores)


def test_cutting_off_the_handed_back_part_leaves_none_of_it():
    """Stream times are sums of 32 ms windows: a turn opened at 3.380000000000003 s with
    64 ms handed back, cut where that part ends (our voice was heard in it), must have no
    handed-back audio left. 3e-15 s left made the listener keep the turn from there, so the
    echo of our reply before the user's interruption was transcribed with it (the pulse
    end-to-end test failed 1 run in 4)."""
    from assistant.audio.segmenter import Utterance
    from assistant.voice.heard import trim

    start = sum([0.032] * 105) + 0.02      # as the listener's clock adds up
    audio = np.zeros(int(6.228 * 16_000), np.float32)
    utt = Utterance(audio=audio, start_s=start, end_s=start + 6.228, reason="pause",
                    sample_rate=16_000, handed_back_s=(start + 0.064) - start)
    assert utt.handed_back_s != 0.064                  # the float sum, not the round figure
    kept = trim(utt, start + utt.handed_back_s)
    assert kept.handed_back_s == 0.0
    assert kept.audio.shape[0] == audio.shape[0] - 1024
    assert trim(utt, start + 0.032).handed_back_s == pytest.approx(0.032)
