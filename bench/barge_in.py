"""Barge-in on real voices, at the listener, in stream time: how soon talking over our reply
stops it, and how often our own voice coming back stops it (false stops).

    python bench/barge_in.py                       # the defaults
    python bench/barge_in.py --windows 1,2 --echo-thresholds 0.55,0.7
    python bench/barge_in.py --noise-minutes 10    # our reply over changing noise: false stops, holds
    python bench/barge_in.py --aec off,on          # also with WebRTC's echo canceller (pip install livekit)

Our reply is the bundled Piper voice reading a long text. The microphone hears it back as a
room would: 60 ms late and quieter (35% and 100%; and not at all, as with headphones),
optionally with a reverberant tail (an exponentially decaying noise impulse response, RT60
0.3 s, its energy half the direct sound's), plus a little steady noise. The
user is a human recording (LibriVox and the bundled question) starting 3 s into the reply.
Each run feeds the real ``Listener`` (Silero VAD, the acoustic echo detector) 32 ms blocks
with the times a live stream would have; nothing waits on the wall clock, so the figures
are the decision's own latency (the live loop adds the block's delivery and the sound
card's stop, measured by ``bench/voice_loop.py``).

Figures: speech onset (first sample over 0.02) -> our voice silenced (the hold the barge-in
then confirmed, ``voice/onset.py``, else the barge-in decision), median and p90 over the
clips and echo conditions; false stops, and holds let go (a hold the VAD did not confirm: a
pause in our voice of up to 0.6 s), over every echo-only reply and talk-over.
"""
from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "voice")]

from voice_helpers import LIBRIVOX, QUESTION, changing_noise, read_pcm16  # noqa: E402

RATE = 16_000
T0 = 1000.0           # monotonic time of stream sample 0 (any value: only differences count)
REPLY = ("The sign says that the old mill is two miles ahead and that the bridge is closed to "
         "lorries. There is a tall white rocket on the pad, and people stand around it looking "
         "up at the sky. The weather is clear and bright, and a small dog sits by the fence. "
         "Behind them a red bus waits at the corner with its doors open.")


def reply_audio() -> np.ndarray:
    from assistant.audio.resampler import resample
    from assistant.tts.piper_voice import PiperSpeaker

    piper = PiperSpeaker()
    piper.load()
    audio = np.concatenate(list(piper.chunks(REPLY)))
    return resample(audio, piper.sample_rate, RATE).astype(np.float32)


def room(reply: np.ndarray, gain: float, reverb: bool, rng) -> np.ndarray:
    """What the microphone hears of ``reply`` (same length + tail)."""
    delay = int(0.060 * RATE)
    ir = np.zeros(delay + int(0.35 * RATE), np.float64)
    ir[delay] = 1.0
    if reverb:
        t = np.arange(ir.shape[0] - delay - 1) / RATE
        ir[delay + 1:] += 0.04 * rng.normal(0, 1, t.shape[0]) * np.exp(-6.9 * t / 0.3)
    out = np.convolve(reply.astype(np.float64), ir)[: reply.shape[0] + ir.shape[0]]
    return (gain * out).astype(np.float32)


def run(detector, reply: np.ndarray, mic: np.ndarray, reply_at: float, windows: int,
        echo_threshold: float, onset_hold: bool = True) -> tuple[list[float], list[list]]:
    """Stream times of the barge-in decisions over ``mic`` while ``reply`` plays from
    ``reply_at`` (our voice stops at the first one, as the engine stops it), and the holds:
    [held at, let go at or None]."""
    from assistant.voice.echo_guard import EchoDetector
    from assistant.voice.events import ConversationOptions
    from assistant.voice.listener import Listener

    options = ConversationOptions(barge_in_windows=windows, echo_threshold=echo_threshold,
                                  smart_turn=False, onset_hold=onset_hold)
    echo = EchoDetector(max_delay_s=options.echo_max_delay_s)
    echo.played(reply, T0 + reply_at)
    stops: list[float] = []
    holds: list[list] = []
    end = reply_at + reply.shape[0] / RATE

    def speaking() -> bool:              # as SpeechOutput.speaking: from the reply's first audio
        return not stops and reply_at <= listener.stream_s < end + sum(
            let_go - h for h, let_go in holds if let_go is not None)

    def barged(now: float) -> None:
        stops.append(now - T0)
        echo.stopped(now)

    def held(now: float) -> None:          # as SpeechOutput.hold / resume do
        holds.append([now - T0, None])
        echo.held(now)

    def resumed(now: float) -> None:
        holds[-1][1] = now - T0
        echo.resumed(now)

    detector.reset()
    listener = Listener(detector, options, echo=echo, speaking=speaking,
                        on_heard=lambda heard: None, on_barge_in=barged, emit=lambda e: None,
                        on_hold=held, on_release=resumed)
    block = 512
    for at in range(0, mic.shape[0] - block + 1, block):
        listener.block(mic[at:at + block], T0 + (at + block) / RATE)
    return stops, holds


