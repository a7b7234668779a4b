"""Requests per second and latency of ``assistant serve`` under 1, 4 and 8 concurrent clients.

Starts ``assistant serve`` in a child process (a scratch ``ASSISTANT_HOME``, a token, a
free port), then has N threads, each with its own official ``openai`` client, ask
``chat.completions.create`` about the sign photo ``--requests`` times each. Two photo modes:

* ``same``: the same photo every time. The embedded engine keeps what it measured for
  the last few frames, so this measures the server and the answer, not OCR.
* ``fresh``: each request a different copy of the photo (one pixel changed, so its
  fingerprint differs): OCR and detection run every time.

Run: ``python bench/serve.py [--requests 10] [--clients 1 4 8] [--modes same fresh]``.
Prints one table row per (mode, clients): requests/s, median and p95 latency, failures.
"""
from __future__ import annotations

import argparse
import base64
import io
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIGN = ROOT / "resources" / "samples" / "sign.jpg"
TOKEN = "bench-token"


def start_server(home: Path, workers: int | None) -> tuple[subprocess.Popen, str]:
    env = {**os.environ, "ASSISTANT_HOME": str(home), "ASSISTANT_API_TOKEN": TOKEN,
           "HF_HUB_OFFLINE": "1", "PYTHONUNBUFFERED": "1"}
    cfg = home / "config.toml"
    cfg.write_text("[serve]\nqueue = 64\n[tts]\nengine = \"none\"\n")
    args = [sys.executable, "-m", "assistant", "--config", str(cfg), "serve", "--port", "0"]
    if workers:
        args += ["--workers", str(workers)]
    proc = subprocess.Popen(args, cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    started = time.perf_counter()
    for line in proc.stdout:  # the ready line ends the wait (or the process ending does)
        match = re.search(r"Serving on (http://\S+)", line)
        if match:
            print(f"server ready in {time.perf_counter() - started:.1f} s", file=sys.stderr)
            return proc, match.group(1)
    raise SystemExit(f"the server did not start (exit {proc.wait()})")


def photos(count: int, fresh: bool) -> list[str]:
    from PIL import Image

    raw = SIGN.read_bytes()
    if not fresh:
        return [f"data:image/jpeg;base64,{base64.b64encode(raw).decode()}"] * count
    base = Image.open(io.BytesIO(raw)).convert("RGB")
    urls = []
    for i in range(count):
        img = base.copy()
        img.putpixel((i % img.width, 0), (i * 37 % 256, i * 91 % 256, i * 53 % 256))
        out = io.BytesIO()
        img.save(out, "PNG", compress_level=1)   # lossless: only that pixel differs
        urls.append(f"data:image/png;base64,{base64.b64encode(out.getvalue()).decode()}")
    return urls


def run_level(url: str, clients: int, requests: int, fresh: bool) -> dict:
    import openai

    pictures = photos(clients * requests, fresh)
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()

    def client_loop(index: int) -> None:
        client = openai.OpenAI(api_key=TOKEN, base_url=url + "/v1", max_retries=0, timeout=300)
        for n in range(requests):
            picture = pictures[index * requests + n]
            started = time.perf_counter()
            try:
                reply = client.chat.completions.create(model="embedded", messages=[{
                    "role": "user", "content": [{"type": "text", "text": "What does the sign say?"},
                                                {"type": "image_url", "image_url": {"url": picture}}]}])
                ok = "NO ENTRY" in (reply.choices[0].message.content or "").upper()
                why = "" if ok else "answer did not read the sign"
            except Exception as exc:  # noqa: BLE001 - counted as a failure
                why = f"{type(exc).__name__}: {exc}"
            with lock:
                latencies.append(time.perf_counter() - started)
                if why:
                    failures.append(why)

    threads = [threading.Thread(target=client_loop, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, max(0, int(round(0.95 * len(ordered))) - 1))]
    return {"clients": clients, "requests": len(latencies), "rps": len(latencies) / wall,
            "p50_ms": statistics.median(ordered) * 1000, "p95_ms": p95 * 1000,
            "failures": len(failures), "first_failure": failures[0] if failures else ""}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10, help="requests per client")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 4, 8])
    parser.add_argument("--modes", nargs="+", choices=("same", "fresh"), default=["same", "fresh"])
    parser.add_argument("--workers", type=int, help="serve --workers (default: the server's)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as home:
        proc, url = start_server(Path(home), args.workers)
        try:
            rows = [(mode, run_level(url, n, args.requests, mode == "fresh"))
                    for mode in args.modes for n in args.clients]
        finally:
            proc.terminate()
            proc.wait(30)
    print(f"{'photo':<6} {'clients':>7} {'requests':>8} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'failed':>6}")
    for mode, r in rows:
        print(f"{mode:<6} {r['clients']:>7} {r['requests']:>8} {r['rps']:>7.2f} {r['p50_ms']:>8.0f} "
              f"{r['p95_ms']:>8.0f} {r['failures']:>6}")
        if r["first_failure"]:
            print(f"       first failure: {r['first_failure']}")
    print(f"machine: {os.cpu_count()} cores; embedded vision engine; one vision answer at a time "
          "(per-engine lock), no batching")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
