"""An organization on a date: who is there, its founders (k of n still there), its movements and groups."""
from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field
from datetime import date

from exodus.errors import StoreError
from exodus.questions.lookup import entity
from exodus.questions.records import FactView, load_facts
from exodus.questions.timeline import build_stints, founding_dates, order_events
from exodus.resolution.dates import parse_date, start_of


@dataclass
class Member:
    person: str
    since: str | None
    roles: list[str]
    founder: bool


@dataclass
class Founder:
    person: str
    founded: str | None
    still_there: bool
    left: str | None
    reasons: list[str]


@dataclass
class GroupView:
    name: str
    formed: str | None = None
    disbanded: str | None = None
    members: list[dict] = field(default_factory=list)
    former: list[dict] = field(default_factory=list)
    """Members no longer on it on the roster's date: they left the organization, or it was disbanded."""


@dataclass
class OrgRoster:
    org: str
    as_of: str
    present: list[Member]
    founders: list[Founder]
    movements: list[FactView]
    groups: list[GroupView]

    @property
    def founders_remaining(self) -> int:
        return sum(1 for f in self.founders if f.still_there)

    def to_dict(self) -> dict:
        return {"org": self.org, "as_of": self.as_of, "present": [asdict(m) for m in self.present],
                "founders": [asdict(f) for f in self.founders], "founders_remaining": self.founders_remaining,
                "founders_total": len(self.founders), "movements": [m.to_dict() for m in self.movements],
                "groups": [asdict(g) for g in self.groups]}


def org_roster(conn: sqlite3.Connection, name: str, as_of: str | None = None) -> OrgRoster:
    """Who is known to be at the organization on `as_of` (default today), and how it got there."""
    if as_of and not parse_date(as_of):
        raise StoreError(f"as-of dates must be ISO (2024, 2024-05 or 2024-05-28), not {as_of!r}")
    org = entity(conn, name, "org")
    day = start_of(parse_date(as_of) or date.today().isoformat())
    # Always with their sources: a departure's evidence tells a sabbatical from an exit (timeline.is_leave),
    # and the first article of each fact orders events whose dates overlap (a return in "2023-11" after a
    # firing on 2023-11-17).
    facts = load_facts(conn, "f.org_id = ?", (org["id"],))
    by_person: dict[str, list[FactView]] = {}
    for fact in facts:
        if fact.person:
            by_person.setdefault(fact.person, []).append(fact)
    founding = founding_dates(facts)
    present, founders = [], []
    for person, own in sorted(by_person.items()):
        stints = build_stints(own, founding)
        current = next((s for s in stints if s.present_on(day)), None)
        if current is not None:
            present.append(Member(person, current.start or current.first_seen, current.roles, current.founder))
        founded = [f for f in own if f.kind == "founded"]
        if founded:
            past = [s for s in stints if s.end and start_of(s.end) <= day]
            last_end = past[-1] if past else None
            founders.append(Founder(person, founded[0].date or founding.get(org["name"]), current is not None,
                                    None if current else (last_end.end if last_end else None),
                                    [] if current or not last_end else last_end.end_reasons))
    movements = order_events([f for f in facts if f.kind in ("joined", "left")])
    groups = _groups_on(facts, {m.person for m in present}, day)
    return OrgRoster(org=org["name"], as_of=day, present=present, founders=founders, movements=movements,
                     groups=groups)


def _when(fact: FactView) -> str | None:
    """The day an event is known to have happened by: its date's start, or its first article's date."""
    value = fact.date or fact.effective_date
    return start_of(value) if value else None


def _groups_on(facts: list[FactView], present: set[str | None], day: str) -> list[GroupView]:
    """Committees and teams as they stood on `day`: formed by then, with the members known by then; those not
    at the organization on `day` (`present`: its roster), or whose group was disbanded by then, are former
    members."""
    groups: dict[str, GroupView] = {}
    events: dict[tuple[str, str], list[FactView]] = {}
    members: list[FactView] = []
    for fact in facts:
        if not fact.group:
            continue
        groups.setdefault(fact.group, GroupView(fact.group))
        if fact.kind == "group_event":
            events.setdefault((fact.group, "formed" if fact.action == "formed" else "disbanded"), []).append(fact)
        elif fact.kind == "member":
            members.append(fact)
    for (name, field_name), told in events.items():
        # Articles may give several dates: a stated date beats an article's own; the first
        # formation and the last disbanding (the facts are in time order).
        dated = [f for f in told if f.date] or told
        chosen = dated[0] if field_name == "formed" else dated[-1]
        when = chosen.date or chosen.effective_date
        if field_name == "disbanded" and when and start_of(when) > day:
            continue  # disbanded later than the day looked at
        setattr(groups[name], field_name, when)
    for fact in members:
        group = groups[fact.group]
        joined = _when(fact)
        if joined and joined > day:
            continue  # not known to be on it yet
        entry = {"person": fact.person, "role": fact.role, "date": fact.date, "fact": fact.id}
        gone = fact.person not in present  # left the organization by then (and not back)
        disbanded = group.disbanded is not None and start_of(group.disbanded) <= day
        (group.former if gone or disbanded else group.members).append(entry)
    known = [g for g in groups.values()
             if not (g.formed and start_of(g.formed) > day) and (g.members or g.former or g.formed or g.disbanded)]
    return sorted(known, key=lambda g: g.name)
