"""What `exodus watch` remembers in the store: validators of fetched URLs and the queue of articles.

`fetch_state` holds, per URL fetched (a feed, a sitemap, an article), its ETag and
Last-Modified for the next conditional GET, and how its last fetch went.
`watched_articles` is the queue of article URLs the sources listed, in the order they
listed them: `pending` until fetched and stored (`stored`), found to hold no article
(`skipped`), or given up after too many failed attempts (`failed`).

Crash safety comes from what is written together: a source's new validators commit in
the same transaction as the articles it listed (so a 304 later never hides an article
that was never queued), and an article is marked stored in the transaction that stores
its facts (`exodus.store.ingest.ingest_extracted(in_transaction=...)`).
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone

ARTICLE_STATES = ("pending", "stored", "skipped", "failed")


@dataclass(frozen=True)
class Validators:
    """What a server gave to recognise its last answer: sent back as If-None-Match / If-Modified-Since."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class ListedArticle:
    """An article URL a feed or sitemap lists, with what the source says of it."""

    url: str
    title: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class QueuedArticle:
    url: str
    source_url: str
    title: str | None
    published: str | None
    attempts: int


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def validators(conn: sqlite3.Connection, url: str) -> Validators:
    """The validators remembered for `url` (none when it was never fetched whole)."""
    row = conn.execute("SELECT etag, last_modified FROM fetch_state WHERE url = ?", (url,)).fetchone()
    return Validators(row[0], row[1]) if row else Validators()


def record_fetch(conn: sqlite3.Connection, url: str, status: int, fresh: Validators | None = None) -> None:
    """Note a fetch of `url` that the server answered. `fresh`: the validators of a whole answer (200),
    which replace the old ones; None (a 304) keeps them."""
    conn.execute("INSERT INTO fetch_state(url, fetched_at, status) VALUES (?, ?, ?) "
                 "ON CONFLICT(url) DO UPDATE SET fetched_at = excluded.fetched_at, status = excluded.status, "
                 "problem = NULL", (url, utc_now(), status))
    if fresh is not None:
        conn.execute("UPDATE fetch_state SET etag = ?, last_modified = ? WHERE url = ?",
                     (fresh.etag, fresh.last_modified, url))


def record_problem(conn: sqlite3.Connection, url: str, problem: str) -> None:
    """Note a fetch of `url` that failed; its validators stay."""
    conn.execute("INSERT INTO fetch_state(url, fetched_at, problem) VALUES (?, ?, ?) "
                 "ON CONFLICT(url) DO UPDATE SET fetched_at = excluded.fetched_at, status = NULL, "
                 "problem = excluded.problem", (url, utc_now(), problem))


def list_sitemaps(conn: sqlite3.Connection, index_url: str, urls: Iterable[str]) -> None:
    """Remember the sitemaps a sitemap index lists now (and forget those it no longer lists)."""
    urls = list(dict.fromkeys(urls))
    conn.execute("UPDATE fetch_state SET listed_by = NULL WHERE listed_by = ?", (index_url,))
    for url in urls:
        conn.execute("INSERT INTO fetch_state(url, listed_by) VALUES (?, ?) "
                     "ON CONFLICT(url) DO UPDATE SET listed_by = excluded.listed_by", (url, index_url))


def listed_sitemaps(conn: sqlite3.Connection, index_url: str) -> list[str]:
    """The sitemaps the index at `index_url` listed when it was last fetched whole."""
    return [row[0] for row in conn.execute("SELECT url FROM fetch_state WHERE listed_by = ? ORDER BY url",
                                           (index_url,))]


def queue_articles(conn: sqlite3.Connection, source_url: str, listed: Iterable[ListedArticle]) -> int:
    """Add the articles a source lists to the queue; returns how many were new.

    An URL already queued (by this source or another) is left as it is; one whose page is
    already a document of the store (`exodus ingest URL`, an earlier store) is queued as stored,
    so it is never fetched.
    """
    now = utc_now()
    new = 0
    for article in listed:
        if conn.execute("SELECT 1 FROM watched_articles WHERE url = ?", (article.url,)).fetchone():
            continue
        document = conn.execute("SELECT id FROM documents WHERE doc_key = ? OR url = ? ORDER BY id LIMIT 1",
                                (article.url, article.url)).fetchone()
        conn.execute("INSERT INTO watched_articles(url, source_url, title, published, state, document_id, "
                     "queued_at, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     (article.url, source_url, article.title, article.published,
                      "stored" if document else "pending", document[0] if document else None, now,
                      now if document else None))
        new += document is None
    return new


def pending_articles(conn: sqlite3.Connection) -> list[QueuedArticle]:
    """The articles still to fetch, in queue order."""
    rows = conn.execute("SELECT url, source_url, title, published, attempts FROM watched_articles "
                        "WHERE state = 'pending' ORDER BY id").fetchall()
    return [QueuedArticle(*row) for row in rows]


def finish_article(conn: sqlite3.Connection, url: str, state: str, document_id: int | None = None) -> None:
    """Take an article off the queue: `stored` (with its document), `skipped` or `failed`."""
    if state not in ARTICLE_STATES[1:]:
        raise ValueError(f"an article leaves the queue as stored, skipped or failed, not {state!r}")
    conn.execute("UPDATE watched_articles SET state = ?, document_id = ?, done_at = ? WHERE url = ?",
                 (state, document_id, utc_now(), url))


def count_attempt(conn: sqlite3.Connection, url: str, max_attempts: int) -> bool:
    """Count a failed attempt at an article; True when that was its last one (it is then `failed`)."""
    conn.execute("UPDATE watched_articles SET attempts = attempts + 1 WHERE url = ?", (url,))
    attempts = conn.execute("SELECT attempts FROM watched_articles WHERE url = ?", (url,)).fetchone()[0]
    if attempts >= max_attempts:
        finish_article(conn, url, "failed")
        return True
    return False


def watch_summary(conn: sqlite3.Connection) -> dict[str, int]:
    """How many queued articles are in each state."""
    counts = dict.fromkeys(ARTICLE_STATES, 0)
    counts.update(dict(conn.execute("SELECT state, count(*) FROM watched_articles GROUP BY state").fetchall()))
    return counts
