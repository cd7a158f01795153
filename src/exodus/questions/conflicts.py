"""Facts that cannot all be true, each side with its sources.

- `date`: articles give different dates for the same move;
- `same_month`: a person joins two organizations in the same month (not an announced move undone within days
  by a return, `exodus.questions.reversals`: the announcement and the return can both be true);
- `joined_or_founded`: one article has the person joining A, another founding B, at about the same time.

Each conflict has an id derived from its kind and its facts' ids (stable across re-ingestion and rebuilds),
and a status: `open`, or settled by a person (`resolved`: one side kept, the others rejected; `dismissed`):
see `exodus.questions.settling`.
"""
from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from exodus.questions.records import FactView, load_facts
from exodus.questions.timeline import build_stints
from exodus.resolution.dates import compatible, gap_days, precision
from exodus.resolution.names import org_key
from exodus.settings import get_settings
from exodus.store.decisions import Decision, conflict_id, current_decisions


@dataclass
class Conflict:
    kind: str
    person: str | None
    summary: str
    sides: list[FactView]
    decision: Decision | None = None
    """A person's decision on it; None while it is open."""

    @property
    def id(self) -> str:
        return conflict_id(self.kind, [s.id for s in self.sides])

    @property
    def status(self) -> str:
        """`open`, `resolved` (a side kept) or `dismissed`."""
        return self.decision.status if self.decision else "open"

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "status": self.status, "person": self.person,
                "summary": self.summary, "sides": [s.to_dict() for s in self.sides],
                "decision": self.decision.to_dict() if self.decision else None}


def find_conflicts(conn: sqlite3.Connection, include_settled: bool = False) -> list[Conflict]:
    """The open conflicts in the store (with `include_settled`, the settled ones too, each with its decision):
    date conflicts first, then each person's (by name)."""
    decisions = current_decisions(conn)
    conflicts = []
    for conflict in _detect_conflicts(conn):
        conflict.decision = decisions.get(conflict.id)
        if include_settled or conflict.decision is None:
            conflicts.append(conflict)
    return conflicts


def _detect_conflicts(conn: sqlite3.Connection) -> list[Conflict]:
    conflicts = _date_conflicts(conn)
    # Candidates from bare rows found through indexes; whole facts (with sources) for the conflicts only.
    columns = "id, person_id, kind, org_id, date, effective_date"
    months = conn.execute("SELECT person_id, substr(date, 1, 7) FROM facts WHERE kind = 'joined' AND "
                          "person_id IS NOT NULL AND length(date) >= 7 GROUP BY person_id, substr(date, 1, 7) "
                          "HAVING count(DISTINCT org_id) > 1").fetchall()
    founders = [r[0] for r in conn.execute("SELECT DISTINCT person_id FROM facts WHERE kind = 'founded' AND "
                                           "person_id IS NOT NULL AND effective_date IS NOT NULL")]
    by_person: dict[int, list[tuple]] = defaultdict(list)
    for person in sorted({p for p, _month in months} | set(founders)):
        by_person[person] = conn.execute(f"SELECT {columns} FROM facts WHERE person_id = ? AND "
                                         "kind IN ('joined', 'founded') ORDER BY effective_date, id",
                                         (person,)).fetchall()
    window = get_settings().conflict_window_days
    org_names: dict[int, str] = {}

    def related(a: int | None, b: int | None) -> bool:
        for org in (a, b):
            if org is not None and org not in org_names:
                org_names[org] = conn.execute("SELECT name FROM entities WHERE id = ?", (org,)).fetchone()[0]
        return _related(org_names.get(a), org_names.get(b))

    pairs: dict[int, list[tuple[str, int, int]]] = defaultdict(list)  # person -> (kind, fact, fact)
    for person, facts in by_person.items():
        joins = [f for f in facts if f[2] == "joined" and f[4] and len(f[4]) >= 7]
        for i, a in enumerate(joins):
            for b in joins[i + 1:]:
                if a[4][:7] == b[4][:7] and a[3] != b[3] and not related(a[3], b[3]):
                    pairs[person].append(("same_month", a[0], b[0]))
        founded = [f for f in facts if f[2] == "founded" and f[5]]
        for a in (f for f in facts if f[2] == "joined" and f[5]) if founded else ():
            for b in founded:
                gap = abs((date.fromisoformat(a[5]) - date.fromisoformat(b[5])).days)
                if gap <= window and a[3] != b[3] and not related(a[3], b[3]):
                    pairs[person].append(("joined_or_founded", a[0], b[0]))
    wanted = sorted({fact for found in pairs.values() for _kind, *two in found for fact in two})
    views: dict[int, FactView] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        for fact in load_facts(conn, f"f.id IN ({','.join('?' * len(chunk))})", tuple(chunk)):
            views[fact.row_id] = fact
    people = sorted(pairs, key=lambda p: (views[pairs[p][0][1]].person or "", p))
    for person_id in people:
        undone = _undone_arrivals(conn, person_id) if any(k == "same_month" for k, *_ in pairs[person_id]) else set()
        for kind, a_id, b_id in pairs[person_id]:
            a, b = views[a_id], views[b_id]
            if kind == "same_month":
                if {a.id, b.id} & undone:
                    continue
                conflicts.append(Conflict(kind, a.person, f"{a.person} joined {a.org} and {b.org} in {a.date[:7]}",
                                          [a, b]))
            elif not {s.document for s in a.sources} & {s.document for s in b.sources}:
                # (one article telling both is a story, not a contradiction)
                conflicts.append(Conflict(kind, a.person, f"{a.person} joined {a.org} or founded {b.org}", [a, b]))
    return conflicts


