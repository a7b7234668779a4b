"""How the smart end of turn (``voice/turn_end.py``) judges real pauses: inside a sentence a
person said as one turn, and at its end.

    python bench/turn_end_eval.py            # all Asterisk English prompts and LibriVox clips
    python bench/turn_end_eval.py --show     # also each pause's quick transcript and verdict

Each recording is one turn (a phone prompt or a read sentence, Debian asterisk-core-sounds-en
and pocketsphinx-testdata). Silero (faster-whisper's) finds the pauses of at least 0.2 s
inside it; at each, the quick transcript (``asr.partial``, tiny.en) of the audio so far is
judged as the listener judges it (with the longest pause the speaker went on after so far).
A pause inside a sentence that lasts as long as the wait decided for it splits the sentence;
at the end, the wait is what the answer waits for. Prints the verdicts for each kind of
pause, the sentences split and the waits at the ends.
"""
from __future__ import annotations

import argparse
import collections
import gzip
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "asr")]

ASTERISK = Path("/usr/share/asterisk/sounds/en")
ASTERISK_DOC = Path("/usr/share/doc/asterisk-core-sounds-en/core-sounds-en.txt.gz")
RATE = 16_000


def recordings():
    """(name, audio, text) for each real one-turn recording."""
    from asr_support import librivox_clips

    from assistant.audio import load_audio

    with gzip.open(ASTERISK_DOC, "rt", encoding="utf-8", errors="replace") as handle:
        lines = [line.split(":", 1) for line in handle if ":" in line and not line.startswith(";")]
    for key, text in sorted(lines):
        path = ASTERISK / f"{key.strip()}.wav"
        if "/" in key or "[" in text or not text.strip() or not path.exists():
            continue
        yield key.strip(), load_audio(path), text.strip()
    for path, text in librivox_clips():
        yield path.stem, load_audio(path), text


def pauses(audio: np.ndarray, min_s: float) -> list[tuple[float, float]]:
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    spans = get_speech_timestamps(audio, VadOptions(min_silence_duration_ms=int(min_s * 1000),
                                                    speech_pad_ms=30))
    return [(a["end"] / RATE, b["start"] / RATE) for a, b in zip(spans, spans[1:])]


_WORD = re.compile(r"[\w']+")


def at_sentence_end(said: str, words: int) -> bool:
    """Whether the ``words``-th word of the reference text (give or take one: the quick
    transcript may split or join a word) ends a sentence, or is the last."""
    ends = [bool(re.search(r"[.?!]\W*$", token)) for token in said.split()]
    return any(ends[i] for i in range(max(0, words - 2), min(len(ends), words + 1))) or words >= len(ends)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="print each pause's text and verdict")
    parser.add_argument("--min-pause", type=float, default=0.2, help="shortest pause judged (s)")
    parser.add_argument("--end-silence", type=float, default=0.5,
                        help="the configured end-of-turn silence (listen's: 0.5 s)")
    args = parser.parse_args()

    from assistant.asr.whisper import FasterWhisperTranscriber
    from assistant.config import AsrConfig
    from assistant.voice.turn_end import ending, pause_after

    asr = FasterWhisperTranscriber(AsrConfig(model="tiny.en", language="en"))
    asr.warm_up()
    inside, between, ends = collections.Counter(), collections.Counter(), collections.Counter()
    splits, waits, slow = [], [], []
    for name, audio, said in recordings():
        went_on = 0.0
        for start, stop in pauses(audio, args.min_pause):
            text = asr.quick_text(audio[:int(start * RATE)]) or ""
            verdict = ending(text).value
            mid = not at_sentence_end(said, len(_WORD.findall(text)))
            (inside if mid else between)[verdict] += 1
            wait = pause_after(text, args.end_silence, went_on_after_s=went_on)
            if mid and wait <= stop - start:
                splits.append((name, round(stop - start, 2), round(wait, 2), text))
            if args.show:
                where = "inside" if mid else "between sentences of"
                print(f"  {where} {name} ({stop - start:.2f} s): {text!r} -> {verdict}, {wait:.2f} s")
            went_on = max(went_on, stop - start)
        text = asr.quick_text(audio) or ""
        verdict = ending(text).value
        ends[verdict] += 1
        wait = pause_after(text, args.end_silence, went_on_after_s=went_on)
        waits.append(wait)
        if wait > args.end_silence:
            slow.append((name, round(wait, 2), text))
        if args.show:
            print(f"  end of {name}: {text!r} -> {verdict}, {wait:.2f} s")
    print(f"pauses inside a sentence: {sum(inside.values())}: " +
          ", ".join(f"{k} {v}" for k, v in sorted(inside.items())))
    print(f"pauses between two sentences of one turn: {sum(between.values())}: " +
          ", ".join(f"{k} {v}" for k, v in sorted(between.items())))
    print(f"ends of turns: {sum(ends.values())}: " + ", ".join(f"{k} {v}" for k, v in sorted(ends.items())))
    print(f"end-of-turn wait (end silence {args.end_silence} s): mean {np.mean(waits):.3f} s, "
          f"median {np.median(waits):.2f} s, longer than the setting: {len(slow)}")
    print(f"sentences split (a pause inside it ended the turn): {len(splits)}")
    for name, seconds, wait, text in splits:
        print(f"  {name} ({seconds} s, waited {wait} s): {text!r}")
    print(f"ends waited longer than the setting: {len(slow)}")
    for name, wait, text in slow:
        print(f"  {name} ({wait} s): {text!r}")


if __name__ == "__main__":
    main()
