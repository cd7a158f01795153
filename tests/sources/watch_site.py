"""A small news site for the `exodus watch` tests: an RSS feed of short articles, served by `http_server`."""
from __future__ import annotations

import dataclasses
import html
import sqlite3
from pathlib import Path

from exodus.settings import get_settings
from tests.sources.http_server import Reply, TestServer

FEED = "/news/feed.xml"
FEED_ETAG = '"feed-v1"'

# Each story: (slug, date, title, paragraphs). Fictional people; the organizations are real ones the
# gazetteer knows, so that the extractor finds facts in every story.
STORIES = [
    ("quell-anthropic", "2024-01-16", "Mara Quell moves to Anthropic",
     ["Mara Quell left OpenAI in January 2024 to join Anthropic as head of research.",
      "Quell had led a team working on model evaluations for four years, colleagues said on Tuesday."]),
    ("reyes-deepmind", "2024-02-07", "Google DeepMind hires Tobin Reyes",
     ["Tobin Reyes joined Google DeepMind in February 2024 as a research scientist.",
      "Reyes previously spent three years at Meta, where he worked on speech recognition."]),
    ("halcyon-founded", "2024-03-12", "Two researchers start Halcyon Labs",
     ["Lena Voss and Arjun Patel founded Halcyon Labs, an AI safety startup, in March 2024.",
      "The company has raised money from several investors and plans to hire twenty people this year."]),
    ("okafor-meta", "2024-04-03", "Nadia Okafor departs Meta",
     ["Nadia Okafor left Meta in April 2024 after six years at the company.",
      "She did not say what she would do next, according to a person familiar with the matter."]),
    ("brandt-xai", "2024-05-21", "xAI names Felix Brandt chief scientist",
     ["Felix Brandt joined xAI as chief scientist in May 2024, the company said on Tuesday.",
      "Brandt was formerly a professor of computer science at a university in Zurich."]),
]


def story_path(slug: str) -> str:
    return f"/news/{slug}.html"


def page(title: str, date: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    return (f"<!doctype html>\n<html><head><title>{html.escape(title)}</title>"
            f'<meta property="article:published_time" content="{date}"></head>\n'
            f"<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>\n"
            f"<article><h1>{html.escape(title)}</h1>\n{body}</article>\n"
            f"<footer>Copyright The Example Times</footer></body></html>\n").encode()


def rss(server: TestServer, stories: list[tuple[str, str, str, list[str]]]) -> bytes:
    items = "".join(
        f"<item><title>{html.escape(title)}</title><link>{server.url(story_path(slug))}</link>"
        f"<description>{html.escape(paragraphs[0][:60])}</description></item>\n"
        for slug, _date, title, paragraphs in stories)
    return (f'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Example Times</title>'
            f"<link>{server.url('/')}</link>\n{items}</channel></rss>\n").encode()


def serve_site(server: TestServer, stories=STORIES, delay: float = 0.0) -> str:
    """Routes for the feed (validated by an ETag: 304 when it is sent back) and its stories; the feed's URL."""
    for slug, date, title, paragraphs in stories:
        server.route(story_path(slug), Reply(body=page(title, date, paragraphs), delay=delay,
                                             headers={"Content-Type": "text/html; charset=utf-8"}))
    return server.route(FEED, Reply(body=rss(server, stories), etag=FEED_ETAG, delay=delay,
                                    headers={"Content-Type": "application/rss+xml"}))


def quick_settings():
    """Settings for fetching from the test server without waiting between requests."""
    return dataclasses.replace(get_settings(), fetch_host_interval_s=0.0, fetch_retries=0)


QUICK_ENV = {"EXODUS_FETCH_HOST_INTERVAL_S": "0", "EXODUS_FETCH_RETRIES": "0", "EXODUS_PROCESSES": "1"}


def watched(db: Path) -> list[tuple]:
    """The watch queue of a store: (url, state), in queue order."""
    conn = sqlite3.connect(db)
    try:
        return [tuple(r) for r in conn.execute("SELECT url, state FROM watched_articles ORDER BY id")]
    finally:
        conn.close()


def sitemap(server: TestServer, stories, index: bool = False) -> bytes:
    """A news sitemap of `stories` (`news:publication_date` from each story's date), or, with `index`,
    a sitemap index whose entries are the paths `stories` names."""
    if index:
        entries = "".join(f"<sitemap><loc>{server.url(path)}</loc></sitemap>" for path in stories)
        return (f'<?xml version="1.0"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"{entries}</sitemapindex>\n").encode()
    entries = "".join(
        f"<url><loc>{server.url(story_path(slug))}</loc><news:news><news:publication_date>{date}T09:00:00Z"
        f"</news:publication_date></news:news></url>\n" for slug, date, _title, _paragraphs in stories)
    return ('<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
            f"{entries}</urlset>\n").encode()
