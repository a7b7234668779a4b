"""``GET /metrics``: the server's figures in the Prometheus text format (``prometheus_client``).

What a scraper gets:

* ``assistant_serve_requests_total{route, method, status}`` and
  ``assistant_serve_request_duration_seconds{route}`` (a histogram, from the request's
  arrival to the last byte of its answer: a stream's whole length). Every request counts,
  the gate's refusals (401, 413, 429...) included.
* ``assistant_serve_in_flight{kind}`` (work on a worker now) and
  ``assistant_serve_queue_depth{kind}`` (requests waiting for one), per kind of work
  (``vision``, ``asr``, ``tts``: ``limits.KINDS``, counted by ``limits.Admission``), with ``assistant_serve_workers`` and
  ``assistant_serve_queue_limit`` beside them.
* ``assistant_serve_model_state{role, state}``: 1 for each engine's state (``loading``,
  ``loaded``, ``failed``, ``off``); ``assistant_serve_ready`` (1 once loaded, 0 while
  loading or closing).
* ``process_resident_memory_bytes`` and the other ``process_*`` figures of
  ``prometheus_client``'s own collector (memory, CPU, open files).

No client can make the figures grow without bound: the ``route`` label is one of the
server's routes or ``other`` (never the path a client sent), ``method`` one of GET, POST,
HEAD or ``other``, ``status`` an HTTP status (or ``none`` when the client left before any).
"""
from __future__ import annotations

import time
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.exposition import choose_encoder
from prometheus_client.process_collector import ProcessCollector

ROUTES = ("/health", "/metrics", "/v1/models", "/v1/chat/completions", "/v1/audio/transcriptions",
          "/v1/audio/translations", "/v1/audio/speech", "/caption", "/vqa")
MODEL_ROUTE = "/v1/models/{id}"
METHODS = ("GET", "POST", "HEAD")
# Seconds: a cached answer (milliseconds) up to the default request_timeout_s (120 s).
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)
STATES = ("loading", "loaded", "failed", "off")


def route_of(path: str) -> str:
    """The label for ``path``: one of ``ROUTES``, ``MODEL_ROUTE``, or ``other``."""
    if path in ROUTES:
        return path
    if path.startswith("/v1/models/") and len(path) > len("/v1/models/"):
        return MODEL_ROUTE
    return "other"


class _Live:
    """The figures read at each scrape: work per kind, limits, engines."""

    def __init__(self, runtime: Any) -> None:
        self.runtime = runtime

    def collect(self):
        admission = self.runtime.admission
        running = GaugeMetricFamily("assistant_serve_in_flight", "Requests whose work is on a "
                                    "worker now, per kind of work.", labels=["kind"])
        waiting = GaugeMetricFamily("assistant_serve_queue_depth", "Requests waiting for a "
                                    "worker, per kind of work.", labels=["kind"])
        for kind, (now, queued) in admission.counts().items():
            running.add_metric([kind], now)
            waiting.add_metric([kind], queued)
        yield running
        yield waiting
        yield GaugeMetricFamily("assistant_serve_workers", "Requests of each kind answered at "
                                "once (serve.workers).", value=admission.workers)
        yield GaugeMetricFamily("assistant_serve_queue_limit", "Requests of each kind that may "
                                "wait beyond those (serve.queue); more get 429.", value=admission.queue)
        ready = admission.ready.is_set() and not admission.closing.is_set()
        yield GaugeMetricFamily("assistant_serve_ready", "1 when the models have loaded and "
                                "the server is not shutting down.", value=1 if ready else 0)
        states = GaugeMetricFamily("assistant_serve_model_state", "1 for each engine's state "
                                   "(loading, loaded, failed, off).", labels=["role", "state"])
        for role, state in dict(self.runtime.model_state).items():
            for name in STATES:
                states.add_metric([role, name], 1 if state == name else 0)
        yield states


class Metrics:
    """One server's figures: its own registry (never the process-wide default)."""

    def __init__(self, runtime: Any) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter("assistant_serve_requests", "Requests answered, by route, "
                                "method and status.", ["route", "method", "status"],
                                registry=self.registry)
        self.latency = Histogram("assistant_serve_request_duration_seconds", "Time from a "
                                 "request's arrival to the last byte of its answer.", ["route"],
                                 buckets=BUCKETS, registry=self.registry)
        ProcessCollector(registry=self.registry)
        self.registry.register(_Live(runtime))

    def observe(self, path: str, method: str, status: int | None, seconds: float) -> None:
        route = route_of(path)
        self.requests.labels(route, method if method in METHODS else "other",
                             str(status) if status is not None else "none").inc()
        self.latency.labels(route).observe(seconds)

    def render(self, accept: str = "") -> tuple[bytes, str]:
        """The figures in the format the scraper's ``Accept`` asks for (the library's choice:
        OpenMetrics when asked for, else the Prometheus text format)."""
        encoder, media = choose_encoder(accept)
        return encoder(self.registry), media


class Measure:
    """ASGI middleware, outside the gate: counts and times every HTTP request."""

    def __init__(self, app: Any, *, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        began = time.perf_counter()
        status: list[int] = []

        async def watched(message: dict) -> None:
            if message["type"] == "http.response.start":
                status.append(int(message["status"]))
            await send(message)

        try:
            await self.app(scope, receive, watched)
        finally:
            self.metrics.observe(scope.get("path", ""), scope.get("method", ""),
                                 status[0] if status else None, time.perf_counter() - began)
