"""Fetching pages, feeds and sitemaps over HTTP(S), politely and safely.

`Fetcher.fetch(url)` returns the body of a URL (`Fetched`) or raises a `FetchError` of one line.
On the way it:

- refuses every URL that is not http(s), and every host whose address is loopback, private,
  link-local, ... (`exodus.sources.addresses`), at connection time, so redirects and DNS answers
  are checked too and the connection goes to the address that was checked;
- asks robots.txt first (fetched once per host, through the same guard) and honours its Crawl-delay;
- waits between two requests to one host (`fetch_host_interval_s`);
- retries connection failures, 429 and 5xx with exponential backoff, honouring Retry-After up to a cap;
- stops reading a body past `max_fetch_bytes` once decompressed (a gzip bomb never unpacks whole),
  and a response slower than its timeouts;
- sends a descriptive User-Agent and, when given a validator, a conditional GET (304: `not_modified`).
"""
from __future__ import annotations

import email.utils
import threading
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

import httpcore
import httpx

from exodus.errors import ExodusError
from exodus.settings import Settings, get_settings
from exodus.sources.addresses import AddressRefused, allowed_hosts, resolve_checked
from exodus.sources.archives import one_line
from exodus.sources.robots import (ROBOTS_AGENT, ROBOTS_MAX_BYTES, RobotsRules, parse_robots, robots_url,
                                   unreadable_robots)

_REDIRECTS = (301, 302, 303, 307, 308)
# When each host may next be asked, shared by every fetcher of the process: reading several inputs
# (each with its own fetcher) must not add up to more requests per host than one would make.
_NEXT_TURN: dict[str, float] = {}
_UNPACK_PIECE = 256 * 1024  # bytes decompressed at once: memory stays near the cap, never twice it
_SCHEDULE_LOCK = threading.Lock()


def default_user_agent() -> str:
    from exodus import __version__

    # No project URL exists to point to yet: users name their contact with EXODUS_USER_AGENT.
    return f"{ROBOTS_AGENT}/{__version__} (reader of AI-industry news; +contact: set EXODUS_USER_AGENT)"


@dataclass(frozen=True)
class Fetched:
    """A response Exodus read: a 200 with its body, or a 304 (the copy the caller has is current)."""

    url: str
    """The final URL, after redirects."""
    status: int
    body: bytes
    """Decompressed; b"" on a 304."""
    content_type: str
    """The media type without parameters, lower case ("text/html"); "" when the server gave none."""
    etag: str | None
    last_modified: str | None
    charset: str | None = None
    """The charset the Content-Type names, if any."""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(ExodusError):
    """A URL that could not be fetched; `str(err)` is one line: `URL: what is wrong`."""

    def __init__(self, url: str, problem: str):
        self.url = url
        self.problem = problem
        super().__init__(f"{url}: {problem}")


class _GuardedBackend(httpcore.SyncBackend):
    """Connects only to addresses the SSRF guard accepts, to the very address it checked."""

    def __init__(self, allow: frozenset[str]):
        self.allow = allow

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable | None = None) -> httpcore.NetworkStream:
        last_error: Exception | None = None
        for address in resolve_checked(host, port, self.allow):
            try:
                # TLS (SNI and the certificate check) still uses `host`: httpcore passes it to start_tls.
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as err:
                last_error = err
        assert last_error is not None
        raise last_error


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with its connections made through the SSRF guard (and no proxy, which would
    connect on Exodus's behalf to whatever address it likes)."""

    def __init__(self, allow: frozenset[str] = frozenset()):
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(), http1=True, http2=False,
                                             network_backend=_GuardedBackend(allow))


