"""Talent flows: people moving from one organization to another.

A move is a `left` at A paired with the person's next arrival at another
organization B within the flow window (12 months by default): a `joined`, or a
dated `founded` (Ilya Sutskever left OpenAI in May 2024 and founded Safe
Superintelligence in June). Or a move the article states itself (`left ...
to_org`, `joined ... from_org`). A departure told without a date happened by its
article's date: its arrival may come up to the window before that date. A move
undone by a return to the organization left within days is no move (see
`exodus.questions.reversals`).

With `rollup`, a unit's moves count at its top parent (Google DeepMind's at
Alphabet, see `exodus.resolution.org_parents`), and moves inside one parent
(Google Brain to Google DeepMind) are not moves between organizations.
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from exodus.errors import StoreError
from exodus.questions.lookup import entity
from exodus.questions.records import rejected_facts
from exodus.resolution.dates import end_of, parse_date, start_of, when_text
from exodus.resolution.org_parents import OrgTree, org_tree
from exodus.settings import get_settings


@dataclass
class Move:
    person: str
    from_org: str
    to_org: str
    left: str | None
    """The departure's stated date (None when no article states it: see `left_by`)."""
    joined: str | None
    """The arrival's stated date (None when no article states it: see `joined_by`)."""
    reasons: list[str]
    facts: list[str]
    from_unit: str | None = None
    """With rollup: the unit of `from_org` the person left, when not `from_org` itself."""
    to_unit: str | None = None
    left_by: str | None = None
    """A departure told undated: the date of its first article, a bound (it happened on or before it)."""
    joined_by: str | None = None
    """An arrival told undated: the date of its first article, a bound."""

    @property
    def left_text(self) -> str:
        """"2024-05-14", "by 2024-08-09" (told undated), or "" (only the arrival is known)."""
        return "" if not (self.left or self.left_by) else when_text("left", self.left, self.left_by)

    @property
    def joined_text(self) -> str:
        return "" if not (self.joined or self.joined_by) else when_text("joined", self.joined, self.joined_by)

    @property
    def when(self) -> str | None:
        """The day the move is known by, to order moves: the departure's date or bound, else the arrival's."""
        value = self.left or self.left_by or self.joined or self.joined_by
        return start_of(value) if value else None


@dataclass
class FlowPair:
    from_org: str
    to_org: str
    count: int
    net: int
    """Moves A -> B minus moves B -> A."""
    people: list[str]
    reasons: dict[str, int] = field(default_factory=dict)


@dataclass
class TalentFlows:
    since: str | None
    until: str | None
    org: str | None
    moves: list[Move]
    pairs: list[FlowPair]
    reasons: dict[str, int]
    rollup: bool = False

    def to_dict(self) -> dict:
        # By hand: `asdict` deep-copies field by field, seconds for the tens of thousands of moves of a
        # large store's year.
        return {"since": self.since, "until": self.until, "org": self.org, "rollup": self.rollup,
                "moves": [{"person": m.person, "from_org": m.from_org, "to_org": m.to_org, "left": m.left,
                           "left_by": m.left_by, "left_text": m.left_text, "joined": m.joined,
                           "joined_by": m.joined_by, "joined_text": m.joined_text, "reasons": list(m.reasons),
                           "facts": list(m.facts), "from_unit": m.from_unit, "to_unit": m.to_unit}
                          for m in self.moves],
                "pairs": [{"from_org": p.from_org, "to_org": p.to_org, "count": p.count, "net": p.net,
                           "people": list(p.people), "reasons": dict(p.reasons)} for p in self.pairs],
                "reasons": dict(self.reasons)}


# Every column comes from the index facts_kind_date (migration 2): a year of moves is one index range,
# with no look-ups in the facts table. Names are fetched afterwards, for the moves only.
_SELECT = """
SELECT id, person_id, org_id, other_org_id, effective_date, date, uid, reasons FROM facts
WHERE kind = ? AND effective_date BETWEEN ? AND ? AND person_id IS NOT NULL AND org_id IS NOT NULL
"""
_ID, _PERSON, _ORG, _OTHER, _WHEN, _DATE, _UID, _REASONS = range(8)


def _shift(day: str, days: int) -> str:
    """`day` moved by `days`, clamped to the dates Python can hold (years 1 to 9999)."""
    start = date.fromisoformat(day)
    try:
        return (start + timedelta(days=days)).isoformat()
    except OverflowError:
        return (date.max if days > 0 else date.min).isoformat()