def silenced_at(stops: list[float], holds: list[list]) -> float | None:
    """When our voice went silent for good: the hold the barge-in confirmed, else the stop."""
    if not stops:
        return None
    confirmed = [h for h, let_go in holds if let_go is None and h <= stops[0]]
    return confirmed[0] if confirmed else stops[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--windows", default="2", help="barge_in_windows values")
    parser.add_argument("--echo-thresholds", default="0.55", help="echo_threshold values")
    parser.add_argument("--onset-hold", default="on,off", help="hold our voice on a loud onset")
    parser.add_argument("--aec", default="off",
                        help="off,on: the microphone through WebRTC's echo canceller (AEC3, from "
                             "the livekit package: pip install livekit) before the listener")
    parser.add_argument("--noise-minutes", type=float,
                        help="instead: our reply over this much changing noise (no echo, no one "
                             "talking); counts false stops and holds")
    args = parser.parse_args()
    if args.noise_minutes:
        noise_run(args.noise_minutes)
        return
    from assistant.audio.vad import SileroStreamingVad

    detector = SileroStreamingVad()
    reply = reply_audio()
    users = [read_pcm16(QUESTION)] + [read_pcm16(p) for p in sorted(LIBRIVOX.glob("*.wav"))]
    lead, user_at = 1.0, 4.0     # the reply starts 1 s in; the user 3 s into it
    conditions = [(0.0, False)] + [(g, r) for g in (0.35, 1.0) for r in (False, True)]
    print(f"reply {reply.shape[0] / RATE:.1f} s, {len(users)} user clips, echo conditions "
          f"{conditions} (gain, reverberant)")
    for aec in [x == "on" for x in args.aec.split(",")]:
        for hold in [x == "on" for x in args.onset_hold.split(",")]:
            for windows in [int(x) for x in args.windows.split(",")]:
                for echo_t in [float(x) for x in args.echo_thresholds.split(",")]:
                    setting = (f"{'AEC, ' if aec else ''}onset hold {'on' if hold else 'off'}, "
                               f"barge_in_windows {windows}, echo_threshold {echo_t:.2f}")
                    measure(detector, reply, users, conditions, lead, user_at, windows, echo_t,
                            hold, setting, aec=aec)


def cancel_echo(mic: np.ndarray, played: np.ndarray) -> np.ndarray:
    """``mic`` through WebRTC's audio processing (AEC3 and its high-pass filter, as livekit
    ships it), fed what we ``played`` (same clock, same length) 10 ms ahead of each frame of
    the microphone, as a live loop would: its delay is the canceller's own estimate."""
    try:
        from livekit import rtc
    except ImportError:
        sys.exit("--aec on needs the livekit package (pip install livekit)")
    apm = rtc.AudioProcessingModule(echo_cancellation=True, high_pass_filter=True)
    frame = RATE // 100

    def pcm(x: np.ndarray):
        data = (np.clip(x, -1.0, 1.0) * 32767).astype(np.int16)
        return rtc.AudioFrame(data.tobytes(), RATE, 1, frame)

    out = np.zeros_like(mic)
    for at in range(0, mic.shape[0] - frame + 1, frame):
        apm.process_reverse_stream(pcm(played[at:at + frame]))
        captured = pcm(mic[at:at + frame])
        apm.process_stream(captured)
        out[at:at + frame] = np.frombuffer(bytes(captured.data), np.int16) / 32768.0
    return out


def measure(detector, reply, users, conditions, lead, user_at, windows, echo_t, hold,
            setting, aec: bool = False) -> None:
    latencies, false_stops, false_holds, echo_runs = [], 0, 0, 0
    by_room: dict[str, list[float]] = {}
    for k, (gain, reverb) in enumerate(conditions):
        rng = np.random.default_rng(k)    # the same rooms for every setting
        total = int((lead + reply.shape[0] / RATE + 1.0) * RATE)
        echo_mic = np.zeros(total, np.float32)
        heard = room(reply, gain, reverb, rng)[: total - int(lead * RATE)]
        echo_mic[int(lead * RATE):int(lead * RATE) + heard.shape[0]] += heard
        echo_mic += rng.normal(0, 0.002, total).astype(np.float32)
        played = np.zeros(total, np.float32)
        played[int(lead * RATE):int(lead * RATE) + reply.shape[0]] = reply[: total - int(lead * RATE)]
        hear = (lambda m: cancel_echo(m, played)) if aec else (lambda m: m)  # noqa: E731
        echo_runs += 1
        stops, holds = run(detector, reply, hear(echo_mic), lead, windows, echo_t, hold)
        false_stops += len(stops)
        false_holds += len(holds)
        for clip in users:
            mic = echo_mic.copy()
            start = int(user_at * RATE)
            piece = clip[: total - start]
            mic[start:start + piece.shape[0]] += piece
            onset = user_at + np.flatnonzero(np.abs(piece) > 0.02)[0] / RATE
            stops, holds = run(detector, reply, hear(mic), lead, windows, echo_t, hold)
            # Before the clip began: our own voice stopped or held us. Between its start and
            # the energy onset: the clip's breath or first soft sound (0 s late).
            early = [s for s in stops if s < user_at]
            false_stops += len(early)
            false_holds += sum(1 for h, let_go in holds if h < user_at or let_go is not None)
            silent = silenced_at([s for s in stops if s >= user_at], holds)
            latencies.append(max(silent - onset, 0.0) if silent is not None and not early
                             else float("nan"))
            name = "no echo" if gain == 0 else f"echo {gain:.0%}{' reverberant' if reverb else ''}"
            by_room.setdefault(name, []).append(latencies[-1])
    found = [x for x in latencies if x == x]
    print(f"{setting}: onset -> our voice silenced, median {statistics.median(found):.3f} s, "
          f"p90 {float(np.percentile(found, 90)):.3f} s over {len(found)} of {len(latencies)} "
          f"talk-overs (missed {len(latencies) - len(found)}); false stops {false_stops}, "
          f"holds let go {false_holds} ({echo_runs} echo-only replies + talk-over leads)")
    for name, values in by_room.items():
        ok = [x for x in values if x == x]
        if ok:
            print(f"    {name:<26} median {statistics.median(ok):.3f} s, "
                  f"p90 {float(np.percentile(ok, 90)):.3f} s, max {max(ok):.3f} s")


def noise_run(minutes: float) -> None:
    """Replies heard quiet (headphones) while the room's noise changes as in
    ``bench/voice_loop.py --noise-minutes``: silence, white noise or rumble at -70 to -20 dBFS,
    5-20 s each. No one talks, so every stop is false; every hold is let go."""
    from assistant.audio.vad import SileroStreamingVad

    detector = SileroStreamingVad()
    reply = reply_audio()
    length = int((1.0 + reply.shape[0] / RATE + 1.0) * RATE)
    noise = changing_noise(minutes)
    for hold in (True, False):
        stops = holds = let_go = replies = 0
        for at in range(0, noise.shape[0] - length + 1, length):
            got_stops, got_holds = run(detector, reply, noise[at:at + length], 1.0, 2, 0.55, hold)
            replies += 1
            stops += len(got_stops)
            holds += len(got_holds)
            let_go += sum(1 for _, gone in got_holds if gone is not None)
        print(f"onset hold {'on' if hold else 'off'}: {replies} replies over {minutes:g} min of "
              f"changing noise, no one talking: false stops {stops}, holds {holds} "
              f"(let go {let_go})")


if __name__ == "__main__":
    main()
