"""Who may use ``assistant serve``: a key file read again when it changes, wrong tokens made
to wait, and a request rate per address. Real servers over real HTTP."""
from __future__ import annotations

import os
import signal

import pytest
from serve_support import start

from assistant.serve.auth import FAILURES_ALLOWED, MAX_BACKOFF_S, FailureLimiter, RateLimiter

TV = "tv-kiosk-token-0123456789"
HALL = "hall-kiosk-token-9876543210"


def _code(response) -> str:
    assert "Traceback" not in response.text
    return response.json()["error"]["code"]


def _rewrite(path, text: str) -> None:
    before = path.stat().st_mtime_ns
    path.write_text(text)
    if path.stat().st_mtime_ns == before:            # coarse clocks: make the change seen
        os.utime(path, ns=(before + 1_000_000, before + 1_000_000))


@pytest.fixture()
def keyed(tmp_path):
    keys = tmp_path / "keys.txt"
    keys.write_text(f"# one per kiosk\n{TV}\n{HALL}  # the hall\n")
    served = start(tmp_path, token="", config=(
        f"[serve]\ntoken_file = \"{keys}\"\n[tts]\nengine = \"none\"\n"))
    yield served, keys
    if served.proc.poll() is None:
        served.stop(signal.SIGKILL)


def test_a_token_deleted_from_the_key_file_is_refused_without_a_restart(keyed):
    served, keys = keyed
    assert "this run's token" not in served.ready_line     # the key file is the access
    with served.http(token=TV) as tv, served.http(token=HALL) as hall:
        assert tv.get("/v1/models").status_code == 200
        assert hall.get("/v1/models").status_code == 200
        _rewrite(keys, f"{TV}\n")
        response = hall.get("/v1/models")
        assert response.status_code == 401 and _code(response) == "unauthorized"
        assert tv.get("/v1/models").status_code == 200
        _rewrite(keys, f"{TV}\n{HALL}\n")                 # added back: taken again
        assert hall.get("/v1/models").status_code == 200
        keys.unlink()                                      # no key file: nobody
        assert tv.get("/v1/models").status_code == 401
    assert served.proc.poll() is None


def test_an_address_that_keeps_sending_wrong_tokens_is_made_to_wait(keyed):
    served, _ = keyed
    with served.http(token="guess-0000000000000000") as guesser:
        codes = [guesser.get("/v1/models").status_code for _ in range(FAILURES_ALLOWED)]
        assert codes == [401] * FAILURES_ALLOWED
        refused = guesser.get("/v1/models")
        assert refused.status_code == 429 and _code(refused) == "too_many_failures"
        assert int(refused.headers["retry-after"]) >= 30
    with served.http(token=TV) as tv:                      # the same address, even a right token
        assert tv.get("/v1/models").status_code == 429
        assert tv.get("/health").status_code == 200       # the health check stays open


def test_an_address_beyond_its_request_rate_gets_429_rate_limited(tmp_path):
    served = start(tmp_path, config="[serve]\nrequests_per_minute = 5\n[tts]\nengine = \"none\"\n")
    try:
        with served.http() as http:
            codes = [http.get("/v1/models").status_code for _ in range(5)]
            refused = http.get("/v1/models")
        assert codes == [200] * 5
        assert refused.status_code == 429 and _code(refused) == "rate_limited"
        assert 1 <= int(refused.headers["retry-after"]) <= 12
    finally:
        assert served.stop(signal.SIGTERM) == 0


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_wait_doubles_while_the_guessing_goes_on_and_is_bounded():
    clock = Clock()
    limiter = FailureLimiter(clock)
    waits = []
    for _ in range(8):
        for _ in range(FAILURES_ALLOWED):
            limiter.failed("10.0.0.9")
        waits.append(limiter.wait_s("10.0.0.9"))
        clock.now += waits[-1]                         # waits it out, then guesses again
    assert waits[:4] == [60.0, 120.0, 240.0, 480.0]
    assert max(waits) == MAX_BACKOFF_S
    assert limiter.wait_s("10.0.0.10") == 0.0          # other addresses are not touched
    clock.now += 2 * MAX_BACKOFF_S
    for _ in range(FAILURES_ALLOWED):
        limiter.failed("10.0.0.9")
    assert limiter.wait_s("10.0.0.9") == 60.0          # a quiet spell starts it over


def test_the_rate_refills_over_time():
    clock = Clock()
    rate = RateLimiter(60, clock)
    assert all(rate.take("a") == 0 for _ in range(60))
    assert rate.take("a") == pytest.approx(1.0)
    clock.now += 1.0
    assert rate.take("a") == 0
    assert RateLimiter(0, clock).take("a") == 0        # 0: no limit
