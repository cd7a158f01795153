"""Keeping a store current: poll feeds and sitemaps, fetch the articles they list that are new, ingest them.

One cycle (`Watcher.cycle`):

1. Every source (a feed or sitemap URL) is fetched with a conditional GET, its validators
   from the store. A 304 lists nothing new. A whole answer is read for its article URLs, and
   those not queued before join the queue *in the transaction that saves the source's new
   validators*: a crash after it leaves the articles queued, one before it fetches the source
   again in full next time (its old validators were never replaced).
2. Every queued article, in the order its source listed it, is fetched, read as a page,
   extracted, and stored through `exodus.store.ingest.ingest_extracted`, which marks it
   stored in the transaction that stores its facts. A crash before that commit fetches it
   again; one after never does.

A source or an article that fails is reported (one line) and counted, and the cycle goes on;
an article is tried again in the next cycles, `max_attempts` times in all. `stop()` (the CLI
calls it on Ctrl-C and SIGTERM) ends the cycle between two articles.
"""
from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from exodus.errors import ExodusError, ExtractionFailed, InputError, InputNotice, StoreError
from exodus.schema import Document
from exodus.settings import get_settings
from exodus.store import fetch_state
from exodus.store.database import Store, store_problem
from exodus.store.fetch_state import ListedArticle, QueuedArticle, Validators

if TYPE_CHECKING:
    from exodus.extraction.base import Extractor
    from exodus.sources.fetching import Fetched, Fetcher, FetchError

