"""Voice-loop benchmark on real recorded speech fed in real time.

    python bench/voice_loop.py                 # latency: librivox clips + the sample question
    python bench/voice_loop.py --noise-minutes 10 [--speed 20]   # phantom count on silence + noise

Latency mode replays each clip followed by 3.5 s of quiet, so the next clip
talks over the (long) reply: every clip gives (a) end of speech -> transcript
and (b) end of speech -> first reply audio; every clip after the first gives
(c) barge-in -> playback stopped. "End of speech" is the segmenter's
end-of-turn decision; the figures from the last voiced audio (which add the
end-of-turn silence) are printed too. Playback goes to a paced stand-in sound
card, so no device is needed.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "voice")]

from voice_helpers import (LIBRIVOX, QUESTION, FakeOutputDevice, FixedVision, read_pcm16,  # noqa: E402
                           silence, write_pcm16)


def p90(values):
    return float(np.percentile(values, 90)) if values else float("nan")


def build(audio_path, speed, vision_answer=None):
    from PIL import Image

    from assistant.asr.whisper import FasterWhisperTranscriber
    from assistant.audio.sources import WavReplaySource
    from assistant.audio.vad import SileroStreamingVad
    from assistant.config import AsrConfig
    from assistant.events import EventBus, Recorder
    from assistant.pipeline import Assistant
    from assistant.tts.piper_voice import PiperSpeaker
    from assistant.tts.playback import Player
    from assistant.voice.loop import VoiceLoop

    bus = EventBus()
    rec = Recorder(bus)
    transcriber = FasterWhisperTranscriber(AsrConfig(model="tiny.en", language="en"))
    transcriber.warm_up()
    speaker = PiperSpeaker()
    speaker.load()
    card = FakeOutputDevice()
    source = WavReplaySource(audio_path, speed=speed)
    vision = FixedVision(vision_answer) if vision_answer else FixedVision()
    image = Image.new("RGB", (64, 64))
    loop = VoiceLoop(source=source, detector=SileroStreamingVad(), transcriber=transcriber,
                     assistant=Assistant(vision=vision, bus=bus), image=lambda: image,
                     speaker=speaker, player=Player(card), bus=bus)
    return loop, source, rec, card


def latency(tmp: Path) -> None:
    from assistant.events import Transcript
    from assistant.voice.events import BargedIn, TurnTimings

    clips = [read_pcm16(QUESTION)] + [read_pcm16(p) for p in sorted(LIBRIVOX.glob("*.wav"))]
    parts, onsets, t = [silence(1.0)], [], 1.0
    for clip in clips:
        voiced = np.flatnonzero(np.abs(clip) > 0.02)
        onsets.append(t + (voiced[0] / 16000 if voiced.size else 0.0))
        parts += [clip, silence(3.5)]
        t += clip.shape[0] / 16000 + 3.5
    parts.append(silence(6.0))
    path = write_pcm16(tmp / "voice_bench.wav", np.concatenate(parts))
    loop, source, rec, card = build(path, 1.0)
    began = time.monotonic()
    loop.start()
    source.wait(600)
    loop.drain(120)
    time.sleep(1.0)
    loop.stop()
    turns = rec.of_type(TurnTimings)
    a = [x.end_to_transcript_s for x in turns]
    a2 = [x.voice_to_transcript_s for x in turns]
    b = [x.end_to_first_audio_s for x in turns if x.end_to_first_audio_s is not None]
    b2 = [x.voice_to_first_audio_s for x in turns if x.voice_to_first_audio_s is not None]
    barge = rec.of_type(BargedIn)
    stops = [x.stop_ms / 1000 for x in barge]
    # Onset of the interrupting speech (replay clock) -> the stand-in card stopped pulling audio.
    ended = sorted(s.ended_at for s in card.streams if s.ended_at is not None)
    onset_to_stop = []
    for onset in onsets[1:]:
        at = began + onset
        after = [e for e in ended if e >= at]
        if after and after[0] - at < 2.0:
            onset_to_stop.append(after[0] - at)
    asr = sum(x.asr_s for x in turns)
    audio_s = sum(x.audio_s for x in turns)
    print(f"clips: {len(clips)}  transcripts: {len(rec.of_type(Transcript))}  barge-ins: {len(barge)}")
    for x in turns:
        if x.end_to_first_audio_s is not None:
            print(f"  {x.text[:60]!r}: asr {x.asr_s:.2f} s, a {x.end_to_transcript_s:.2f} s, "
                  f"b {x.end_to_first_audio_s:.2f} s")
    row = "{:<46} median {:>6.3f} s   p90 {:>6.3f} s   target {}"
    print(row.format("(a) end of turn -> transcript", statistics.median(a), p90(a), "<= 1.0 s"))
    print(row.format("    last voice -> transcript", statistics.median(a2), p90(a2), "(adds end silence)"))
    print(row.format("(b) end of turn -> first reply audio", statistics.median(b), p90(b), "<= 1.5 s"))
    print(row.format("    last voice -> first reply audio", statistics.median(b2), p90(b2), ""))
    if stops:
        print(row.format("(c) barge-in detected -> playback stopped", statistics.median(stops), p90(stops),
                         "<= 0.2 s"))
    if onset_to_stop:
        print(row.format("(c') speech onset -> sound card stopped", statistics.median(onset_to_stop),
                         p90(onset_to_stop), "<= 0.2 s"))
    print(f"ASR real-time factor: {asr / audio_s:.3f} ({asr:.1f} s for {audio_s:.1f} s of speech)")


def noise(tmp: Path, minutes: float, speed: float) -> None:
    from assistant.events import Transcript
    from assistant.voice.events import UtteranceIgnored

    rng = np.random.default_rng(11)
    parts, total = [], 0.0
    while total < minutes * 60:
        kind, level = rng.integers(0, 3), float(10 ** rng.uniform(-3.5, -1))
        n = int(rng.uniform(5, 20) * 16000)
        if kind == 0:
            part = np.zeros(n, np.float32)
        elif kind == 1:
            part = rng.normal(0, level, n).astype(np.float32)
        else:
            brown = np.cumsum(rng.normal(0, 1, n))
            brown -= np.convolve(brown, np.ones(400) / 400, "same")
            part = (level * brown / (np.abs(brown).max() + 1e-9)).astype(np.float32)
        parts.append(part)
        total += n / 16000
    path = write_pcm16(tmp / "voice_noise.wav", np.clip(np.concatenate(parts), -1, 1))
    loop, source, rec, _ = build(path, speed)
    began = time.monotonic()
    loop.start()
    source.wait(3600)
    loop.drain(300)
    loop.stop()
    ignored = rec.of_type(UtteranceIgnored)
    reasons = {r: sum(1 for i in ignored if i.reason == r) for r in {i.reason for i in ignored}}
    print(f"{total / 60:.1f} min of silence and noise at {speed}x in {time.monotonic() - began:.0f} s: "
          f"{len(rec.of_type(Transcript))} transcripts; ignored by the guards: {reasons or 'none'}")
    for t in rec.of_type(Transcript):
        print("  phantom:", t.text)


def main() -> None:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--noise-minutes", type=float, help="run the silence+noise phantom count instead")
    parser.add_argument("--speed", type=float, default=1.0, help="replay speed for the noise run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.noise_minutes:
            noise(Path(tmp), args.noise_minutes, args.speed)
        else:
            latency(Path(tmp))


if __name__ == "__main__":
    main()
