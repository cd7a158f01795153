"""The web application: `create_app(db)` serves the REST API (`/api/...`) and the dashboard pages.

The server opens the store read-only for every request (one connection each, with
a time limit), so nothing it serves can change the store; the correction
endpoints exist only when it is started with writes allowed and a token of at
least `MIN_TOKEN_CHARS` characters. Answers that take a scan of the whole store
(flows, conflicts) are cached until the store's files change. Every GET route
answers HEAD too. A busy store or a question past the time limit is a 503 (try
again); a store that cannot be read (damaged, removed) a 500 that says so.
"""
from __future__ import annotations

import importlib.util
import logging
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.gzip import GZipMiddleware
from starlette.exceptions import HTTPException as StarletteHTTPException

from exodus.errors import StoreError
from exodus.settings import get_settings
from exodus.store import open_store
from exodus.web.queries import NotFound

T = TypeVar("T")

# No inline script anywhere: every script and stylesheet is a file served by Exodus itself. Two inline
# styles are allowed by their hashes, both Plotly's: the empty <style> element it fills through the CSSOM
# (the hash of ""), and the map-library stylesheet its bundle adds on load (plotly.js 4.x). The browser
# tests fail on any other violation, so a Plotly upgrade that changes either shows up there.
PLOTLY_STYLE_HASHES = ("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
                       "'sha256-ji27qzEtxXZW+7dun6UwjHXJ18e6WAin1VvNtkzIE/o='")
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; "
                           f"style-src 'self' {' '.join(PLOTLY_STYLE_HASHES)}; img-src 'self' data:; "
                           "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
                           "frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
STATIC_DIR = Path(__file__).parent / "static"
_CACHE_SIZE = 64
MIN_TOKEN_CHARS = 16
"""The shortest write token accepted: a guessable token would let anyone who can connect change the store."""
log = logging.getLogger("exodus.web")


class StillComputing(Exception):
    """A whole-store answer is still being computed in the background; ask again shortly."""


class StoreUnreadable(Exception):
    """The store cannot be opened for a request (removed, damaged, no longer a store): a 500, not a retry."""


@dataclass
class WebContext:
    """What every request needs: where the store is, whether writes are allowed, and the answer cache."""

    db: str
    allow_writes: bool = False
    token: str = ""
    time_limit_ms: int = 5_000
    progress_steps: int = 5_000
    """SQLite instructions between two looks at the clock."""
    _cache: OrderedDict = field(default_factory=OrderedDict, repr=False)
    _jobs: dict = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    # One worker: a burst of requests for different date ranges queues up instead of loading every core.
    _worker: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(1, "exodus-web"), repr=False)

    def connect(self, write: bool = False, limited: bool = True) -> sqlite3.Connection:
        """A connection of its own for one request: read-only unless `write`, stopped past the time limit."""
        try:
            conn = open_store(self.db, readonly=not write).conn
        except StoreError as err:
            if isinstance(err.__cause__, sqlite3.Error):
                raise err.__cause__ from None  # a busy store is a 503, a damaged one a 500: see the handler
            raise StoreUnreadable(str(err)) from None
        if limited:
            deadline = time.monotonic() + self.time_limit_ms / 1000
            conn.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, self.progress_steps)
        return conn

    def version(self) -> tuple:
        """Changes whenever the store is written (by this server or another process)."""
        stamp = []
        for suffix in ("", "-wal"):
            try:
                st = Path(self.db + suffix).stat()
                stamp.append((st.st_mtime_ns, st.st_size))
            except OSError:
                stamp.append(None)
        return tuple(stamp)

    def computed(self, key: tuple, compute: Callable[[sqlite3.Connection], T], wait_s: float | None = None) -> T:
        """`compute(conn)` for an answer that scans the whole store, remembered for `key` until the store
        changes. It runs in the background without the time limit; a request waits for it up to the time
        limit, then gets StillComputing (503, try again) while the computation goes on."""
        full = (key, self.version())
        with self._lock:
            if full in self._cache:
                self._cache.move_to_end(full)
                return self._cache[full]
            job = self._jobs.get(full)
            if job is None:
                job = self._jobs[full] = self._worker.submit(self._compute, full, compute)
        try:
            return job.result(timeout=self.time_limit_ms / 1000 if wait_s is None else wait_s)
        except FutureTimeout:
            raise StillComputing("this answer scans the whole store and is still being computed; "
                                 "try again in a few seconds (it is kept once computed)") from None

    def remembered(self, key: tuple, compute: Callable[[sqlite3.Connection], T], conn: sqlite3.Connection) -> T:
        """`compute(conn)` for a quick answer that still counts the whole store (its size), computed in the
        request on its own connection and remembered for `key` until the store changes."""
        full = (key, self.version())
        with self._lock:
            if full in self._cache:
                self._cache.move_to_end(full)
                return self._cache[full]
        return self._remember(full, compute(conn))

    def _compute(self, full: tuple, compute: Callable[[sqlite3.Connection], T]) -> T:
        conn = self.connect(limited=False)
        try:
            return self._remember(full, compute(conn))
        finally:
            conn.close()
            with self._lock:
                self._jobs.pop(full, None)

    def _remember(self, full: tuple, value: T) -> T:
        """Keep a computed answer, dropping the least recently used beyond the cache size."""
        with self._lock:
            self._cache[full] = value
            while len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        return value


