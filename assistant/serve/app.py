"""The FastAPI app: routes, the gate, error objects, and the engines' lifespan.

Every failure leaves as an OpenAI-style error object (``errors.py``); an unexpected one is
a 500 with code ``internal_error`` and a plain sentence, its traceback in the log only.
"""
# No "from __future__ import annotations": FastAPI reads the route signatures at run time.

import asyncio
import json
import threading
from contextlib import asynccontextmanager
from typing import Any

from .. import __version__
from ..errors import AssistantError
from ..i18n import from_accept_language
from . import audio, chat, models, simple, speech
from .errors import ApiError, bad_request, error_for
from .auth import Tokens
from .guard import Guard
from .limits import MB
from .runtime import Runtime

KB64 = 65_536


def body_caps(runtime: Runtime) -> dict[str, int]:
    """Largest request body per route, in bytes (the exact checks come later, per field)."""
    s = runtime.config.serve
    image_b64 = int(s.max_image_mb * MB * 4 / 3) + 1024
    text = s.max_text_chars * 4
    upload = int(s.max_audio_mb * MB) + text + KB64
    # A chat may carry a few pictures (one per question) and its earlier turns' text.
    return {"/v1/chat/completions": 3 * image_b64 + 8 * text + KB64,
            "/v1/audio/transcriptions": upload, "/v1/audio/translations": upload,
            "/v1/audio/speech": text + KB64,
            "/caption": int(s.max_image_mb * MB) + KB64, "/vqa": int(s.max_image_mb * MB) + text + KB64}


async def _json(request) -> Any:
    raw = await request.body()
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise bad_request("The request body is not valid JSON.", "invalid_json") from None
    except RecursionError:   # thousands of nested brackets: refused, not a 500
        raise bad_request("The request body nests too deeply to be read.", "invalid_json") from None


def create_app(runtime: Runtime, *, tokens: "Tokens | str", loopback_only: bool):
    from fastapi import FastAPI, Request
    from fastapi.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
    from starlette.exceptions import HTTPException

    @asynccontextmanager
    async def lifespan(app):
        threading.Thread(target=runtime.warm_up, name="serve-warm-up", daemon=True).start()
        yield
        await asyncio.to_thread(runtime.close)

    app = FastAPI(title="assistant", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url=None)

    def send(error: ApiError) -> JSONResponse:
        return JSONResponse(error.body(), status_code=error.status, headers=error.headers)

    @app.exception_handler(ApiError)
    async def _api_error(request, exc: ApiError):
        return send(exc)

    @app.exception_handler(AssistantError)
    async def _coded(request, exc: AssistantError):
        return send(error_for(exc))

    @app.exception_handler(HTTPException)
    async def _http(request, exc: HTTPException):
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "bad_request")
        message = {404: "There is no such route here.", 405: "That method is not allowed here."}
        return send(ApiError(exc.status_code, message.get(exc.status_code, str(exc.detail)), code=code))

    @app.exception_handler(Exception)
    async def _unexpected(request, exc: Exception):
        return send(error_for(exc))

    @app.get("/health")
    async def health(full: str = ""):
        a = runtime.admission
        status = "closing" if a.closing.is_set() else "ok" if a.ready.is_set() else "loading"
        body: dict = {"status": status, "version": __version__}
        if full not in ("", "0", "false", "no"):       # the token was checked by the guard
            done = runtime.selftest
            if done is None:
                body["selftest"] = None
                if status == "ok":
                    status = body["status"] = "checking"
            else:
                body["selftest"] = done.to_json()
                if not done.passed and status == "ok":
                    status = body["status"] = "failed"
        return JSONResponse(body, status_code=200 if status == "ok" else 503)

    try:
        from .metrics import Measure, Metrics
        figures: "Metrics | None" = Metrics(runtime)
    except ImportError:      # the [serve] extra installed before it named prometheus_client
        figures = None

    @app.get("/metrics")
    async def metrics(request: Request):
        if figures is None:
            raise ApiError(503, "The /metrics route needs the prometheus_client package: "
                                "pip install 'local-assistant[serve]'.", code="dependency_missing")
        body, media = figures.render(request.headers.get("accept", ""))
        return Response(body, media_type=media)

    @app.get("/v1/models")
    async def list_models():
        return {"object": "list", "data": models.listing(runtime)}

    @app.get("/v1/models/{model_id:path}")
    async def one_model(model_id: str):
        for entry in models.listing(runtime):
            if entry["id"] == model_id:
                return entry
        raise models.unknown_model(model_id, [m["id"] for m in models.listing(runtime)])

    @app.post("/v1/chat/completions")
    async def chat_completions(request: Request):
        request_chat = chat.parse(await _json(request), models.vision_ids(runtime),
                                  runtime.config.serve.max_text_chars)
        request_chat.accept_language = from_accept_language(request.headers.get("accept-language"))
        if not request_chat.stream:
            return await chat.complete(request_chat, runtime, receive=request.receive)
        lines = await chat.start_stream(request_chat, runtime)
        return StreamingResponse(lines, media_type="text/event-stream",
                                 headers={"cache-control": "no-cache", "x-accel-buffering": "no"})

    async def transcription(request: Request, task: str):
        async with request.form() as form:
            upload = form.get("file")
            if upload is None or isinstance(upload, str):
                raise bad_request("Send the recording as a file field named 'file'.",
                                  "file_missing", "file")
            opts = audio.options_from(form, runtime, task)
            result = await runtime.run("asr", audio.transcribe_job(upload, opts, runtime),
                                       receive=request.receive)
        body, media = audio.render(result, opts)
        if media == "application/json":
            return JSONResponse(body)
        return PlainTextResponse(body, media_type=media)

    @app.post("/v1/audio/transcriptions")
    async def transcriptions(request: Request):
        return await transcription(request, "transcribe")

    @app.post("/v1/audio/translations")
    async def translations(request: Request):
        return await transcription(request, "translate")

    @app.post("/v1/audio/speech")
    async def audio_speech(request: Request):
        req = speech.speech_request(await _json(request), runtime)
        rate, body = await speech.start(req, runtime)
        return StreamingResponse(body, media_type=speech.FORMATS[req["format"]].media_type,
                                 headers={"x-sample-rate": str(rate)})

    async def picture(request: Request, *, vqa: bool):
        async with request.form() as form:
            upload = simple.upload_from(form, runtime)
            question = simple.question_from(form, runtime, required=vqa)
            result = await runtime.run("vision", simple.answer_job(upload, question, runtime),
                                       receive=request.receive)
        model = models.vision_ids(runtime)[0]
        if vqa:
            return {"question": question, "answer": result.answer, "model": model}
        return {"caption": result.answer, "model": model}

    @app.post("/caption")
    async def caption(request: Request):
        return await picture(request, vqa=False)

    @app.post("/vqa")
    async def vqa(request: Request):
        return await picture(request, vqa=True)

    caps = body_caps(runtime)
    if isinstance(tokens, str):
        tokens = Tokens([tokens])
    app.add_middleware(Guard, tokens=tokens, loopback_only=loopback_only, body_caps=caps,
                       default_cap=KB64, requests_per_minute=runtime.config.serve.requests_per_minute,
                       open_on_loopback=frozenset({"/metrics"} if runtime.config.serve.metrics_open_on_loopback
                                                  else ()))
    if figures is not None:     # added last: outermost, so the gate's refusals count too
        app.add_middleware(Measure, metrics=figures)
    return app
