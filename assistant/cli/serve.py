"""``assistant serve``: the OpenAI-compatible API on this computer (``assistant/serve/``).

Loopback (127.0.0.1) unless ``--host`` says otherwise. A bearer token is always required
(but on ``/health``): ``serve.token`` or ``ASSISTANT_API_TOKEN``; on loopback without one, a
random token for this run is made and printed (other users and web pages on this computer
cannot use the models); binding anywhere else refuses to start without one (exit 2).
Prints one line when it answers: ``Serving on http://HOST:PORT (token required)``.
SIGTERM stops it cleanly with exit 0, Ctrl+C (SIGINT) with 130. SIGHUP (``systemctl
reload``) reads the settings file again: new tokens take effect at once; a changed address,
worker count or model is named as needing a restart.
"""
from __future__ import annotations

import argparse
import os
import secrets
import signal
import socket
import sys
from typing import Any

from ..config import AppConfig
from ..errors import EXIT_INTERRUPTED, EXIT_OK, ConfigError, InputError
from ..paths import AppPaths
from .console import exit_now

TOKEN_ENV = "ASSISTANT_API_TOKEN"


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = subparsers.add_parser("serve", help="answer OpenAI-compatible API requests on this computer")
    p.add_argument("--host", help="address to listen on (default: serve.host, 127.0.0.1: this "
                                  "computer only); any other needs a token")
    p.add_argument("--port", type=_port, help="port (default: serve.port, 8765; 0: any free port)")
    p.add_argument("--workers", type=_workers, help="requests answered at once (default: serve.workers)")
    return p


def _port(value: str) -> int:
    if not value.isdigit() or not 0 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"--port must be a number from 0 to 65535, not {value!r}")
    return int(value)


def _workers(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 256:
        raise argparse.ArgumentTypeError(f"--workers must be a number from 1 to 256, not {value!r}")
    return int(value)


def api_token(config: AppConfig) -> str:
    """The token clients must send: ``serve.token``, else ``$ASSISTANT_API_TOKEN``; "" for none."""
    return (config.serve.token or os.environ.get(TOKEN_ENV, "")).strip()


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        why = "is in use by another program" if exc.errno in (98, 48) else f"cannot be used ({exc.strerror})"
        raise InputError(f"The address {host}:{port} {why}.",
                         hint="Choose another with --port (or serve.port), or stop the other program.",
                         code="port_unavailable") from None
    sock.listen(1024)     # a burst of connections waits here instead of being reset
    sock.set_inheritable(True)
    return sock


MIN_TOKEN_CHARS = 16   # beyond loopback; a random one per run is 24


def run(args: argparse.Namespace, config: AppConfig, paths: AppPaths) -> int:
    from ..serve.guard import is_loopback

    host = args.host or config.serve.host
    port = config.serve.port if args.port is None else args.port
    from ..serve.auth import Tokens

    token = api_token(config)
    loopback = is_loopback(host)
    fixed = [t for t in [token, *config.serve.tokens] if t.strip()]
    tokens = Tokens(fixed, config.serve.token_file or None,
                    min_chars=1 if loopback else MIN_TOKEN_CHARS)
    if not loopback and not tokens:
        raise ConfigError(f"Listening on {host} lets other computers in, so it needs an API token.",
                          hint=f"Set {TOKEN_ENV}, serve.token, serve.tokens or serve.token_file, or "
                               "leave --host out to serve this computer only.", code="token_required")
    short = [t for t in fixed if len(t.strip()) < MIN_TOKEN_CHARS]
    if not loopback and short:
        raise ConfigError(f"An API token has {len(short[0].strip())} characters; on {host} other "
                          f"computers could guess it. Use at least {MIN_TOKEN_CHARS}.",
                          hint="Make one with: python3 -c 'import secrets; print(secrets.token_urlsafe(24))'",
                          code="token_too_short")
    uvicorn = _require_server()
    from ..serve.app import create_app
    from ..serve.connections import connection_cap, guarded_protocol, raise_descriptor_limit
    from ..serve.runtime import Runtime
    from ..serve.server import Server

    sock = _bind(host, port)
    runtime = Runtime(config, paths, workers=args.workers)
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    access = "token required"
    if not tokens:
        token = secrets.token_urlsafe(18)
        tokens = Tokens([token])
        access = f"token required; this run's token: {token} - set {TOKEN_ENV} to choose one"
    ready = f"Serving on http://{shown}:{bound} ({access})"
    app = create_app(runtime, tokens=tokens, loopback_only=loopback)
    cap = connection_cap(config.serve.max_connections, raise_descriptor_limit())
    protocol = guarded_protocol(cap, config.serve.header_timeout_s)
    settings_file = args.config or paths.config_file
    server = Server(uvicorn.Config(app, log_config=None, access_log=False, lifespan="on",
                                    timeout_graceful_shutdown=5, log_level="warning",
                                    http=protocol),
                     runtime=runtime, ready_line=ready,
                     reload=lambda: reload_settings(settings_file, config, tokens, loopback))
    server.run(sockets=[sock])
    code = EXIT_INTERRUPTED if signal.SIGINT in server.signals else EXIT_OK
    if code == EXIT_INTERRUPTED:
        print("Stopped.", file=sys.stderr, flush=True)
    if not runtime.drained:
        exit_now(code)
    return code


RESTART_SECTIONS = ("vision", "asr", "tts", "remote")


def reload_settings(path: Any, running: AppConfig, tokens: Any, loopback: bool) -> str:
    """SIGHUP: the settings file read again. Tokens change now (a token left out stops
    working); what needs a restart is named. A damaged file, or one that would leave a
    server beyond loopback without a token, changes nothing."""
    from .. import config as config_mod

    loaded = config_mod.read(path)
    if loaded.problem:
        return f"{loaded.problem.split('; using')[0]}; the running settings are kept."
    new = loaded.config
    fixed = [t for t in [api_token(new), *new.serve.tokens] if t.strip()]
    if not fixed and not new.serve.token_file:
        if not loopback:
            return ("The reloaded settings have no API token, which this address needs; the "
                    "running tokens are kept.")
        kept = "the running tokens are kept"
    else:
        short = [t for t in fixed if len(t.strip()) < MIN_TOKEN_CHARS]
        if not loopback and short:
            return (f"A reloaded API token has fewer than {MIN_TOKEN_CHARS} characters; the "
                    "running tokens are kept.")
        tokens.replace(fixed, new.serve.token_file or None)
        kept = "the tokens now in force are the file's"
    restart = [f"serve.{name}" for name in ("host", "port", "workers", "max_connections",
                                                "requests_per_minute")
               if getattr(new.serve, name) != getattr(running.serve, name)]
    restart += [f"[{name}]" for name in RESTART_SECTIONS
                if getattr(new, name) != getattr(running, name)]
    said = f"Settings reloaded from {path}: {kept}."
    if restart:
        said += f" A restart is needed for {', '.join(restart)}."
    return said


def _require_server():
    from ..errors import require

    require("fastapi", package="fastapi", extra="serve", purpose="API server", stage="serve")
    require("multipart", package="python-multipart", extra="serve", purpose="API server", stage="serve")
    return require("uvicorn", package="uvicorn", extra="serve", purpose="API server", stage="serve")
