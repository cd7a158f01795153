"""HTML pages: main text through trafilatura, publication date through htmldate."""
from __future__ import annotations

import logging
import re

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


_BLOCK_TAGS = ("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
               "table", "tr", "section", "article", "figure", "figcaption", "hr")


def html_fragment_to_text(fragment: str) -> str:
    """The plain text of an HTML fragment such as a feed entry's content: no boilerplate to remove there
    (trafilatura would drop a short fragment whole), so all of its text, block elements as paragraphs."""
    from lxml import etree, html as lxml_html

    # lxml refuses control characters that XML cannot hold; they carry no text.
    cleaned = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", fragment)
    try:
        root = lxml_html.fragment_fromstring(cleaned, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for element in list(root.iter("script", "style")):
        element.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    text = root.text_content()
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
