"""Dates a fact takes from the event it belongs to, when its own sentence gives none.

An article dates an event once and then adds to it: "Anthropic was founded in 2021"
and, later, "the founding group also includes A and B"; "X raised $2bn on Monday"
and "Accel and Cisco also took part"; "X left OpenAI in May" and "he joined
Anthropic", one move told from both ends; "Brockman quit the same day". The later
statements belong to the dated event, so they take its date. Nothing is guessed across events: an
investor list takes the date of the latest dated investment in the same company
before it (or in the same sentence), a founder the date of the founding itself.
"""
from __future__ import annotations

import re
from datetime import timedelta

from exodus.extraction.dates import find_dates, parse_iso
from exodus.extraction.parsed import ParsedDocument
from exodus.schema import Document, Fact

# a date told by reference to the one just given, and the precision it keeps (3 = the day,
# 2 = the month) with the days it adds
_ANAPHORIC = [
    (re.compile(r"\b(?:the same day|that same day|that day|on the same day|hours later|later that day|"
                r"the same afternoon|the same evening|that evening|minutes later)\b", re.I), 3, 0),
    (re.compile(r"\b(?:the (?:next|following) day|a day later|the day after)\b", re.I), 3, 1),
    (re.compile(r"\b(?:the same month|that same month|later that month|that month|weeks later|"
                r"days later|the same week|that week|later that week)\b", re.I), 2, 0),
]
_NEAR = 600  # how far back (characters) the date referred to may be


def inherit_dates(facts: list[Fact], parsed: ParsedDocument | None = None) -> list[Fact]:
    if parsed is not None:
        _anaphoric_dates(facts, parsed.document)
    _founding_dates(facts)
    _round_dates(facts, parsed)
    _move_dates(facts)
    return facts


def _anaphoric_dates(facts: list[Fact], document: Document) -> None:
    """"Brockman quit the same day": the date last named before the phrase."""
    dates = None
    for f in facts:
        if f.date:
            continue
        found = next(((m, precision, days) for pattern, precision, days in _ANAPHORIC
                      if (m := pattern.search(f.evidence.text))), None)
        if found is None:
            continue
        match, precision, days = found
        position = f.evidence.start + match.start()
        if dates is None:
            dates = find_dates(document.text, document.published)
        before = [iso for start, end, iso in dates if end <= position and position - start <= _NEAR]
        parsed = parse_iso(before[-1]) if before else None
        if parsed is None:
            continue
        day, known = parsed
        if known < precision:
            precision, days = known, 0  # "in May ... the same day" is no more precise than May
        day += timedelta(days=days)
        f.date = day.isoformat()[:{1: 4, 2: 7, 3: 10}[precision]]


def _founding_dates(facts: list[Fact]) -> None:
    """Every founder of an organization founded it when it was founded."""
    dates: dict[str, set[str]] = {}
    own: dict[str, str] = {}
    for f in facts:
        if f.kind == "founded" and f.date:
            dates.setdefault(f.org, set()).add(f.date)
            if f.person is None:
                own.setdefault(f.org, f.date)
    for f in facts:
        if f.kind != "founded" or f.date:
            continue
        if f.org in own:
            f.date = own[f.org]
        elif len(_years(dates.get(f.org, ()))) == 1:
            # several founders dated alike ("in 2021", "in May 2021"): the most precise, the earliest of
            # equally precise ones (a set's order varies with the hash seed: never let it choose)
            f.date = min(dates[f.org], key=lambda date: (-len(date), date))


def _round_dates(facts: list[Fact], parsed: ParsedDocument | None) -> None:
    """An investor named without a date joined the round dated just before, or in the same
    sentence, for the same company: the round as its owner announced it ("X has raised $2bn"),
    or as another investment in it."""
    invested = sorted((f for f in facts if f.kind == "invested"), key=lambda f: f.evidence.start)
    for f in invested:
        if f.date:
            continue
        if parsed is not None:
            f.date = parsed.round_date(f.evidence.end, f.investee)
            if f.date:
                continue
        same = [g.date for g in invested if g.date and g.investee == f.investee
                and g.evidence.start == f.evidence.start]
        before = [g.date for g in invested if g.date and g.investee == f.investee
                  and g.evidence.start < f.evidence.start]
        if same:
            f.date = same[0]
        elif before:
            f.date = before[-1]


def _move_dates(facts: list[Fact]) -> None:
    """"Left A for B" and "joined B from A" are one move: one date."""
    for j in (f for f in facts if f.kind == "joined"):
        for lf in (f for f in facts if f.kind == "left"):
            if lf.person != j.person or lf.org == j.org:
                continue
            if not (lf.to_org == j.org or j.from_org == lf.org):
                continue
            if j.date and not lf.date:
                lf.date = j.date
            elif lf.date and not j.date:
                j.date = lf.date


def _years(dates) -> set[str]:
    return {d[:4] for d in dates}
