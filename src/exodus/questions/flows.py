"""Talent flows: people moving from one organization to another.

A move is a `left` at A paired with the person's next `joined` at another
organization B within the flow window (12 months by default), or a move the
article states itself (`left ... to_org`, `joined ... from_org`).
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

from exodus.errors import StoreError
from exodus.questions.lookup import entity
from exodus.resolution.dates import parse_date, start_of
from exodus.settings import get_settings


@dataclass
class Move:
    person: str
    from_org: str
    to_org: str
    left: str | None
    joined: str | None
    reasons: list[str]
    facts: list[str]


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

    def to_dict(self) -> dict:
        return asdict(self)


_SELECT = """
SELECT f.uid, f.kind, f.person_id, f.org_id, f.other_org_id, f.effective_date, f.date, f.reasons,
       p.name AS person, o.name AS org, x.name AS other
FROM facts f JOIN entities p ON p.id = f.person_id JOIN entities o ON o.id = f.org_id
LEFT JOIN entities x ON x.id = f.other_org_id
WHERE f.kind = ? AND f.effective_date BETWEEN ? AND ?
"""


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def talent_flows(conn: sqlite3.Connection, since: str | None = None, until: str | None = None,
                 org: str | None = None, window_days: int | None = None) -> TalentFlows:
    """Moves between organizations whose departure (or arrival) falls in [since, until]."""
    window = window_days or get_settings().flow_window_days
    lo = start_of(parse_date(since)) if since else "0000-01-01"
    hi = parse_date(until) if until else "9999-12-31"
    if (since and not parse_date(since)) or (until and not parse_date(until)):
        raise StoreError(f"dates must be ISO (2024, 2024-05 or 2024-05-28), not {since or until!r}")
    hi = _end(hi)
    org_id = entity(conn, org, "org")["id"] if org else None
    left = conn.execute(_SELECT, ("left", lo, hi)).fetchall()
    joined = conn.execute(_SELECT, ("joined", _shift(lo, -31) if lo > "0001" else lo,
                                    _shift(hi, window) if hi < "9999" else hi)).fetchall()
    joins_by_person: dict[int, list[sqlite3.Row]] = {}
    for row in joined:
        joins_by_person.setdefault(row["person_id"], []).append(row)
    for rows in joins_by_person.values():
        rows.sort(key=lambda r: (r["effective_date"] or "", r["uid"]))

    moves: list[Move] = []
    used: set[str] = set()
    for row in sorted(left, key=lambda r: (r["effective_date"] or "", r["uid"])):
        when = row["effective_date"]
        target = None
        for join in joins_by_person.get(row["person_id"], []):
            if join["org_id"] == row["org_id"] or join["uid"] in used or not when or not join["effective_date"]:
                continue
            gap = (date.fromisoformat(join["effective_date"]) - date.fromisoformat(when)).days
            if -31 <= gap <= window and (row["other_org_id"] in (None, join["org_id"])):
                target = join
                break
        if target is not None:
            used.add(target["uid"])
            moves.append(Move(row["person"], row["org"], target["org"], row["date"] or when,
                              target["date"] or target["effective_date"], json.loads(row["reasons"]),
                              [row["uid"], target["uid"]]))
        elif row["other_org_id"] is not None and row["other_org_id"] != row["org_id"]:
            moves.append(Move(row["person"], row["org"], row["other"], row["date"] or when, None,
                              json.loads(row["reasons"]), [row["uid"]]))
    for join in joined:
        stated = join["other_org_id"] is not None and join["other_org_id"] != join["org_id"]
        if stated and join["uid"] not in used and lo <= (join["effective_date"] or "") <= hi:
            if not any(m.person == join["person"] and m.from_org == join["other"] and m.to_org == join["org"]
                       for m in moves):
                moves.append(Move(join["person"], join["other"], join["org"], None,
                                  join["date"] or join["effective_date"], [], [join["uid"]]))
    if org_id is not None:
        name = entity(conn, org, "org")["name"]
        moves = [m for m in moves if name in (m.from_org, m.to_org)]
    return TalentFlows(since, until, org, moves, summarize(moves), dict(Counter(r for m in moves for r in m.reasons)))


def _end(day: str) -> str:
    from exodus.resolution.dates import end_of
    return end_of(day) if day < "9999" else day


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
