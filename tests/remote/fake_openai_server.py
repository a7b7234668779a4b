"""A small OpenAI-compatible HTTP server for the remote engines' tests.

It speaks the real wire format over a real socket (uvicorn): /v1/models, /v1/chat/completions
(JSON, or server-sent events with ``data: {...}`` chunks and ``data: [DONE]`` when
``stream`` is true), /v1/audio/transcriptions and /v1/audio/translations (multipart upload),
/v1/audio/speech (WAV bytes). It records every request (path, headers, JSON body or form
fields and the uploaded file) and can be told to fail: ``status`` (500, 401...), ``delay_s``
before answering (on every route, or only on ``faulty`` ones: a server alive enough to list
its models whose chat hangs or fails), or be stopped (connection refused). Its answers are whatever the test
sets; the tests check they pass through our engines unchanged.
"""
# No 'from __future__ import annotations': FastAPI reads the routes' annotations at run time.
import asyncio
import io
import json
import socket
import threading
import time
import wave
from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass
class Recorded:
    path: str
    headers: dict
    body: dict = field(default_factory=dict)     # JSON, or the form fields
    file: bytes = b""                           # the uploaded audio


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tone_wav(seconds: float = 0.5, rate: int = 24_000, hz: float = 440.0) -> bytes:
    """A real 16-bit PCM WAV of a sine tone, what a speech server would send back."""
    t = np.arange(int(seconds * rate)) / rate
    samples = (0.3 * np.sin(2 * np.pi * hz * t) * 32767).astype("<i2")
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.tobytes())
    return buffer.getvalue()


class FakeOpenAIServer:
    def __init__(self, *, port: int | None = None, api_key: str | None = None) -> None:
        self.port = port or free_port()
        self.api_key = api_key            # None: any key (or none) is accepted
        self.models = ["fake-vlm"]
        self.answer = "A red sign with white letters stands on a pole."
        self.pieces: list[str] | None = None   # the streamed pieces; None: answer split by words
        self.transcript = "What does the sign say?"
        self.speech = tone_wav()
        self.status = 200                 # anything else: every /v1 route fails with it
        self.retry_after: str | None = None  # a Retry-After header sent with a failure
        self.delay_s = 0.0                # before each answer (past the client's timeout: slow)
        self.piece_delay_s = 0.01         # between streamed pieces
        self.cut_after: int | None = None  # drop the connection after this many pieces
        self.faulty: tuple[str, ...] | None = None  # the routes status and delay_s apply to; None: all
        self.json_only = False            # refuse verbose_json with 400, as some servers do
        self.requests: list[Recorded] = []
        self._server: Any = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def of(self, path: str) -> list[Recorded]:
        return [r for r in self.requests if r.path == path]

    # -- the app -------------------------------------------------------------
    def _app(self):
        from fastapi import FastAPI, Request
        from fastapi.responses import JSONResponse, Response, StreamingResponse

        app = FastAPI()

        async def gate(request: Request, body: dict, file: bytes = b"") -> Response | None:
            self.requests.append(Recorded(request.url.path, dict(request.headers), body, file))
            faulty = self.faulty is None or request.url.path in self.faulty
            if self.delay_s and faulty:
                try:
                    await asyncio.sleep(self.delay_s)
                except asyncio.CancelledError:   # stopped while "slow": end quietly
                    return JSONResponse({"error": {"message": "stopping"}}, status_code=503)
            if self.api_key is not None and \
                    request.headers.get("authorization") != f"Bearer {self.api_key}":
                return JSONResponse({"error": {"message": "Incorrect API key provided.",
                                               "type": "invalid_request_error",
                                               "code": "invalid_api_key"}}, status_code=401)
            if self.status != 200 and faulty:
                headers = {"retry-after": self.retry_after} if self.retry_after else None
                return JSONResponse({"error": {"message": "The server had an error.",
                                               "type": "server_error"}}, status_code=self.status,
                                    headers=headers)
            return None

        @app.get("/v1/models")
        async def models(request: Request):
            failed = await gate(request, {})
            return failed or {"object": "list", "data": [
                {"id": name, "object": "model", "created": 0, "owned_by": "test"}
                for name in self.models]}

        @app.post("/v1/chat/completions")
        async def chat(request: Request):
            body = await request.json()
            failed = await gate(request, body)
            if failed:
                return failed
            model = body.get("model", "")
            if not body.get("stream"):
                return {"id": "chatcmpl-1", "object": "chat.completion", "created": 0,
                        "model": model, "choices": [{"index": 0, "finish_reason": "stop",
                        "message": {"role": "assistant", "content": self.answer}}]}
            pieces = self.pieces if self.pieces is not None else \
                [word + " " for word in self.answer.split(" ")[:-1]] + [self.answer.split(" ")[-1]]

            async def events():
                def chunk(delta: dict, finish: str | None = None) -> str:
                    data = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 0,
                            "model": model, "choices": [{"index": 0, "delta": delta,
                                                         "finish_reason": finish}]}
                    return f"data: {json.dumps(data)}\n\n"

                yield chunk({"role": "assistant", "content": ""})
                for i, piece in enumerate(pieces):
                    if self.cut_after is not None and i == self.cut_after:
                        raise ConnectionAbortedError("the server went away mid-answer")
                    yield chunk({"content": piece})
                    await asyncio.sleep(self.piece_delay_s)
                yield chunk({}, "stop")
                yield "data: [DONE]\n\n"

            return StreamingResponse(events(), media_type="text/event-stream")

        async def audio_in(request: Request):
            form = await request.form()
            upload = form.get("file")
            data = await upload.read() if upload is not None else b""
            fields = {k: v for k, v in form.items() if k != "file"}
            failed = await gate(request, fields, data)
            if failed:
                return failed
            if fields.get("response_format") == "verbose_json" and self.json_only:
                return JSONResponse({"error": {"message": "response_format must be json",
                                               "type": "invalid_request_error"}}, status_code=400)
            if fields.get("response_format") == "verbose_json":
                return {"task": "transcribe", "language": "english", "duration": 1.0,
                        "text": self.transcript, "segments": []}
            return {"text": self.transcript}

        app.post("/v1/audio/transcriptions")(audio_in)
        app.post("/v1/audio/translations")(audio_in)

        @app.post("/v1/audio/speech")
        async def speech(request: Request):
            body = await request.json()
            failed = await gate(request, body)
            return failed or Response(self.speech, media_type="audio/wav")

        return app

    # -- running ---------------------------------------------------------------
    def start(self) -> "FakeOpenAIServer":
        import uvicorn

        config = uvicorn.Config(self._app(), host="127.0.0.1", port=self.port, log_level="error",
                                timeout_graceful_shutdown=1, lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the fake OpenAI server did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        """Stop listening: a request now gets 'connection refused'."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(10)
        self._server = self._thread = None

    def __enter__(self) -> "FakeOpenAIServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
