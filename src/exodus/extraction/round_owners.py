"""Who owns a funding round, read off the article's frame: the company a funding headline is about
("Germany's Aleph Alpha raises $500 million", "Figure lands $675 million Series B", "Analysis:
Acme's $400 million bet"), and the dateline, which names a place and never owns a round
("HEIDELBERG, Germany, Nov 6 — ...")."""
from __future__ import annotations

import re

from exodus.extraction.mentions import ORG, Mention, MentionIndex, ParsedChunk

# a headline's funding verb: its subject is the company that got the money
_HEADLINE_VERBS = r"(?:raises|lands|secures|closes|bags|nets|snags|grabs|gets|wins|pulls in|rakes in|scores)"
_NAME = r"((?:[A-Z0-9][\w&.\-]*|[a-z][a-z0-9]*[A-Z0-9]?[\w&.\-]*)(?: [A-Z0-9][\w&.\-]*){0,3})"
_MONEY = r"(?:(?:more than |over |nearly |about |almost |another |a |an )?[$€£]|\d)"
_HEADLINE_RES = [
    # "Acme raises $40 million", "Germany's Acme, a chip startup, raises $40 million"
    re.compile(r"(?:^|: )(?:[A-Z][\w\-]*['’]s )?" + _NAME + r"(?:, [^,]+,)? " + _HEADLINE_VERBS + " " + _MONEY),
    # "Acme's $400 million round", "Analysis: Acme's $400 million bet on ..."
    re.compile(r"(?:^|: )" + _NAME + r"['’]s " + _MONEY),
]


def headline_round_owners(title: str | None) -> list[str]:
    """The company a funding headline says got the money, as written in the headline."""
    if not title:
        return []
    out = []
    for pattern in _HEADLINE_RES:
        for m in pattern.finditer(title):
            name = m.group(1).strip()
            if name and name.lower() not in ("it", "the company", "the startup") and name not in out:
                out.append(name)
    return out


_DATELINE = re.compile(r"\A\s*([A-Z][A-Z .'\-]+[A-Z])\b[^\n—–]{0,60}?(?:—|–| - |\(\w)")


def dateline_end(text: str) -> int:
    """Where the story starts after a wire dateline ("SAN FRANCISCO, May 28 — "), or 0."""
    m = _DATELINE.match(text)
    if not m:
        return 0
    end = m.end()
    if "(" in m.group(0)[-2:]:  # "SEATTLE (Exodus Wire) - Amazon will ..."
        close = text.find(")", end)
        after = re.match(r"\)\s*(?:—|–|-{1,2})", text[close:]) if close != -1 else None
        if after is None:
            return 0
        end = close + after.end()
    while end < len(text) and text[end] in " \t":
        end += 1
    return end


def dateline_span(text: str) -> tuple[int, int] | None:
    """The place of a wire dateline at the top of the text ("SAN FRANCISCO, May 28 —")."""
    m = _DATELINE.match(text)
    return (m.start(1), m.end(1)) if m else None


# "Facebook and Asana co-founder Dustin Moskovitz", "Skype's co-founder Jaan Tallinn": organizations
# that only say where a listed person works or worked
_AFFILIATION = re.compile(
    r"\A(?:['’]s)?(?:\s+(?:and|&)\s+[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){0,3}(?:['’]s)?)*\s+"
    r"(?:former\s+|ex-|then-|chief\s+)?"
    r"(?:co-?founder|founder|chief\s+\w+(?:\s+officer)?|CEO|CTO|COO|CFO|president|chair(?:man|woman)?|executive|"
    r"boss|head|partner|director|engineer|scientist|researcher|veteran|alum(?:nus|na)?)s?"
    r",?\s+(?:and\s+\w+\s+)?[A-Z][a-z]")


def person_affiliation(text: str, end: int) -> bool:
    """Is the organization whose name ends at `end` the affiliation in a person's title?"""
    return bool(_AFFILIATION.match(text[end:end + 120]))


def headline_owner_mentions(parsed: MentionIndex, ci: int, chunk: ParsedChunk) -> None:
    """The funding headline's company wherever the text repeats its name, when the NER missed it
    ("Fjordmind Maritime, a developer of ..." parsed as a common noun)."""

    doc = chunk.doc
    for name in parsed.headline_owners:
        words = name.split()
        for tok in doc:
            if tok.text != words[0] or tok.i + len(words) > len(doc):
                continue
            span = doc[tok.i:tok.i + len(words)]
            if [t.text for t in span] != words:
                continue
            if span.end < len(doc) and doc[span.end].text[:1].isupper() and doc[span.end].pos_ == "PROPN":
                continue  # a longer name that starts the same way
            taken = [parsed.token_mentions.get((ci, t.i)) for t in span]
            if any(m is not None and (m.kind != ORG or m.certain) for m in taken):
                continue
            mention = Mention(ORG, parsed.table.add_org(name), chunk.offset + span[0].idx,
                              chunk.offset + span[-1].idx + len(span[-1]),
                              subject=any(t.dep_ in ("nsubj", "nsubjpass") for t in span))
            for t in span:
                parsed.token_mentions[(ci, t.i)] = mention
            parsed.add_to_timeline(mention)
