"""A real HTTP server on 127.0.0.1 for tests of fetching, with routes each test sets.

Use the `http_server` fixture (import it into a conftest.py or a test module)::

    def test_reads_a_page(http_server):
        http_server.route("/story", body=b"<html>...</html>", headers={"Content-Type": "text/html"})
        fetched = fetch(http_server.url("/story"))
        assert http_server.paths() == ["/robots.txt", "/story"]

A route answers with a `Reply` (status, headers, body) or a list of them served in turn (the last one
repeats), so a test can say "503 twice, then 200". A reply can be slow (`delay` before the headers,
`trickle` between pieces of the body), chunked (`pieces` chunks), gzip-compressed, or validated (`etag`/`last_modified`:
304 when the request's If-None-Match / If-Modified-Since match). `gzip_bomb(n)` is gzip data small on
the wire that unpacks to `n` bytes. A path without a route is 404 (so robots.txt allows everything
unless a test sets one). Every request is recorded (`requests`) with its method, path and headers.
"""
from __future__ import annotations

import gzip
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass(frozen=True)
class Reply:
    """One response of a route."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    """Seconds to wait before sending anything (a slow server)."""
    trickle: float = 0.0
    """Seconds to wait between pieces of the body (a slow body); the body goes in `pieces` pieces."""
    pieces: int = 1
    chunked: bool = False
    """Send the body with Transfer-Encoding: chunked (no Content-Length)."""
    gzip: bool = False
    """Send `body` gzip-compressed and say so (Content-Encoding: gzip); a `body` that is gzip data already
    (`gzip_bomb`) is sent as it is."""
    etag: str | None = None
    last_modified: str | None = None
    """With `etag` or `last_modified`, a request that sends the matching validator gets a 304."""


@dataclass(frozen=True)
class Request:
    """A request the server received."""

    method: str
    path: str
    headers: dict[str, str]
    """Header names in lower case."""
    at: float
    """time.monotonic() when it arrived."""


def redirect(location: str, status: int = 302) -> Reply:
    return Reply(status=status, headers={"Location": location})


def gzip_bomb(size: int) -> bytes:
    """gzip data of `size` zero bytes: about 1/1000 of that on the wire."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: a gzip header and trailer
    block = bytes(1 << 20)
    parts = []
    for start in range(0, size, len(block)):
        parts.append(compressor.compress(block[:min(len(block), size - start)]))
    parts.append(compressor.flush())
    return b"".join(parts)


class TestServer:
    """The routes, the recorded requests, and the URL of a server started by `http_server`."""

    __test__ = False  # not a test class, whatever pytest thinks of its name

    def __init__(self) -> None:
        self.routes: dict[str, list[Reply]] = {}
        self.requests: list[Request] = []
        self._served: dict[str, int] = {}
        self._lock = threading.Lock()
        self.port = 0

    def route(self, path: str, *replies: Reply, **reply: object) -> str:
        """Answer `path` (with its query, if any) with `replies` in turn, or one `Reply(**reply)`;
        the URL of the route."""
        self.routes[path] = list(replies) or [Reply(**reply)]  # type: ignore[arg-type]
        return self.url(path)

    def url(self, path: str = "/", host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def paths(self) -> list[str]:
        """The paths requested so far, in order."""
        return [request.path for request in self.requests]

    def requests_to(self, path: str) -> list[Request]:
        return [request for request in self.requests if request.path == path]

    def _next_reply(self, path: str) -> Reply | None:
        with self._lock:
            replies = self.routes.get(path)
            if not replies:
                return None
            served = self._served.get(path, 0)
            self._served[path] = served + 1
            return replies[min(served, len(replies) - 1)]


def _not_modified(reply: Reply, headers: dict[str, str]) -> bool:
    if reply.etag is not None and headers.get("if-none-match") == reply.etag:
        return True
    return reply.last_modified is not None and headers.get("if-modified-since") == reply.last_modified


def _handler(server: TestServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # else each keep-alive answer waits ~40 ms for a delayed ACK

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
            pass

        def handle(self) -> None:
            try:
                super().handle()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client hung up (a size cap or a timeout): what the test wants

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            headers = {name.lower(): value for name, value in self.headers.items()}
            server.requests.append(Request(self.command, self.path, headers, time.monotonic()))
            reply = server._next_reply(self.path) or Reply(404, b"not found")
            time.sleep(reply.delay)
            if _not_modified(reply, headers):
                self._send_head(304, reply, None)
                return
            body = gzip.compress(reply.body) if reply.gzip and not reply.body.startswith(b"\x1f\x8b") else reply.body
            self._send_head(reply.status, reply, None if reply.chunked else len(body))
            try:
                self._send_body(body, reply)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading (a size cap or a timeout): what the test wants

        def _send_head(self, status: int, reply: Reply, length: int | None) -> None:
            self.send_response(status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.gzip:
                self.send_header("Content-Encoding", "gzip")
            if reply.etag:
                self.send_header("ETag", reply.etag)
            if reply.last_modified:
                self.send_header("Last-Modified", reply.last_modified)
            if status == 304:
                self.send_header("Content-Length", "0")
            elif length is None:
                self.send_header("Transfer-Encoding", "chunked")
            else:
                self.send_header("Content-Length", str(length))
            self.end_headers()

        def _send_body(self, body: bytes, reply: Reply) -> None:
            for number, piece in enumerate(_pieces(body, reply.pieces)):
                if number and reply.trickle:
                    time.sleep(reply.trickle)
                if reply.chunked:
                    self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                else:
                    self.wfile.write(piece)
                self.wfile.flush()
            if reply.chunked:
                self.wfile.write(b"0\r\n\r\n")

    return Handler


def _pieces(body: bytes, count: int) -> Iterator[bytes]:
    size = max(1, -(-len(body) // max(1, count)))
    for start in range(0, len(body), size):
        yield body[start:start + size]


@contextmanager
def serving() -> Iterator[TestServer]:
    """A `TestServer` listening on 127.0.0.1 (a free port) in a thread while the block runs (for scripts;
    tests use the `http_server` fixture)."""
    state = TestServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def http_server() -> Iterator[TestServer]:
    """A `TestServer` listening on 127.0.0.1 (a free port) in a thread, stopped after the test."""
    with serving() as state:
        yield state