def _undone_arrivals(conn: sqlite3.Connection, person_id: int) -> set[str]:
    """The ids of the person's facts on announced moves that a return within days undid (Microsoft's hiring
    of Sam Altman on 2023-11-20, two days before he was back at OpenAI): the move was announced and did not
    happen, which contradicts nothing."""
    stints = build_stints(load_facts(conn, "f.person_id = ?", (person_id,)))
    return {fact for stint in stints if stint.reversed_by for fact in stint.facts}


def _related(a: str | None, b: str | None) -> bool:
    """Same organization, or one a unit of the other ("Microsoft" / "Microsoft AI")."""
    ka, kb = org_key(a or ""), org_key(b or "")
    return ka == kb or ka.startswith(kb + " ") or kb.startswith(ka + " ")


def _date_conflicts(conn: sqlite3.Connection) -> list[Conflict]:
    # Only facts of several claims can disagree: those are found in the index of claims by fact.
    rows = conn.execute("SELECT f.uid, group_concat(DISTINCT c.date) AS dates FROM claims c "
                        "JOIN facts f ON f.id = c.fact_id WHERE c.date IS NOT NULL AND c.fact_id IN "
                        "(SELECT fact_id FROM claims GROUP BY fact_id HAVING count(*) > 1) "
                        "GROUP BY c.fact_id HAVING count(DISTINCT c.date) > 1").fetchall()
    conflicts = []
    for row in rows:
        dates = sorted(row["dates"].split(","))
        if all(_dates_agree(a, b) for a in dates for b in dates):
            continue
        fact = load_facts(conn, "f.uid = ?", (row["uid"],))[0]
        if fact.kind == "invested":
            what = f"{fact.org} invested in {fact.other_org}"
        else:
            what = f"{fact.person or ''} {fact.kind} {fact.org or ''}".strip()
        sides = _sources_by_date(conn, row["uid"])
        said = " / ".join(f"{day} ({', '.join(sides[day])})" for day in dates)
        conflicts.append(Conflict("date", fact.person, f"{what}: sources say {said}", [fact]))
    return conflicts


# Reports of one event a day or two apart (time zones, "on Friday" read from a Monday paper) agree.
DATE_SLACK_DAYS = 2


def _dates_agree(a: str, b: str) -> bool:
    """Two stated dates can be one event's: one contains the other, or both are days at most two apart
    ("May" and "June" are two statements, however close their ends)."""
    return compatible(a, b) or (precision(a) == precision(b) == 3 and gap_days(a, b) <= DATE_SLACK_DAYS)


def _sources_by_date(conn: sqlite3.Connection, uid: str) -> dict[str, list[str]]:
    """Each date the claims of a fact give, with the articles that give it."""
    sides: dict[str, list[str]] = {}
    for day, doc in conn.execute("SELECT DISTINCT c.date, d.doc_key FROM claims c JOIN facts f ON f.id = c.fact_id "
                                 "JOIN documents d ON d.id = c.document_id WHERE f.uid = ? AND c.date IS NOT NULL "
                                 "ORDER BY c.date, d.doc_key", (uid,)):
        sides.setdefault(day, []).append(doc)
    return sides
