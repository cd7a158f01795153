"""The fetcher against a real server on 127.0.0.1: redirects, validators, retries, timeouts, size caps,
gzip bombs, robots.txt and the per-host rate limit. Every failure is one line naming the URL."""
from __future__ import annotations

import socket
import tracemalloc
from dataclasses import replace

import pytest

from exodus.settings import Settings
from exodus.sources.fetching import Fetcher, FetchError
from tests.sources.http_server import Reply, gzip_bomb, redirect

FAST = replace(Settings(), fetch_retries=2, fetch_backoff_s=0.01, fetch_host_interval_s=0.0, fetch_timeout_s=2.0,
               fetch_total_timeout_s=5.0, max_fetch_bytes=1_000_000)


def _fetcher(**changes: object) -> Fetcher:
    return Fetcher(replace(FAST, **changes), allow_hosts=["127.0.0.1"])


def _fails(url: str, **changes: object) -> str:
    with _fetcher(**changes) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.fetch(url)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"{url}: ")
    return caught.value.problem


def test_a_page_is_fetched_with_its_type_validators_and_a_descriptive_user_agent(http_server):
    url = http_server.route("/story", body=b"<p>hi</p>", headers={"Content-Type": "text/html; charset=ISO-8859-1"},
                            etag='"v1"', last_modified="Mon, 01 Jan 2024 00:00:00 GMT")
    with _fetcher() as fetcher:
        fetched = fetcher.fetch(url)
    assert (fetched.status, fetched.body, fetched.content_type, fetched.charset) == (200, b"<p>hi</p>", "text/html",
                                                                                     "ISO-8859-1")
    assert (fetched.etag, fetched.last_modified, fetched.not_modified) == ('"v1"', "Mon, 01 Jan 2024 00:00:00 GMT", False)
    assert http_server.requests[-1].headers["user-agent"].startswith("Exodus/")


def test_redirects_are_followed_to_the_final_url(http_server):
    http_server.route("/a", redirect("/b", 301))
    http_server.route("/b", redirect(http_server.url("/c"), 307))
    http_server.route("/c", body=b"here")
    with _fetcher() as fetcher:
        fetched = fetcher.fetch(http_server.url("/a"))
    assert (fetched.url, fetched.body) == (http_server.url("/c"), b"here")


def test_too_many_redirects_are_one_line(http_server):
    for number in range(4):
        http_server.route(f"/r{number}", redirect(f"/r{number + 1}"))
    assert "more than 2 redirects" in _fails(http_server.url("/r0"), fetch_max_redirects=2)


@pytest.mark.parametrize("validator", ["etag", "last_modified"])
def test_a_conditional_get_that_still_holds_is_a_304_without_body(http_server, validator):
    values = {"etag": '"v7"', "last_modified": "Tue, 02 Jan 2024 10:00:00 GMT"}
    url = http_server.route("/feed", body=b"<rss/>", **{validator: values[validator]})
    with _fetcher() as fetcher:
        fetched = fetcher.fetch(url, **{validator: values[validator]})
    assert (fetched.status, fetched.body, fetched.not_modified) == (304, b"", True)
    header = {"etag": "if-none-match", "last_modified": "if-modified-since"}[validator]
    assert http_server.requests_to("/feed")[0].headers[header] == values[validator]


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_429_and_5xx_are_retried_then_succeed(http_server, status):
    url = http_server.route("/busy", Reply(status), Reply(status, headers={"Retry-After": "0"}), Reply(200, b"done"))
    with _fetcher() as fetcher:
        assert fetcher.fetch(url).body == b"done"
    assert len(http_server.requests_to("/busy")) == 3


def test_a_server_that_keeps_failing_is_given_up_in_one_line(http_server):
    url = http_server.route("/down", status=503)
    problem = _fails(url)
    assert problem.startswith("HTTP 503 Service Unavailable, 3 times; gave up")
    assert len(http_server.requests_to("/down")) == 3


def test_retries_back_off_exponentially(http_server):
    url = http_server.route("/down", status=500)
    _fails(url, fetch_backoff_s=0.1)
    times = [request.at for request in http_server.requests_to("/down")]
    assert times[1] - times[0] >= 0.1 and times[2] - times[1] >= 0.2


def test_retry_after_longer_than_the_cap_is_given_up_at_once(http_server):
    url = http_server.route("/later", status=429, headers={"Retry-After": "3600"})
    assert "asks to wait 3600 s" in _fails(url, fetch_max_retry_after_s=30)
    assert len(http_server.requests_to("/later")) == 1


def test_retry_after_is_honoured(http_server):
    url = http_server.route("/slow-down", Reply(429, headers={"Retry-After": "1"}), Reply(200, b"ok"))
    with _fetcher() as fetcher:
        assert fetcher.fetch(url).body == b"ok"
    first, second = http_server.requests_to("/slow-down")
    assert second.at - first.at >= 0.9