def context(request: Request) -> WebContext:
    return request.app.state.web


def connection(request: Request) -> Iterator[sqlite3.Connection]:
    """FastAPI dependency: a read-only connection to the store for this request."""
    conn = context(request).connect()
    try:
        yield conn
    finally:
        conn.close()


class SecurityHeadersMiddleware:
    """Adds the Content-Security-Policy and related headers to every response (pure ASGI, no buffering),
    and `Server-Timing: app;dur=MS`, the time the server took until the response started."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = time.perf_counter()

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                took = f"app;dur={(time.perf_counter() - started) * 1000:.1f}".encode()
                message["headers"] = [*message.get("headers", []),
                                      *((k, v) for k, v in SECURITY_HEADERS if k not in names),
                                      (b"server-timing", took)]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadMiddleware:
    """HEAD is answered wherever GET is (every page, API answer and static file): the GET response's status
    and headers, without its body. One place for all routes, and the OpenAPI description stays GET-only."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "HEAD":
            return await self.app(scope, receive, send)

        async def send_headers_only(message):
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        # A copy of the scope: the server still sees HEAD in its own, and sends no body either.
        await self.app({**scope, "method": "GET"}, receive, send_headers_only)


def check_store(db: str) -> None:
    """Fail early, with what to do, when `db` is not an Exodus store or cannot be read."""
    conn = open_store(db, readonly=True).conn
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version >= 1:
            # The first page of each main table: a store damaged there cannot answer anything.
            for table in ("documents", "facts", "entities", "aliases"):
                conn.execute(f"SELECT * FROM {table} LIMIT 1").fetchall()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{db}: {_store_problem(exc)}") from exc
    finally:
        conn.close()
    if version < 1:
        raise StoreError(f"{db}: an empty database, not an Exodus store; run `exodus ingest INPUT --db {db}` first")


def token_problem(token: str, source: str = "--token") -> str | None:
    """What makes `token` unfit to guard writes (`source` says where it came from), or None."""
    if not token:
        return "writes need a token: pass --token TOKEN (or set EXODUS_WEB_TOKEN)"
    if len(token) < MIN_TOKEN_CHARS:
        return (f"the write token ({source}) is {len(token)} character{'' if len(token) == 1 else 's'} long; it "
                f"needs at least {MIN_TOKEN_CHARS} (make one with `openssl rand -hex 16`)")
    if not (token.isascii() and token.isprintable()) or token != token.strip():
        return (f"the write token ({source}) must be printable ASCII without spaces at either end, as an "
                "`Authorization: Bearer TOKEN` header carries it")
    return None


def _error_name(exc: sqlite3.Error) -> str:
    """SQLite's name of the error (SQLITE_BUSY, SQLITE_CORRUPT...); empty when Python's module raised it."""
    return getattr(exc, "sqlite_errorname", None) or ""


def _busy(exc: sqlite3.Error) -> bool:
    return _error_name(exc).startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in str(exc)


def _store_problem(exc: sqlite3.Error) -> str:
    """Why the store cannot answer, in words for the person who runs the server."""
    name = _error_name(exc)
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in str(exc):
        return (f"the store is damaged or not an Exodus store ({exc}); restore it from a backup, "
                "or build it again with `exodus ingest`")
    if _busy(exc):
        return f"the store is busy: another process holds its lock ({exc}); try again"
    return f"the store cannot be read ({exc})"


