"""`exodus watch` against a real HTTP server on 127.0.0.1: cycles, conditional GETs, failures, Ctrl-C."""
from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from exodus.cli.common import ProblemReporter
from exodus.cli.main import main
from exodus.extraction.base import get_extractor
from exodus.settings import get_settings
from exodus.sources.fetching import Fetcher
from exodus.sources.watching import Watcher, watch
from exodus.store import open_store
from tests.cli_runs import exodus, one_line
from tests.sources.http_server import Reply
from tests.sources.watch_site import (FEED, FEED_ETAG, QUICK_ENV, STORIES, quick_settings, serve_site, sitemap,
                                      story_path, watched)


@pytest.fixture(scope="module")
def extractor():
    return get_extractor("model")  # loaded once for the module's watchers


@pytest.fixture
def watcher_for(tmp_path, extractor, capsys):
    made = []

    def make(*sources: str, db_name: str = "watch.db") -> Watcher:
        fetcher = Fetcher(quick_settings(), allow_hosts=["127.0.0.1"])
        store = open_store(tmp_path / db_name)
        watcher = Watcher(store, sources, fetcher, extractor=extractor, on_problem=ProblemReporter())
        made.append(watcher)
        return watcher

    yield make
    for watcher in made:
        watcher.fetcher.close()
        watcher.store.close()


def test_cycle_stores_every_listed_article_and_the_next_fetches_only_the_feed(http_server, watcher_for, capsys):
    feed = serve_site(http_server)
    watcher = watcher_for(feed)
    first = watcher.cycle()
    assert (first.new, first.skipped, first.errors, first.pending) == (len(STORIES), 0, 0, 0)
    assert first.facts >= len(STORIES)
    facts = watcher.store.conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    assert facts == first.facts
    docs = watcher.store.conn.execute("SELECT doc_key, url, published FROM documents ORDER BY id").fetchall()
    assert [tuple(d) for d in docs] == [(http_server.url(story_path(s)), http_server.url(story_path(s)), date)
                                        for s, date, _t, _p in STORIES]

    before = len(http_server.requests)
    second = watcher.cycle()
    assert [r.path for r in http_server.requests[before:]] == [FEED]
    assert http_server.requests[-1].headers.get("if-none-match") == FEED_ETAG
    assert (second.sources, second.unchanged_sources, second.new, second.facts, second.errors) == (1, 1, 0, 0, 0)
    assert " 0 new, 0 facts, 0 skipped, 0 errors" in second.line()
    assert watcher.store.conn.execute("SELECT count(*) FROM claims").fetchone()[0] == facts
    assert capsys.readouterr().err == ""


def test_new_entry_in_the_feed_is_the_only_article_fetched(http_server, watcher_for):
    feed = serve_site(http_server, STORIES[:3])
    watcher = watcher_for(feed)
    assert watcher.cycle().new == 3
    serve_site(http_server, STORIES[:4])  # the feed changes: a new ETag would be usual, a new body is enough
    http_server.route(FEED, Reply(body=http_server.routes[FEED][0].body, etag='"feed-v2"',
                                  headers={"Content-Type": "application/rss+xml"}))
    before = len(http_server.requests)
    report = watcher.cycle()
    assert [r.path for r in http_server.requests[before:]] == [FEED, story_path(STORIES[3][0])]
    assert (report.new, report.errors) == (1, 0)


def test_failing_article_is_one_line_retried_then_given_up_and_the_others_are_stored(http_server, watcher_for,
                                                                                       capsys):
    feed = serve_site(http_server, STORIES[:3])
    broken = story_path(STORIES[1][0])
    http_server.route(broken, Reply(status=404, body=b"gone"))
    watcher = watcher_for(feed)
    reports = [watcher.cycle() for _ in range(4)]
    assert [(r.new, r.errors, r.pending) for r in reports] == [(2, 1, 1), (0, 1, 1), (0, 1, 0), (0, 0, 0)]
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 3 and all(line.startswith(f"exodus: {http_server.url(broken)}: HTTP 404") for line in lines)
    assert lines[-1].endswith("(attempt 3 of 3: given up)")
    assert len(http_server.requests_to(broken)) == 3
    assert [state for _url, state in watched(watcher.store.path)] == ["stored", "failed", "stored"]


def test_unreadable_feed_is_an_error_and_the_other_source_goes_on(http_server, watcher_for, capsys):
    good = serve_site(http_server, STORIES[:1])
    bad = http_server.route("/broken.xml", body=b"<html>not a feed</html>", headers={"Content-Type": "text/html"})
    missing = http_server.url("/missing.xml")
    report = watcher_for(missing, bad, good).cycle()
    assert (report.sources, report.new, report.errors) == (2, 1, 2)
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0].startswith(f"exodus: {missing}: HTTP 404") and err[1].startswith(f"exodus: {bad}: ")
    assert len(err) == 2


def test_page_without_article_text_is_skipped_for_good(http_server, watcher_for, capsys):
    feed = serve_site(http_server, STORIES[:2])
    empty = story_path(STORIES[0][0])
    video = b"<html><head><title>Video</title></head><body><video src='v.mp4'></video></body></html>"
    http_server.route(empty, body=video, headers={"Content-Type": "text/html"})
    watcher = watcher_for(feed)
    report = watcher.cycle()
    assert (report.new, report.skipped, report.errors) == (1, 1, 0)
    assert "no main content" in capsys.readouterr().err
    assert watcher.cycle().skipped == 0 and len(http_server.requests_to(empty)) == 1


