"""A small store whose articles, titles, names and URLs are hostile: script tags, event handlers,
`javascript:` URLs. Every page and API answer is checked against it."""
from __future__ import annotations

from pathlib import Path

from exodus.store import ingest_extracted, open_store
from exodus.store.handmade import article, fact_in

SCRIPT = '<script>alert("xss")</script>'
IMG = '<img src=x onerror=alert(1)>'
EVIL_PERSON = f"Eve {IMG} Mallory"
EVIL_ORG = f"Evil{SCRIPT} Labs"
EVIL_URL = "javascript:alert(document.cookie)"
QUOTE_URL = 'https://example.org/a?b="><script>alert(2)</script>'
HOSTILE = (SCRIPT, IMG, "onerror=alert", "javascript:alert")


def stories():
    """(document, facts) pairs: ordinary moves, a founding, a conflict, and hostile text everywhere."""
    a = article("wire-1", f"{SCRIPT} Ada Lovelace joined OpenAI in January 2023 as a researcher. "
                          f"Later, Ada Lovelace left OpenAI for Anthropic, citing safety. {IMG}",
                "2024-04-02", QUOTE_URL, f"Lovelace moves {SCRIPT}")
    b = article("wire-2", f"Ada Lovelace joined Anthropic in April 2024. Grace Hopper left Anthropic in February "
                          f"2024. Grace Hopper joined OpenAI in March 2024. {SCRIPT}",
                "2024-04-10", EVIL_URL, 'Anthropic hires <b onmouseover="alert(3)">Lovelace</b>')
    c = article(f"evil-{IMG}", f"{EVIL_PERSON} left {EVIL_ORG} in May 2024. {EVIL_PERSON} joined OpenAI in June "
                               f"2024. Alan Turing founded Turing Labs in 2020 with Joan Clarke. "
                               f"Joan Clarke left Turing Labs in 2022.",
                "2024-06-20", "https://example.org/evil", f"{IMG} exposed")
    d = article("wire-3", "Grace Hopper joined OpenAI in May 2024, the company said. Grace Hopper joined "
                          "Google in March 2024.", "2024-06-01", None, None)
    return [
        (a, [fact_in(a, "joined", "Ada Lovelace joined OpenAI in January 2023 as a researcher.",
                     person="Ada Lovelace", org="OpenAI", date="2023-01", role="researcher"),
             fact_in(a, "left", "Ada Lovelace left OpenAI for Anthropic, citing safety.",
                     person="Ada Lovelace", org="OpenAI", to_org="Anthropic", date="2024-03", reasons=["safety"])]),
        (b, [fact_in(b, "joined", "Ada Lovelace joined Anthropic in April 2024.",
                     person="Ada Lovelace", org="Anthropic", date="2024-04"),
             fact_in(b, "left", "Grace Hopper left Anthropic in February 2024.",
                     person="Grace Hopper", org="Anthropic", date="2024-02", reasons=["career"]),
             fact_in(b, "joined", "Grace Hopper joined OpenAI in March 2024.",
                     person="Grace Hopper", org="OpenAI", date="2024-03")]),
        (c, [fact_in(c, "left", f"{EVIL_PERSON} left {EVIL_ORG} in May 2024.",
                     person=EVIL_PERSON, org=EVIL_ORG, date="2024-05", reasons=["dismissed"]),
             fact_in(c, "joined", f"{EVIL_PERSON} joined OpenAI in June 2024.",
                     person=EVIL_PERSON, org="OpenAI", date="2024-06"),
             fact_in(c, "founded", "Alan Turing founded Turing Labs in 2020 with Joan Clarke.",
                     person="Alan Turing", org="Turing Labs", date="2020"),
             fact_in(c, "founded", "Alan Turing founded Turing Labs in 2020 with Joan Clarke.",
                     person="Joan Clarke", org="Turing Labs", date="2020"),
             fact_in(c, "left", "Joan Clarke left Turing Labs in 2022.",
                     person="Joan Clarke", org="Turing Labs", date="2022", reasons=["personal"])]),
        (d, [fact_in(d, "joined", "Grace Hopper joined OpenAI in May 2024",
                     person="Grace Hopper", org="OpenAI", date="2024-05-02"),
             fact_in(d, "joined", "Grace Hopper joined Google in March 2024.",
                     person="Grace Hopper", org="Google", date="2024-03")]),
    ]


def build_store(path: Path) -> Path:
    with open_store(path) as store:
        report = ingest_extracted(store, stories())
        assert not report.rejected, report.rejected
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path
