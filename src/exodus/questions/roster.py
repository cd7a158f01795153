"""An organization on a date: who is there, its founders (k of n still there), its movements and groups."""
from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

from exodus.errors import StoreError
from exodus.questions.lookup import entity
from exodus.questions.memberships import membership_on
from exodus.questions.records import FactView, load_facts, rejected_facts
from exodus.questions.timeline import Stint, build_stints, formation_dates, founding_dates, order_events
from exodus.resolution.dates import parse_date, start_of
from exodus.settings import get_settings


@dataclass
class Member:
    person: str
    since: str | None
    """The stated date of the arrival; None when only an article shows them there (`reported`)."""
    roles: list[str]
    founder: bool
    reported: str | None = None
    """Without a stated arrival: the date of the first article showing them there (there from then on)."""

    @property
    def since_text(self) -> str:
        """"2021-05", or "reported 2024-05-29" (on the roster from that article on, not since then)."""
        if self.since:
            return self.since
        return f"reported {self.reported}" if self.reported else "date unknown"

    def to_dict(self) -> dict:
        return {**asdict(self), "since_text": self.since_text}


@dataclass
class Founder:
    person: str
    founded: str | None
    still_there: bool
    left: str | None
    """The stated date of the departure (the last one by the roster's date)."""
    reasons: list[str]
    left_by: str | None = None
    """A departure told without a date: gone by this article's date (which may be after the roster's date:
    then whether they were still there is not known)."""

    def state_on(self, day: str) -> str:
        """"there", "left 2024-05-15", "left by 2024-08-09", or "not known to be there (left by 2024-08-09)"."""
        if self.still_there:
            return "there"
        if self.left:
            return f"left {self.left}"
        if self.left_by:
            return f"left by {self.left_by}" if self.left_by <= day else \
                f"not known to be there (left by {self.left_by})"
        return "not known to be there"

    def to_dict(self, day: str) -> dict:
        return {**asdict(self), "state": self.state_on(day)}


