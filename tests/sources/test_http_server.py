"""The test server itself: what other tests rely on it to do (routes, replies in turn, validators, records)."""
from __future__ import annotations

import gzip
import urllib.error
import urllib.request

import pytest

from tests.sources.http_server import Reply, gzip_bomb


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def test_a_route_answers_with_its_body_and_headers_and_is_recorded(http_server):
    url = http_server.route("/a", body=b"hello", headers={"Content-Type": "text/plain"})
    status, headers, body = _get(url, {"X-Test": "1"})
    assert (status, headers["Content-Type"], body) == (200, "text/plain", b"hello")
    assert http_server.paths() == ["/a"]
    assert http_server.requests[0].headers["x-test"] == "1"


def test_a_path_without_a_route_is_404(http_server):
    assert _get(http_server.url("/missing"))[0] == 404


def test_replies_are_served_in_turn_and_the_last_repeats(http_server):
    url = http_server.route("/flaky", Reply(503), Reply(200, b"ok"))
    assert [_get(url)[0] for _ in range(3)] == [503, 200, 200]


def test_a_matching_validator_gets_a_304(http_server):
    url = http_server.route("/v", body=b"x", etag='"1"', last_modified="Mon, 01 Jan 2024 00:00:00 GMT")
    assert _get(url)[0] == 200
    assert _get(url, {"If-None-Match": '"1"'})[0] == 304
    assert _get(url, {"If-Modified-Since": "Mon, 01 Jan 2024 00:00:00 GMT"})[0] == 304
    assert _get(url, {"If-None-Match": '"2"'})[0] == 200


@pytest.mark.parametrize("chunked", [False, True])
def test_gzip_and_chunked_bodies_arrive_whole(http_server, chunked):
    url = http_server.route("/z", Reply(body=b"abc" * 1000, gzip=True, chunked=chunked, pieces=3))
    status, headers, body = _get(url)
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == b"abc" * 1000


def test_a_gzip_bomb_is_small_on_the_wire():
    bomb = gzip_bomb(50_000_000)
    assert len(bomb) < 100_000
    assert len(gzip.decompress(bomb)) == 50_000_000
