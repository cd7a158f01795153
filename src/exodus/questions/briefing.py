"""A short report on a whole store: its largest talent flows, one organization's founders on a date, conflicts.

What `exodus demo` prints after building the store of the sample corpus; it works
on any store.
"""
from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass

from exodus.questions.conflicts import Conflict, find_conflicts
from exodus.questions.flows import FlowPair, talent_flows
from exodus.questions.roster import Founder, org_roster


@dataclass
class StoreSize:
    documents: int
    facts: int
    people: int
    organizations: int


@dataclass
class Briefing:
    size: StoreSize
    flows: list[FlowPair]
    """The largest flows between organizations, most moves first."""
    org: str
    as_of: str
    founders: list[Founder]
    conflicts: list[Conflict]

    @property
    def founders_remaining(self) -> list[Founder]:
        return [f for f in self.founders if f.still_there]

    def to_dict(self) -> dict:
        return {"size": asdict(self.size), "flows": [asdict(p) for p in self.flows],
                "org": self.org, "as_of": self.as_of, "founders": [asdict(f) for f in self.founders],
                "founders_remaining": len(self.founders_remaining), "founders_total": len(self.founders),
                "conflicts": [c.to_dict() for c in self.conflicts]}


def store_size(conn: sqlite3.Connection) -> StoreSize:
    count = lambda sql: conn.execute(sql).fetchone()[0]
    return StoreSize(documents=count("SELECT count(*) FROM documents"), facts=count("SELECT count(*) FROM facts"),
                     people=count("SELECT count(*) FROM entities WHERE type = 'person'"),
                     organizations=count("SELECT count(*) FROM entities WHERE type = 'org'"))


def briefing(conn: sqlite3.Connection, org: str = "OpenAI", as_of: str = "2024-10-15",
             top_flows: int = 5) -> Briefing:
    """The store's largest flows (all time), `org`'s founders still there on `as_of`, and every conflict."""
    roster = org_roster(conn, org, as_of)
    return Briefing(size=store_size(conn), flows=talent_flows(conn).pairs[:top_flows], org=roster.org,
                    as_of=roster.as_of, founders=roster.founders, conflicts=find_conflicts(conn))