ProblemHandler = Callable[[ExodusError], None]
ArticleLister = Callable[["Fetched"], Iterable["ListedArticle | ListedSitemap | ExodusError"]]
PageReader = Callable[["Fetched", QueuedArticle], Iterable["Document | ExodusError"]]

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$", re.IGNORECASE)
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in an interval written as `30s`, `15m`, `2h` or `1d`; ValueError (one line) otherwise."""
    match = _INTERVAL.match(text)
    if not match or float(match.group(1)) <= 0:
        raise ValueError(f"{text!r} is not an interval; write a positive number and a unit: 30s, 15m, 2h or 1d")
    return float(match.group(1)) * _SECONDS[match.group(2).lower()]


@dataclass
class CycleReport:
    """What one cycle did: its numbers make the one line `exodus watch` prints per cycle."""

    started: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))
    sources: int = 0
    """Sources polled (a 304 included)."""
    unchanged_sources: int = 0
    """Sources the server said were unchanged (304)."""
    queued: int = 0
    """Article URLs the sources listed that were not known before."""
    new: int = 0
    """Articles stored (a new document, or new content of one already stored)."""
    facts: int = 0
    """Statements (claims) stored from them."""
    skipped: int = 0
    """Articles fetched but not stored: no article text in the page, or content already stored."""
    errors: int = 0
    """Sources and articles that failed (fetch, reading, extraction): each reported on its own line."""
    pending: int = 0
    """Articles still queued at the end (a stopped cycle, or failures to retry)."""
    stopped: bool = False
    """The cycle was stopped (`stop()`) before it went through its queue."""

    def line(self) -> str:
        tail = f", {self.pending} still queued" if self.pending else ""
        stopped = "; stopped" if self.stopped else ""
        return (f"{self.started} {self.new} new, {self.facts} facts, {self.skipped} skipped, "
                f"{self.errors} errors ({self.sources} sources polled, {self.unchanged_sources} unchanged"
                f"{tail}){stopped}")

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in ("started", "sources", "unchanged_sources", "queued",
                                                       "new", "facts", "skipped", "errors", "pending", "stopped")}


class Watcher:
    """Polls `sources` into `store`. Build it once and call `cycle()` as often as wanted; the extractor is
    loaded at the first article that needs it (a cycle with nothing new costs no model load)."""

    def __init__(self, store: Store, sources: Sequence[str], fetcher: Fetcher, *,
                 extractor: str | Extractor | None = None, on_problem: ProblemHandler | None = None,
                 max_attempts: int | None = None, list_articles: ArticleLister | None = None,
                 read_page: PageReader | None = None):
        self.store = store
        self.sources = list(dict.fromkeys(sources))
        self.fetcher = fetcher
        self.extractor_name = extractor
        self.on_problem = on_problem or (lambda problem: None)
        self.max_attempts = max_attempts or get_settings().watch_attempts
        self.list_articles = list_articles or listed_articles
        self.read_page = read_page or page_documents
        self._extractor: Extractor | None = None
        self._stop = threading.Event()

    # --- stopping ---------------------------------------------------------------------

    def stop(self) -> None:
        """End the current cycle after the article in hand (safe to call from a signal handler)."""
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def wait(self, seconds: float) -> bool:
        """Sleep until the next cycle; False when stopped meanwhile."""
        return not self._stop.wait(seconds)

    # --- one cycle --------------------------------------------------------------------

    def cycle(self) -> CycleReport:
        report = CycleReport()
        polled: set[str] = set()
        for source in self.sources:
            with self._reported(source, report):
                self._poll(source, report, polled)
        for article in fetch_state.pending_articles(self.store.conn):
            if self.stopping:
                break
            with self._reported(article.url, report):
                self._take(article, report)
        report.pending = len(fetch_state.pending_articles(self.store.conn))
        report.stopped = self.stopping
        return report

    @contextmanager
    def _reported(self, url: str, report: CycleReport) -> Iterator[None]:
        """A failure of the store (busy, full) while working on `url` is that URL's error: reported, counted,
        and the cycle goes on (what was not stored is done again in a later cycle)."""
        try:
            yield
        except sqlite3.Error as err:
            self._problem(report, InputError(url, f"not stored: {store_problem(self.store.path, err)}"))
        except StoreError as err:
            self._problem(report, InputError(url, f"not stored: {err}"))

    def _problem(self, report: CycleReport, problem: ExodusError, counts: bool = True) -> None:
        if counts:
            report.errors += 1
        self.on_problem(problem)

    def _poll(self, source: str, report: CycleReport, polled: set[str]) -> None:
        """Poll a feed or sitemap (and the sitemaps an index lists), queueing the articles it lists."""
        from exodus.sources.fetching import FetchError

        if source in polled or self.stopping:
            return
        polled.add(source)
        remembered = fetch_state.validators(self.store.conn, source)
        try:
            fetched = self.fetcher.fetch(source, etag=remembered.etag, last_modified=remembered.last_modified)
        except FetchError as err:
            with self.store.transaction() as conn:
                fetch_state.record_problem(conn, source, err.problem)
            self._problem(report, fetch_problem(source, err))
            return
        report.sources += 1
        if fetched.not_modified:
            report.unchanged_sources += 1
            with self.store.transaction() as conn:
                fetch_state.record_fetch(conn, source, fetched.status)
            for sitemap in fetch_state.listed_sitemaps(self.store.conn, source):
                self._poll(sitemap, report, polled)
            return
        articles: list[ListedArticle] = []
        sitemaps: list[str] = []
        failed = False
        for item in self.list_articles(fetched):
            if isinstance(item, ListedArticle):
                articles.append(item)
            elif isinstance(item, ListedSitemap):
                sitemaps.append(item.url)
            else:
                failed = failed or not isinstance(item, InputNotice)
                self._problem(report, item, counts=not isinstance(item, InputNotice))
        # A source that could not be read at all keeps its old validators: fetched whole again next time.
        fresh = None if failed and not (articles or sitemaps) else Validators(fetched.etag, fetched.last_modified)
        with self.store.transaction() as conn:
            fetch_state.record_fetch(conn, source, fetched.status, fresh)
            report.queued += fetch_state.queue_articles(conn, source, articles)
            if sitemaps:
                fetch_state.list_sitemaps(conn, source, sitemaps)
        for sitemap in sitemaps:
            self._poll(sitemap, report, polled)

    def _take(self, article: QueuedArticle, report: CycleReport) -> None:
        """Fetch, read, extract and store one queued article."""
        from exodus.sources.fetching import FetchError

        try:
            fetched = self.fetcher.fetch(article.url)
        except FetchError as err:
            self._failed_attempt(article, report, fetch_problem(article.url, err))
            return
        documents: list[Document] = []
        unreadable: ExodusError | None = None
        for item in self.read_page(fetched, article):
            if isinstance(item, Document):
                documents.append(item)
            elif isinstance(item, InputNotice):
                self.on_problem(item)
            else:
                unreadable = unreadable or item
        if not documents:
            # A page without article text stays so: not tried again.
            report.skipped += 1
            with self.store.transaction() as conn:
                fetch_state.record_fetch(conn, article.url, fetched.status, Validators(fetched.etag,
                                                                                      fetched.last_modified))
                fetch_state.finish_article(conn, article.url, "skipped")
            self.on_problem(unreadable or InputError(article.url, "the page holds no article; skipped"))
            return
        self._store(article, fetched, documents[0], report)

    def _store(self, article: QueuedArticle, fetched: Fetched, document: Document, report: CycleReport) -> None:
        from exodus.extraction.pipeline import extract_documents
        from exodus.store.ingest import find_document, ingest_extracted

        failures: list[ExodusError] = []

        def collect(problem: ExodusError) -> None:
            if isinstance(problem, (InputError, ExtractionFailed)):
                failures.append(problem)
            else:
                self.on_problem(problem)  # a dropped fact: said, the article is stored all the same

        def mark_stored(conn, stored: Document, outcome: str) -> None:
            row = find_document(conn, stored)
            fetch_state.record_fetch(conn, article.url, fetched.status, Validators(fetched.etag,
                                                                                  fetched.last_modified))
            fetch_state.finish_article(conn, article.url, "stored", row["id"] if row else None)

        pairs = list(extract_documents([document], extractor=self.extractor(), processes=1, on_problem=collect))
        if failures or not pairs:
            problem = failures[0] if failures else ExtractionFailed(article.url, "no document came out of it")
            self._failed_attempt(article, report, problem)
            return
        stored = ingest_extracted(self.store, pairs, in_transaction=mark_stored)
        for line in stored.rejected:
            self.on_problem(InputNotice(article.url, f"fact not stored: {line}"))
        if stored.unchanged:
            report.skipped += 1
        else:
            report.new += 1
            report.facts += stored.claims

    def _failed_attempt(self, article: QueuedArticle, report: CycleReport, problem: ExodusError) -> None:
        with self.store.transaction() as conn:
            fetch_state.record_problem(conn, article.url, _problem_text(problem))
            last = fetch_state.count_attempt(conn, article.url, self.max_attempts)
        if last:
            problem = InputError(article.url, f"{_problem_text(problem)} (attempt {self.max_attempts} of "
                                              f"{self.max_attempts}: given up)")
        self._problem(report, problem)

    def extractor(self) -> Extractor:
        if self._extractor is None:
            from exodus.extraction.base import get_extractor

            chosen = self.extractor_name or get_settings().extractor
            self._extractor = get_extractor(chosen) if isinstance(chosen, str) else chosen
        return self._extractor


def watch(watcher: Watcher, every: float | None, on_cycle: Callable[[CycleReport], None]) -> int:
    """Run cycles until stopped (`every` seconds from the start of one to the start of the next), or one
    cycle when `every` is None; `on_cycle` gets each cycle's report. Returns the number of cycles run."""
    import time

    cycles = 0
    while True:
        started = time.monotonic()
        report = watcher.cycle()
        cycles += 1
        on_cycle(report)
        if every is None or watcher.stopping:
            return cycles
        if not watcher.wait(max(0.0, every - (time.monotonic() - started))):
            return cycles


