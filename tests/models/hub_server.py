"""A local stand-in for the Hugging Face hub: the endpoints huggingface_hub 2.x calls to fetch a
model (read from its source: ``HfApi.repo_info``, ``list_repo_tree``, ``get_hf_file_metadata``
and ``http_get``), serving real files from a folder.

- ``GET /api/models/ORG/NAME/revision/REV``: the repository's commit (``sha``) and files;
- ``GET /api/models/ORG/NAME/tree/REV``: every file with its size and id, LFS files (weights)
  with their SHA-256 (the ``oid`` of ``lfs``), the others with their git blob id;
- ``HEAD``/``GET /ORG/NAME/resolve/REV/FILE``: ``X-Repo-Commit``, ``ETag`` (``X-Linked-Etag``
  and ``X-Linked-Size`` for LFS files), ``Content-Length``; a ``Range`` request gets 206.

Faults a test asks for: ``cut_once[file] = n`` sends n bytes of that file, then closes the
connection (once); ``fail[file] = status`` answers every GET of it with that status;
``claimed_size[file]`` is the size the metadata says (a model bigger than the disk);
``corrupt`` files are sent with their first byte changed (the right length, the wrong bytes).
``hold[file] = n`` sends n bytes of that file, then waits until ``release`` is set (a slow
link, for cancelling mid-file).
``requests`` records (method, path, Range header) of each request.
"""
from __future__ import annotations

import hashlib
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMMIT = "0123456789abcdef0123456789abcdef01234567"


def git_blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


class HubServer:
    def __init__(self, repo: str, folder: Path) -> None:
        self.repo = repo
        self.files = {p.relative_to(folder).as_posix(): p.read_bytes()
                      for p in sorted(folder.rglob("*")) if p.is_file()}
        self.cut_once: dict[str, int] = {}
        self.fail: dict[str, int] = {}
        self.claimed_size: dict[str, int] = {}
        self.corrupt: set[str] = set()
        self.hold: dict[str, int] = {}
        self.release = threading.Event()
        self.requests: list[tuple[str, str, str | None]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_HEAD(self) -> None:
                server._answer(self, head=True)

            def do_GET(self) -> None:
                server._answer(self, head=False)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "HubServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    # what the hub says about each file
    def is_lfs(self, name: str) -> bool:
        return name.endswith(".safetensors")

    def size(self, name: str) -> int:
        return self.claimed_size.get(name, len(self.files[name]))

    def etag(self, name: str) -> str:
        data = self.files[name]
        return hashlib.sha256(data).hexdigest() if self.is_lfs(name) else git_blob_id(data)

    def gets(self, name: str) -> list[str | None]:
        """The Range header of each GET of ``name`` (None: the whole file)."""
        return [r for m, p, r in self.requests if m == "GET" and p.endswith("/" + name)]

    def _tree(self) -> list[dict]:
        out = []
        for name, data in self.files.items():
            entry = {"type": "file", "path": name, "size": self.size(name), "oid": git_blob_id(data)}
            if self.is_lfs(name):
                entry["lfs"] = {"oid": hashlib.sha256(data).hexdigest(), "size": self.size(name),
                                "pointerSize": 130}
            out.append(entry)
        return out

    def _answer(self, h: BaseHTTPRequestHandler, *, head: bool) -> None:
        path = h.path.split("?")[0]
        self.requests.append(("HEAD" if head else "GET", path, h.headers.get("Range")))
        api = f"/api/models/{self.repo}/"
        if path.startswith(api + "revision/"):
            return self._json(h, {"id": self.repo, "modelId": self.repo, "sha": COMMIT,
                                  "siblings": [{"rfilename": n} for n in self.files]})
        if path.startswith(api + "tree/"):
            return self._json(h, self._tree())
        match = re.fullmatch(rf"/{re.escape(self.repo)}/resolve/[^/]+/(.+)", path)
        if not match or match.group(1) not in self.files:
            return self._json(h, {"error": "not found"}, status=404,
                              extra={"X-Error-Code": "RepoNotFound" if not match else "EntryNotFound"})
        self._file(h, match.group(1), head=head)

    def _json(self, h, obj, *, status: int = 200, extra: dict | None = None) -> None:
        body = json.dumps(obj).encode()
        h.send_response(status)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            h.send_header(k, v)
        h.end_headers()
        h.wfile.write(body)

    def _file(self, h, name: str, *, head: bool) -> None:
        data = self.files[name]
        if name in self.corrupt:
            data = bytes([data[0] ^ 0xFF]) + data[1:]
        if not head and name in self.fail:
            return self._json(h, {"error": "unavailable"}, status=self.fail[name])
        start = 0
        if not head and (rng := h.headers.get("Range")):
            start = int(re.match(r"bytes=(\d+)-", rng).group(1))
        h.send_response(206 if start else 200)
        h.send_header("X-Repo-Commit", COMMIT)
        h.send_header("ETag", f'"{self.etag(name)}"')
        if self.is_lfs(name):
            h.send_header("X-Linked-Etag", f'"{self.etag(name)}"')
            h.send_header("X-Linked-Size", str(self.size(name)))
        if start:
            h.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        h.send_header("Content-Length", str(self.size(name) - start if head else len(data) - start))
        h.send_header("Accept-Ranges", "bytes")
        h.end_headers()
        if head:
            return
        cut = self.cut_once.pop(name, None)
        if cut is not None:
            h.wfile.write(data[start:start + cut])
            h.wfile.flush()
            h.close_connection = True
            h.connection.shutdown(2)
            return
        held = self.hold.get(name)
        if held is not None:
            h.wfile.write(data[start:start + held])
            h.wfile.flush()
            self.release.wait(60)
            start += held
        h.wfile.write(data[start:])
