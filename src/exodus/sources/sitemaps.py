"""Sitemaps: the article URLs a `<urlset>` lists (with `news:publication_date` from a news sitemap),
and the sitemaps a `<sitemapindex>` lists. Parsing only; fetching is `exodus.sources.web`'s."""
from __future__ import annotations

import zlib
from dataclasses import dataclass

from exodus.errors import InputError
from exodus.sources.archives import one_line

SITEMAP_ROOTS = {"urlset", "sitemapindex"}
_NEWS_DATE = "*[local-name()='news']/*[local-name()='publication_date']"


@dataclass(frozen=True)
class SitemapLink:
    url: str
    published: str | None
    """A news sitemap's `news:publication_date` as given (an ISO timestamp), else None."""


@dataclass(frozen=True)
class Sitemap:
    is_index: bool
    """True for a `<sitemapindex>`: `links` are sitemaps, not articles."""
    links: list[SitemapLink]


def parse_sitemap(data: bytes, where: str, max_bytes: int) -> Sitemap:
    """The links of a sitemap (gzip-compressed too, unpacked up to `max_bytes`); an `InputError` when
    it is not a sitemap, is damaged, or lists nothing."""
    from lxml import etree

    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, where, max_bytes)
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    except (etree.XMLSyntaxError, ValueError) as err:
        raise InputError(where, f"damaged sitemap ({one_line(err)})") from None
    kind = etree.QName(root).localname.lower()
    if kind not in SITEMAP_ROOTS:
        raise InputError(where, f"not a sitemap (expected <urlset> or <sitemapindex> at the top, not <{kind}>)")
    child = "url" if kind == "urlset" else "sitemap"
    links = []
    for entry in root.xpath(f"*[local-name()='{child}']"):
        location = "".join(entry.xpath("*[local-name()='loc']/text()")).strip()
        if location:
            published = "".join(entry.xpath(f"{_NEWS_DATE}/text()")).strip() or None
            links.append(SitemapLink(location, published))
    if not links:
        raise InputError(where, f"sitemap without <{child}><loc> entries")
    return Sitemap(is_index=kind == "sitemapindex", links=list({link.url: link for link in links}.values()))


def _gunzip(data: bytes, where: str, max_bytes: int) -> bytes:
    decompressor = zlib.decompressobj(47)
    try:
        unpacked = decompressor.decompress(data, max_bytes + 1)
    except zlib.error as err:
        raise InputError(where, f"damaged gzip sitemap ({one_line(err)})") from None
    if len(unpacked) > max_bytes:
        raise InputError(where, f"sitemap larger than {max_bytes:,} bytes once unpacked (EXODUS_MAX_FETCH_BYTES)")
    return unpacked
