"""One engine's connection to an OpenAI-compatible server, and what it does when that fails.

The official ``openai`` client does the HTTP: a connect timeout of ``remote.connect_timeout_s``,
a read timeout of ``remote.timeout_s``, ``remote.retries`` retries with exponential back-off
on connection errors, timeouts, 408/409/429 and 5xx. What is left to us is the kiosk rule:
before the first request, one quick probe shared by every engine of the process
(``health.ServerHealth``); after a failure, the engine on this machine answers, the user is
told once (not after every question), and the server is left alone for
``remote.recheck_after_s`` (by the next processes too) instead of making every question
wait for a dead server's timeout.
"""
from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping
from pathlib import Path
from urllib.parse import urlsplit

from ..config import RemoteConfig
from ..errors import AssistantError, ConfigError
from ..events import ErrorEvent, Event
from .health import SHARED_KINDS, ServerHealth, shared_health

log = logging.getLogger(__name__)

NO_KEY = "none"           # many local servers (vLLM without --api-key, Ollama) need none
# A server's Retry-After longer than this is ignored (the client would honour up to 2 min):
# the client's own back-off applies, and a kiosk never waits minutes for a busy server.
MAX_SERVER_WAIT_S = 2.0

# What a stage is called in the sentences a user hears.
ROLE_WORDS = {"vision": "vision", "asr": "speech recognition", "tts": "speech"}
OFFLINE_WORDS = {"vision": "answering with the offline engine on this machine",
                 "asr": "listening with the speech recognition on this machine",
                 "tts": "speaking with the voice on this machine"}


class RemoteError(AssistantError):
    """The server could not be used; ``kind`` says why (see ``classify``)."""

    code = "remote_failed"

    def __init__(self, message: str, *, kind: str, stage: str, hint: str = "") -> None:
        super().__init__(message, hint=hint, code=f"remote_{kind}", stage=stage)
        self.kind = kind


def api_key(remote: RemoteConfig, env: Mapping[str, str] | None = None) -> str:
    """remote.api_key, else ASSISTANT_REMOTE_API_KEY, else OPENAI_API_KEY, else a placeholder."""
    env = os.environ if env is None else env
    return (remote.api_key or env.get("ASSISTANT_REMOTE_API_KEY") or env.get("OPENAI_API_KEY")
            or NO_KEY)


def api_base(base_url: str) -> str:
    """The URL the client puts '/chat/completions' after: '/v1' added when no path is given."""
    url = base_url.strip().rstrip("/")
    return url if urlsplit(url).path not in ("", "/") else f"{url}/v1"


def host_of(base_url: str) -> str:
    return urlsplit(base_url).netloc or base_url


def check_remote(remote: RemoteConfig, stage: str) -> None:
    if not remote.base_url:
        raise ConfigError(
            f"{ROLE_WORDS.get(stage, stage).capitalize()} is set to use a server "
            f"({stage}.engine = \"openai\"), but no server is set.",
            hint="Set base_url in the [remote] section of the config file, e.g. "
                 "base_url = \"http://gpu-box:8000/v1\".", code="remote_not_set", stage=stage)


def classify(exc: BaseException) -> str:
    """'refused_key' (401/403), 'unreachable' (connection, timeout, 5xx, 429), 'rejected' (4xx)."""
    import openai

    if isinstance(exc, (openai.AuthenticationError, openai.PermissionDeniedError)):
        return "refused_key"
    if isinstance(exc, (openai.APIConnectionError, *_transport_errors())):   # timeouts included
        return "unreachable"
    status = getattr(exc, "status_code", None)
    if isinstance(status, int) and (status >= 500 or status in (408, 409, 429)):
        return "unreachable"
    return "rejected"


@dataclass
class _Mine:
    """What concerns this engine alone."""

    down_until: float = 0.0  # after a request the server rejected: this engine's own rest
    said: set = field(default_factory=set)   # the kinds of failure already told to the user