def talent_flows(conn: sqlite3.Connection, since: str | None = None, until: str | None = None,
                 org: str | None = None, window_days: int | None = None, rollup: bool = False) -> TalentFlows:
    """Moves between organizations whose departure (or arrival) falls in [since, until].

    `rollup`: organizations counted at their top parent, moves inside one parent dropped, and `org`
    stands for its whole top parent (`org="Google Brain"`: the moves from or to Alphabet).
    """
    window = window_days or get_settings().flow_window_days
    for value in (since, until):
        if value and not parse_date(value):
            raise StoreError(f"dates must be ISO (2024, 2024-05 or 2024-05-28), not {value!r}")
    lo = start_of(parse_date(since)) if since else date.min.isoformat()
    hi = end_of(parse_date(until)) if until else date.max.isoformat()
    org_row = entity(conn, org, "org") if org else None
    # With `org` (units apart), only people with a fact there can have a move from or to it: their facts are
    # read, not every move of the range (an organization's page asks for its moves since the start).
    people = _people_at(conn, org_row["id"]) if org_row is not None and not rollup else None
    rejected = rejected_facts(conn)  # a conflict settled by keeping one side: the others are no move
    left = [row for row in _rows(conn, "left", lo, hi, people) if row[_UID] not in rejected]
    # A departure told undated ("both recently left Meta") happened by its article's date, maybe well before:
    # its next arrival may come before that date too.
    earliest = _shift(lo, -window if any(row[_DATE] is None for row in left) else -31)
    arrivals = [row for row in _rows(conn, "joined", earliest, _shift(hi, window), people)
                if row[_UID] not in rejected]
    joined_ids = {row[_UID] for row in arrivals}  # a return is a `joined`, never a founding
    # Founding a company is arriving there, when the founding is dated: an undated
    # `founded` only has its article's date, often years after the founding.
    arrivals += [row for row in _rows(conn, "founded", earliest, _shift(hi, window), people)
                 if row[_DATE] and row[_UID] not in rejected]
    undo_days = get_settings().reversal_window_days
    arrivals_by_person: dict[int, list[tuple]] = {}
    for row in arrivals:
        arrivals_by_person.setdefault(row[_PERSON], []).append(row)
    for rows in arrivals_by_person.values():
        rows.sort(key=lambda r: (r[_WHEN] or "", r[_UID]))

    # (person, from, to, (left date, left by), (joined date, joined by), reasons JSON, fact uids), all ids; a
    # date no article states is kept apart, as the bound its article's date gives
    found: list[tuple[int, int, int, tuple, tuple, str, list[str]]] = []
    used: set[str] = set()
    for row in sorted(left, key=lambda r: (r[_WHEN] or "", r[_UID])):
        when = row[_WHEN]
        target = None
        own = arrivals_by_person.get(row[_PERSON], []) if when else []
        before = -window if row[_DATE] is None else -31
        # An undated departure goes first with an undated arrival of the same article's day (one sentence
        # telling a career: "left OpenAI for Google, where he worked at Google Brain and later DeepMind").
        for arrival in sorted(own, key=lambda a: 0 if row[_DATE] is None and a[_DATE] is None and
                              a[_WHEN] == when else 1) if row[_DATE] is None else own:
            if arrival[_ORG] == row[_ORG] or arrival[_UID] in used or not arrival[_WHEN]:
                continue
            gap = (date.fromisoformat(arrival[_WHEN]) - date.fromisoformat(when)).days
            if before <= gap <= window and row[_OTHER] in (None, arrival[_ORG]):
                target = arrival
                break
        if target is not None and _undone(target, row, [a for a in own if a[_UID] in joined_ids], undo_days):
            used.add(target[_UID])  # announced, then the person was back where they had left: no move at all
            continue
        if target is not None:
            used.add(target[_UID])
            found.append((row[_PERSON], row[_ORG], target[_ORG], _told(row), _told(target), row[_REASONS],
                          [row[_UID], target[_UID]]))
        elif row[_OTHER] is not None and row[_OTHER] != row[_ORG]:
            found.append((row[_PERSON], row[_ORG], row[_OTHER], _told(row), (None, None), row[_REASONS],
                          [row[_UID]]))
    told = {(m[0], m[1], m[2]) for m in found}
    for arrival in arrivals:
        stated = arrival[_OTHER] is not None and arrival[_OTHER] != arrival[_ORG]
        if stated and arrival[_UID] not in used and lo <= (arrival[_WHEN] or "") <= hi:
            key = (arrival[_PERSON], arrival[_OTHER], arrival[_ORG])
            if key not in told:
                told.add(key)
                found.append((*key, (None, None), _told(arrival), "[]", [arrival[_UID]]))
    if org_row is not None and not rollup:
        found = [m for m in found if org_row["id"] in (m[1], m[2])]
    names = entity_names(conn, {i for m in found for i in m[:3]})
    reasons_of: dict[str, list[str]] = {}  # a few distinct JSON lists, decoded once each
    for *_ids, reasons, _uids in found:
        if reasons not in reasons_of:
            reasons_of[reasons] = json.loads(reasons)
    moves = [Move(names[p], names[a], names[b], left_on[0], joined_on[0], list(reasons_of[reasons]), uids,
                  left_by=left_on[1], joined_by=joined_on[1])
             for p, a, b, left_on, joined_on, reasons, uids in found]
    if rollup:
        moves = roll_up(moves, org_tree(conn), org_row["name"] if org_row is not None else None)
    return TalentFlows(since, until, org, moves, summarize(moves), dict(Counter(r for m in moves for r in m.reasons)),
                       rollup)


