"""``assistant serve`` under a crowd of silent connections (a real server, real sockets).

The server runs with 1024 open files at most (soft and hard: a desktop's usual limit), and
1100 sockets connect and never send a byte. Before the limits, about 1000 of them used up
the descriptors and locked every client out until they closed.
"""
from __future__ import annotations

import signal
import socket
import time
from urllib.parse import urlparse

import pytest
from serve_support import sign_message, start


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    served = start(tmp_path_factory.mktemp("crowded"), open_files=1024, config=(
        "[serve]\nheader_timeout_s = 2.0\n[tts]\nengine = \"none\"\n"))
    yield served
    if served.proc.poll() is None:
        served.stop(signal.SIGKILL)


def _address(served) -> tuple[str, int]:
    url = urlparse(served.url)
    return url.hostname, url.port


def _silent_sockets(address, count: int) -> list[socket.socket]:
    socks = []
    for _ in range(count):
        s = socket.socket()
        s.settimeout(10)
        s.connect(address)
        socks.append(s)
    return socks


def _closed_by_server(s: socket.socket, wait_s: float) -> bool:
    s.settimeout(wait_s)
    try:
        return s.recv(1) == b""
    except (ConnectionResetError, BrokenPipeError):
        return True
    except (socket.timeout, TimeoutError):
        return False


def test_eleven_hundred_silent_connections_lock_no_client_out(crowded):
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 4096)), hard))
    socks = _silent_sockets(_address(crowded), 1100)
    try:
        started = time.monotonic()
        with crowded.http() as http:
            assert http.get("/health").status_code == 200
            reply = http.post("/v1/chat/completions",
                              json={"model": "embedded", "messages": [sign_message()]})
        assert reply.status_code == 200, reply.text
        assert "LAUNCH PAD" in reply.json()["choices"][0]["message"]["content"].upper()
        assert time.monotonic() - started < 30
        # The silent ones are let go: none sent a request head within the 2 s allowed.
        time.sleep(3)
        assert sum(_closed_by_server(s, 0.2) for s in socks[-50:]) == 50
    finally:
        for s in socks:
            s.close()
    assert crowded.proc.poll() is None


def test_a_request_head_sent_a_byte_at_a_time_is_cut_off(crowded):
    """A slow drip of header bytes (each byte resets uvicorn's own keep-alive timer) is
    closed once the head has taken longer than the header timeout."""
    with socket.create_connection(_address(crowded), timeout=10) as s:
        started = time.monotonic()
        closed = False
        for byte in b"POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 40:
            try:
                s.send(bytes([byte]))
            except (BrokenPipeError, ConnectionResetError):
                closed = True
                break
            if _closed_by_server(s, 0.25):
                closed = True
                break
        assert closed and time.monotonic() - started < 6
    with crowded.http() as http:         # and the server goes on
        assert http.get("/health").status_code == 200
