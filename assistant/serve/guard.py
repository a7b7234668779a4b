"""The gate every request passes first: host, bearer token, body size.

A pure ASGI middleware, so a request without the right token or with a body too large is
refused before any of it is read or parsed:

* **Token.** Every route but plain ``/health`` (``/health?full=1`` needs it too; and ``/metrics`` from a loopback address when
  ``serve.metrics_open_on_loopback`` is on) needs ``Authorization: Bearer <token>`` with one of
  the server's tokens (``auth.Tokens``: settings, environment, key file), compared in
  constant time; otherwise 401. An address that keeps sending wrong ones waits (429
  ``too_many_failures``), and each address has a request rate (429 ``rate_limited``).
* **Host.** Bound to loopback, only requests addressed to a loopback name are taken: a web
  page that rebinds its own domain name to 127.0.0.1 (DNS rebinding) is refused (403).
* **Size.** A body longer than its route allows is refused (413) from its
  ``Content-Length``, or, when it has none (chunked), as soon as more arrives.
"""
from __future__ import annotations

import ipaddress
import json
from typing import Any, Awaitable, Callable, Mapping

from .auth import FailureLimiter, RateLimiter, Tokens
from .errors import ApiError, error_body

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict]]
Send = Callable[[dict], Awaitable[None]]
OPEN_PATHS = frozenset({"/health"})
DRAIN_MAX = 64_000_000   # a refused body up to this size is read (and dropped) first


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and 'localhost'; '0.0.0.0' and names of this machine are not."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _host_name(host_header: str) -> str:
    """'127.0.0.1:8765' -> '127.0.0.1'; '[::1]:80' -> '::1'."""
    value = host_header.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class Guard:
    """ASGI middleware: host check, bearer token, body caps per path (bytes)."""

    def __init__(self, app: Any, *, tokens: Tokens, loopback_only: bool,
                 body_caps: Mapping[str, int], default_cap: int, requests_per_minute: int = 0,
                 open_on_loopback: frozenset[str] = frozenset()) -> None:
        self.app = app
        self.open_on_loopback = open_on_loopback   # paths a client on this computer reads without a token
        self.tokens = tokens
        self.failures = FailureLimiter()
        self.rate = RateLimiter(requests_per_minute)
        self.loopback_only = loopback_only
        self.body_caps = dict(body_caps)
        self.default_cap = default_cap

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        path = scope.get("path", "")
        if self.loopback_only and not is_loopback(_host_name(headers.get("host", "localhost"))):
            await _refuse(send, ApiError(403, "This server only answers requests addressed to "
                                              "this computer (localhost).", code="bad_host"))
            return
        address = (scope.get("client") or ("unknown", 0))[0]
        open_path = path in OPEN_PATHS and not _full_health(scope)
        if not open_path:
            blocked = self.failures.wait_s(address)
            wait = blocked or self.rate.take(address)
            if wait:
                tried = blocked > 0
                await _drain(receive, headers, self.body_caps.get(path, self.default_cap))
                await _refuse(send, ApiError(
                    429, "Too many requests with a wrong API token from this address; wait and "
                         "try again with the right one." if tried else
                         "Too many requests from this address; slow down.",
                    code="too_many_failures" if tried else "rate_limited",
                    headers={"retry-after": str(max(1, round(wait)))}))
                return
        local_open = path in self.open_on_loopback and is_loopback(address)
        if self.tokens and not open_path and not local_open:
            if not self.tokens.matches(headers.get("authorization", "")):
                said = "a wrong" if headers.get("authorization") else "no"
                if headers.get("authorization"):
                    self.failures.failed(address)
                await _drain(receive, headers, self.body_caps.get(path, self.default_cap))
                await _refuse(send, ApiError(
                    401, f"The request carried {said} API token. Send the server's token as "
                         "'Authorization: Bearer <token>' (the OpenAI client's api_key).",
                    code="unauthorized", headers={"www-authenticate": "Bearer"}))
                return
            self.failures.succeeded(address)
        cap = self.body_caps.get(path, self.default_cap)
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > cap:
            await _drain(receive, headers, DRAIN_MAX)
            await _refuse(send, _too_big(cap))
            return
        await self.app(scope, _counting(receive, cap), send)


def _full_health(scope: Scope) -> bool:
    """``/health?full=1``: the self-test's parts (what is broken and why) are for the token's
    holders; plain ``/health`` stays open and cheap."""
    from urllib.parse import parse_qs

    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    return any(v not in ("", "0", "false", "no") for v in query.get("full", []))


async def _drain(receive: Receive, headers: dict[str, str], limit: int) -> None:
    """Read and drop a refused body (up to ``limit`` bytes, as it says it is).

    Closing a connection with unread bytes resets it, and the client then sees a broken
    connection instead of our answer; a body larger than ``limit`` is not worth reading.
    """
    length = headers.get("content-length", "")
    if not length.isdigit() or int(length) > limit:
        return
    seen = 0
    while seen <= limit:
        message = await receive()
        seen += len(message.get("body", b""))
        if message.get("type") != "http.request" or not message.get("more_body", False):
            return


def _too_big(cap: int) -> ApiError:
    return ApiError(413, f"The request is larger than this server takes ({_mb(cap)}).",
                    code="too_large")


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.2f} MB" if n < 10_000_000 else f"{n / 1_000_000:.0f} MB"


def _counting(receive: Receive, cap: int) -> Receive:
    """``receive`` that raises a 413 ApiError once the body passes ``cap`` bytes."""
    seen = 0

    async def wrapped() -> dict:
        nonlocal seen
        message = await receive()
        if message.get("type") == "http.request":
            seen += len(message.get("body", b""))
            if seen > cap:
                raise _too_big(cap)
        return message

    return wrapped


async def _refuse(send: Send, error: ApiError) -> None:
    body = json.dumps(error_body(error.status, error.message, error.code, error.param)).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
               (b"connection", b"close")]
    headers += [(k.encode(), v.encode()) for k, v in error.headers.items()]
    await send({"type": "http.response.start", "status": error.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
