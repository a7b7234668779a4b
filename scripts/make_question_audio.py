"""Make resources/samples/question.wav: "What does the sign say?" spoken by the Piper voice.

We have no human recording of that sentence, so the README demo uses the bundled
Piper voice, resampled to the 16 kHz mono the speech recogniser expects.

    python scripts/make_question_audio.py [--text "..."] [--out path.wav]
"""
from __future__ import annotations

import argparse
import sys
from math import gcd
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.tts import SpeechAudio  # noqa: E402
from assistant.tts.piper_voice import PiperSpeaker  # noqa: E402
from assistant.tts.playback import SilentPlayer  # noqa: E402
from assistant.tts.wav import write_wav  # noqa: E402

TARGET_RATE = 16_000


def to_rate(audio: SpeechAudio, rate: int) -> SpeechAudio:
    """Band-limited resampling (scipy's polyphase filter), so no aliasing hiss."""
    from scipy.signal import resample_poly

    if audio.sample_rate == rate:
        return audio
    g = gcd(audio.sample_rate, rate)
    samples = resample_poly(audio.samples, rate // g, audio.sample_rate // g)
    return SpeechAudio(np.clip(samples, -1.0, 1.0).astype(np.float32), rate)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text", default="What does the sign say?")
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "samples" / "question.wav")
    args = parser.parse_args(argv)

    speaker = PiperSpeaker(player=SilentPlayer())
    audio = speaker.synthesize(args.text)
    # A little silence either side, as in a real recording; the segmenter needs it.
    pad = np.zeros(int(0.3 * audio.sample_rate), dtype=np.float32)
    audio = SpeechAudio(np.concatenate([pad, 0.8 * audio.samples, pad]), audio.sample_rate)
    out = write_wav(to_rate(audio, TARGET_RATE), args.out)
    print(f"wrote {out} ({out.stat().st_size} bytes, {audio.duration_s:.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