class Fetcher:
    """One polite, guarded HTTP client; reuse it for many URLs (robots.txt and rate limits are per host)."""

    def __init__(self, settings: Settings | None = None, *, allow_hosts: Iterable[str] = (),
                 user_agent: str | None = None, transport: httpx.BaseTransport | None = None):
        """`allow_hosts`: host names or IPs exempt from the SSRF guard (with the `allow_hosts` setting's).
        `transport` replaces the guarded one (and with it the address checks): for tests only."""
        self.settings = settings or get_settings()
        self.allow = allowed_hosts([*allow_hosts, self.settings.allow_hosts])
        self.user_agent = user_agent or self.settings.user_agent or default_user_agent()
        timeout = httpx.Timeout(self.settings.fetch_timeout_s)
        self._client = httpx.Client(
            transport=transport or GuardedTransport(self.allow), timeout=timeout, follow_redirects=False,
            trust_env=False, headers={"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate"})
        self._robots: dict[str, RobotsRules] = {}
        self._host_interval: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """The body of `url` (redirects followed); a 304 when `etag`/`last_modified` still hold."""
        conditions = {}
        if etag:
            conditions["If-None-Match"] = etag
        if last_modified:
            conditions["If-Modified-Since"] = last_modified
        try:
            return self._follow(url, conditions, robots=True, max_bytes=self.settings.max_fetch_bytes)
        except AddressRefused as err:
            raise FetchError(url, str(err)) from None

    def _follow(self, url: str, headers: dict[str, str], robots: bool, max_bytes: int) -> Fetched:
        current = url
        for _hop in range(self.settings.fetch_max_redirects + 1):
            target = _checked_url(current, url)
            if robots:
                self._check_robots(target, url)
            status, response_headers, body = self._get_with_retries(target, url, headers, max_bytes)
            if status in _REDIRECTS:
                location = response_headers.get("location")
                if not location:
                    raise FetchError(url, f"HTTP {status} redirect without a Location")
                current = urljoin(str(target), location.strip())
                continue
            content_type, _, parameters = response_headers.get("content-type", "").partition(";")
            charset = next((value.strip().strip('"') for name, _, value in
                            (part.partition("=") for part in parameters.split(";"))
                            if name.strip().lower() == "charset"), None)
            return Fetched(url=str(target), status=status, body=body, content_type=content_type.strip().lower(),
                           etag=response_headers.get("etag"), last_modified=response_headers.get("last-modified"),
                           charset=charset)
        raise FetchError(url, f"more than {self.settings.fetch_max_redirects} redirects "
                              f"(EXODUS_FETCH_MAX_REDIRECTS)")

    def _get_with_retries(self, target: httpx.URL, url: str, headers: dict[str, str],
                          max_bytes: int) -> tuple[int, httpx.Headers, bytes]:
        settings = self.settings
        for attempt in range(settings.fetch_retries + 1):
            self._wait_turn(target)
            wait = settings.fetch_backoff_s * 2 ** attempt
            try:
                status, response_headers, body = self._get_once(target, url, headers, max_bytes)
            except (httpx.ConnectError, httpx.ConnectTimeout) as err:
                problem = f"cannot connect to {target.host} ({one_line(err) or type(err).__name__})"
            else:
                if status != 429 and status < 500:
                    if status >= 400:
                        raise FetchError(url, f"HTTP {status} {_reason(status)}")
                    return status, response_headers, body
                problem = f"HTTP {status} {_reason(status)}"
                retry_after = _retry_after(response_headers.get("retry-after"))
                if retry_after is not None:
                    if retry_after > settings.fetch_max_retry_after_s:
                        raise FetchError(url, f"{problem}; the server asks to wait {retry_after:.0f} s, longer than "
                                              f"{settings.fetch_max_retry_after_s:g} s "
                                              f"(EXODUS_FETCH_MAX_RETRY_AFTER_S); try again later")
                    wait = retry_after
            if attempt == settings.fetch_retries:
                tries = settings.fetch_retries + 1
                raise FetchError(url, f"{problem}, {tries} time{'s' * (tries != 1)}; gave up "
                                      f"(EXODUS_FETCH_RETRIES)")
            time.sleep(wait)
        raise AssertionError("unreachable")

    def _get_once(self, target: httpx.URL, url: str, headers: dict[str, str],
                  max_bytes: int) -> tuple[int, httpx.Headers, bytes]:
        deadline = time.monotonic() + self.settings.fetch_total_timeout_s
        try:
            return self._get_response(target, url, headers, max_bytes, deadline)
        finally:
            self._finished(target)

    def _get_response(self, target: httpx.URL, url: str, headers: dict[str, str], max_bytes: int,
                      deadline: float) -> tuple[int, httpx.Headers, bytes]:
        try:
            with self._client.stream("GET", target, headers=headers) as response:
                if not 200 <= response.status_code < 300:
                    return response.status_code, response.headers, b""
                body = _read_capped(response, url, max_bytes, deadline, self.settings)
                return response.status_code, response.headers, body
        except (httpx.ConnectError, httpx.ConnectTimeout):
            raise
        except httpx.TimeoutException:
            raise FetchError(url, f"no answer for {self.settings.fetch_timeout_s:g} s "
                                  f"(EXODUS_FETCH_TIMEOUT_S)") from None
        except httpx.HTTPError as err:
            raise FetchError(url, f"HTTP failure ({one_line(err) or type(err).__name__})") from None

    def _wait_turn(self, target: httpx.URL) -> None:
        """Sleep until the host's interval since the last request to it (by any fetcher) has passed."""
        host = _origin(target)
        interval = self._host_interval.get(host, self.settings.fetch_host_interval_s)
        with _SCHEDULE_LOCK:
            start = max(time.monotonic(), _NEXT_TURN.get(host, 0.0))
            _NEXT_TURN[host] = start + interval
        time.sleep(max(0.0, start - time.monotonic()))

    def _finished(self, target: httpx.URL) -> None:
        """The interval counts from the end of a response too: a slow answer is no reason to ask sooner."""
        host = _origin(target)
        interval = self._host_interval.get(host, self.settings.fetch_host_interval_s)
        with _SCHEDULE_LOCK:
            _NEXT_TURN[host] = max(_NEXT_TURN.get(host, 0.0), time.monotonic() + interval)

    def _check_robots(self, target: httpx.URL, url: str) -> None:
        origin = _origin(target)
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        refusal = self._robots[origin].refusal(str(target))
        if refusal:
            raise FetchError(url, refusal)

    def _read_robots(self, origin: str) -> RobotsRules:
        """The rules of a host's robots.txt (fetched through the guard, without asking robots.txt itself)."""
        try:
            robots = self._follow(robots_url(origin), {}, robots=False, max_bytes=ROBOTS_MAX_BYTES)
            rules = parse_robots(origin, robots.body)
        except FetchError as err:
            if not err.problem.startswith("HTTP 4") or err.problem.startswith("HTTP 429"):
                return unreadable_robots(origin, err.problem)
            rules = parse_robots(origin, b"")
        if rules.crawl_delay is not None:
            # Crawl-delay slows Exodus down, up to the longest wait it accepts anywhere.
            self._host_interval[origin] = max(self.settings.fetch_host_interval_s,
                                              min(rules.crawl_delay, self.settings.fetch_max_retry_after_s))
        return rules


