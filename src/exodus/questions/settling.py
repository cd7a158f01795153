"""Settling a conflict: a person keeps one side (the others are rejected) or dismisses it as no conflict.

Decisions are stored by the conflict's content id (`exodus.store.decisions`), so a
settled conflict stays settled when the same articles are ingested again. A decision
replaces the one before it; `reopen_conflict` takes a conflict back to open.

    with open_store("exodus.db") as store:
        conflict = find_conflicts(store.conn)[0]
        settle_conflict(store, conflict.id, keep=conflict.sides[0].id, note="the company's own post")
"""
from __future__ import annotations

import sqlite3

from exodus.errors import NotAConflictSide, StoreError, UnknownConflict
from exodus.questions.conflicts import Conflict, find_conflicts
from exodus.store.database import Store
from exodus.store.decisions import MAX_NOTE_CHARS, record_decision

__all__ = ["settle_conflict", "reopen_conflict", "find_conflict", "note_problem"]


def find_conflict(conn: sqlite3.Connection, conflict_id: str) -> Conflict:
    """The conflict (open or settled) with this id; UnknownConflict naming the id when there is none."""
    for conflict in find_conflicts(conn, include_settled=True):
        if conflict.id == conflict_id:
            return conflict
    raise UnknownConflict(f"no conflict {conflict_id!r} in the store (`exodus conflicts --all` lists them with "
                          "their ids); a conflict's id changes when the facts it is about change")


def note_problem(note: str | None) -> str | None:
    """What makes `note` unfit to store (too long, not UTF-8 text, a NUL character), or None."""
    if note is None:
        return None
    if len(note) > MAX_NOTE_CHARS:
        return f"the note is {len(note)} characters long; at most {MAX_NOTE_CHARS} are kept"
    for position, char in enumerate(note, 1):
        if "\ud800" <= char <= "\udfff":  # a lone surrogate, or how Python keeps a byte of argv that is not UTF-8
            return f"the note is not valid UTF-8 text (character {position}); give it as UTF-8"
        if char == "\x00":
            return f"the note holds a NUL character at position {position}; remove it"
    return None


def settle_conflict(store: Store, conflict_id: str, *, keep: str | None = None, dismiss: bool = False,
                    note: str | None = None) -> Conflict:
    """Keep the fact `keep` of the conflict (its other sides are rejected), or `dismiss` the conflict (the
    facts can all be true). Returns the conflict with its decision. UnknownConflict for an id that names no
    conflict, NotAConflictSide for a `keep` that is not one of its facts."""
    if (keep is None) == (not dismiss):
        raise ValueError("give either keep (a fact id) or dismiss=True")
    problem = note_problem(note)
    if problem:
        raise StoreError(problem)
    # Found before the write lock is taken: finding conflicts reads the whole store.
    conflict = find_conflict(store.conn, conflict_id)
    sides = [s.id for s in conflict.sides]
    if keep is not None and keep not in sides:
        raise NotAConflictSide(f"fact {keep!r} is not a side of conflict {conflict_id!r}; keep one of "
                               f"{', '.join(dict.fromkeys(sides))}")
    with store.transaction() as conn:
        conflict.decision = record_decision(conn, conflict_id, "keep" if keep else "dismiss", sides, keep, note)
    return conflict


def reopen_conflict(store: Store, conflict_id: str) -> Conflict:
    """Take a settled conflict back to open (its decision stays in the log, no longer counting)."""
    conflict = find_conflict(store.conn, conflict_id)
    if conflict.decision is not None:
        with store.transaction() as conn:
            record_decision(conn, conflict_id, "reopen", [s.id for s in conflict.sides])
        conflict.decision = None
    return conflict
