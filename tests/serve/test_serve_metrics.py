"""``GET /metrics`` of a real ``assistant serve``, read back with ``prometheus_client``'s
own parser: counts that move with the requests made, work in flight and waiting per kind,
memory and engine state, and no series per path a client makes up."""
from __future__ import annotations

import asyncio
import json
import signal
import socket
import time
import uuid

import pytest
from prometheus_client.parser import text_string_to_metric_families
from serve_support import sign_message, start

LONG_TEXT = ("The quick brown fox jumps over the lazy dog near the river bank. " * 62)[:4000]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    served = start(tmp_path_factory.mktemp("serve"), config=(
        "[serve]\nworkers = 1\nqueue = 4\nrequests_per_minute = 0\n[tts]\nengine = \"auto\"\n"))
    yield served
    if served.proc.poll() is None:
        served.stop(signal.SIGKILL)


def scrape(server, token: str | None = None) -> dict[tuple, float]:
    """Every sample as {(name, sorted labels): value}, parsed strictly by prometheus_client."""
    with server.http(token) as http:
        r = http.get("/metrics")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/plain; version=0.0.4")
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(r.text) for s in family.samples}


def value(samples: dict, name: str, **labels) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def requests(samples: dict, route: str, method: str, status: int | str) -> float:
    return value(samples, "assistant_serve_requests_total", route=route, method=method,
                 status=str(status))


def test_metrics_needs_the_token_like_every_route_but_health(server):
    with server.http(token="") as http:
        assert http.get("/metrics").status_code == 401
    with server.http(token="a-wrong-token") as http:
        assert http.get("/metrics").status_code == 401
    samples = scrape(server)
    assert value(samples, "assistant_serve_ready") == 1
    assert value(samples, "assistant_serve_model_state", role="vision", state="loaded") == 1
    assert value(samples, "assistant_serve_model_state", role="vision", state="loading") == 0
    assert value(samples, "process_resident_memory_bytes") > 50e6      # the models are in it
    assert value(samples, "assistant_serve_workers") == 1
    assert value(samples, "assistant_serve_queue_limit") == 4
    for kind in ("vision", "asr", "tts"):
        assert (("assistant_serve_in_flight", (("kind", kind),)) in samples
                and ("assistant_serve_queue_depth", (("kind", kind),)) in samples)


def test_counts_and_latencies_move_with_the_requests_made(server):
    before = scrape(server)
    client = server.client()
    for _ in range(2):
        client.chat.completions.create(model="embedded", messages=[sign_message()])
    with server.http() as http:
        assert http.get("/v1/models").status_code == 200
        assert http.get("/v1/models/embedded").status_code == 200
        assert http.get("/v1/models/gpt-4o").status_code == 404
        for _ in range(3):
            assert http.get(f"/no-such-{uuid.uuid4().hex}").status_code == 404
    with server.http(token="not-the-token") as http:
        assert http.get("/v1/models").status_code == 401
    after = scrape(server)

    def moved(route, method, status):
        return requests(after, route, method, status) - requests(before, route, method, status)

    assert moved("/v1/chat/completions", "POST", 200) == 2
    assert moved("/v1/models", "GET", 200) == 1 and moved("/v1/models", "GET", 401) == 1
    assert moved("/v1/models/{id}", "GET", 200) == 1 and moved("/v1/models/{id}", "GET", 404) == 1
    assert moved("other", "GET", 404) == 3
    chat = dict(route="/v1/chat/completions")
    count = "assistant_serve_request_duration_seconds_count"
    assert value(after, count, **chat) - value(before, count, **chat) == 2
    took = (value(after, "assistant_serve_request_duration_seconds_sum", **chat)
            - value(before, "assistant_serve_request_duration_seconds_sum", **chat))
    assert 0 < took < 240
    inf = value(after, "assistant_serve_request_duration_seconds_bucket", le="+Inf", **chat)
    assert inf == value(after, count, **chat)