def _checked_url(value: str, url: str) -> httpx.URL:
    try:
        target = httpx.URL(value.strip())
    except (httpx.InvalidURL, TypeError, ValueError) as err:
        raise FetchError(url, f"not a valid URL ({one_line(err)})") from None
    if target.scheme not in ("http", "https"):
        shown = f" (a redirect to {value})" if value != url else ""
        raise FetchError(url, f"scheme {target.scheme or '(none)'!r} is not fetched{shown}; only http and https")
    if not target.host:
        raise FetchError(url, "URL without a host")
    return target


def _origin(target: httpx.URL) -> str:
    default = {"http": 80, "https": 443}[target.scheme]
    host = f"[{target.host}]" if ":" in target.host else target.host
    return f"{target.scheme}://{host}" + (f":{target.port}" if target.port not in (None, default) else "")


def _reason(status: int) -> str:
    return httpx.codes.get_reason_phrase(status) or ""


def _retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for (a number, or an HTTP date), None without a usable one."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _read_capped(response: httpx.Response, url: str, max_bytes: int, deadline: float, settings: Settings) -> bytes:
    """The decompressed body, read piece by piece: past `max_bytes` (decompressed) or the deadline it stops."""
    length = response.headers.get("content-length", "")
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding in ("", "identity") and length.isdigit() and int(length) > max_bytes:
        raise FetchError(url, f"body of {int(length):,} bytes is larger than the limit of {max_bytes:,} "
                              f"(EXODUS_MAX_FETCH_BYTES); not read")
    body = bytearray()
    for piece in _decoded(response.iter_raw(), encoding, min(max_bytes + 1, _UNPACK_PIECE), url):
        body += piece
        if len(body) > max_bytes:
            unpacked = " once decompressed" if encoding not in ("", "identity") else ""
            raise FetchError(url, f"body larger than the limit of {max_bytes:,} bytes{unpacked} "
                                  f"(EXODUS_MAX_FETCH_BYTES); not read further")
        if time.monotonic() > deadline:
            raise FetchError(url, f"took longer than {settings.fetch_total_timeout_s:g} s "
                                  f"(EXODUS_FETCH_TOTAL_TIMEOUT_S); not read further")
    return bytes(body)


def _decoded(raw: Iterator[bytes], encoding: str, limit: int, url: str) -> Iterator[bytes]:
    """The pieces of `raw` decompressed, none of them longer than `limit` (so a bomb unpacks a little at a time)."""
    if encoding in ("", "identity"):
        yield from raw
        return
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(url, f"unsupported Content-Encoding {encoding!r}")
    wbits = 47 if encoding != "deflate" else 15  # 47: a gzip or zlib header, told apart by the data
    decompressor = zlib.decompressobj(wbits)
    try:
        for data in raw:
            while data:
                yield decompressor.decompress(data, limit)
                if decompressor.eof:  # a second gzip member may follow the first
                    data, decompressor = decompressor.unused_data, zlib.decompressobj(wbits)
                else:
                    data = decompressor.unconsumed_tail
    except zlib.error as err:
        raise FetchError(url, f"damaged {encoding} body ({one_line(err)})") from None
