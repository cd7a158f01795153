"""Feeds: RSS and Atom feeds (feedparser), saved on disk or fetched, and OPML lists of feeds.

Nothing is fetched here: an entry is read from what the feed itself carries (its full
content, else its summary), and an OPML list gives the URLs of its feeds. Fetching them, and
an entry's link when the entry carries no full text, is `exodus.sources.web`'s; turning entries
into documents stays in `exodus.sources.reading`.
"""
from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from exodus.errors import InputError, InputNotice
from exodus.sources.archives import one_line

FEED_SUFFIXES = (".rss", ".atom", ".xml", ".opml")
FEED_ROOTS = {"rss", "feed", "rdf"}
"""Root elements of RSS 2.0/0.9x, Atom, and RSS 1.0 (`rdf:RDF`), lower-cased without namespace."""
OPML_ROOT = "opml"


@dataclass(frozen=True)
class FeedEntry:
    """One entry of a feed, as the feed carries it."""

    where: str
    """`FILE:LINK`, or `FILE:entry N` for an entry without a link."""
    id: str | None
    """Its link, else its guid; None when it has neither."""
    url: str | None
    title: str | None
    published: str | None
    """The ISO date (YYYY-MM-DD) of its publication, else of its last update."""
    content: str
    is_html: bool
    full: bool = True
    """False when `content` is only the entry's summary (or nothing): the linked article holds the text."""


def xml_root(source: Path | bytes) -> str | None:
    """The root element's name of an XML file or document (lower case, no namespace), or None when it is
    not XML."""
    from lxml import etree

    try:
        with (source.open("rb") if isinstance(source, Path) else io.BytesIO(source)) as fh:
            for _event, element in etree.iterparse(fh, events=("start",), resolve_entities=False,
                                                   no_network=True, load_dtd=False):
                return etree.QName(element).localname.lower()
    except (etree.XMLSyntaxError, OSError, ValueError):
        return None
    return None


def feed_entries(path: Path, max_bytes: int) -> Iterator[FeedEntry | InputError | InputNotice]:
    """The entries of the feed file `path`; an OPML list or a file that is no feed is one `InputError`
    (`exodus.sources.web` reads the feeds an OPML list names)."""
    where = str(path)
    size = path.stat().st_size
    if size > max_bytes:
        yield InputError(where, f"feed file of {size:,} bytes is larger than the limit of {max_bytes:,} "
                                f"(EXODUS_MAX_FEED_BYTES)")
        return
    data = path.read_bytes()
    root = xml_root(path)
    if root == OPML_ROOT:
        try:
            count = len(opml_feed_urls(data, where))
            yield InputError(where, f"an OPML list of {count:,} feed{'s' * (count != 1)}, not a feed")
        except InputError as err:
            yield err
        return
    yield from parse_feed(data, where, root)


def parse_feed(data: bytes, where: str, root: str | None = None,
               keep_summaries: bool = False) -> Iterator[FeedEntry | InputError | InputNotice]:
    """The entries of the feed `data` (a feed file's or a fetched one's bytes; `root` its root element when
    known). With `keep_summaries`, an entry with a link but no full text is kept (`full` False), so that
    its link can be fetched; without, an entry with no text at all is a notice."""
    import feedparser

    root = root if root is not None else xml_root(data)
    # A file object, never a string: feedparser would take a string for a URL and fetch it.
    feed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    if not feed.entries:
        if feed.get("bozo"):
            yield InputError(where, f"not a readable RSS or Atom feed ({one_line(feed.get('bozo_exception', ''))})")
        elif root not in FEED_ROOTS:
            yield InputError(where, "not an RSS or Atom feed (expected <rss>, <feed> or <rdf:RDF> at the top)")
        else:
            yield InputError(where, "feed without entries")
        return
    if feed.get("bozo"):
        yield InputNotice(where, f"not well-formed XML ({one_line(feed.get('bozo_exception', ''))}); "
                                 f"its {len(feed.entries)} entries were read leniently")
    for number, entry in enumerate(feed.entries, 1):
        yield _entry(entry, where, number, keep_summaries)


def _entry(entry, where: str, number: int, keep_summaries: bool = False) -> FeedEntry | InputNotice:
    link = (entry.get("link") or "").strip() or None
    entry_where = f"{where}:{link}" if link else f"{where}:entry {number}"
    content, is_html, full = _entry_text(entry)
    if not content.strip() and not (keep_summaries and link):
        return InputNotice(entry_where, "entry without text (only a title or link); skipped (a feed file is "
                                        "read as saved: give the feed's URL to have its links fetched)")
    # dict.get: feedparser's own get maps a missing date to another one and warns about it.
    stamp = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    published = f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}" if stamp else None
    return FeedEntry(where=entry_where, id=link or (entry.get("id") or "").strip() or None, url=link,
                     title=(entry.get("title") or "").strip() or None, published=published,
                     content=content, is_html=is_html, full=full)


def _entry_text(entry) -> tuple[str, bool, bool]:
    """The entry's full content when it has one, else its summary; whether it is HTML; whether it is full."""
    for part in entry.get("content") or []:
        if (part.get("value") or "").strip():
            return part["value"], "html" in (part.get("type") or "html"), True
    detail = entry.get("summary_detail") or {}
    return entry.get("summary") or "", "html" in (detail.get("type") or "html"), False


def opml_feed_urls(data: bytes, where: str) -> list[str]:
    """The feed URLs an OPML list names (`<outline xmlUrl=...>`, nested ones too), in order, each once;
    an `InputError` when it is damaged or names none."""
    from lxml import etree

    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    except (etree.XMLSyntaxError, ValueError) as err:
        raise InputError(where, f"damaged OPML ({one_line(err)})") from None
    urls = [str(url).strip() for url in root.xpath("//*[local-name()='outline']/@xmlUrl") if str(url).strip()]
    if not urls:
        raise InputError(where, "an OPML list without feeds (no <outline xmlUrl=...>)")
    return list(dict.fromkeys(urls))
