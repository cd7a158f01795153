"""Organizations' parents and units: Google DeepMind is part of Google, Google of Alphabet.

The gazetteer names each unit's parent (`_part_of` in organizations.json); a user's correction
(`exodus org link UNIT PARENT`, `exodus org unlink UNIT`) wins over it. Corrections are kept in the
store (table `org_parents`, the latest per unit, by name so they hold across merges and re-ingestion)
and in the corrections log beside `alias`, `merge` and `split`.

A link that would make an organization part of itself, directly or through its units, is refused,
and so are people, groups and names the store does not know.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone

from exodus.errors import CorrectionRefused, StoreError
from exodus.extraction.lexicon import load_lexicon
from exodus.resolution.corrections import entities_named, log_correction, name_problem, not_found_error, quoted
from exodus.resolution.names import org_key
from exodus.store.database import Store


@dataclass(frozen=True)
class OrgTree:
    """Which organization each unit is part of, by the organizations' names in the store.

    `stored`: the names in the tree that are organizations of the store (a gazetteer parent may not be).
    """

    parent_of: dict[str, str]
    stored: frozenset[str] = frozenset()
    _units: dict[str, list[str]] = field(default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        for unit, parent in sorted(self.parent_of.items()):
            self._units.setdefault(parent, []).append(unit)

    def parents(self, org: str) -> list[str]:
        """`org`'s parent, its parent's parent and so on up to the top (empty for a top organization)."""
        chain: list[str] = []
        current = org
        while current in self.parent_of and self.parent_of[current] not in chain + [org]:
            current = self.parent_of[current]
            chain.append(current)
        return chain

    def top(self, org: str) -> str:
        """The organization `org` rolls up to: its topmost parent, or itself."""
        chain = self.parents(org)
        return chain[-1] if chain else org

    def units(self, org: str) -> list[str]:
        """The organizations of the store directly part of `org`, by name."""
        return [unit for unit in self._units.get(org, []) if unit in self.stored]


@dataclass(frozen=True)
class OrgLink:
    """A link as a correction left it: `parent` None after an unlink; `previous`, the parent before."""

    unit: str
    parent: str | None
    previous: str | None


def org_tree(conn: sqlite3.Connection) -> OrgTree:
    """The parents of organizations: the gazetteer's, then the user's corrections over them.

    Names the store knows are given as its entities' names (an alias reaches its entity); a
    gazetteer parent the store has never seen keeps its gazetteer name.
    """
    gazetteer = load_lexicon().org_parents
    rows = _user_links(conn)
    known = _store_names(conn, {*gazetteer, *gazetteer.values(), *(r["unit"] for r in rows),
                                *(r["parent"] for r in rows if r["parent"])})
    links: dict[str, str] = {}
    for unit, parent in gazetteer.items():
        unit, parent = known.get(org_key(unit), unit), known.get(org_key(parent), parent)
        if unit != parent:
            links[unit] = parent
    for row in rows:
        unit = known.get(row["unit_key"], row["unit"])
        parent = known.get(org_key(row["parent"]), row["parent"]) if row["parent"] else None
        links.pop(unit, None)
        if parent is not None and parent != unit:
            links[unit] = parent
    return OrgTree(links, frozenset(known.values()))


def _user_links(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    # A store of an older schema opened read-only has no such table yet: no corrections then.
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'org_parents'").fetchone() is None:
        return []
    return conn.execute("SELECT unit_key, unit, parent FROM org_parents ORDER BY id").fetchall()


def _store_names(conn: sqlite3.Connection, names: set[str]) -> dict[str, str]:
    """Folded name -> the name of the store's organization known by it, for the names the store knows."""
    keys = sorted({org_key(name) for name in names})
    found: dict[str, str] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        found.update(conn.execute(
            "SELECT a.folded, e.name FROM aliases a JOIN entities e ON e.id = a.entity_id "
            f"WHERE a.type = 'org' AND a.scope = 0 AND a.folded IN ({','.join('?' * len(chunk))})", chunk).fetchall())
    return found


def link_org(store: Store, unit: str, parent: str) -> OrgLink:
    """Make the organization `unit` part of `parent`, now and after re-ingestion; the user's link wins
    over the gazetteer's. Refused: a person or group, a name the store does not know, an organization
    as part of itself, and a cycle (`parent` already part of `unit`)."""
    problem = name_problem(unit, parent)
    if problem:
        raise StoreError(problem)
    with store.transaction() as conn:
        unit_row, parent_row = _organization(conn, unit), _organization(conn, parent)
        if unit_row["id"] == parent_row["id"]:
            raise CorrectionRefused(f"{quoted(unit)} and {quoted(parent)} are the same organization "
                                    f"({quoted(unit_row['name'])}); an organization cannot be part of itself")
        tree = org_tree(conn)
        child, owner = unit_row["name"], parent_row["name"]
        chain = [owner, *tree.parents(owner)]
        if child in chain:
            path = " → ".join(chain[:chain.index(child) + 1])
            raise CorrectionRefused(f"{quoted(owner)} is already part of {quoted(child)} ({path}); making "
                                    f"{quoted(child)} part of it would be a cycle; unlink one of them first")
        previous = tree.parent_of.get(child)
        if previous != owner:
            _remember(conn, child, owner)
            log_correction(conn, "link", {"unit": unit, "parent": parent})
        return OrgLink(child, owner, previous)


def unlink_org(store: Store, unit: str) -> OrgLink:
    """Make the organization `unit` part of no other (the gazetteer's link too); refused when it is none's."""
    problem = name_problem(unit)
    if problem:
        raise StoreError(problem)
    with store.transaction() as conn:
        child = _organization(conn, unit)["name"]
        previous = org_tree(conn).parent_of.get(child)
        if previous is None:
            raise CorrectionRefused(f"{quoted(child)} is not part of any organization; nothing to unlink")
        _remember(conn, child, None)
        log_correction(conn, "unlink", {"unit": unit})
        return OrgLink(child, None, previous)


def _remember(conn: sqlite3.Connection, unit: str, parent: str | None) -> None:
    conn.execute("INSERT OR REPLACE INTO org_parents(unit_key, unit, parent, made_at) VALUES (?, ?, ?, ?)",
                 (org_key(unit), unit, parent, datetime.now(timezone.utc).isoformat(timespec="seconds")))


def _organization(conn: sqlite3.Connection, name: str) -> sqlite3.Row:
    """The store's organization called `name`; a one-line refusal for a person, a group or an unknown name."""
    found = entities_named(conn, name, ["org", "person"])
    if "org" in found:
        return found["org"]
    if "person" in found:
        raise CorrectionRefused(f"{quoted(name)} is a person ({quoted(found['person']['name'])}), not an "
                                "organization; only organizations have parents and units")
    group = conn.execute("SELECT g.name, o.name AS org FROM entities g JOIN entities o ON o.id = g.org_id "
                         "WHERE g.type = 'group' AND g.name = ? COLLATE NOCASE", (name,)).fetchone()
    if group is not None:
        raise CorrectionRefused(f"{quoted(name)} is a group (a committee or team) of {quoted(group['org'])}, "
                                "not an organization; only organizations have parents and units")
    raise not_found_error(name, "org")
