"""What every request shares: the loaded engines, the worker pool, the limits.

One ``EngineFactory`` holds one engine per role (vision, speech recognition, speech), built
as the CLI's ``ask`` builds them, so the server answers exactly what ``assistant ask``
answers. Model work never runs on the event loop: each kind of work (vision, transcription,
speech) goes to its own pool of ``serve.workers`` threads behind ``Admission``
(``limits.py``), so an hour-long transcription never holds up a chat. Engines keep
per-picture caches and are not written for two callers at once, so each role has a lock:
a vision answer and a transcription run side by side, two vision answers one after the
other. (No batching: the embedded engine answers one picture at a time.)

Work stops with its request: the deadline (504), the client closing its connection and
shutdown each cancel the work's token, which every stage checks between its units (a
decoded chunk or segment, a sentence of speech, a vision measurement). On SIGTERM
(``stop_work``) running work is cancelled at once and answered 503 ``shutting_down``; work
that ignores it past ``close``'s wait no longer holds the process (``drained``).
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import shutil
import threading
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any, AsyncIterator, Callable, Iterator, TypeVar

from ..cancel import CancelToken, Cancelled
from ..config import AppConfig
from ..errors import AssistantError
from ..events import ErrorEvent, Event, EventBus, ModelLoaded, ModelLoading
from ..notices import ENGLISH_ONLY, NO_VISION_MODEL
from ..paths import AppPaths
from .errors import ApiError
from .limits import KINDS, Admission, default_workers, shutting_down
from .scratch import run_folder

log = logging.getLogger(__name__)
T = TypeVar("T")
SESSION = "request"   # the one conversation a request carries in its messages
ROLE_WORDS = {"vision": "vision", "asr": "speech recognition", "tts": "speech"}


def _log_event(event: Event) -> None:
    if isinstance(event, (ModelLoading, ModelLoaded)):
        log.info("%s", event)
    elif isinstance(event, ErrorEvent):
        log.info("error event %s (%s): %s", event.code, event.stage, event.message)


# The API's words for the core's notices (assistant/notices.py): they travel in the response's
# own "notices" field (serve/chat.py), never in the answer's content.
API_WORDS = {NO_VISION_MODEL: "No vision model is installed on this server; the answer comes "
                              "from its offline engine.",
             ENGLISH_ONLY: "This vision model answers in English only."}


def api_words(code: str) -> str:
    """The API's words for a notice code, in the reply language."""
    from ..i18n import _

    words = API_WORDS.get(code, "")
    return _(words) if words else ""


