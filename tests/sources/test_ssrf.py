"""The SSRF guard: a URL whose host is (or resolves to, or redirects to) a non-public address is refused,
and nothing is sent to it. Every case uses the port of a real server on 127.0.0.1, so a guard that let
one through would be seen reaching it."""
from __future__ import annotations

import ipaddress
import socket
from dataclasses import replace

import pytest

from exodus.settings import Settings
from exodus.sources.addresses import refusal_reason
from exodus.sources.fetching import Fetcher, FetchError
from tests.sources.http_server import redirect

FAST = replace(Settings(), fetch_retries=0, fetch_backoff_s=0.01, fetch_host_interval_s=0.0, fetch_timeout_s=2.0)

LITERALS = [
    "127.0.0.1", "127.255.255.254", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.0.1",
    "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1", "239.255.255.250", "255.255.255.255",
    "240.0.0.1", "198.18.0.1",
    "[::1]", "[fe80::1]", "[fc00::1]", "[fd12:3456::1]", "[::ffff:127.0.0.1]", "[::ffff:10.0.0.1]",
    "[::]", "[fec0::1]", "[ff02::1]", "[2002:7f00:1::1]", "[2002:c0a8:101::1]", "[64:ff9b::a00:1]",
    "[::127.0.0.1]", "[2001:0:4136:e378:8000:63bf:80ff:fffe]",
]
"""IPv4 and IPv6 literals: loopback, private, link-local (cloud metadata), unspecified, carrier-grade NAT,
multicast, broadcast, reserved, benchmarking, unique-local, site-local, IPv4-mapped, 6to4, NAT64,
IPv4-compatible and Teredo forms of private IPv4 addresses."""

OTHER_FORMS = ["2130706433", "0177.0.0.1", "0x7f.0.0.1", "127.1", "0x7f000001", "017700000001", "0",
               "localhost", "LOCALHOST", "0x7f.1", "[0:0:0:0:0:0:0:1]", "example.com@127.0.0.1", "user:pw@localhost"]
"""Decimal, octal and hex spellings of 127.0.0.1, names of the loopback, and userinfo tricks."""

SCHEMES = ["file:///etc/passwd", "gopher://127.0.0.1:70/_GET", "ftp://example.com/pub/", "dict://127.0.0.1:11211/",
           "data:text/html,<p>hi</p>", "javascript:alert(1)", "//example.com/no-scheme"]


GUARD_SAYS = "Exodus fetches only from public addresses"


def _refused(url: str, server) -> FetchError:
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.fetch(url)
    assert "\n" not in str(caught.value) and str(caught.value).startswith(url)
    assert server.requests == [], "the refused URL reached the server"
    return caught.value


@pytest.mark.parametrize("host", LITERALS)
def test_an_ip_literal_of_a_non_public_address_is_refused(http_server, host):
    error = _refused(f"http://{host}:{http_server.port}/", http_server)
    assert GUARD_SAYS in error.problem


@pytest.mark.parametrize("host", OTHER_FORMS)
def test_other_spellings_and_names_of_the_loopback_are_refused(http_server, host):
    error = _refused(f"http://{host}:{http_server.port}/page", http_server)
    assert GUARD_SAYS in error.problem or error.problem.startswith("not a valid URL")


@pytest.mark.parametrize("url", SCHEMES)
def test_schemes_other_than_http_and_https_are_refused(http_server, url):
    assert "only http and https" in _refused(url, http_server).problem


@pytest.mark.parametrize("answers", [["127.0.0.1"], ["10.1.2.3"], ["169.254.169.254"], ["93.184.216.34", "127.0.0.1"],
                                     ["::1"], ["2606:4700::1111", "fd00::1"]])
def test_a_name_resolving_to_any_non_public_address_is_refused(http_server, monkeypatch, answers):
    _resolve_name("news.test", answers, monkeypatch)
    error = _refused(f"http://news.test:{http_server.port}/story", http_server)
    assert "news.test resolves to" in error.problem and GUARD_SAYS in error.problem


@pytest.mark.parametrize("target", ["http://localhost:{port}/", "http://[::1]:{port}/", "http://2130706433:{port}/",
                                    "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1:{port}/",
                                    "file:///etc/passwd", "gopher://127.0.0.1:{port}/"])
def test_a_redirect_from_an_allowed_host_to_a_refused_one_is_refused(http_server, target):
    location = target.format(port=http_server.port)
    start = http_server.route("/go", redirect(location))
    with Fetcher(FAST, allow_hosts=["127.0.0.1"]) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.fetch(start)
    assert GUARD_SAYS in caught.value.problem or "only http and https" in caught.value.problem
    assert http_server.paths() == ["/robots.txt", "/go"]  # nothing after the redirect


def test_an_allowed_host_is_fetched(http_server):
    url = http_server.route("/ok", body=b"fine")
    with Fetcher(FAST, allow_hosts=[f"127.0.0.1"]) as fetcher:
        assert fetcher.fetch(url).body == b"fine"


def test_the_connection_goes_to_the_checked_address_without_a_second_lookup(http_server, monkeypatch):
    lookups = _resolve_name("news.test", ["127.0.0.1"], monkeypatch)
    url = http_server.route("/story", body=b"text")
    with Fetcher(FAST, allow_hosts=["news.test"]) as fetcher:
        assert fetcher.fetch(url.replace("127.0.0.1", "news.test")).body == b"text"
    # Two connections (robots.txt, then the page), each made to the address its one lookup checked:
    # connecting by name would have looked it up again for each.
    assert lookups == ["news.test", "news.test"]
    assert http_server.requests[-1].headers["host"] == f"news.test:{http_server.port}"


@pytest.mark.parametrize("address", ["8.8.8.8", "93.184.216.34", "2606:4700::1111", "64:ff9b::808:808"])
def test_public_addresses_are_not_refused(address):
    assert refusal_reason(ipaddress.ip_address(address)) is None


def _resolve_name(name: str, answers: list[str], monkeypatch) -> list[str]:
    """Make `name` resolve to `answers` (the resolver is not what is tested); the lookups of `name` made."""
    real = socket.getaddrinfo
    lookups: list[str] = []

    def fake(host, port, *args, **kwargs):
        if host != name:
            return real(host, port, *args, **kwargs)
        lookups.append(host)
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "",
                 (a, port) if ":" not in a else (a, port, 0, 0)) for a in answers]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    return lookups