def server_id(remote: RemoteConfig, key: str) -> str:
    """The server's address and which key (a refused key is that key's, not the server's);
    only a digest of the key, never the key, goes into the shared health file."""
    return f"{api_base(remote.base_url)}#{hashlib.sha256(key.encode('utf-8')).hexdigest()[:12]}"


class RemoteLink:
    """The client, the server's health (shared with the other engines), the notices said so far."""

    def __init__(self, remote: RemoteConfig, stage: str, *,
                 on_event: Callable[[Event], None] | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 cache_dir: Path | None = None, health: ServerHealth | None = None) -> None:
        """``cache_dir``: where the server's health is kept for the next processes (None:
        in this process only). ``health``: given, instead of this process's shared one."""
        check_remote(remote, stage)
        self.remote = remote
        self.stage = stage
        self.host = host_of(remote.base_url)
        self._key = api_key(remote)
        self._on_event = on_event
        self._clock = clock
        self._client: Any = None
        self._lock = threading.Lock()
        self._mine = _Mine()
        self.health = health or shared_health(server_id(remote, self._key),
                                              remote.recheck_after_s, cache_dir)
        self.answers = 0   # requests the server answered, so a caller can tell who answered

    @property
    def client(self) -> Any:
        """The ``openai.OpenAI`` client, built on first use (the import costs ~0.3 s)."""
        with self._lock:
            if self._client is None:
                import openai

                timeout = openai.Timeout(self.remote.timeout_s,
                                         connect=min(self.remote.connect_timeout_s,
                                                     self.remote.timeout_s))
                self._client = openai.OpenAI(
                    base_url=api_base(self.remote.base_url), api_key=self._key, timeout=timeout,
                    max_retries=self.remote.retries,
                    http_client=openai.DefaultHttpxClient(
                        event_hooks={"response": [_no_long_server_waits]}))
            return self._client

    def available(self) -> bool:
        """Whether to ask the server now (``unavailable`` says why not)."""
        return self.unavailable() is None

    def unavailable(self) -> str | None:
        """None when the server may be asked now. Else "resting" while it rests after a
        failure (this engine's, another engine's or another process's), or the kind of
        failure the probe found just now. The first time, one quick probe that every engine
        of the process shares. Each kind of failure is said once."""
        if self._clock() < self._mine.down_until:
            return "resting"
        kind, probed = self.health.check(self._probe)
        if kind is None:
            return None
        self._say(self.error_of_kind(kind))
        return kind if probed else "resting"

    def succeeded(self) -> None:
        if self._mine.down_until:
            log.info("the %s server at %s answers again", self.stage, self.host)
        self._mine.down_until = 0.0
        self.health.succeeded()

    def answered(self) -> None:
        """The server answered a request (``answers`` counts them)."""
        self.answers += 1
        self.succeeded()

    def failed(self, exc: BaseException) -> RemoteError:
        """Note a failure (the server rests ``recheck_after_s``), say it once, return it coded."""
        error = exc if isinstance(exc, RemoteError) else self.error(exc)
        if error.kind in SHARED_KINDS:   # the server itself: every engine leaves it alone
            self.health.failed(error.kind)
        else:                            # this engine's request: only it waits
            self._mine.down_until = self._clock() + self.remote.recheck_after_s
        log.warning("%s server at %s failed (%s): %s", self.stage, self.host, error.kind, exc)
        self._say(error)
        return error

    def _say(self, error: RemoteError) -> None:
        if error.kind not in self._mine.said:
            self._mine.said.add(error.kind)
            self._emit(ErrorEvent(code=error.code, message=error.user_text(), stage=self.stage))

    def error_of_kind(self, kind: str) -> RemoteError:
        """The coded error for a failure known only by its kind (from the shared health)."""
        return self._worded(kind, "")

    def error(self, exc: BaseException) -> RemoteError:
        return self._worded(classify(exc), getattr(exc, "status_code", ""))

    def _worded(self, kind: str, status: Any) -> RemoteError:
        role, offline = ROLE_WORDS.get(self.stage, self.stage), OFFLINE_WORDS.get(self.stage, "")
        if kind == "refused_key":
            return RemoteError(f"The {role} server at {self.host} refused the API key; {offline}.",
                               kind=kind, stage=self.stage,
                               hint="Set api_key in the [remote] section of the config file, or "
                                    "the ASSISTANT_REMOTE_API_KEY environment variable.")
        if kind == "unreachable":
            return RemoteError(f"The {role} server at {self.host} cannot be reached; {offline}.",
                               kind=kind, stage=self.stage)
        return RemoteError(f"The {role} server at {self.host} refused the request"
                           f"{f' (error {status})' if status else ''}; {offline}.",
                           kind=kind, stage=self.stage,
                           hint="Check the model names in the [remote] section of the config file.")

    def first_model(self) -> str:
        """The first model the server lists at /v1/models (what vLLM and Ollama serve)."""
        listed = self.client.models.list()
        names = [m.id for m in getattr(listed, "data", None) or ()]
        if not names:
            raise RemoteError(f"The server at {self.host} lists no models.", kind="rejected",
                              stage=self.stage, hint="Set vision_model in the [remote] section.")
        return names[0]

    def _probe(self) -> str | None:
        """One quick request (GET /models, no retries, ``connect_timeout_s`` for each step):
        None when the server answered, else the kind of failure."""
        import openai

        quick = self.remote.connect_timeout_s
        try:
            self.client.with_options(max_retries=0, timeout=openai.Timeout(
                quick, connect=quick)).models.list()
        except Exception as exc:  # noqa: BLE001 - any failure here means: use this machine
            if not is_api_error(exc):
                raise
            kind = classify(exc)
            log.warning("%s server at %s did not answer a probe (%s): %s", self.stage, self.host,
                        kind, exc)
            if kind != "rejected":
                return kind
            # It answered (a server without /v1/models, say): it is there.
        return None

    def close(self) -> None:
        with self._lock:
            client, self._client = self._client, None
        if client is not None:
            try:
                client.close()
            except Exception:  # noqa: BLE001 - closing sockets must not fail a shutdown
                log.debug("closing the client failed", exc_info=True)

    def _emit(self, event: Event) -> None:
        if self._on_event is not None:
            try:
                self._on_event(event)
            except Exception:  # noqa: BLE001 - a listener must never break an answer
                log.exception("event handler failed")


