"""A person's timeline: stints at organizations, built from joined/left/founded/role/member facts.

A `left` closes a stint and a later `joined` opens a new one (Sam Altman left
OpenAI on 17 November 2023 and was back within the week: two stints). A
sabbatical or leave of absence is not an end.

A stint says what the articles know about its ends: a date they state, or only a
bound taken from an article's date. A departure told undated in an article of
2024-08-09 ("Vagata moved on years ago") happened *by* that day: the person is gone
from then on, and was known to be there only as far as the last fact showing them
there. A title or membership told undated holds *as of* its article's date. Those
dates are kept apart from stated ones (`end` / `end_by`, `start` / `first_seen`) and
never shown as the event's date.
"""
from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field
from functools import cmp_to_key

from exodus.questions.departures import is_leave, told_as_news
from exodus.questions.lookup import entity
from exodus.questions.records import FactView, load_facts, rejected_facts
from exodus.questions.reversals import mark_reversed
from exodus.resolution.dates import compatible, end_of, more_precise, narrowest, precision, start_of

__all__ = ["Stint", "PersonTimeline", "person_timeline", "build_stints", "order_events", "is_leave",
           "founding_dates", "formation_dates", "arrival_date", "departure_date"]

_STARTS = ("joined", "founded")
_PRESENCE = ("role", "member")


@dataclass
class Stint:
    org: str
    start: str | None = None
    """The arrival's stated date (an undated founding: the organization's founding date)."""
    end: str | None = None
    """The departure's stated date."""
    ended: bool = False
    """A departure closed the stint (its date, `end`, may be unknown: only `end_by`, or nothing)."""
    first_seen: str | None = None
    """The date of the earliest article showing the person there: the stint began by then."""
    start_by: str | None = None
    """When the arrival is told without a date: its article's date (joined by then)."""
    start_after: str | None = None
    """The end of the stint before at the same organization: a return came after it."""
    end_by: str | None = None
    """When the departure is told without a date: its first article's date (gone by then)."""
    last_seen: str | None = None
    """The latest date a fact shows the person there (as stated, or its article's): with only `end_by`
    known, the person is known to be there up to this date."""
    end_told_as_news: bool = False
    """The undated departure is told as news of `end_by`'s day ("is leaving"): there until that day."""
    reversed_by: str | None = None
    """An announced move undone before it took effect: the organization the person was back at instead.
    The stint then ends at the return (`end` or `end_by`) and the person was never there."""
    founder: bool = False
    roles: list[str] = field(default_factory=list)
    end_reasons: list[str] = field(default_factory=list)
    leaves: list[str] = field(default_factory=list)
    """Dates (or article dates) of sabbaticals and leaves during the stint."""
    facts: list[str] = field(default_factory=list)

    def present_on(self, day: str) -> bool:
        """Known to be there: from the start date's last possible day, or an earlier article showing it,
        until a stated departure; with only a bound on the departure, as far as a fact shows them there."""
        if self.reversed_by:
            return False
        bounds = [end_of(self.start)] if self.start else []
        if self.first_seen:
            bounds.append(start_of(self.first_seen))
        if not bounds or min(bounds) > day:
            return False
        if self.end is not None:
            return start_of(self.end) > day
        if self.ended and self.end_by and self.end_told_as_news:
            return day < start_of(self.end_by)
        if self.ended:
            # gone by `end_by`; before it, known there only as far as the facts go (none: no day we can name)
            return self.last_seen is not None and day <= end_of(self.last_seen) and \
                (self.end_by is None or day < start_of(self.end_by))
        return True

    def start_window(self) -> tuple[str, str] | None:
        """The first and last day the arrival can have been, as far as the articles say."""
        lo = start_of(self.start) if self.start else None
        hi = end_of(self.start) if self.start else None
        if self.start_after:
            lo = max(lo or "", start_of(self.start_after))
        seen = self.start_by or self.first_seen
        if seen and (hi is None or start_of(seen) < hi) and (lo is None or start_of(seen) >= lo):
            hi = start_of(seen)
        return (lo, hi) if lo and hi else None

    def end_window(self) -> tuple[str, str] | None:
        """The first and last day the departure can have been."""
        if self.end:
            return start_of(self.end), end_of(self.end)
        if self.end_by and self.last_seen and start_of(self.last_seen) < start_of(self.end_by):
            return start_of(self.last_seen), start_of(self.end_by)
        return None

    @property
    def began(self) -> str | None:
        """The stated start, else the article that shows them there first (a bound)."""
        return self.start or self.start_by or self.first_seen

    def from_text(self) -> str:
        """The start as the CLI and the pages show it: "2021-05", "by 2023-11-22" (an arrival told undated),
        "as of 2024-03-01" (a title or membership told undated), "before 2021" (only a departure known)."""
        if self.start:
            return self.start
        if self.start_by:
            return f"by {self.start_by}"
        if self.first_seen:
            return f"as of {self.first_seen}"
        if self.end or self.end_by:
            return f"before {self.end or self.end_by}"
        return "date unknown"

    def until_text(self) -> str:
        """The end as shown: "2024-05-14", "by 2024-08-09", "left, date unknown", or "" (still there)."""
        if self.reversed_by:
            back = f" {self.end}" if self.end else f" by {self.end_by}" if self.end_by else ""
            return f"never took effect: back at {self.reversed_by}{back}"
        if self.end:
            return self.end
        if self.end_by:
            return f"by {self.end_by}"
        return "left, date unknown" if self.ended else ""

    def to_dict(self) -> dict:
        out = asdict(self)
        out["from_text"], out["until_text"] = self.from_text(), self.until_text()
        return out


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


