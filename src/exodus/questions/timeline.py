"""A person's timeline: stints at organizations, built from joined/left/founded/role facts.

A `left` closes a stint and a later `joined` opens a new one (Sam Altman left
OpenAI on 17 November 2023 and was back within the week: two stints). A
sabbatical or leave of absence is not an end.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import asdict, dataclass, field
from functools import cmp_to_key

from exodus.questions.lookup import entity
from exodus.questions.records import FactView, load_facts
from exodus.resolution.dates import compatible, end_of, precision, start_of

# Departures that are pauses, not ends (checked against the evidence of a `left` fact).
LEAVE_WORDS = re.compile(r"\b(sabbatical|leave of absence|on leave|extended leave|parental leave|"
                         r"medical leave|time off|taking a break)\b", re.I)
_STARTS = ("joined", "founded")
_PRESENCE = ("role", "member")


@dataclass
class Stint:
    org: str
    start: str | None = None
    end: str | None = None
    ended: bool = False
    """A departure closed the stint (its date, `end`, may be unknown: an undated article)."""
    first_seen: str | None = None
    """Publication date of the earliest article showing the person there (when `start` is unknown)."""
    founder: bool = False
    roles: list[str] = field(default_factory=list)
    end_reasons: list[str] = field(default_factory=list)
    leaves: list[str] = field(default_factory=list)
    """Dates (or article dates) of sabbaticals and leaves during the stint."""
    facts: list[str] = field(default_factory=list)

    def present_on(self, day: str) -> bool:
        """Known to be there: from the start date's last possible day, or an earlier article showing it."""
        bounds = [end_of(self.start)] if self.start else []
        if self.first_seen:
            bounds.append(start_of(self.first_seen))
        if not bounds or min(bounds) > day:
            return False
        if self.end is None:
            return not self.ended  # gone at a time no article gives: present on no day we can name
        return start_of(self.end) > day

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class PersonTimeline:
    person: str
    names: list[str]
    stints: list[Stint]
    events: list[FactView]

    def to_dict(self) -> dict:
        return {"person": self.person, "names": self.names, "stints": [s.to_dict() for s in self.stints],
                "events": [e.to_dict() for e in self.events]}


def _first_published(fact: FactView) -> str | None:
    """The earliest publication date of the articles stating `fact` (None when none is dated)."""
    dates = [s.published for s in fact.sources if s.published]
    return min(dates) if dates else fact.effective_date


_LAST = "9999"  # sorts undated events after dated ones; never shown


def _compare(a: FactView, b: FactView) -> int:
    """Order of events; dates at different precision that can be the same day go by article date."""
    if a.date and b.date and a.date != b.date and compatible(a.date, b.date):
        ka, kb = _first_published(a) or _LAST, _first_published(b) or _LAST
    else:
        ka, kb = a.effective_date or _LAST, b.effective_date or _LAST
    if ka != kb:
        return -1 if ka < kb else 1
    rank = {"founded": 0, "joined": 1, "role": 2, "member": 2, "left": 3}
    return rank.get(a.kind, 4) - rank.get(b.kind, 4)


def order_events(facts: list[FactView]) -> list[FactView]:
    return sorted(facts, key=cmp_to_key(_compare))


def is_leave(fact: FactView) -> bool:
    return fact.kind == "left" and any(LEAVE_WORDS.search(s.evidence) for s in fact.sources)


def _label(fact: FactView) -> str | None:
    """What a fact says the person was: a title, or a place on a board, committee or team."""
    if fact.kind == "member" and fact.group:
        return f"{fact.group} {fact.role or 'member'}"
    return fact.role


def _reopens(fact: FactView, closed: Stint) -> bool:
    """Whether a fact after a departure shows the person back: a `joined` (or a founding) does; a
    title or membership does only with a date after the departure (undated, it is the old one)."""
    if fact.kind in _STARTS:
        return True
    return bool(fact.date and closed.end and start_of(fact.date) > end_of(closed.end))