def roll_up(moves: list[Move], tree: OrgTree, org: str | None = None) -> list[Move]:
    """The moves with each organization replaced by its top parent (the unit kept in `from_unit` / `to_unit`),
    without the moves inside one parent; with `org`, only the moves from or to its top parent."""
    tops: dict[str, str] = {}
    rolled = []
    for move in moves:
        for name in (move.from_org, move.to_org):
            if name not in tops:
                tops[name] = tree.top(name)
        a, b = tops[move.from_org], tops[move.to_org]
        if a == b:
            continue
        rolled.append(Move(move.person, a, b, move.left, move.joined, move.reasons, move.facts,
                           move.from_org if move.from_org != a else None, move.to_org if move.to_org != b else None,
                           move.left_by, move.joined_by))
    if org is not None:
        top = tree.top(org)
        rolled = [m for m in rolled if top in (m.from_org, m.to_org)]
    return rolled


def _told(row: tuple) -> tuple[str | None, str | None]:
    """(stated date, None), or (None, its article's date) for an event told undated: a bound, not its date."""
    return (row[_DATE], None) if row[_DATE] else (None, row[_WHEN])


def _undone(arrival: tuple, left: tuple, arrivals: list[tuple], days: int) -> bool:
    """Whether the person was back at the organization left within `days` of the arrival elsewhere (an
    announced move that never took effect, `exodus.questions.reversals`)."""
    start = arrival[_WHEN]
    for back in arrivals:
        if back[_ORG] != left[_ORG] or back[_UID] == arrival[_UID]:
            continue
        value = back[_DATE] or back[_WHEN]
        # after the departure (not the first arrival there, told the same day) and soon after the arrival
        if value and end_of(value) > left[_WHEN] and end_of(value) >= start and start_of(value) <= _shift(start, days):
            return True
    return False


def _people_at(conn: sqlite3.Connection, org_id: int) -> list[int]:
    """The people with a fact at the organization, or a departure for it or an arrival from it (`other_org`)."""
    return [r[0] for r in conn.execute(
        "SELECT person_id FROM facts WHERE org_id = ? AND person_id IS NOT NULL UNION "
        "SELECT person_id FROM claims WHERE other_org_id = ? AND person_id IS NOT NULL", (org_id, org_id))]


def _rows(conn: sqlite3.Connection, kind: str, lo: str, hi: str, people: list[int] | None) -> list[tuple]:
    """The facts of `kind` dated in [lo, hi], as `_SELECT` gives them; of `people` only, when given (through
    the index facts_person: `+kind` keeps the planner off the range of every person's facts)."""
    if people is None:
        return conn.execute(_SELECT, (kind, lo, hi)).fetchall()
    rows = []
    for start in range(0, len(people), 500):
        chunk = people[start:start + 500]
        rows += conn.execute(_SELECT.replace("WHERE kind = ?", f"WHERE person_id IN ({','.join('?' * len(chunk))}) "
                                                               "AND +kind = ?"), (*chunk, kind, lo, hi)).fetchall()
    return sorted(rows, key=lambda r: (r[_WHEN] or "", r[_PERSON], r[_ORG], r[_UID]))


def entity_names(conn: sqlite3.Connection, ids: set[int]) -> dict[int, str]:
    """The names of these entities, by id."""
    names: dict[int, str] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start:start + 500]
        names.update(conn.execute(f"SELECT id, name FROM entities WHERE id IN ({','.join('?' * len(chunk))})",
                                  chunk).fetchall())
    return names


def summarize(moves: list[Move]) -> list[FlowPair]:
    pairs: dict[tuple[str, str], FlowPair] = {}
    for move in moves:
        pair = pairs.setdefault((move.from_org, move.to_org), FlowPair(move.from_org, move.to_org, 0, 0, []))
        pair.count += 1
        if move.person not in pair.people:
            pair.people.append(move.person)
        for reason in move.reasons:
            pair.reasons[reason] = pair.reasons.get(reason, 0) + 1
    for (a, b), pair in pairs.items():
        pair.net = pair.count - (pairs[(b, a)].count if (b, a) in pairs else 0)
    return sorted(pairs.values(), key=lambda p: (-p.count, -p.net, p.from_org, p.to_org))