def _no_long_server_waits(response: Any) -> None:
    """Drop a Retry-After asking for a longer wait than a person at a kiosk can give."""
    for header, scale in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        value = response.headers.get(header)
        if value is None:
            continue
        try:
            wait = float(value) / scale
        except ValueError:   # an HTTP date: some time later, too long to wait
            wait = float("inf")
        if not wait <= MAX_SERVER_WAIT_S:
            del response.headers[header]


def is_api_error(exc: BaseException) -> bool:
    """An error the server or the network caused (as opposed to a bug here)."""
    import openai

    return isinstance(exc, (openai.APIError, RemoteError, *_transport_errors()))


def _transport_errors() -> tuple[type, ...]:
    """The HTTP library's own errors: a stream cut or stalled part way raises these unwrapped."""
    for name in ("httpx2", "httpx"):   # openai 3.x uses httpx2, 1.x httpx
        try:
            module = __import__(name)
        except ImportError:
            continue
        return (module.HTTPError, module.StreamError)
    return ()


class AnsweredBy:
    """``name`` and ``device`` of whichever answered last: the server, or the engine here
    after a fallback (so ``ask --json`` never names a server that did not answer)."""

    _answered_here = False
    _local: Any = None

    def _remote_name(self) -> str:
        raise NotImplementedError

    @property
    def name(self) -> str:
        if self._answered_here and self._local is not None:
            return str(self._local.name)
        return self._remote_name()

    @property
    def device(self) -> str:
        if self._answered_here and self._local is not None:
            return str(self._local.device)
        return "remote"
