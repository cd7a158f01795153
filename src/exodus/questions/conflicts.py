"""Facts that cannot all be true, each side with its sources.

- `date`: articles give different dates for the same move;
- `same_month`: a person joins two organizations in the same month;
- `joined_or_founded`: one article has the person joining A, another founding B, at about the same time.
"""
from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from exodus.questions.records import FactView, load_facts
from exodus.resolution.dates import compatible
from exodus.resolution.names import org_key
from exodus.settings import get_settings


@dataclass
class Conflict:
    kind: str
    person: str | None
    summary: str
    sides: list[FactView]

    def to_dict(self) -> dict:
        return {"kind": self.kind, "person": self.person, "summary": self.summary,
                "sides": [s.to_dict() for s in self.sides]}


def find_conflicts(conn: sqlite3.Connection) -> list[Conflict]:
    conflicts = _date_conflicts(conn)
    moves = load_facts(conn, "f.kind IN ('joined', 'founded') AND f.person_id IS NOT NULL")
    by_person: dict[str, list[FactView]] = defaultdict(list)
    for fact in moves:
        by_person[fact.person].append(fact)
    window = get_settings().conflict_window_days
    for person, facts in sorted(by_person.items()):
        joins = [f for f in facts if f.kind == "joined" and f.date and len(f.date) >= 7]
        for i, a in enumerate(joins):
            for b in joins[i + 1:]:
                if a.date[:7] == b.date[:7] and not _related(a.org, b.org):
                    conflicts.append(Conflict("same_month", person,
                                              f"{person} joined {a.org} and {b.org} in {a.date[:7]}", [a, b]))
        for a in (f for f in facts if f.kind == "joined"):
            for b in (f for f in facts if f.kind == "founded"):
                if _related(a.org, b.org) or not a.effective_date or not b.effective_date:
                    continue
                if {s.document for s in a.sources} & {s.document for s in b.sources}:
                    continue  # one article telling both is a story, not a contradiction
                gap = abs((date.fromisoformat(a.effective_date) - date.fromisoformat(b.effective_date)).days)
                if gap <= window:
                    conflicts.append(Conflict("joined_or_founded", person,
                                              f"{person} joined {a.org} or founded {b.org}", [a, b]))
    return conflicts


def _related(a: str | None, b: str | None) -> bool:
    """Same organization, or one a unit of the other ("Microsoft" / "Microsoft AI")."""
    ka, kb = org_key(a or ""), org_key(b or "")
    return ka == kb or ka.startswith(kb + " ") or kb.startswith(ka + " ")


def _date_conflicts(conn: sqlite3.Connection) -> list[Conflict]:
    rows = conn.execute("SELECT f.uid, group_concat(DISTINCT c.date) AS dates FROM facts f "
                        "JOIN claims c ON c.fact_id = f.id WHERE c.date IS NOT NULL "
                        "GROUP BY f.id HAVING count(DISTINCT c.date) > 1").fetchall()
    conflicts = []
    for row in rows:
        dates = sorted(row["dates"].split(","))
        if all(compatible(a, b) for a in dates for b in dates):
            continue
        fact = load_facts(conn, "f.uid = ?", (row["uid"],))[0]
        what = f"{fact.person or ''} {fact.kind} {fact.org or ''}".strip()
        conflicts.append(Conflict("date", fact.person, f"{what}: sources say {' / '.join(dates)}", [fact]))
    return conflicts