def _label(fact: FactView) -> str | None:
    """What a fact says the person was: a title, or a place on a board, committee or team."""
    if fact.kind == "member" and fact.group:
        return f"{fact.group} {fact.role or 'member'}"
    return fact.role


def _reopens(fact: FactView, closed: Stint, formed: dict[str, str], background: set[str]) -> bool:
    """Whether a fact after a departure shows the person back: a `joined` (or a founding) does, unless it is
    background to a move told in the same article; a title or membership does only with a date after the
    departure (undated, it is the old one), or a membership of a group formed after the departure."""
    if fact.kind in _STARTS:
        return fact.id not in background
    gone = closed.end or closed.end_by
    if not gone:
        return False
    if fact.date and start_of(fact.date) > end_of(gone):
        return True
    group_formed = formed.get(fact.group or "")
    return fact.kind == "member" and bool(group_formed) and start_of(group_formed) > end_of(gone)


def background_arrivals(facts: list[FactView]) -> set[str]:
    """Undated arrivals told in an article that also tells a dated arrival of the person at another
    organization: the article is about that move, and the undated one is the past ("Tesla has hired Andrej
    Karpathy ... He joined OpenAI when it was set up"), not a return. Their fact ids."""
    moved_to: dict[str, set[str]] = {}  # article -> organizations it tells a dated arrival at
    for fact in facts:
        if fact.kind in _STARTS and fact.date and fact.org:
            for source in fact.sources:
                moved_to.setdefault(source.document, set()).add(fact.org)
    return {f.id for f in facts if f.kind == "joined" and not f.date and
            any(moved_to.get(s.document, set()) - {f.org} for s in f.sources)}


def move_dates(facts: list[FactView]) -> dict[str, str]:
    """Sharper dates from the two halves of one move: a `left` at A and a `joined` at B that name each other
    (`to_org` B, or `from_org` A) are one event, so each takes the more precise date ("left OpenAI to join
    Anthropic, he said on Monday" dates the arrival too), and a departure told undated takes the arrival's
    date when that is no later than its article. Fact id -> date."""
    sharper: dict[str, str] = {}
    arrivals = [f for f in facts if f.kind == "joined" and f.date and f.org]
    for left in facts:
        if left.kind != "left" or not left.org:
            continue
        for arrival in arrivals:
            if arrival.org == left.org or not (left.other_org == arrival.org or arrival.other_org == left.org):
                continue
            if left.date is None:
                told = left.reported
                if told and start_of(arrival.date) <= told and left.id not in sharper:
                    sharper[left.id] = arrival.date
            elif compatible(left.date, arrival.date) and precision(left.date) != precision(arrival.date):
                best = more_precise(left.date, arrival.date) or left.date
                for fact in (left, arrival):
                    if precision(best) > precision(sharper.get(fact.id, fact.date or "")):
                        sharper[fact.id] = best
    return sharper


