"""Reading from the web: URLs, URL lists, feeds, sitemaps and OPML lists, through one `Fetcher`.

What a URL holds is told by its content, not its name: a feed (RSS/Atom) gives its entries (an entry
that carries only a summary has its link fetched for the whole article), a sitemap its articles
(with `news:publication_date`) or, as an index, its sitemaps, an OPML list its feeds, and a page its
article (trafilatura and htmldate, as for HTML files). A URL that cannot be fetched or read is one
`InputError` naming it, and reading goes on with the next.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from exodus.errors import InputError, InputNotice
from exodus.schema import Document
from exodus.settings import Settings
from exodus.sources.feeds import FEED_ROOTS, OPML_ROOT, FeedEntry, opml_feed_urls, parse_feed, xml_root
from exodus.sources.fetching import Fetched, Fetcher, FetchError
from exodus.sources.sitemaps import SITEMAP_ROOTS, SitemapLink, parse_sitemap
from exodus.sources.urllists import listed_urls

_XML_TYPES = ("xml", "rss", "atom", "opml")


class WebReader:
    """Reads web inputs for `read_documents`; the fetcher is made on first use, shared by every input."""

    def __init__(self, settings: Settings, published: str | None, allow_hosts: Iterable[str] = (),
                 fetcher: Fetcher | None = None):
        self.settings = settings
        self.published = published
        self.allow_hosts = tuple(allow_hosts)
        self._fetcher = fetcher
        self._own_fetcher = fetcher is None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.settings, allow_hosts=self.allow_hosts)
        return self._fetcher

    def close(self) -> None:
        if self._own_fetcher and self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None

    def read_url(self, url: str, where: str | None = None) -> Iterator[Document | InputError | InputNotice]:
        """The documents of whatever `url` holds: a feed's entries, a sitemap's or an OPML list's
        articles, or a page's article. `where` names it in messages (default: the URL)."""
        try:
            fetched = self.fetcher.fetch(url)
        except FetchError as err:
            yield InputError(where or url, err.problem)
            return
        kind = _xml_kind(fetched)
        if kind in FEED_ROOTS:
            yield from self.read_feed(fetched.body, url)
        elif kind in SITEMAP_ROOTS or fetched.body[:2] == b"\x1f\x8b" and url.lower().endswith(".xml.gz"):
            yield from self.read_sitemap(fetched.body, url)
        elif kind == OPML_ROOT:
            yield from self.read_opml(fetched.body, url)
        else:
            yield from self._page(fetched, url, where or url, None)

    def read_url_list(self, path: Path) -> Iterator[Document | InputError | InputNotice]:
        for item in listed_urls(path):
            if isinstance(item, InputError):
                yield item
            else:
                where, url = item
                yield from self.read_url(url, where=f"{where}: {url}")

    def read_feed(self, data: bytes, where: str) -> Iterator[Document | InputError | InputNotice]:
        """The entries of a fetched feed; an entry without its full text is read from its link."""
        from exodus.sources.reading import document_from_entry

        for number, entry in enumerate(parse_feed(data, where, keep_summaries=True), 1):
            if isinstance(entry, (InputError, InputNotice)):
                yield entry
            elif entry.full or not entry.url:
                yield document_from_entry(entry, f"{where}#{number}", self.published, self.settings)
            else:
                yield from self._linked_article(entry)

    def read_sitemap(self, data: bytes, where: str, depth: int = 0) -> Iterator[Document | InputError | InputNotice]:
        """The articles a sitemap lists; an index's sitemaps are read in turn (one level deep)."""
        try:
            sitemap = parse_sitemap(data, where, self.settings.max_fetch_bytes)
        except InputError as err:
            yield err
            return
        for link in sitemap.links:
            if sitemap.is_index:
                if depth >= 1:
                    yield InputError(f"{where}: {link.url}", "a sitemap index inside a sitemap index; not read")
                    continue
                yield from self._listed_sitemap(link.url, depth + 1)
            else:
                yield from self._listed_page(link, where)

    def read_opml(self, data: bytes, where: str) -> Iterator[Document | InputError | InputNotice]:
        """The entries of every feed an OPML list names."""
        try:
            urls = opml_feed_urls(data, where)
        except InputError as err:
            yield err
            return
        for url in urls:
            try:
                fetched = self.fetcher.fetch(url)
            except FetchError as err:
                yield InputError(f"{where}: {url}", err.problem)
                continue
            yield from self.read_feed(fetched.body, url)

    def _listed_sitemap(self, url: str, depth: int) -> Iterator[Document | InputError | InputNotice]:
        try:
            fetched = self.fetcher.fetch(url)
        except FetchError as err:
            yield InputError(url, err.problem)
            return
        yield from self.read_sitemap(fetched.body, url, depth)

    def _listed_page(self, link: SitemapLink, where: str) -> Iterator[Document | InputError | InputNotice]:
        try:
            fetched = self.fetcher.fetch(link.url)
        except FetchError as err:
            yield InputError(link.url, err.problem)
            return
        yield from self._page(fetched, link.url, link.url, link.published, f"{where} lists it")

    def _linked_article(self, entry: FeedEntry) -> Iterator[Document | InputError | InputNotice]:
        """The article an entry links to, known by the entry's id, with the entry's title and date."""
        assert entry.url is not None
        try:
            fetched = self.fetcher.fetch(entry.url)
        except FetchError as err:
            yield InputError(entry.where, f"entry without its full text, and its link: {err.problem}")
            return
        for result in self._page(fetched, entry.url, entry.where, entry.published):
            if isinstance(result, Document):
                result = replace(result, id=entry.id or result.id, title=entry.title or result.title)
            yield result

    def _page(self, fetched: Fetched, url: str, where: str, listed_date: str | None,
              listed_by: str = "") -> Iterator[Document | InputError | InputNotice]:
        """The article of a fetched page (HTML, else plain text), known by `url`; `listed_date` (a feed's
        or a sitemap's date for it) wins over the date the page gives."""
        from exodus.sources.reading import from_fetched_page, normalize_published

        try:
            date = normalize_published(listed_date, where) if listed_date else None
        except InputError:
            date = None
            yield InputNotice(where, f"date {listed_date!r} {listed_by or 'given for it'} is not ISO; "
                                     f"the page's own date is used")
        for result in from_fetched_page(fetched, url, where, self.published, self.settings):
            if isinstance(result, Document) and date:
                result = replace(result, published=date)
            yield result


def _xml_kind(fetched: Fetched) -> str | None:
    """The root element of a fetched body that is XML (a feed, sitemap or OPML list), else None."""
    if "html" in fetched.content_type:
        return None
    head = fetched.body[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not any(kind in fetched.content_type for kind in _XML_TYPES) and not head.startswith(b"<?xml") \
            and not head.startswith((b"<rss", b"<feed", b"<urlset", b"<sitemapindex", b"<opml", b"<rdf")):
        return None
    return xml_root(fetched.body)