# --- reading what was fetched ------------------------------------------------------------

@dataclass(frozen=True)
class ListedSitemap:
    """A sitemap a sitemap index lists: polled as a source of its own, in the same cycle."""

    url: str


def listed_articles(fetched: Fetched) -> Iterator[ListedArticle | ListedSitemap | ExodusError]:
    """The article URLs of a fetched feed (RSS, Atom) or news sitemap in the order it lists them, with
    the title and date it gives each; of a sitemap index, the sitemaps it lists. Only the links count
    here: each article is fetched whole, as its page."""
    from exodus.sources.feeds import FeedEntry, parse_feed, xml_root
    from exodus.sources.sitemaps import SITEMAP_ROOTS, parse_sitemap

    body = fetched.body
    root = None if body[:2] == b"\x1f\x8b" else xml_root(body)
    if root is None and body[:2] != b"\x1f\x8b":
        yield InputError(fetched.url, f"not a feed or sitemap (a {fetched.content_type or 'response'} that is "
                                      "not XML)")
        return
    if root is None or root in SITEMAP_ROOTS:
        try:
            sitemap = parse_sitemap(body, fetched.url, get_settings().max_fetch_bytes)
        except InputError as err:
            yield err
            return
        for link in sitemap.links:
            url = urljoin(fetched.url, link.url)
            yield ListedSitemap(url) if sitemap.is_index else ListedArticle(url, None, _date(link.published))
        return
    for entry in parse_feed(body, fetched.url, root, keep_summaries=True):
        if not isinstance(entry, FeedEntry):
            yield entry
        elif not entry.url:
            yield InputNotice(entry.where, "entry without a link; skipped")
        else:
            yield ListedArticle(urljoin(fetched.url, entry.url), entry.title, entry.published)


def _date(value: str | None) -> str | None:
    """A date a source gives, or None when it is not one (a page's own date may still be found)."""
    from exodus.sources.reading import normalize_published

    try:
        return normalize_published(value, "")
    except InputError:
        return None


def page_documents(fetched: Fetched, article: QueuedArticle) -> Iterator[Document | ExodusError]:
    """The document of a fetched article page as `exodus ingest URL` reads it, known by the URL its source
    listed; the title and date its source gave win over the page's own (as for a feed entry's link)."""
    from exodus.sources.reading import from_fetched_page

    for result in from_fetched_page(fetched, article.url, article.url, None, get_settings()):
        if isinstance(result, Document):
            result = replace(result, title=article.title or result.title,
                             published=article.published or result.published)
        yield result


def fetch_problem(url: str, err: FetchError) -> InputError:
    """A `FetchError` as an input that could not be read (so that it counts as a failed input)."""
    return InputError(url, err.problem)


def _problem_text(problem: ExodusError) -> str:
    return getattr(problem, "problem", None) or str(problem)