def test_watch_runs_cycles_until_stopped(http_server, watcher_for):
    watcher = watcher_for(serve_site(http_server, STORIES[:1]))
    seen = []

    def on_cycle(report):
        seen.append(report)
        if len(seen) == 3:
            watcher.stop()

    assert watch(watcher, 0.01, on_cycle) == 3
    assert [r.new for r in seen] == [1, 0, 0]


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_cli_signal_stops_between_articles_with_exit_0_and_a_line(http_server, tmp_path, stop_signal):
    # Every answer takes a moment: the signal arrives while the second article is being fetched.
    feed = serve_site(http_server, delay=0.3)
    db = tmp_path / "watch.db"
    process = subprocess.Popen([sys.executable, "-m", "exodus", "watch", feed, "--every", "1h",
                                "--allow-host", "127.0.0.1", "--db", str(db)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, **QUICK_ENV})
    second = story_path(STORIES[1][0])
    deadline = time.monotonic() + 120
    while not http_server.requests_to(second):
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.01)
    process.send_signal(stop_signal)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert len(out.strip().splitlines()) == 1 and " 2 new, " in out and out.strip().endswith("; stopped")
    assert err.strip().splitlines() == ["exodus: watch stopped; run it again to go on where it stopped"]
    # The article in hand was finished; the rest waits in the queue for the next run.
    assert [state for _url, state in watched(db)] == ["stored", "stored", "pending", "pending", "pending"]
    assert len(http_server.requests_to(story_path(STORIES[2][0]))) == 0


def test_sitemap_index_lists_news_sitemaps_polled_again_when_the_index_is_unchanged(http_server, watcher_for):
    serve_site(http_server)
    xml = {"Content-Type": "application/xml"}
    http_server.route("/sitemap-1.xml", Reply(body=sitemap(http_server, STORIES[:2]), etag='"s1"', headers=xml))
    http_server.route("/sitemap-2.xml", Reply(body=gzip.compress(sitemap(http_server, STORIES[2:4])),
                                              etag='"s2"', headers=xml))
    index = http_server.route("/sitemap-index.xml", Reply(
        body=sitemap(http_server, ["/sitemap-1.xml", "/sitemap-2.xml"], index=True), etag='"i1"', headers=xml))
    watcher = watcher_for(index)
    first = watcher.cycle()
    assert (first.sources, first.new, first.errors) == (3, 4, 0)
    stored = watcher.store.conn.execute("SELECT doc_key, published FROM documents ORDER BY id").fetchall()
    assert [tuple(r) for r in stored] == [(http_server.url(story_path(s)), d) for s, d, _t, _p in STORIES[:4]]

    before = len(http_server.requests)
    second = watcher.cycle()
    assert sorted(r.path for r in http_server.requests[before:]) == ["/sitemap-1.xml", "/sitemap-2.xml",
                                                                       "/sitemap-index.xml"]
    assert all(r.headers.get("if-none-match") for r in http_server.requests[before:])
    assert (second.sources, second.unchanged_sources, second.new) == (3, 3, 0)


def test_busy_store_is_an_error_of_the_cycle_and_the_next_cycle_catches_up(http_server, watcher_for, capsys):
    feed = serve_site(http_server, STORIES[:2])
    watcher = watcher_for(feed)
    watcher.store.conn.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(watcher.store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the store
    report = watcher.cycle()
    assert (report.new, report.errors) == (0, 1)
    line = one_line(capsys.readouterr().err)
    assert line.startswith(f"exodus: {feed}: not stored: ") and "busy" in line
    other.execute("ROLLBACK")
    other.close()
    report = watcher.cycle()
    assert (report.new, report.errors) == (2, 0)


def test_cli_once_prints_the_cycle_as_json_and_exits_1_on_errors(http_server, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("EXODUS_FETCH_HOST_INTERVAL_S", "0")
    monkeypatch.setenv("EXODUS_FETCH_RETRIES", "0")
    get_settings.cache_clear()
    feed = serve_site(http_server, STORIES[:2])
    for slug, *_ in STORIES[:2]:
        http_server.route(story_path(slug), Reply(status=410, body=b"gone"))
    try:
        status, out, err = exodus(capsys, "watch", feed, "--once", "--json", "--allow-host", "127.0.0.1",
                                  "--store", tmp_path / "cli.db")
    finally:
        get_settings.cache_clear()
    assert status == 1
    report = json.loads(out)
    assert {k: report[k] for k in ("sources", "queued", "new", "errors", "pending")} == \
        {"sources": 1, "queued": 2, "new": 0, "errors": 2, "pending": 2}
    assert [line.split(": ", 2)[2] for line in err.strip().splitlines()] == ["HTTP 410 Gone"] * 2


@pytest.mark.parametrize("every", ["15", "0m", "soon"])
def test_cli_refuses_an_interval_in_one_line(every, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["watch", "http://news.example/rss", "--every", every])
    assert stopped.value.code == 2
    assert "30s, 15m, 2h or 1d" in capsys.readouterr().err.strip().splitlines()[-1]
