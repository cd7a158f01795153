"""A person's decisions on conflicts, kept in the store by the conflict's content id.

A conflict's id is derived from what it is about: its kind and the ids of the facts
on its sides, which are themselves derived from what the facts say. So a decision
still applies when the articles are ingested again, in any order, or the store is
rebuilt from them. Decisions are kept as a log: the latest one on a conflict counts
(`reopen` takes a conflict back to open).
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone

ACTIONS: tuple[str, ...] = ("keep", "dismiss", "reopen")
STATUS_OF_ACTION = {"keep": "resolved", "dismiss": "dismissed"}
"""The status a conflict has after a decision; without one (or after `reopen`) it is `open`."""
MAX_NOTE_CHARS = 2000
"""The longest note a decision keeps (a sentence or two on why, not a document)."""


def conflict_id(kind: str, fact_ids: Iterable[str]) -> str:
    """A conflict's public id (`c` and 11 hex digits): its kind and its sides' fact ids, in any order."""
    content = "|".join([kind, *sorted(set(fact_ids))])
    return "c" + hashlib.sha1(content.encode()).hexdigest()[:11]


@dataclass
class Decision:
    """What a person decided on a conflict: keep one side (the others are rejected) or dismiss it."""

    conflict: str
    action: str
    kept: str | None
    sides: list[str]
    note: str | None
    decided_at: str
    rejected: list[str] = field(init=False)
    """The sides that lose: every side but the kept one (none when the conflict was dismissed)."""

    def __post_init__(self) -> None:
        self.rejected = [s for s in self.sides if s != self.kept] if self.action == "keep" else []

    @property
    def status(self) -> str:
        return STATUS_OF_ACTION.get(self.action, "open")

    def to_dict(self) -> dict:
        return {"conflict": self.conflict, "action": self.action, "kept": self.kept, "rejected": self.rejected,
                "note": self.note, "decided_at": self.decided_at}


def current_decisions(conn: sqlite3.Connection) -> dict[str, Decision]:
    """The decision that counts on each settled conflict, by conflict id (reopened ones are left out).
    A store made before decisions existed, opened read-only (so not migrated), has none."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'conflict_decisions'").fetchone() \
            is None:
        return {}
    rows = conn.execute("SELECT conflict_id, action, kept_fact, sides, note, decided_at FROM conflict_decisions "
                        "WHERE id IN (SELECT max(id) FROM conflict_decisions GROUP BY conflict_id)").fetchall()
    return {r["conflict_id"]: Decision(r["conflict_id"], r["action"], r["kept_fact"], json.loads(r["sides"]),
                                       r["note"], r["decided_at"])
            for r in rows if r["action"] != "reopen"}


def record_decision(conn: sqlite3.Connection, conflict: str, action: str, sides: list[str],
                    kept: str | None = None, note: str | None = None) -> Decision:
    """Store a decision (the caller has checked that `kept` is one of `sides`); it replaces earlier ones."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}: one of {', '.join(ACTIONS)}")
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    sides = sorted(set(sides))
    conn.execute("INSERT INTO conflict_decisions(conflict_id, action, kept_fact, sides, note, decided_at) "
                 "VALUES (?, ?, ?, ?, ?, ?)", (conflict, action, kept, json.dumps(sides), note or None, now))
    return Decision(conflict, action, kept, sides, note or None, now)


def rejecting_decision(conn: sqlite3.Connection, fact_id: str) -> Decision | None:
    """The decision that rejected this fact (another side of its conflict was kept), or None."""
    for decision in current_decisions(conn).values():
        if fact_id in decision.rejected:
            return decision
    return None