def plotly_js_path() -> Path | None:
    """Plotly's JavaScript bundle as shipped inside the `plotly` Python package (found without importing it)."""
    spec = importlib.util.find_spec("plotly")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "package_data" / "plotly.min.js"
    return path if path.is_file() else None


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api") or path == "/openapi.json")


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_html(request):
        from exodus.web.templating import render

        return render(request, "error.html", status_code=status, status=status, message=message)
    return JSONResponse({"detail": message}, status_code=status)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        return _error(request, 404, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        return _error(request, 404, str(exc))

    @app.exception_handler(StillComputing)
    async def still_computing(request: Request, exc: StillComputing):
        response = _error(request, 503, str(exc))
        response.headers["retry-after"] = "5"
        return response

    @app.exception_handler(sqlite3.Error)
    async def database_error(request: Request, exc: sqlite3.Error):
        if _error_name(exc) == "SQLITE_INTERRUPT" or "interrupted" in str(exc):
            limit = context(request).time_limit_ms
            return _error(request, 503, f"the question took longer than {limit} ms (EXODUS_WEB_TIME_LIMIT_MS); "
                                        "narrow it (a shorter date range, a filter) or raise the limit")
        if _busy(exc):
            response = _error(request, 503, f"the store is busy: another process holds its lock ({exc}); "
                                            "try again")
            response.headers["retry-after"] = "1"
            return response
        # Not a passing state: a damaged store stays damaged, so no "try again".
        log.error("%s: %s (%s %s)", context(request).db, _store_problem(exc), request.method, request.url.path)
        return _error(request, 500, _store_problem(exc))

    @app.exception_handler(StoreUnreadable)
    async def store_unreadable(request: Request, exc: StoreUnreadable):
        db = context(request).db
        log.error("%s (%s %s)", exc, request.method, request.url.path)
        problem = str(exc).removeprefix(f"{db}: ")
        return _error(request, 500, f"the store cannot be opened: {problem}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        response = _error(request, exc.status_code, message)
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        errors = [_readable(e) for e in exc.errors()]
        if not _wants_html(request):
            return await request_validation_exception_handler(request, RequestValidationError(errors))
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in errors)
        return _error(request, 422, problems)


def _readable(error: dict) -> dict:
    """A validation error as it is sent back: a too-long text says the limit, and the input echoed is short and
    printable (a 50,000-character query is not sent back; a lone surrogate could not be encoded at all)."""
    error = dict(error)
    if error.get("type") == "string_unicode" and isinstance(error.get("input"), str):
        surrogate = next((c for c in error["input"] if "\ud800" <= c <= "\udfff"), None)
        if surrogate is not None:
            error["msg"] = (f"not valid UTF-8 text: it holds a lone surrogate (\\u{ord(surrogate):04x}), which is "
                            "half of a character; send text as UTF-8")
    if error.get("type") == "string_too_long" and isinstance(error.get("input"), str):
        limit = (error.get("ctx") or {}).get("max_length")
        error["msg"] = (f"{len(error['input'])} characters is too long: at most {limit} are accepted "
                        "(a name, or a few words)")
    if error.get("type") == "value_error" and (error.get("ctx") or {}).get("error") is not None:
        error["msg"] = str(error["ctx"]["error"])  # our own words, without pydantic's "Value error, "
    if "input" in error:
        error["input"] = _printable(error["input"])
    return error


def _printable(value: object, limit: int = 80) -> object:
    if isinstance(value, str):
        shown = value.encode("utf-8", "backslashreplace").decode("utf-8")
        return shown if len(shown) <= limit else shown[:limit] + "…"
    if isinstance(value, dict):
        return {_printable(k): _printable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_printable(v) for v in value]
    return value


def create_app(db: str | Path | None = None, *, allow_writes: bool = False, token: str | None = None) -> FastAPI:
    """The dashboard and REST API over the store at `db` (default: the `db` setting)."""
    from exodus import __version__
    from exodus.web import api, writes
    from exodus.web.views import ROUTERS

    settings = get_settings()
    db = str(db or settings.db)
    source = "--token" if token is not None else "EXODUS_WEB_TOKEN"
    token = token if token is not None else settings.web_token
    problem = token_problem(token, source) if allow_writes else None
    if problem:
        raise StoreError(problem)
    check_store(db)
    app = FastAPI(title="Exodus", version=__version__, docs_url=None, redoc_url=None,
                  description="Who moved where in the AI industry, each fact with the sentences that state it. "
                              "Facts are returned in the shape of the fact format (docs/fact-format.md), with every "
                              "source. The server is read-only unless started with `--allow-writes`.")
    app.state.web = WebContext(db, allow_writes, token or "", settings.web_time_limit_ms)
    # Pages, API answers and static files (plotly.min.js is 4.8 MB, about 1.4 MB compressed) go out gzipped
    # to clients that accept it.
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(HeadMiddleware)
    install_error_handlers(app)
    app.include_router(api.router)
    if allow_writes:
        app.include_router(writes.router)
    for router in ROUTERS:
        app.include_router(router)

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_js() -> Response:
        path = plotly_js_path()
        if path is None:
            return JSONResponse({"detail": "the plotly package is not installed: pip install 'exodus[web]'"},
                                status_code=404)
        return FileResponse(path, media_type="text/javascript",
                            headers={"cache-control": "public, max-age=86400"})

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


def computed(request: Request, key: tuple, compute: Callable[[sqlite3.Connection], T],
             wait_s: float | None = None) -> T:
    """See `WebContext.computed`."""
    return context(request).computed(key, compute, wait_s)


def remembered(request: Request, key: tuple, compute: Callable[[sqlite3.Connection], T],
               conn: sqlite3.Connection) -> T:
    """See `WebContext.remembered`."""
    return context(request).remembered(key, compute, conn)
