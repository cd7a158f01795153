"""Whose organization a bare departure means: "Sutskever ... left in May", "X resigned hours later".

A departure that names no organization is from the one the document has already tied the
person to: a title, a membership, a founding or an arrival stated earlier (or earlier in the
same sentence). Without such a tie the departure stays unplaced rather than guessed.
"""
from __future__ import annotations

from exodus.schema import Fact

# the fact kinds that say where someone is (was) working, and how strongly
_TIES = ("role", "member", "joined", "founded")


def affiliation(facts: list[Fact], person: str, before: int) -> str | None:
    """The organization `person` was last tied to by a fact whose evidence starts at or before
    `before` (a document offset); None when the document gives no tie."""
    latest: tuple[int, int, str] | None = None
    for order, fact in enumerate(facts):
        if fact.person != person or fact.kind not in _TIES or not fact.org or fact.org == person:
            continue
        start = fact.evidence.start
        if start > before:
            continue
        if latest is None or (start, order) >= latest[:2]:
            latest = (start, order, fact.org)
    return latest[2] if latest else None


def former_employer(facts: list[Fact], person: str, before: int) -> str | None:
    """"going back to their old employer": the organization `person` was last said to leave."""
    latest: tuple[int, int, str] | None = None
    for order, fact in enumerate(facts):
        if fact.person != person or fact.kind != "left" or not fact.org:
            continue
        start = fact.evidence.start
        if start > before:
            continue
        if latest is None or (start, order) >= latest[:2]:
            latest = (start, order, fact.org)
    return latest[2] if latest else None