class Runtime:
    def __init__(self, config: AppConfig, paths: AppPaths, *, workers: int | None = None) -> None:
        # The server never plays sound on this machine: speech goes back to the client.
        self.config = config.with_overrides(tts={"play": False})
        serve = config.serve
        self.timeout_s = serve.request_timeout_s
        self.admission = Admission(workers or serve.workers or default_workers(), serve.queue)
        self.pools = {kind: concurrent.futures.ThreadPoolExecutor(
            self.admission.workers, thread_name_prefix=f"serve-{kind}") for kind in KINDS}
        self.drained = True      # False when close() gave up waiting for running work
        from ..engines.factory import EngineFactory

        self.bus = EventBus()
        self.bus.subscribe(_log_event)
        self.factory = EngineFactory(paths, on_event=self.bus.emit, remote=config.remote)
        self.locks = {"vision": threading.Lock(), "asr": threading.Lock(), "tts": threading.Lock()}
        self.scratch = run_folder()   # 0700; dead runs' left-overs removed (serve/scratch.py)
        self.problems: list[str] = []       # what could not load at start, in words
        # Per role: "loading", "loaded", "failed" or "off" (not used), for /metrics.
        self.model_state = dict.fromkeys(ROLE_WORDS, "off")
        self._kind: str | None = None
        self._when_ready: list[Callable[[], None]] = []
        self._ready_lock = threading.Lock()
        self._running: set[CancelToken] = set()
        self._running_lock = threading.Lock()
        self.health: Any = None      # the HealthMonitor once the engines are loaded

    # -- engines ---------------------------------------------------------------
    def vision_kind(self) -> str:
        """The vision engine served (looked up once: the loaded engine stays for the run)."""
        if self._kind is None:
            self._kind = self.factory.vision_kind(self.config.vision)
        return self._kind

    def vision(self):
        return self.factory.vision(self.config.vision)

    def transcriber(self):
        return self.factory.transcriber(self.config.asr)

    def speaker(self):
        return self.factory.speaker(self.config.tts)

    def warm_up(self) -> None:
        """Load the models before the first request (which gets 503 until then)."""
        from ..engines.conversation import build_engines
        from ..health import audit_files

        roles = ("vision",) + (("asr",) if self.config.asr.engine == "local" else ()) + \
            (("tts",) if self.config.tts.engine != "none" else ())
        self.model_state.update(dict.fromkeys(roles, "loading"))
        files = None
        try:
            files = audit_files(self.config)      # before loading: a rebuilt model is the one loaded
            built = build_engines(self.factory, self.config, roles=roles, on_error=self._not_loaded)
            self.model_state.update({r: "loaded" for r in roles if self.model_state[r] == "loading"})
            self._start_health(built, files)
        finally:
            with self._ready_lock:
                self.admission.ready.set()
                callbacks, self._when_ready = self._when_ready, []
            for callback in callbacks:
                try:
                    callback()
                except RuntimeError:   # the server stopped while loading: nobody to tell
                    log.info("loaded after the server stopped")

    def _start_health(self, engines, files: dict | None) -> None:
        """The quick self-test now and daily (``/health?full=1``), between requests: it holds
        every engine's lock while it runs."""
        from ..health import HealthMonitor

        def hold():
            stack = contextlib.ExitStack()
            for lock in self.locks.values():
                stack.enter_context(lock)
            return stack

        self.health = HealthMonitor(self.config, lambda: engines, lambda done: None,
                                    hold=hold, files=files)
        self.health.start()

    @property
    def selftest(self):
        """The last self-test's ``SelfTestDone`` (None until the first has run)."""
        return self.health.last if self.health is not None else None

    def _not_loaded(self, exc: BaseException, role: str) -> None:
        """Requests that need it will say so; the other engines still load."""
        what = ROLE_WORDS[role]
        self.model_state[role] = "failed"
        if isinstance(exc, AssistantError):
            log.warning("%s did not load: %s", what, exc.user_text())
            self.problems.append(f"{what}: {exc.user_text()}")
        else:
            log.error("%s failed to load", what, exc_info=exc)
            self.problems.append(f"{what}: failed to load (see the log)")

    def when_ready(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` (from the loading thread) once the models have loaded."""
        with self._ready_lock:
            if not self.admission.ready.is_set():
                self._when_ready.append(callback)
                return
        callback()

    def answer(self, image, question: str, earlier: list, cancel: CancelToken, *,
               on_text: Callable[[str], None] | None = None, tuning: dict | None = None,
               language: str | None = None):
        """``Assistant.respond`` on the shared vision engine; ``earlier``: the request's turns;
        ``language``: the request's (its messages', else its Accept-Language), which wins over
        ``ui.language``; None: the setting (auto: the system locale, else English)."""
        from ..i18n import reply_language, system_locale
        from ..conversation.sessions import MemorySessions
        from ..engines.conversation import Engines, make_assistant
        from ..engines.factory import vision_runtime

        sessions = MemorySessions()
        for turn in earlier:
            sessions.append(SESSION, turn)
        with self.locks["vision"]:
            cancel.check()
            engine = self.vision()
            base = vision_runtime(self.vision_kind(), self.config.vision)
            tuned = {k: v for k, v in (tuning or {}).items() if k in base and v is not None}
            if tuned:   # this request's settings, put back after it under the same lock
                engine.configure(**tuned)
            try:
                assistant = make_assistant(self.config, Engines(vision=engine), bus=self.bus,
                                           sessions=sessions, word_notice=api_words)
                setting = self.config.ui.language
                assistant.reply_setting = reply_language(
                    "auto", language or (None if setting == "auto" else setting), system_locale())
                return assistant.respond(image, question, session=SESSION, cancel=cancel,
                                         on_text=on_text, save=False)
            finally:
                if tuned:
                    engine.configure(**{k: base[k] for k in tuned})

    # -- running work off the event loop -----------------------------------------
    def _submit(self, kind: str, work: Callable[..., Any]) -> tuple[concurrent.futures.Future, CancelToken]:
        self.admission.enter(kind)
        token = CancelToken()
        try:
            future = self.pools[kind].submit(self._call, kind, token, work)
        except RuntimeError:       # the pool was shut down under us
            self.admission.leave(kind)
            raise shutting_down() from None
        future.add_done_callback(lambda _f: self.admission.leave(kind))
        return future, token

    def _call(self, kind: str, token: CancelToken, work: Callable[..., Any]) -> Any:
        with self._running_lock:
            if self.admission.closing.is_set():   # queued before the signal: never started
                raise shutting_down()
            self._running.add(token)
        self.admission.started(kind)
        try:
            return work(token)
        finally:
            self.admission.started(kind, -1)
            with self._running_lock:
                self._running.discard(token)

    async def run(self, kind: str, work: Callable[[CancelToken], T], *, receive=None) -> T:
        """``work(cancel)`` on a ``kind`` worker, within the request timeout (504 past it).

        ``receive``: the request's ASGI receive, read once the body is in; the client
        closing its connection cancels the work at once (nobody is left to answer).
        """
        future, token = self._submit(kind, work)
        waiting = asyncio.wrap_future(future)
        gone = asyncio.ensure_future(_disconnected(receive)) if receive is not None else None
        try:
            async with asyncio.timeout(self.timeout_s):
                if gone is not None:
                    await asyncio.wait({waiting, gone}, return_when=asyncio.FIRST_COMPLETED)
                    if not waiting.done():
                        token.cancel("client gone")
                        raise ApiError(499, "The client closed the connection; the work was "
                                            "stopped.", code="client_gone")
                return await waiting
        except TimeoutError:
            token.cancel("timeout")
            raise _timeout(self.timeout_s) from None
        except asyncio.CancelledError:     # the server stopping, or the client gone
            token.cancel("cancelled")
            if self.admission.closing.is_set():
                raise shutting_down() from None   # said as JSON, not uvicorn's plain 500
            raise
        except Cancelled:
            if self.admission.closing.is_set():
                raise shutting_down() from None
            raise
        finally:
            if gone is not None:
                gone.cancel()

    async def stream(self, work: Callable[[CancelToken, Callable[[str, Any], None]], Any],
                     kind: str = "vision") -> AsyncIterator[tuple[str, Any]]:
        """Run ``work(cancel, post)`` on a ``kind`` worker; yield what it posts: ("ready"|"piece",
        value), then ("done", its result). An exception in ``work`` is raised here."""
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue = asyncio.Queue()

        def post(kind: str, value: Any) -> None:
            loop.call_soon_threadsafe(queue.put_nowait, (kind, value))

        def body(cancel: CancelToken) -> None:
            try:
                post("done", work(cancel, post))
            except BaseException as exc:  # noqa: BLE001 - handed to the event loop to report
                post("error", exc)

        future, token = self._submit(kind, body)
        deadline = loop.time() + self.timeout_s
        try:
            while True:
                try:
                    kind, value = await asyncio.wait_for(queue.get(), max(0.0, deadline - loop.time()))
                except asyncio.TimeoutError:
                    raise _timeout(self.timeout_s) from None
                if kind == "error":
                    if isinstance(value, Cancelled) and self.admission.closing.is_set():
                        raise shutting_down() from None
                    raise value
                yield kind, value
                if kind == "done":
                    return
        finally:
            token.cancel("stream ended")    # no-op when finished; stops work nobody reads

    def stop_work(self) -> None:
        """Shutdown begins: refuse new work (503) and cancel what runs (from a signal handler)."""
        with self._running_lock:
            self.admission.closing.set()
            running = list(self._running)
        for token in running:
            token.cancel("shutting down")

    @contextmanager
    def scratch_dir(self) -> Iterator[Path]:
        """A private folder for one request's uploads, removed afterwards."""
        folder = self.scratch / uuid.uuid4().hex
        folder.mkdir(mode=0o700)
        try:
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def close(self, wait_s: float = 3.0) -> None:
        """Refuse new work, cancel what runs, wait for it (bounded), free the models.

        Work still running after ``wait_s`` (a stage that does not check its token) is left
        behind: ``drained`` turns False and the caller ends the process without waiting for
        its thread."""
        self.stop_work()
        if self.health is not None:   # a self-test in native code at exit aborts the process
            self.health.stop(wait_s=15.0)
        done = threading.Event()

        def drain() -> None:
            for pool in self.pools.values():
                pool.shutdown(wait=False, cancel_futures=True)
            for pool in self.pools.values():
                pool.shutdown(wait=True)
            done.set()

        threading.Thread(target=drain, name="serve-drain", daemon=True).start()
        if done.wait(wait_s):
            self.factory.close()
        else:
            self.drained = False
            log.warning("work still running %.0f s after shutdown began; leaving it", wait_s)
        shutil.rmtree(self.scratch, ignore_errors=True)


async def _disconnected(receive) -> None:
    """Return when the client has closed its connection (the body was read before)."""
    while (await receive())["type"] != "http.disconnect":
        pass


def _timeout(seconds: float) -> ApiError:
    return ApiError(504, f"The answer took longer than {seconds:g} s (serve.request_timeout_s) "
                         "and was stopped.", code="timeout")


__all__ = ["Runtime", "Cancelled", "SESSION"]