def build_stints(facts: list[FactView], founding: dict[str, str] | None = None,
                 formed: dict[str, str] | None = None, background: set[str] | None = None) -> list[Stint]:
    """Stints from one person's facts (any organizations), in time order.

    `founding` maps organizations to their founding dates: an undated `founded`
    fact happened then (else at the organization's start, before anything else).
    `formed` maps groups to the dates they were formed: a membership of a group
    formed after a departure shows the person back. After a `left`, only an arrival
    (or a title dated later) opens a new stint; not an undated arrival in `background`
    (default: `background_arrivals(facts)`), told as the past of another move. An announced move undone by a
    return within days is marked (`Stint.reversed_by`).
    """
    founding, formed = founding or {}, formed or {}
    background = background_arrivals(facts) if background is None else background
    sharper = move_dates(facts)
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
            stated = sharper.get(fact.id, fact.date)
            when = stated or (founding.get(org) if fact.kind == "founded" else None)
            seen = _first_published(fact) if fact.sources else fact.effective_date
            label = _label(fact)
            if current is None and closed is not None and not (fact.kind != "left" and
                                                              _reopens(fact, closed, formed, background)):
                # Told after the departure about the time before it (a former title, a second
                # report of the same departure): it belongs to the stint that ended.
                if label and label not in closed.roles:
                    closed.roles.append(label)
                closed.founder = closed.founder or fact.kind == "founded"
                closed.facts.append(fact.id)
                continue
            if fact.kind == "left" and is_leave(fact):
                if current is None:
                    current = Stint(org, first_seen=seen, start_after=_gone(closed))
                current.leaves.append(stated or seen)
                current.facts.append(fact.id)
                continue
            if fact.kind == "left":
                if current is None:
                    current = Stint(org, start_after=_gone(closed))
                current.ended = True
                current.end = stated
                current.end_by = None if stated else seen
                current.end_told_as_news = not stated and told_as_news(fact)
                current.end_reasons = list(fact.reasons)
                current.facts.append(fact.id)
                if label and label not in current.roles:
                    current.roles.append(label)
                stints.append(current)
                closed, current = current, None
                continue
            if current is None:
                current = Stint(org, start_after=_gone(closed))
                if fact.kind in _STARTS:
                    current.start = when
                    current.start_by = None if when else seen
            elif fact.kind in _STARTS and current.start is None and not current.roles and when and \
                    (current.first_seen is None or start_of(when) <= current.first_seen):
                current.start = when  # the stint was seen before its arrival's article (not a later return)
            elif fact.kind in _STARTS and current.start and when and precision(when) > precision(current.start) \
                    and compatible(current.start, when):
                current.start = when  # "joined OpenAI in 2015" and "co-founded it in December 2015"
            current.first_seen = min(filter(None, (current.first_seen, seen)), default=None)
            presence = when or seen
            if presence and (current.last_seen is None or start_of(presence) >= start_of(current.last_seen)):
                current.last_seen = presence
            current.founder = current.founder or fact.kind == "founded"
            if label and label not in current.roles:
                current.roles.append(label)
            current.facts.append(fact.id)
        if current is not None:
            stints.append(current)
    mark_reversed(stints)
    return sorted(stints, key=_stint_order)


def _gone(closed: Stint | None) -> str | None:
    """The day a closed stint is known to have ended by (a return to the organization comes after it)."""
    if closed is None:
        return None
    return closed.end or closed.last_seen


def _stint_order(stint: Stint) -> tuple:
    anchor = stint.began or stint.end or stint.end_by
    return (start_of(anchor) if anchor else _LAST, 0 if stint.began is None else 1, stint.org)


def founding_dates(facts: list[FactView]) -> dict[str, str]:
    """Each organization's founding date, from the dated `founded` facts among `facts` (the earliest)."""
    dates: dict[str, str] = {}
    for fact in facts:
        if fact.kind == "founded" and fact.date and fact.org:
            known = dates.get(fact.org)
            if known is None or (start_of(fact.date), -precision(fact.date)) < (start_of(known), -precision(known)):
                dates[fact.org] = fact.date
    return dates


def formation_dates(facts: list[FactView]) -> dict[str, str]:
    """Each group's formation date among `facts` (`group_event` facts): the earliest stated one, else the
    earliest article's."""
    dates: dict[str, str] = {}
    for fact in facts:
        if fact.kind == "group_event" and fact.action == "formed" and fact.group:
            when = fact.date or fact.effective_date
            known = dates.get(fact.group)
            if when and (known is None or start_of(when) < start_of(known)):
                dates[fact.group] = when
    return dates


def person_timeline(conn: sqlite3.Connection, name: str) -> PersonTimeline:
    """Everything the store knows about one person, in time order, each line with its sources."""
    person = entity(conn, name, "person")
    rejected = rejected_facts(conn)
    facts = order_events([f for f in load_facts(conn, "f.person_id = ?", (person["id"],)) if f.id not in rejected])
    names = sorted({r[0] for r in conn.execute("SELECT name FROM aliases WHERE entity_id = ?", (person["id"],))})
    founders_of = sorted({f.org_id for f in facts if f.kind == "founded" and not f.date and f.org_id is not None})
    founding = founding_dates(load_facts(conn, f"f.kind = 'founded' AND f.date IS NOT NULL AND f.org_id IN "
                                               f"({','.join('?' * len(founders_of))})", tuple(founders_of),
                                         with_sources=False)) if founders_of else {}
    groups = sorted({r[0] for r in conn.execute("SELECT DISTINCT group_id FROM facts WHERE person_id = ? AND "
                                                "kind = 'member' AND group_id IS NOT NULL", (person["id"],))})
    formed = formation_dates(load_facts(conn, f"f.kind = 'group_event' AND f.group_id IN "
                                              f"({','.join('?' * len(groups))})", tuple(groups),
                                        with_sources=False)) if groups else {}
    return PersonTimeline(person=person["name"], names=names, stints=build_stints(facts, founding, formed),
                          events=facts)


def arrival_date(stint: Stint) -> str | None:
    """The most precise date the articles give the stint's arrival ("2023-11" for a return told undated on
    2023-11-22 after a departure on 2023-11-17), or None."""
    window = stint.start_window()
    return narrowest(*window) if window else None


def departure_date(stint: Stint) -> str | None:
    """The most precise date the articles give the stint's departure, or None."""
    window = stint.end_window()
    return narrowest(*window) if window else None