def test_paths_and_methods_a_client_makes_up_add_no_series(server):
    """Memory stays bounded: a thousand made-up paths are one label, ``other``."""
    def batch(n: int) -> None:
        with server.http() as http:
            for i in range(n):
                method = ("GET", "PUT", "DELETE", "BREW")[i % 4]
                http.request(method, f"/made-up/{uuid.uuid4().hex}?q={i}")

    batch(8)
    first = scrape(server)
    batch(200)
    second = scrape(server)
    assert set(second) == set(first)                     # not one series more
    other = sum(v for (name, labels), v in second.items()
                if name == "assistant_serve_requests_total" and ("route", "other") in labels)
    assert other - sum(v for (name, labels), v in first.items()
                       if name == "assistant_serve_requests_total" and ("route", "other") in labels) == 200
    assert not any("made-up" in str(labels) for _, labels in second)
    assert {dict(labels)["method"] for name, labels in second
            if name == "assistant_serve_requests_total"} <= {"GET", "POST", "HEAD", "other"}


def _speech_request(server) -> socket.socket:
    """A long speech request sent over a plain socket and never read (its worker stays busy)."""
    body = json.dumps({"model": "tts-1", "input": LONG_TEXT, "response_format": "pcm"}).encode()
    host, port = server.url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)))
    sock.sendall(f"POST /v1/audio/speech HTTP/1.1\r\nHost: {host}:{port}\r\n"
                 f"Authorization: Bearer {server.token}\r\nContent-Type: application/json\r\n"
                 f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
    return sock


def _wait_for(server, wanted: dict[str, tuple[float, float]], within_s: float) -> dict:
    deadline = time.monotonic() + within_s
    while True:
        samples = scrape(server)
        seen = {kind: (value(samples, "assistant_serve_in_flight", kind=kind),
                       value(samples, "assistant_serve_queue_depth", kind=kind)) for kind in wanted}
        if seen == wanted or time.monotonic() > deadline:
            return seen
        time.sleep(0.2)


def test_in_flight_and_queue_depth_per_kind_of_work(server):
    """One speech worker: the first long request runs, the second waits; when their clients
    leave both figures fall back to 0 (the work was stopped, not left running)."""
    first = _speech_request(server)
    try:
        assert _wait_for(server, {"tts": (1, 0)}, 20) == {"tts": (1, 0)}
        second = _speech_request(server)
        try:
            seen = _wait_for(server, {"tts": (1, 1), "vision": (0, 0), "asr": (0, 0)}, 20)
            assert seen == {"tts": (1, 1), "vision": (0, 0), "asr": (0, 0)}
        finally:
            second.close()
    finally:
        first.close()
    assert _wait_for(server, {"tts": (0, 0)}, 60) == {"tts": (0, 0)}


def test_the_loopback_setting_opens_metrics_to_this_computer_only(tmp_path):
    """Through the gate itself (an ASGI call): a scraper at 127.0.0.1 reads /metrics without
    the token, one at another address and every other route still need it."""
    from assistant.serve.auth import Tokens
    from assistant.serve.guard import Guard

    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    guard = Guard(app, tokens=Tokens(["a-token-of-twenty-chars"]), loopback_only=False,
                  body_caps={}, default_cap=65536, open_on_loopback=frozenset({"/metrics"}))

    def status(path: str, client: str) -> int:
        sent: list[dict] = []

        async def receive():
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message):
            sent.append(message)

        scope = {"type": "http", "path": path, "method": "GET", "client": (client, 5000),
                 "headers": [(b"host", b"example")]}
        asyncio.run(guard(scope, receive, send))
        return sent[0]["status"]

    assert status("/metrics", "127.0.0.1") == 200 and status("/metrics", "::1") == 200
    assert status("/metrics", "192.168.1.20") == 401
    assert status("/v1/models", "127.0.0.1") == 401


def test_the_loopback_setting_in_a_real_server(tmp_path):
    served = start(tmp_path, config="[serve]\nmetrics_open_on_loopback = true\n")
    try:
        with served.http(token="") as http:
            assert http.get("/metrics").status_code == 200
            assert http.get("/v1/models").status_code == 401
    finally:
        served.stop(signal.SIGKILL)
