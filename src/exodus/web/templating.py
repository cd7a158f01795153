"""Jinja templates of the dashboard: autoescape on, and filters that keep untrusted text inert.

Article text, titles, names and URLs come from the web. Everything is escaped by
Jinja; URLs become links only when they are http(s); data for charts goes into
`<script type="application/json">` blocks through `tojson` (which escapes `<`,
`>`, `&` and quotes), never into executable script.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from exodus.web.queries import MARK_END, MARK_START

LOW_CONFIDENCE, HIGH_CONFIDENCE = 0.5, 0.8
"""Below the first a fact is shown as doubtful, from the second on as sure; between them as uncertain."""
KIND_VERBS = {"joined": "joined", "left": "left", "founded": "founded", "role": "is", "member": "is on",
              "group_event": "", "invested": "invested in"}


def path_part(value: Any) -> str:
    """A name or id as one URL path segment ('/' and everything else special percent-encoded)."""
    return quote(str(value), safe="")


def query_value(value: Any) -> str:
    return quote(str(value), safe="")


def safe_url(value: str | None) -> str | None:
    """`value` when it is an absolute http(s) URL; None otherwise (javascript:, data:, relative...)."""
    if not value or any(c in value for c in "\r\n\t\x00"):
        return None
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return None
    return value.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def highlight(text: str, start: int, end: int) -> Markup:
    """The text with [start, end) in <mark>, everything escaped."""
    return Markup("{}<mark class=\"evidence\">{}</mark>{}").format(text[:start], text[start:end], text[end:])


_EMPHASIS = re.compile(r"\*\*|__")


def quoted(evidence: str) -> str:
    """Evidence as a quote for readers: the Markdown emphasis of a `.md` article (`**Lead.**`) dropped.
    The stored evidence stays the exact text of the article; this is display only."""
    return _EMPHASIS.sub("", evidence).strip()


def confidence_level(value: float) -> str:
    """The CSS class that colours a confidence, so a 0.59 fact does not look like a 1.00 one."""
    return "conf-low" if value < LOW_CONFIDENCE else "conf-mid" if value < HIGH_CONFIDENCE else "conf-high"


def marked_snippet(snippet: str) -> Markup:
    """A full-text search snippet, escaped, its matched words in <mark>."""
    out = escape(snippet)
    return Markup(str(out).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(path=path_part, q=query_value, safe_url=safe_url, highlight=highlight,
                       marked=marked_snippet, quoted=quoted,
                       confidence_level=confidence_level)
    env.globals.update(kind_verbs=KIND_VERBS)
    return env


ENV = _environment()


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    html = ENV.get_template(template).render(request_path=request.url.path, **context)
    return HTMLResponse(html, status_code=status_code)
