"""Conversation benchmark on real recorded speech fed in real time, through both front ends.

    python bench/voice_loop.py                      # latency, both fronts: listen and the window
    python bench/voice_loop.py --front window       # one of them
    python bench/voice_loop.py --noise-minutes 10 [--speed 20]   # phantom count on silence + noise
    python bench/voice_loop.py --soak-minutes 30 [--front window] # resident memory over a long replay
    python bench/voice_loop.py --speculate on|off --vision-s 0.6  # answering before the verdict
    python bench/voice_loop.py --front listen --onset-hold off    # barge-in without the hold

Latency mode replays each clip followed by 3.5 s of quiet, so the next clip talks over the
(long) reply: every clip gives (a) end of turn -> transcript and (b) end of turn -> first
reply audio; every clip after the first gives (c) speech onset -> sound card stopped
(barge-in), and (d) whether the clip's first two words survived in its transcript (talking
over a reply used to cut the start of the question). "End of turn" is the segmenter's
decision; the figures from the last voiced audio (which add the end-of-turn silence) are
printed too. Both fronts run the same ``ConversationEngine``: "listen" drives it directly as
``assistant listen`` does, "window" through the desktop window's worker (Qt offscreen) with
its events crossing the Qt signal. Playback goes to a paced stand-in sound card.
"""
from __future__ import annotations

import argparse
import re
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "voice")]

from fake_portaudio import sound_card  # noqa: E402
from voice_helpers import (LIBRIVOX, QUESTION, FixedVision, changing_noise,  # noqa: E402
                           read_pcm16, silence, transcript_of, write_pcm16)


def p90(values):
    return float(np.percentile(values, 90)) if values else float("nan")


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 1e6


