"""User corrections to entity resolution: alias, merge, split.

Each is stored in the database (as aliases with origin `user`, which ingestion
never overwrites, and in the `corrections` log), so it holds for articles
ingested later and for re-ingested ones. After a correction, the claims that
mention the entities involved are resolved again and their facts rebuilt.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone

from exodus.errors import StoreError
from exodus.resolution.corroboration import base_key, recluster
from exodus.resolution.names import clean_display, org_key, person_key
from exodus.resolution.resolver import Resolver
from exodus.store.database import Store

_KEYERS = {"person": person_key, "org": org_key}


def find_entity(conn: sqlite3.Connection, name: str, type_: str | None = None) -> sqlite3.Row:
    """The person or organization called `name` (any alias); a clear error when none or several."""
    found = []
    for kind in ([type_] if type_ else ["person", "org"]):
        keyer = _KEYERS.get(kind)
        if keyer is None:
            continue
        row = conn.execute("SELECT e.* FROM aliases a JOIN entities e ON e.id = a.entity_id "
                           "WHERE a.type = ? AND a.scope = 0 AND a.folded = ?", (kind, keyer(name))).fetchone()
        if row is not None:
            found.append(row)
    if not found:
        raise StoreError(f"no person or organization called {name!r} in the store; "
                         f"try `exodus search {name!r}` to find how articles spell it")
    if len(found) > 1:
        raise StoreError(f"{name!r} is both a person and an organization; pass --type person or --type org")
    return found[0]


def add_alias(store: Store, canonical: str, alias: str, type_: str | None = None) -> int:
    """Make `alias` a name of the entity called `canonical`; returns the entity id."""
    with store.transaction() as conn:
        entity = find_entity(conn, canonical, type_)
        key = _KEYERS[entity["type"]](alias)
        previous = conn.execute("SELECT entity_id FROM aliases WHERE type = ? AND scope = 0 AND folded = ?",
                                (entity["type"], key)).fetchone()
        Resolver(conn).add_alias(entity["type"], key, entity["id"], clean_display(alias), "user", replace=True)
        _log(conn, "alias", {"canonical": canonical, "alias": alias, "type": entity["type"]})
        if previous is not None and previous[0] != entity["id"]:
            relink(conn, [previous[0]])
        return int(entity["id"])


def merge(store: Store, keep: str, absorb: str, type_: str | None = None) -> int:
    """Make `absorb` the same entity as `keep` (all its names, facts and groups); returns keep's id."""
    with store.transaction() as conn:
        kept = find_entity(conn, keep, type_)
        gone = find_entity(conn, absorb, kept["type"])
        if kept["id"] != gone["id"]:
            merge_entities(conn, kept["id"], gone["id"])
        _log(conn, "merge", {"keep": keep, "absorb": absorb, "type": kept["type"]})
        return int(kept["id"])


def merge_entities(conn: sqlite3.Connection, keep_id: int, gone_id: int) -> None:
    conn.execute("UPDATE aliases SET entity_id = ? WHERE entity_id = ?", (keep_id, gone_id))
    # The absorbed organization's committees and teams join the kept one's (same names meet).
    for group in conn.execute("SELECT a.folded, a.entity_id, a.name, a.origin FROM aliases a "
                              "WHERE a.type = 'group' AND a.scope = ?", (gone_id,)).fetchall():
        same = conn.execute("SELECT entity_id FROM aliases WHERE type = 'group' AND scope = ? AND folded = ?",
                            (keep_id, group["folded"])).fetchone()
        conn.execute("DELETE FROM aliases WHERE type = 'group' AND scope = ? AND folded = ?",
                     (gone_id, group["folded"]))
        if same is None:
            conn.execute("INSERT INTO aliases(type, scope, folded, entity_id, name, origin) VALUES "
                         "('group', ?, ?, ?, ?, ?)", (keep_id, group["folded"], group["entity_id"], group["name"],
                                                      group["origin"]))
        elif same[0] != group["entity_id"]:
            merge_entities(conn, same[0], group["entity_id"])
    conn.execute("UPDATE entities SET org_id = ? WHERE org_id = ?", (keep_id, gone_id))
    relink(conn, [gone_id])
    conn.execute("DELETE FROM entities WHERE id = ? AND NOT EXISTS "
                 "(SELECT 1 FROM facts WHERE ? IN (person_id, org_id, group_id, other_org_id))", (gone_id, gone_id))


def split(store: Store, entity_name: str, alias: str, type_: str | None = None) -> int:
    """Take the name `alias` away from the entity called `entity_name`: it becomes its own entity."""
    with store.transaction() as conn:
        entity = find_entity(conn, entity_name, type_)
        keyer = _KEYERS[entity["type"]]
        key = keyer(alias)
        owner = conn.execute("SELECT entity_id FROM aliases WHERE type = ? AND scope = 0 AND folded = ?",
                             (entity["type"], key)).fetchone()
        if owner is None or owner[0] != entity["id"]:
            raise StoreError(f"{alias!r} is not a name of {entity['name']!r}; "
                             f"see its names with `exodus person {entity_name!r}` or `exodus org`")
        if key == keyer(entity["name"]):
            raise StoreError(f"{alias!r} is the main name of {entity['name']!r}; split off the other name instead")
        resolver = Resolver(conn)
        new_id = resolver.create_entity(entity["type"], clean_display(alias))
        resolver.add_alias(entity["type"], key, new_id, clean_display(alias), "user", replace=True)
        _log(conn, "split", {"entity": entity_name, "alias": alias, "type": entity["type"]})
        relink(conn, [entity["id"]])
        return new_id


def relink(conn: sqlite3.Connection, entity_ids: list[int]) -> None:
    """Resolve again the claims that mention these entities, and rebuild the facts they touch."""
    if not entity_ids:
        return
    marks = ",".join("?" * len(entity_ids))
    claims = conn.execute(
        f"SELECT id, kind, names, action, role, base_key FROM claims WHERE person_id IN ({marks}) "
        f"OR org_id IN ({marks}) OR other_org_id IN ({marks}) OR group_id IN ({marks})", entity_ids * 4).fetchall()
    from exodus.store.ingest import resolve_names  # the same resolution ingestion uses

    resolver = Resolver(conn)
    affected = set()
    for claim in claims:
        ids = resolve_names(resolver, claim["kind"], json.loads(claim["names"]))
        key = base_key(claim["kind"], ids["person_id"], ids["org_id"], ids["group_id"], ids["other_org_id"],
                       claim["action"], claim["role"])
        affected.update((claim["base_key"], key))
        conn.execute("UPDATE claims SET person_id = ?, org_id = ?, group_id = ?, other_org_id = ?, base_key = ? "
                     "WHERE id = ?", (ids["person_id"], ids["org_id"], ids["group_id"], ids["other_org_id"], key,
                                      claim["id"]))
    recluster(conn, affected)


def list_corrections(conn: sqlite3.Connection) -> list[dict]:
    return [{"id": r["id"], "action": r["action"], **json.loads(r["arguments"]), "made_at": r["made_at"]}
            for r in conn.execute("SELECT * FROM corrections ORDER BY id")]


def _log(conn: sqlite3.Connection, action: str, arguments: dict) -> None:
    conn.execute("INSERT INTO corrections(action, arguments, made_at) VALUES (?, ?, ?)",
                 (action, json.dumps(arguments, sort_keys=True),
                  datetime.now(timezone.utc).isoformat(timespec="seconds")))
