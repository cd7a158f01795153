"""What `exodus watch` keeps in the store: validators per URL, the queue of articles, stored with the facts."""
from __future__ import annotations

import pytest

from exodus.sources.watching import parse_interval
from exodus.store import ingest_extracted, open_store
from exodus.store.fetch_state import (ListedArticle, Validators, count_attempt, finish_article, pending_articles,
                                      queue_articles, record_fetch, record_problem, validators, watch_summary)
from exodus.store.handmade import article, fact_in
from exodus.store.migrations import MIGRATIONS


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "watch.db") as opened:
        yield opened


def test_new_store_has_the_watch_tables_at_the_current_schema(store):
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"fetch_state", "watched_articles"} <= tables


def test_whole_answer_replaces_validators_and_304_keeps_them(store):
    url = "https://news.example/rss"
    assert validators(store.conn, url) == Validators()
    record_fetch(store.conn, url, 200, Validators('"v1"', "Mon, 01 Jan 2024 00:00:00 GMT"))
    record_fetch(store.conn, url, 304)
    assert validators(store.conn, url) == Validators('"v1"', "Mon, 01 Jan 2024 00:00:00 GMT")
    record_problem(store.conn, url, "timed out")
    assert validators(store.conn, url).etag == '"v1"'
    row = store.conn.execute("SELECT status, problem FROM fetch_state WHERE url = ?", (url,)).fetchone()
    assert tuple(row) == (None, "timed out")
    record_fetch(store.conn, url, 200, Validators('"v2"', None))
    assert validators(store.conn, url) == Validators('"v2"', None)


def test_queue_keeps_listing_order_and_adds_each_url_once(store):
    first = [ListedArticle(f"https://news.example/{n}") for n in (3, 1, 2)]
    assert queue_articles(store.conn, "https://news.example/rss", first) == 3
    again = [ListedArticle("https://news.example/2"), ListedArticle("https://news.example/4")]
    assert queue_articles(store.conn, "https://other.example/sitemap.xml", again) == 1
    assert [a.url for a in pending_articles(store.conn)] == [f"https://news.example/{n}" for n in (3, 1, 2, 4)]
    assert pending_articles(store.conn)[2].source_url == "https://news.example/rss"


def test_article_already_in_the_store_is_queued_as_stored_and_never_fetched(store):
    doc = article("https://news.example/old", "Ada Byron left OpenAI.", "2024-01-02")
    ingest_extracted(store, [(doc, [])])
    assert queue_articles(store.conn, "https://news.example/rss", [ListedArticle(doc.id)]) == 0
    assert pending_articles(store.conn) == []
    assert watch_summary(store.conn)["stored"] == 1


def test_article_is_marked_stored_in_the_transaction_of_its_facts(store):
    queue_articles(store.conn, "https://news.example/rss", [ListedArticle("https://news.example/a")])
    doc = article("https://news.example/a", "Ada Byron left OpenAI in 2023.", "2024-01-02")
    facts = [fact_in(doc, "left", "Ada Byron left OpenAI", person="Ada Byron", org="OpenAI")]

    def mark_then_fail(conn, document, outcome):
        finish_article(conn, document.id, "stored")
        raise RuntimeError("crash after marking, before the commit")

    with pytest.raises(RuntimeError):
        ingest_extracted(store, [(doc, facts)], in_transaction=mark_then_fail)
    # Rolled back together: neither the document nor the mark.
    assert store.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    assert [a.url for a in pending_articles(store.conn)] == ["https://news.example/a"]

    ingest_extracted(store, [(doc, facts)], in_transaction=lambda conn, d, o: finish_article(conn, d.id, "stored"))
    assert store.conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 1
    assert pending_articles(store.conn) == []


def test_article_fails_for_good_after_the_last_attempt(store):
    url = "https://news.example/broken"
    queue_articles(store.conn, "https://news.example/rss", [ListedArticle(url)])
    assert [count_attempt(store.conn, url, 3) for _ in range(3)] == [False, False, True]
    assert pending_articles(store.conn) == []
    assert watch_summary(store.conn) == {"pending": 0, "stored": 0, "skipped": 0, "failed": 1}


def test_finish_refuses_an_unknown_state(store):
    with pytest.raises(ValueError, match="not 'done'"):
        finish_article(store.conn, "https://news.example/a", "done")


@pytest.mark.parametrize("text, seconds", [("30s", 30), ("15m", 900), ("2h", 7200), ("1d", 86400),
                                           ("1.5m", 90), (" 2H ", 7200)])
def test_interval_units(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["15", "m", "0s", "-5m", "15 minutes", "2w", ""])
def test_interval_refuses_what_is_no_interval_in_one_line(text):
    with pytest.raises(ValueError) as caught:
        parse_interval(text)
    assert "30s, 15m, 2h or 1d" in str(caught.value) and "\n" not in str(caught.value)
