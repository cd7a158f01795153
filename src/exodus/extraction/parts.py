"""Long documents in parts: a parser takes at most so many characters at once (spaCy: 1,000,000),
and its memory grows with the text. A longer document is cut at paragraph breaks (else sentence
ends, else spaces) into parts of at most `max_chars`, each extracted alone; the facts' offsets
are then moved back onto the whole document, so their evidence stays an exact span of it.
"""
from __future__ import annotations

import re
from dataclasses import replace

from exodus.schema import Document, Evidence, Fact

# Where a part may end, best first: after a blank line, after a sentence's end, after a space.
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"[.!?][\"')\]]*\s+"), re.compile(r"\s+"))


def _cut(text: str, start: int, max_chars: int) -> int:
    """The end of the part that starts at `start`: the last good break within `max_chars`."""
    limit = start + max_chars
    if limit >= len(text):
        return len(text)
    window = text[start:limit]
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(window) if m.end() > max_chars // 2]
        if ends:
            return start + ends[-1]
    return limit  # one unbroken run of characters: cut it anyway


def split_document(document: Document, max_chars: int) -> list[tuple[int, Document]]:
    """`document` as (offset, part) pairs covering its text in order; one pair when it is short."""
    if max_chars < 1:
        raise ValueError(f"parts must hold at least one character, not {max_chars}")
    text = document.text
    if len(text) <= max_chars:
        return [(0, document)]
    parts: list[tuple[int, Document]] = []
    start = 0
    while start < len(text):
        end = _cut(text, start, max_chars)
        parts.append((start, replace(document, text=text[start:end])))
        start = end
    return parts


def shift_fact(fact: Fact, offset: int) -> Fact:
    """A fact of a part, with its offsets on the whole document."""
    if not offset:
        return fact
    ev = fact.evidence
    return replace(fact, evidence=Evidence(ev.start + offset, ev.end + offset, ev.text),
                   keywords=[(start + offset, end + offset) for start, end in fact.keywords])
