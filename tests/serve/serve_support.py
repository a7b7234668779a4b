"""Start a real ``assistant serve`` in a child process and talk to it over real HTTP.

The server gets its own ``ASSISTANT_HOME`` and config file, listens on a free port
(``--port 0``; the ready line says which), and is stopped with a signal.
"""
from __future__ import annotations

import base64
import os
import re
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIGN = ROOT / "resources" / "samples" / "sign.jpg"
QUESTION_WAV = ROOT / "resources" / "samples" / "question.wav"
READY = re.compile(r"Serving on (http://\S+) \((.*)\)")
START_TIMEOUT_S = 60.0


@dataclass
class Served:
    proc: subprocess.Popen
    url: str                     # http://127.0.0.1:PORT
    token: str
    home: Path
    ready_line: str
    stdout: list[str] = field(default_factory=list)
    stderr: list[str] = field(default_factory=list)

    @property
    def api(self) -> str:
        return self.url + "/v1"

    def client(self, token: str | None = None, **kw):
        import openai

        return openai.OpenAI(api_key=self.token if token is None else token, base_url=self.api,
                             max_retries=0, timeout=kw.pop("timeout", 120.0), **kw)

    def http(self, token: str | None = None):
        import httpx2

        token = self.token if token is None else token
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx2.Client(base_url=self.url, headers=headers, timeout=120.0)

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30.0) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        return self.proc.wait(timeout=timeout)


def _pump(stream, sink: list[str], ready: threading.Event | None) -> None:
    for line in stream:
        sink.append(line)
        if ready is not None and READY.search(line):
            ready.set()
    if ready is not None:
        ready.set()     # ended without the line: the waiter looks at the process


def _open_files_limit(limit: int):
    def limit_files() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))
    return limit_files


def start(folder: Path, *, token: str = "serve-test-token", config: str = "",
          args: tuple[str, ...] = (), open_files: int | None = None) -> Served:
    """A server with ``config`` (TOML) written in ``folder``, in the test module's
    ``ASSISTANT_HOME`` (tests/conftest.py), whose cache is the run's, so the joined Whisper
    base is built once."""
    folder.mkdir(parents=True, exist_ok=True)
    home = Path(os.environ["ASSISTANT_HOME"])
    cfg = folder / "config.toml"
    cfg.write_text(config)
    env = {**os.environ, "ASSISTANT_HOME": str(home), "HF_HUB_OFFLINE": "1",
           "ASSISTANT_API_TOKEN": token, "PYTHONUNBUFFERED": "1"}
    if not token:
        env.pop("ASSISTANT_API_TOKEN")
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "--config", str(cfg), "serve",
                             "--port", "0", *args], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=_open_files_limit(open_files) if open_files else None)
    out: list[str] = []
    err: list[str] = []
    ready = threading.Event()
    threading.Thread(target=_pump, args=(proc.stdout, out, ready), daemon=True).start()
    threading.Thread(target=_pump, args=(proc.stderr, err, None), daemon=True).start()
    if not ready.wait(START_TIMEOUT_S) or not any(READY.search(l) for l in out):
        proc.kill()
        proc.wait(10)
        raise AssertionError(f"the server did not start within {START_TIMEOUT_S:.0f} s "
                             f"(exit {proc.poll()}):\n{''.join(out)}{''.join(err)}")
    line = next(l for l in out if READY.search(l))
    return Served(proc, READY.search(line).group(1), token, home, line.strip(), out, err)


def data_url(path: Path = SIGN, mime: str = "image/jpeg") -> str:
    return f"data:{mime};base64," + base64.b64encode(path.read_bytes()).decode()


def sign_message(question: str = "What does the sign say?", url: str | None = None) -> dict:
    return {"role": "user", "content": [{"type": "text", "text": question},
                                        {"type": "image_url", "image_url": {"url": url or data_url()}}]}


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z']+", text.lower()))