def test_a_client_error_is_not_retried(http_server):
    assert _fails(http_server.url("/gone")) == "HTTP 404 Not Found"
    assert len(http_server.requests_to("/gone")) == 1


def test_a_refused_connection_is_retried_then_one_line():
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    problem = _fails(f"http://127.0.0.1:{port}/x")
    assert problem.startswith("robots.txt of") or problem.startswith("cannot connect")
    assert "3 times" in problem


def test_a_server_slow_to_answer_times_out(http_server):
    url = http_server.route("/slow", Reply(body=b"late", delay=1.5))
    assert "no answer for 0.5 s" in _fails(url, fetch_timeout_s=0.5)


def test_a_body_that_trickles_past_the_total_timeout_is_dropped(http_server):
    url = http_server.route("/trickle", Reply(body=b"x" * 40, pieces=40, trickle=0.1))
    assert "took longer than 1 s" in _fails(url, fetch_total_timeout_s=1.0)


@pytest.mark.parametrize("chunked", [False, True])
def test_an_oversized_body_is_not_read_past_the_cap(http_server, chunked):
    url = http_server.route("/big", Reply(body=b"x" * 3_000_000, chunked=chunked, pieces=30))
    assert "larger than the limit of 1,000,000" in _fails(url)


def test_a_gzip_body_is_decompressed(http_server):
    url = http_server.route("/z", Reply(body=b"<p>compressed</p>" * 100, gzip=True))
    with _fetcher() as fetcher:
        assert fetcher.fetch(url).body == b"<p>compressed</p>" * 100
    assert "gzip" in http_server.requests_to("/z")[0].headers["accept-encoding"]


def test_a_gzip_bomb_stops_at_the_cap_without_unpacking_whole(http_server):
    url = http_server.route("/bomb", Reply(body=gzip_bomb(100_000_000), gzip=True, chunked=True, pieces=4))
    tracemalloc.start()
    try:
        assert "once decompressed" in _fails(url)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8_000_000  # a few times the 1 MB cap; unpacked whole it would be 100 MB


def test_a_damaged_gzip_body_is_one_line(http_server):
    url = http_server.route("/broken", body=b"not gzip", headers={"Content-Encoding": "gzip"})
    assert "damaged gzip body" in _fails(url)


def test_robots_txt_disallowing_a_path_stops_the_fetch(http_server):
    http_server.route("/robots.txt", body=b"User-agent: *\nDisallow: /private/\n")
    url = http_server.route("/private/page", body=b"secret")
    assert "robots.txt of http://127.0.0.1" in _fails(url) and "disallows" in _fails(url)
    assert http_server.requests_to("/private/page") == []


def test_robots_txt_naming_exodus_applies(http_server):
    http_server.route("/robots.txt", body=b"User-agent: Exodus\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    assert "disallows" in _fails(http_server.route("/a", body=b"x"))


def test_robots_txt_is_fetched_once_per_host(http_server):
    http_server.route("/robots.txt", body=b"User-agent: *\nAllow: /\n")
    urls = [http_server.route(f"/p{n}", body=b"x") for n in range(3)]
    with _fetcher() as fetcher:
        for url in urls:
            fetcher.fetch(url)
    assert http_server.paths() == ["/robots.txt", "/p0", "/p1", "/p2"]


def test_a_robots_txt_server_error_means_nothing_is_fetched(http_server):
    http_server.route("/robots.txt", status=500)
    url = http_server.route("/page", body=b"x")
    assert "robots.txt of" in _fails(url) and "could not be read" in _fails(url)
    assert http_server.requests_to("/page") == []


def test_requests_to_one_host_are_spaced_by_the_interval(http_server):
    urls = [http_server.route(f"/p{n}", body=b"x") for n in range(3)]
    with _fetcher(fetch_host_interval_s=0.3) as fetcher:
        for url in urls:
            fetcher.fetch(url)
    times = [request.at for request in http_server.requests]
    assert all(later - earlier >= 0.28 for earlier, later in zip(times, times[1:]))


def test_crawl_delay_slows_requests_down(http_server):
    http_server.route("/robots.txt", body=b"User-agent: *\nCrawl-delay: 1\n")
    urls = [http_server.route(f"/p{n}", body=b"x") for n in range(2)]
    with _fetcher() as fetcher:
        for url in urls:
            fetcher.fetch(url)
    first, second = http_server.requests_to("/p0")[0], http_server.requests_to("/p1")[0]
    assert second.at - first.at >= 0.95


def test_the_user_agent_setting_is_sent(http_server):
    url = http_server.route("/a", body=b"x")
    with Fetcher(FAST, allow_hosts=["127.0.0.1"], user_agent="Exodus-test (+mailto:me@example.org)") as fetcher:
        fetcher.fetch(url)
    assert {request.headers["user-agent"] for request in http_server.requests} == {"Exodus-test (+mailto:me@example.org)"}
