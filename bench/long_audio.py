"""Long recordings: memory and time of `assistant transcribe`, and a `listen --audio-in` soak.

    python bench/long_audio.py transcribe --hours 2 [--code /path/to/other/checkout]
    python bench/long_audio.py listen --minutes 30 --speed 4 [--code ...]

``transcribe`` writes hours of room silence (noise 60 dB below full scale, FLAC) and runs
``assistant transcribe`` on it under ``/usr/bin/time -v``: peak resident memory, wall time,
and what it printed. ``listen`` writes a recording with a LibriVox clip every
``--every`` seconds over the same noise floor and replays it through ``assistant listen
--audio-in FILE --speed N``, sampling the child's resident memory every few seconds: the
median per minute, and the growth from minute 2 to the end (flat memory: a few MB).
``--code`` runs another checkout (e.g. a git worktree of an older commit) with this
interpreter, for before/after figures.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
LIBRIVOX = Path("/usr/share/pocketsphinx/test/data/librivox")
SAMPLE = ROOT / "resources" / "samples" / "sign.jpg"
RATE = 16_000


def write_flac(path: Path, seconds: float, *, clips: list[np.ndarray] = (), every_s: float = 0.0,
               noise_db: float = -60.0, seed: int = 0) -> Path:
    """Room silence (white noise ``noise_db`` below full scale), with ``clips`` every ``every_s`` s."""
    import av

    rng = np.random.default_rng(seed)
    level = 32768 * 10 ** (noise_db / 20)
    with av.open(str(path), "w", format="flac") as out:
        stream = out.add_stream("flac", rate=RATE)
        stream.layout = "mono"
        piece_s = 60.0
        done = 0.0
        clip_n = 0
        while done < seconds:
            n = int(min(piece_s, seconds - done) * RATE)
            block = rng.normal(0, level, n)
            if clips and every_s:
                at = int(np.ceil(done / every_s) * every_s * RATE) - int(done * RATE) + RATE
                while 0 <= at < n:
                    clip = clips[clip_n % len(clips)]
                    end = min(n, at + clip.shape[0])
                    block[at:end] += clip[:end - at] * 32768
                    clip_n += 1
                    at += int(every_s * RATE)
            pcm = np.clip(block, -32768, 32767).astype(np.int16).reshape(1, -1)
            frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="mono")
            frame.sample_rate = RATE
            for packet in stream.encode(frame):
                out.mux(packet)
            done += n / RATE
        for packet in stream.encode(None):
            out.mux(packet)
    return path


def librivox() -> list[np.ndarray]:
    sys.path.insert(0, str(ROOT))
    from assistant.audio.files import load_audio

    return [load_audio(p) for p in sorted(LIBRIVOX.glob("*.wav"))]


def time_v(command: list[str], env: dict[str, str]) -> tuple[subprocess.CompletedProcess, dict[str, str]]:
    done = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True, env=env)
    figures = dict(line.strip().rsplit(": ", 1) for line in done.stderr.splitlines()
                   if line.startswith("\t") and ": " in line)
    return done, figures


def bench_transcribe(args: argparse.Namespace, env: dict[str, str], tmp: Path) -> None:
    path = write_flac(tmp / "silence.flac", args.hours * 3600)
    print(f"{path.name}: {args.hours} h, {path.stat().st_size / 1e6:.0f} MB", flush=True)
    done, figures = time_v([sys.executable, "-m", "assistant", "transcribe", str(path)], env)
    rss_mb = int(figures.get("Maximum resident set size (kbytes)", "0")) / 1024
    print(f"code: {args.code}")
    wall = figures.get("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    print(f"exit {done.returncode}; peak resident {rss_mb:.0f} MB; wall {wall}")
    print(f"stdout: {done.stdout.strip()[:300]!r}")
    print("stderr tail: " + " | ".join(line for line in done.stderr.splitlines()
                                       if line and not line.startswith("\t"))[-400:])


def rss_of(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def bench_listen(args: argparse.Namespace, env: dict[str, str], tmp: Path) -> None:
    path = write_flac(tmp / "soak.flac", args.minutes * 60, clips=librivox(), every_s=args.every)
    print(f"{path.name}: {args.minutes} min, a clip every {args.every} s, {path.stat().st_size / 1e6:.0f} MB, "
          f"replayed at {args.speed}x", flush=True)
    command = [sys.executable, "-m", "assistant", "listen", "--audio-in", str(path), "--speed", str(args.speed),
               "--image", str(SAMPLE), "--voice-engine", "none", "--language", "en", "--json"]
    log = open(tmp / "listen.out", "w+")
    began = time.monotonic()
    child = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    samples: list[tuple[float, float]] = []
    while child.poll() is None:
        rss = rss_of(child.pid)
        if rss is not None:
            samples.append((time.monotonic() - began, rss))
        time.sleep(2.0)
    wall = time.monotonic() - began
    log.seek(0)
    events = log.read()
    transcripts = events.count('"event": "Transcript"')
    replies = events.count('"event": "Reply"')
    print(f"exit {child.returncode}; wall {wall:.0f} s; {transcripts} transcripts, {replies} replies "
          f"(clips: {int(args.minutes * 60 // args.every)})")
    by_minute: dict[int, list[float]] = {}
    for at, rss in samples:
        by_minute.setdefault(int(at // 60), []).append(rss)
    for minute, values in sorted(by_minute.items()):
        print(f"  minute {minute:3d}: median {statistics.median(values):6.0f} MB, max {max(values):6.0f} MB")
    steady = [rss for at, rss in samples if at >= 120]
    if steady:
        print(f"peak {max(r for _, r in samples):.0f} MB; from minute 2: first {steady[0]:.0f} MB, "
              f"last {steady[-1]:.0f} MB, growth {steady[-1] - steady[0]:+.0f} MB")
    if child.returncode:
        print(events[-2000:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=("transcribe", "listen"))
    parser.add_argument("--hours", type=float, default=2.0)
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--every", type=float, default=30.0, help="seconds between clips (listen)")
    parser.add_argument("--speed", type=float, default=4.0)
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout to run (default: this one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = {**os.environ, "PYTHONPATH": str(args.code.resolve()), "ASSISTANT_HOME": str(tmp / "home"),
               "HF_HUB_OFFLINE": "1"}
        os.chdir(args.code)
        (bench_transcribe if args.what == "transcribe" else bench_listen)(args, env, tmp)


if __name__ == "__main__":
    main()
