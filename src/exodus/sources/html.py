"""HTML pages: main text through trafilatura, publication date through htmldate."""
from __future__ import annotations

import logging

from exodus.errors import InputError

# trafilatura and htmldate log every page they find hard; Exodus reports problems itself.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


def html_to_article(html: str, where: str) -> dict[str, str | None]:
    """Main text, title, url and publication date of a page."""
    import trafilatura
    from htmldate import find_date

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise InputError(where, "HTML page without article text (trafilatura found no main content)")
    meta = trafilatura.extract_metadata(html)
    published = None
    try:
        published = find_date(html, original_date=True, extensive_search=False)
    except Exception:  # htmldate raises on odd markup; a page without a date is still an article
        published = None
    return {
        "text": text,
        "title": getattr(meta, "title", None) if meta else None,
        "url": getattr(meta, "url", None) if meta else None,
        "published": published,
    }