class SlowVision(FixedVision):
    """The stand-in vision model, taking as long as a real one would (``--vision-s``)."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds

    def answer(self, image, question, history=(), **kwargs):
        time.sleep(self.seconds)
        return super().answer(image, question, history, **kwargs)


class Run:
    """One front end over one replayed recording; ``events`` is everything it emitted."""

    smart_turn = True     # --smart-turn off: every pause is the configured end silence
    speculate = True      # --speculate off: nothing is heard before the pause ends the turn
    each_turn = False     # --each-turn: every turn's figures too
    vision_s = 0.0        # --vision-s: how long the stand-in vision model takes to answer
    end_silence_s = 0.5   # --end-silence: the end-of-turn silence (both fronts' default)
    onset_hold = True     # --onset-hold off: no hold on a loud onset (the listen front)
    room_noise = 0.002    # --room-noise: RMS of the steady noise under the latency replay

    def __init__(self, front: str, audio_path: Path, speed: float) -> None:
        from assistant.audio.sources import WavReplaySource

        self.front, self.card = front, sound_card()
        self.source = WavReplaySource(audio_path, speed=speed)
        self.events: list = []
        self.vision = SlowVision(self.vision_s) if self.vision_s else FixedVision()
        self.began = 0.0

    def keep(self, event) -> None:
        """Only what is measured: a long soak must not grow by holding every event."""
        from assistant.events import Reply, Transcript
        from assistant.voice.events import (BargedIn, SpeechHeld, SpeechResumed, TurnTimings,
                                            UtteranceIgnored)

        if isinstance(event, (Transcript, Reply, TurnTimings, BargedIn, UtteranceIgnored,
                              SpeechHeld, SpeechResumed)):
            self.events.append(event)

    def run(self, timeout: float) -> None:
        (self._listen if self.front == "listen" else self._window)(timeout)

    def _listen(self, timeout: float) -> None:
        from PIL import Image

        from assistant.asr.whisper import FasterWhisperTranscriber
        from assistant.audio.vad import SileroStreamingVad
        from assistant.config import AsrConfig
        from assistant.events import EventBus
        from assistant.pipeline import Assistant
        from assistant.tts.piper_voice import PiperSpeaker
        from assistant.tts.playback import Player
        from assistant.voice.engine import ConversationEngine
        from assistant.voice.events import ConversationOptions, turn_timing

        bus = EventBus()
        bus.subscribe(self.keep)
        transcriber = FasterWhisperTranscriber(AsrConfig(model="tiny.en", language="en"))
        transcriber.warm_up()
        speaker = PiperSpeaker()
        speaker.load()
        image = Image.new("RGB", (64, 64))
        engine = ConversationEngine(source=self.source, detector=SileroStreamingVad(),
                                    transcriber=transcriber, speaker=speaker,
                                    assistant=Assistant(vision=self.vision, bus=bus),
                                    image=lambda: image, player=Player(self.card), bus=bus,
                                    options=ConversationOptions(
                                        segmenter=turn_timing(self.end_silence_s),
                                        smart_turn=self.smart_turn, speculate=self.speculate,
                                        onset_hold=self.onset_hold))
        self.began = time.monotonic()
        engine.start()
        self.source.wait(timeout)
        engine.drain(120)
        time.sleep(1.0)
        engine.close()

    def _window(self, timeout: float) -> None:
        import os
        import tempfile

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QCoreApplication

        from assistant.config import AppConfig
        from assistant.engines.factory import EngineFactory
        from assistant.paths import AppPaths
        from assistant.tts.playback import Player
        from ui.app import build_window

        card, vision = self.card, self.vision

        class BenchFactory(EngineFactory):
            def vision(self, config):
                return vision

            def speaker(self, config, *, output_device=""):
                from assistant.tts.factory import make_speaker

                if not hasattr(self, "bench_speaker"):
                    self.bench_speaker = make_speaker(config, player=Player(card))
                return self.bench_speaker

        home = Path(tempfile.mkdtemp(prefix="bench-window-"))
        paths = AppPaths(home / "config", home / "cache", home / "data")
        config = AppConfig().with_overrides(asr={"language": "en"}, tts={"play": True},
                                            ui={"hands_free": True, "end_silence_s": self.end_silence_s,
                                                "history": False, "smart_turn": self.smart_turn,
                                                "speculate": self.speculate})
        window = build_window(config, paths, camera=str(ROOT / "resources/samples/sign.jpg"),
                              microphone=self.source, factory=BenchFactory(paths))
        window.host.event.connect(self.keep)
        app = QCoreApplication.instance()

        def pump(until, limit_s: float) -> None:
            end = time.monotonic() + limit_s
            while not until() and time.monotonic() < end:
                app.processEvents()
                time.sleep(0.01)

        pump(lambda: window.ready and window.microphone, 120)
        self.began = time.monotonic()
        engine = window.host.engine
        self.source.stop()                       # restart the replay: timing starts now
        self.source.start(engine.on_block)
        pump(lambda: self.source.wait(0), timeout)
        import threading

        drained = threading.Event()
        threading.Thread(target=lambda: (engine.drain(120), drained.set()), daemon=True).start()
        pump(drained.is_set, 130)
        pump(lambda: False, 1.5)
        window.request_quit()
        pump(lambda: window._closed_ok, 10)

    def of(self, kind: type) -> list:
        return [e for e in self.events if isinstance(e, kind)]


def _words(text: str) -> list[str]:
    words = re.findall(r"[a-z']+", text.lower())
    return [{"mr": "mister", "mrs": "missus"}.get(w, w) for w in words]


def latency(tmp: Path, fronts: list[str]) -> None:
    from assistant.events import Transcript
    from assistant.voice.events import BargedIn, SpeechHeld, SpeechResumed, TurnTimings

    stems = [p.stem.rsplit("-", 1)[1] for p in sorted(LIBRIVOX.glob("*.wav"))]
    clips = [read_pcm16(QUESTION)] + [read_pcm16(p) for p in sorted(LIBRIVOX.glob("*.wav"))]
    said = ["what does the sign say"] + [transcript_of(s) for s in stems]
    parts, onsets, starts, t = [silence(1.0)], [], [], 1.0
    for clip in clips:
        voiced = np.flatnonzero(np.abs(clip) > 0.02)
        starts.append(t)
        onsets.append(t + (voiced[0] / 16000 if voiced.size else 0.0))
        parts += [clip, silence(3.5)]
        t += clip.shape[0] / 16000 + 3.5
    parts.append(silence(6.0))
    audio = np.concatenate(parts)
    if Run.room_noise:    # a room is never digitally silent (else each clip's own hiss is an onset)
        audio = audio + np.random.default_rng(1).normal(0, Run.room_noise, audio.shape[0])
    path = write_pcm16(tmp / "voice_bench.wav", np.clip(audio, -1, 1).astype(np.float32))
    row = "  {:<44} median {:>6.3f} s   p90 {:>6.3f} s   target {}"
    for front in fronts:
        run = Run(front, path, 1.0)
        run.run(600)
        turns = run.of(TurnTimings)
        if Run.each_turn:
            for x in turns:
                print(f"    turn: last voice -> end {x.voice_to_transcript_s - x.end_to_transcript_s:.3f} s, "
                      f"-> transcript {x.voice_to_transcript_s:.3f} s, -> first audio "
                      f"{x.voice_to_first_audio_s if x.voice_to_first_audio_s is None else round(x.voice_to_first_audio_s, 3)} s"
                      f"  {x.text[:40]!r}")
        a = [x.end_to_transcript_s for x in turns]
        a2 = [x.voice_to_transcript_s for x in turns]
        b = [x.end_to_first_audio_s for x in turns if x.end_to_first_audio_s is not None]
        b2 = [x.voice_to_first_audio_s for x in turns if x.voice_to_first_audio_s is not None]
        ended = sorted(s.finished_at for s in run.card.streams if s.finished_at is not None)
        # A hold the barge-in then confirmed silenced the card at its next block.
        let_go = [e.at - e.held_s for e in run.of(SpeechResumed)]
        held = [e.at for e in run.of(SpeechHeld) if all(abs(e.at - h) > 1e-3 for h in let_go)]
        pulls = sorted(t for s in run.card.streams for t in s.block_times)
        ended = sorted(ended + [next((t for t in pulls if t > h), h) for h in held])
        onset_to_stop = []
        for start, onset in zip(starts[1:], onsets[1:]):
            # From the clip's start: a hold on its breath or first soft sound, before the
            # first sample over 0.02, is 0 s late (as in bench/barge_in.py).
            at = run.began + onset
            after = [e for e in ended if e >= run.began + start]
            if after and after[0] - at < 2.0:
                onset_to_stop.append(max(after[0] - at, 0.0))
        transcripts = [x.text for x in run.of(Transcript)]
        lost = 0
        for expected, heard in zip(said, transcripts):   # one turn per clip, in order
            if _words(heard)[:2] != _words(expected)[:2]:
                lost += 1
                print(f"    start lost? said {expected!r}, heard {heard!r}")
        lost += max(0, len(said) - len(transcripts))
        print(f"front: {front}   clips {len(clips)}, transcripts {len(transcripts)}, "
              f"barge-ins {len(run.of(BargedIn))}, holds {len(run.of(SpeechHeld))} "
              f"(let go {len(let_go)})")
        print(row.format("(a) end of turn -> transcript", statistics.median(a), p90(a), "<= 1.0 s"))
        print(row.format("    last voice -> transcript", statistics.median(a2), p90(a2), ""))
        print(row.format("(b) end of turn -> first reply audio", statistics.median(b), p90(b),
                         "<= 1.5 s"))
        print(row.format("    last voice -> first reply audio", statistics.median(b2), p90(b2), ""))
        if onset_to_stop:
            print(row.format("(c) speech onset -> sound card stopped", statistics.median(onset_to_stop),
                             p90(onset_to_stop), "<= 0.2 s"))
        print(f"  (d) clips whose first two words were lost: {lost} of {len(clips)} (target 0)")


def noise(tmp: Path, minutes: float, speed: float, front: str) -> None:
    from assistant.events import Transcript
    from assistant.voice.events import BargedIn, UtteranceIgnored

    audio = changing_noise(minutes)
    total = audio.shape[0] / 16000
    path = write_pcm16(tmp / "voice_noise.wav", audio)
    run = Run(front, path, speed)
    began = time.monotonic()
    run.run(3600)
    ignored = run.of(UtteranceIgnored)
    reasons = {r: sum(1 for i in ignored if i.reason == r) for r in {i.reason for i in ignored}}
    print(f"{total / 60:.1f} min of silence and noise at {speed}x in {time.monotonic() - began:.0f} s "
          f"({front}): {len(run.of(Transcript))} transcripts; false stops (barge-ins with no "
          f"one talking) {len(run.of(BargedIn))}; ignored by the guards: {reasons or 'none'}")
    for t in run.of(Transcript):
        print("  phantom:", t.text)


def soak(tmp: Path, minutes: float, speed: float, front: str) -> None:
    """Questions and talk-over for ``minutes`` of audio; resident memory after the first
    minute against the end (models and caches are warm by then)."""
    from assistant.events import Reply

    wavs = sorted(LIBRIVOX.glob("*.wav"))
    clips = [read_pcm16(p) for p in wavs] + [read_pcm16(QUESTION)]
    texts = [transcript_of(p.stem.rsplit("-", 1)[1]) for p in wavs] + ["what does the sign say"]
    parts, total, i, said = [silence(1.0)], 1.0, 0, []
    while total < minutes * 60:
        clip = clips[i % len(clips)]
        said.append(texts[i % len(clips)])
        gap = 3.5 if i % 3 else 9.0      # every third answer is heard to the end
        parts += [clip, silence(gap)]
        total += clip.shape[0] / 16000 + gap
        i += 1
    path = write_pcm16(tmp / "soak.wav", np.concatenate(parts))
    run = Run(front, path, speed)
    import collections

    run.card.streams = collections.deque(maxlen=4)   # the stand-in card keeps no history here
    samples: list[tuple[float, float]] = []
    import threading

    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(5.0):
            samples.append((time.monotonic(), rss_mb()))
    threading.Thread(target=sample, daemon=True).start()
    run.run(minutes * 60 / speed + 600)
    stop.set()
    from assistant.events import Transcript

    heard = [x.text for x in run.of(Transcript)]
    lost = sum(_words(h)[:2] != _words(s)[:2] for s, h in zip(said, heard))
    print(f"clips {len(said)}, transcripts {len(heard)}, first two words lost in {lost}")
    # Resident memory per minute of replay (median of that minute's samples): models and
    # allocator pools reach their working size in the first minutes (Piper's grows for ~30 s
    # of speech), so growth is counted from minute 5, medians damping the per-turn swing.
    per_minute: dict[int, list[float]] = {}
    for t, m in samples:
        per_minute.setdefault(int((t - run.began) * speed // 60), []).append(m)
    curve = [(k, statistics.median(v)) for k, v in sorted(per_minute.items())]
    print("resident MB by minute:", " ".join(f"{k}:{m:.0f}" for k, m in curve))
    settled = [m for k, m in curve if k >= 5]
    if len(settled) >= 2:
        first, last = settled[0], statistics.median(settled[-3:])
        print(f"{total / 60:.1f} min replayed at {speed}x ({front}): {len(run.of(Reply))} replies; "
              f"resident memory {first:.0f} MB at minute 5, {last:.0f} MB at the end, growth "
              f"{100 * (last - first) / first:+.1f}% (target < 5%), peak {max(m for _, m in samples):.0f} MB")


def main() -> None:
    import tempfile

    from assistant.memory import limit_arenas

    limit_arenas()       # as the app's entry point does, before any thread

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--front", choices=("listen", "window", "both"), default="both")
    parser.add_argument("--noise-minutes", type=float, help="run the silence+noise phantom count instead")
    parser.add_argument("--soak-minutes", type=float, help="run the memory soak instead")
    parser.add_argument("--speed", type=float, default=1.0, help="replay speed for noise and soak runs")
    parser.add_argument("--smart-turn", choices=("on", "off"), default="on",
                        help="off: every pause that ends a turn is the configured silence")
    parser.add_argument("--speculate", choices=("on", "off"), default="on",
                        help="off: a turn is heard only once its pause has ended it")
    parser.add_argument("--each-turn", action="store_true", help="print every turn's figures")
    parser.add_argument("--vision-s", type=float, default=0.0,
                        help="seconds the stand-in vision model takes to answer (default 0: "
                             "instant; a real model on a CPU takes one or more)")
    parser.add_argument("--end-silence", type=float, default=0.5,
                        help="the end-of-turn silence in seconds (default 0.5, as listen's)")
    parser.add_argument("--onset-hold", choices=("on", "off"), default="on",
                        help="hold our voice on a loud onset while the VAD decides (listen front)")
    parser.add_argument("--room-noise", type=float, default=0.002,
                        help="RMS of a steady noise floor under the latency replay (default "
                             "0.002, as bench/barge_in.py; 0: digital silence between clips)")
    args = parser.parse_args()
    Run.onset_hold = args.onset_hold == "on"
    Run.room_noise = args.room_noise
    Run.vision_s = args.vision_s
    Run.end_silence_s = args.end_silence
    Run.smart_turn = args.smart_turn == "on"
    Run.speculate = args.speculate == "on"
    Run.each_turn = args.each_turn
    fronts = ["listen", "window"] if args.front == "both" else [args.front]
    with tempfile.TemporaryDirectory() as tmp:
        if args.noise_minutes:
            for front in fronts:
                noise(Path(tmp), args.noise_minutes, args.speed, front)
        elif args.soak_minutes:
            for front in fronts:
                soak(Path(tmp), args.soak_minutes, args.speed, front)
        else:
            latency(Path(tmp), fronts)


if __name__ == "__main__":
    main()