def build_stints(facts: list[FactView], founding: dict[str, str] | None = None) -> list[Stint]:
    """Stints from one person's facts (any organizations), in time order per organization.

    `founding` maps organizations to their founding dates: an undated `founded`
    fact happened then (else at the organization's start, before anything else).
    After a `left`, only an arrival (or a title dated later) opens a new stint.
    """
    founding = founding or {}
    by_org: dict[str, list[FactView]] = {}
    for fact in facts:
        if fact.kind in (*_STARTS, *_PRESENCE, "left") and fact.org and fact.person:
            by_org.setdefault(fact.org, []).append(fact)
    stints: list[Stint] = []
    for org, events in by_org.items():
        current: Stint | None = None
        closed: Stint | None = None
        # An undated founding is told later ("X, who co-founded OpenAI"), not when it happened.
        undated_founding = [f for f in events if f.kind == "founded" and not f.date]
        ordered = undated_founding + order_events([f for f in events if f not in undated_founding])
        for fact in ordered:
            when = fact.date or (founding.get(org) if fact.kind == "founded" else None)
            seen = _first_published(fact) if fact.sources else fact.effective_date
            label = _label(fact)
            if current is None and closed is not None and not (fact.kind != "left" and _reopens(fact, closed)):
                # Told after the departure about the time before it (a former title, a second
                # report of the same departure): it belongs to the stint that ended.
                if label and label not in closed.roles:
                    closed.roles.append(label)
                closed.founder = closed.founder or fact.kind == "founded"
                closed.facts.append(fact.id)
                continue
            if fact.kind == "left" and is_leave(fact):
                if current is None:
                    current = Stint(org, first_seen=seen)
                current.leaves.append(fact.date or seen)
                current.facts.append(fact.id)
                continue
            if fact.kind == "left":
                if current is None:
                    current = Stint(org, first_seen=seen)
                current.end = fact.date or seen
                current.ended = True
                current.end_reasons = list(fact.reasons)
                current.facts.append(fact.id)
                if label and label not in current.roles:
                    current.roles.append(label)
                stints.append(current)
                closed, current = current, None
                continue
            if current is None:
                current = Stint(org, first_seen=seen)
                if fact.kind in _STARTS:
                    current.start = when
            elif fact.kind in _STARTS and current.start is None and not current.roles and when:
                current.start = when
            current.founder = current.founder or fact.kind == "founded"
            if label and label not in current.roles:
                current.roles.append(label)
            current.facts.append(fact.id)
        if current is not None:
            stints.append(current)
    return sorted(stints, key=lambda s: (s.start or s.first_seen or _LAST, s.org))


def founding_dates(facts: list[FactView]) -> dict[str, str]:
    """Each organization's founding date, from the dated `founded` facts among `facts` (the earliest)."""
    dates: dict[str, str] = {}
    for fact in facts:
        if fact.kind == "founded" and fact.date and fact.org:
            known = dates.get(fact.org)
            if known is None or (start_of(fact.date), -precision(fact.date)) < (start_of(known), -precision(known)):
                dates[fact.org] = fact.date
    return dates


def person_timeline(conn: sqlite3.Connection, name: str) -> PersonTimeline:
    """Everything the store knows about one person, in time order, each line with its sources."""
    person = entity(conn, name, "person")
    facts = order_events(load_facts(conn, "f.person_id = ?", (person["id"],)))
    names = sorted({r[0] for r in conn.execute("SELECT name FROM aliases WHERE entity_id = ?", (person["id"],))})
    founders_of = sorted({f.org_id for f in facts if f.kind == "founded" and not f.date and f.org_id is not None})
    founding = founding_dates(load_facts(conn, f"f.kind = 'founded' AND f.date IS NOT NULL AND f.org_id IN "
                                               f"({','.join('?' * len(founders_of))})", tuple(founders_of),
                                         with_sources=False)) if founders_of else {}
    return PersonTimeline(person=person["name"], names=names, stints=build_stints(facts, founding), events=facts)