@dataclass
class GroupView:
    name: str
    formed: str | None = None
    disbanded: str | None = None
    members: list[dict] = field(default_factory=list)
    former: list[dict] = field(default_factory=list)
    """Members no longer on it on the roster's date: their membership ended, they left the organization
    (without keeping their seat), or it was disbanded. Each member's `ended`: the day the end is known by."""


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
        return {"org": self.org, "as_of": self.as_of, "present": [m.to_dict() for m in self.present],
                "founders": [f.to_dict(self.as_of) for f in self.founders],
                "founders_remaining": self.founders_remaining,
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
    rejected = rejected_facts(conn)  # a conflict settled by keeping one side: the others are left out
    facts = [f for f in load_facts(conn, "f.org_id = ?", (org["id"],)) if f.id not in rejected]
    by_person: dict[str, list[FactView]] = {}
    for fact in facts:
        if fact.person:
            by_person.setdefault(fact.person, []).append(fact)
    founding, formed = founding_dates(facts), formation_dates(facts)
    background = _background_arrivals(conn, org["id"])
    present, founders = [], []
    left_on: dict[str, tuple[list[str], str | None]] = {}  # person -> (departures by `day`, return began)
    members = {f.person for f in facts if f.kind == "member"}
    for person, own in sorted(by_person.items()):
        stints = [s for s in build_stints(own, founding, formed, background) if s.org == org["name"]]
        current = next((s for s in stints if s.present_on(day)), None)
        if current is not None and _undone_elsewhere(conn, own[0].person_id, current, rejected):
            current = None
        if current is not None:
            present.append(Member(person, current.start, current.roles, current.founder,
                                  None if current.start else current.first_seen))
        if person in members:
            back = current is not None and current.start_after and current.began
            left_on[person] = ([d for d in map(_left_by, stints) if d and d <= day],
                               start_of(back) if back else None)
        founded = [f for f in own if f.kind == "founded"]
        if founded:
            founders.append(_founder(person, founded[0].date or founding.get(org["name"]), stints, current, day))
    movements = order_events([f for f in facts if f.kind in ("joined", "left")])
    groups = _groups_on(facts, left_on, day)
    return OrgRoster(org=org["name"], as_of=day, present=present, founders=founders, movements=movements,
                     groups=groups)


def _background_arrivals(conn: sqlite3.Connection, org_id: int) -> set[str]:
    """`timeline.background_arrivals` of the organization's undated arrivals: those told in an article that
    tells a dated arrival of the same person elsewhere (only the organization's facts are loaded here)."""
    return {r[0] for r in conn.execute(
        "SELECT DISTINCT f.uid FROM facts f JOIN claims c ON c.fact_id = f.id "
        "JOIN claims o ON o.document_id = c.document_id AND o.person_id = c.person_id "
        "WHERE f.org_id = ? AND f.kind = 'joined' AND f.date IS NULL AND o.kind IN ('joined', 'founded') "
        "AND o.date IS NOT NULL AND o.org_id != f.org_id", (org_id,))}


def _left_by(stint: Stint) -> str | None:
    """The day a stint that ended (and took effect) is known to have ended by: its stated end, else its
    article's date; None when it did not end, or on no day an article gives."""
    if not stint.ended or stint.reversed_by:
        return None
    return start_of(stint.end) if stint.end else stint.end_by


def _undone_elsewhere(conn: sqlite3.Connection, person_id: int | None, stint: Stint, rejected: set[str]) -> bool:
    """Whether an open stint that began with an arrival was an announced move undone by a return to
    another organization (`reversals`): only the person's arrivals elsewhere soon after tell, so only
    they are looked up, and the person's whole timeline only when there is one."""
    began = stint.start or stint.start_by
    if stint.ended or not began or person_id is None:
        return False
    first = start_of(began)
    window = (date.fromisoformat(first) - timedelta(days=31)).isoformat(), \
        (date.fromisoformat(first) + timedelta(days=get_settings().reversal_window_days)).isoformat()
    if conn.execute("SELECT 1 FROM facts WHERE person_id = ? AND kind = 'joined' AND effective_date BETWEEN ? AND ? "
                    "AND org_id IN (SELECT org_id FROM facts WHERE person_id = ? AND kind = 'left') LIMIT 1",
                    (person_id, *window, person_id)).fetchone() is None:
        return False
    own = [f for f in load_facts(conn, "f.person_id = ?", (person_id,)) if f.id not in rejected]
    return any(s.reversed_by and s.org == stint.org and s.began == stint.began for s in build_stints(own))


def _founder(person: str, founded: str | None, stints: list[Stint], current: Stint | None, day: str) -> Founder:
    """A founder on `day`: there, gone (on a stated date, or by an article's date), or not known to be there."""
    if current is not None:
        return Founder(person, founded, True, None, [])
    ended = [s for s in stints if s.ended and not s.reversed_by]
    gone = [s for s in ended if (s.end and start_of(s.end) <= day) or (not s.end and s.end_by and s.end_by <= day)]
    last = gone[-1] if gone else next((s for s in ended if s.end_by and not s.end), None)
    if last is None:
        return Founder(person, founded, False, None, [])
    return Founder(person, founded, False, last.end, list(last.end_reasons), None if last.end else last.end_by)


def _groups_on(facts: list[FactView], left_on: dict[str, tuple[list[str], str | None]],
               day: str) -> list[GroupView]:
    """Committees and teams as they stood on `day`: formed by then, with each person's membership as known by
    then (`memberships`). Former members: those whose membership ended, who left the organization by then
    without keeping their seat (`left_on`: each person's departures and the return they are in), or whose
    group was disbanded by then."""
    groups: dict[str, GroupView] = {}
    events: dict[tuple[str, str], list[FactView]] = {}
    told: dict[tuple[str, str], list[FactView]] = {}
    for fact in facts:
        if not fact.group:
            continue
        groups.setdefault(fact.group, GroupView(fact.group))
        if fact.kind == "group_event":
            events.setdefault((fact.group, "formed" if fact.action == "formed" else "disbanded"), []).append(fact)
        elif fact.kind == "member" and fact.person:
            told.setdefault((fact.group, fact.person), []).append(fact)
    for (name, field_name), said in events.items():
        # Articles may give several dates: a stated date beats an article's own; the first
        # formation and the last disbanding (the facts are in time order).
        dated = [f for f in said if f.date] or said
        chosen = dated[0] if field_name == "formed" else dated[-1]
        when = chosen.date or chosen.effective_date
        if field_name == "disbanded" and when and start_of(when) > day:
            continue  # disbanded later than the day looked at
        setattr(groups[name], field_name, when)
    for (name, person), own in told.items():
        membership = membership_on(own, day, *left_on.get(person, ((), None)))
        if membership is None:
            continue  # not known to be on it yet
        group, fact = groups[name], membership.fact
        entry = {"person": person, "role": fact.role, "date": fact.date, "fact": fact.id,
                 "confidence": fact.confidence, "ended": membership.ended}
        disbanded = group.disbanded is not None and start_of(group.disbanded) <= day
        (group.former if membership.ended or disbanded else group.members).append(entry)
    known = [g for g in groups.values()
             if not (g.formed and start_of(g.formed) > day) and (g.members or g.former or g.formed or g.disbanded)]
    for group in known:
        group.members.sort(key=lambda m: m["person"])
        group.former.sort(key=lambda m: m["person"])
    return sorted(known, key=lambda g: g.name)
