"""User corrections to entity resolution: alias, merge, split.

Each is stored in the database (as aliases with origin `user`, which ingestion
never overwrites, and in the `corrections` log), so it holds for articles
ingested later and for re-ingested ones. After a correction, the claims that
mention the entities involved are resolved again and their facts rebuilt.

A correction never makes two entities one by accident: an alias that is already
the name of another entity, and every merge of two entities, are refused unless
`force` is given, with a message naming both (their kind and how many facts each
has). A merge of an entity with itself, or of a person with an organization, is
refused even then.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone

from exodus.errors import CorrectionRefused, StoreError
from exodus.resolution.corroboration import base_key, recluster
from exodus.resolution.names import clean_display, org_key, person_key
from exodus.resolution.resolver import Resolver
from exodus.store.database import Store

_KEYERS = {"person": person_key, "org": org_key}
KIND_NAMES = {"person": ("person", "people"), "org": ("organization", "organizations"), "group": ("group", "groups")}


def name_problem(*names: str) -> str | None:
    """What makes one of `names` unusable as a name (not UTF-8 text, a NUL character), or None."""
    for name in names:
        shown = quoted(name)
        for position, char in enumerate(name, 1):
            if "\udc80" <= char <= "\udcff":  # how Python keeps a byte of argv that is not UTF-8
                return (f"the name {shown} is not valid UTF-8 text: character {position} stands for the byte "
                        f"0x{ord(char) - 0xdc00:02x}, which is not UTF-8; give names as UTF-8")
            if "\ud800" <= char <= "\udfff":
                return (f"the name {shown} is not valid UTF-8 text: character {position} is a lone surrogate "
                        f"(\\u{ord(char):04x}); give names as UTF-8")
            if char == "\x00":
                return f"the name {shown} holds a NUL character at position {position}; remove it"
    return None


def find_entity(conn: sqlite3.Connection, name: str, type_: str | None = None) -> sqlite3.Row:
    """The person or organization called `name` (any alias); a clear error when none or several."""
    found = entities_named(conn, name, [type_] if type_ else ["person", "org"])
    if not found:
        raise not_found_error(name, type_)
    if len(found) > 1:
        raise StoreError(f"{quoted(name)} is both a person and an organization; pass --type person or --type org")
    return next(iter(found.values()))


def not_found_error(name: str, type_: str | None) -> StoreError:
    """The error for a name no entity of kind `type_` (None: person or organization) goes by, with what to try."""
    what = f"no {KIND_NAMES[type_][0]}" if type_ in KIND_NAMES else "no person or organization"
    return StoreError(f"{what} called {quoted(name)} in the store; "
                      f"try `exodus search {name!r}` to find how articles spell it")


def entities_named(conn: sqlite3.Connection, name: str, kinds: list[str]) -> dict[str, sqlite3.Row]:
    """The entity of each kind in `kinds` that has `name` as one of its names."""
    problem = name_problem(name)
    if problem:
        raise StoreError(problem)
    found = {}
    for kind in kinds:
        keyer = _KEYERS.get(kind)
        if keyer is None:
            continue
        row = conn.execute("SELECT e.* FROM aliases a JOIN entities e ON e.id = a.entity_id "
                           "WHERE a.type = ? AND a.scope = 0 AND a.folded = ?", (kind, keyer(name))).fetchone()
        if row is not None:
            found[kind] = row
    return found


def add_alias(store: Store, canonical: str, alias: str, type_: str | None = None, force: bool = False) -> int:
    """Make `alias` a name of the entity called `canonical`; returns the entity id.

    An alias that is already a name of another entity would move that entity's facts (those stated
    under this name) to `canonical`: refused unless `force`. So is a name of an entity of the other kind.
    """
    problem = name_problem(canonical, alias)
    if problem:
        raise StoreError(problem)
    with store.transaction() as conn:
        entity = find_entity(conn, canonical, type_)
        kind = entity["type"]
        key = _KEYERS[kind](alias)
        previous = conn.execute("SELECT entity_id FROM aliases WHERE type = ? AND scope = 0 AND folded = ?",
                                (kind, key)).fetchone()
        if not force:
            _refuse_alias_of_another(conn, entity, canonical, alias, previous[0] if previous else None)
        Resolver(conn).add_alias(kind, key, entity["id"], clean_display(alias), "user", replace=True)
        log_correction(conn, "alias", {"canonical": canonical, "alias": alias, "type": kind})
        if previous is not None and previous[0] != entity["id"]:
            relink(conn, [previous[0]])
        return int(entity["id"])


def _refuse_alias_of_another(conn: sqlite3.Connection, entity: sqlite3.Row, canonical: str, alias: str,
                             owner_id: int | None) -> None:
    kind = entity["type"]
    singular, plural = KIND_NAMES[kind]
    target = _described(conn, entity, canonical, facts=False)
    if owner_id is not None and owner_id != entity["id"]:
        owner = conn.execute("SELECT * FROM entities WHERE id = ?", (owner_id,)).fetchone()
        already = "already" if _KEYERS[kind](owner["name"]) == _KEYERS[kind](alias) else "already a name of"
        raise CorrectionRefused(f"{quoted(alias)} is {already} {_described(conn, owner)}; adding it as an alias "
                                f"of {target} would merge two {plural}", forced_does="merge them")
    for other in entities_named(conn, alias, sorted(_KEYERS.keys() - {kind})).values():
        raise CorrectionRefused(f"{quoted(alias)} is {_described(conn, other)}; as an alias of {target} it would "
                                f"name {_a(singular)} and {_a(KIND_NAMES[other['type']][0])} at once",
                                forced_does="add it all the same")


def merge(store: Store, keep: str, absorb: str, type_: str | None = None, force: bool = False) -> int:
    """Make `absorb` the same entity as `keep` (all its names, facts and groups); returns keep's id.

    Two different entities are made one only with `force`; without it the refusal names both (kind,
    facts), as a check. Refused always when both names are already one entity, or are of different kinds.
    """
    problem = name_problem(keep, absorb)
    if problem:
        raise StoreError(problem)
    with store.transaction() as conn:
        kept, gone = _merge_pair(conn, keep, absorb, type_)
        plural = KIND_NAMES[kept["type"]][1]
        if kept["id"] == gone["id"]:
            raise CorrectionRefused(f"{quoted(keep)} and {quoted(absorb)} are already the same "
                                    f"{KIND_NAMES[kept['type']][0]} ({quoted(kept['name'])}); nothing to merge")
        if not force:
            raise CorrectionRefused(f"merging {_described(conn, gone, absorb)} into {_described(conn, kept, keep)} "
                                    f"would make two {plural} one", forced_does="merge them")
        merge_entities(conn, kept["id"], gone["id"])
        log_correction(conn, "merge", {"keep": keep, "absorb": absorb, "type": kept["type"]})
        return int(kept["id"])


def _merge_pair(conn: sqlite3.Connection, keep: str, absorb: str,
                type_: str | None) -> tuple[sqlite3.Row, sqlite3.Row]:
    """The entities called `keep` and `absorb`, of one kind; a clear error when there is no such pair."""
    kinds = [type_] if type_ else ["person", "org"]
    kept, gone = entities_named(conn, keep, kinds), entities_named(conn, absorb, kinds)
    common = [kind for kind in kinds if kind in kept and kind in gone]
    if len(common) == 1:
        return kept[common[0]], gone[common[0]]
    if len(common) > 1:
        raise StoreError(f"{quoted(keep)} and {quoted(absorb)} are each both a person and an organization; "
                         "pass --type person or --type org")
    # No kind has both: say which name is missing, or that they are of different kinds.
    kept = kept or entities_named(conn, keep, ["person", "org"])
    gone = gone or entities_named(conn, absorb, ["person", "org"])
    if kept and gone:
        a, b = next(iter(kept.values())), next(iter(gone.values()))
        raise CorrectionRefused(f"cannot merge {_described(conn, b, absorb)} into {_described(conn, a, keep)}: "
                                "they are different kinds of entity")
    raise not_found_error(absorb if kept else keep, None)


def _described(conn: sqlite3.Connection, entity: sqlite3.Row, given: str | None = None, facts: bool = True) -> str:
    """`the person "Greg Brockman" (3 facts)`; `"Brockman", a name of the person ...` when `given` is another name."""
    text = f"the {KIND_NAMES[entity['type']][0]} {quoted(entity['name'])}"
    keyer = _KEYERS.get(entity["type"], str.casefold)
    if given is not None and keyer(given) != keyer(entity["name"]):
        text = f"{quoted(given)}, a name of {text}"
    if not facts:
        return text
    count = conn.execute("SELECT count(*) FROM facts WHERE ? IN (person_id, org_id, group_id, other_org_id)",
                         (entity["id"],)).fetchone()[0]
    return f"{text} ({count} fact{'' if count == 1 else 's'})"


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def quoted(name: str) -> str:
    """`name` in double quotes, printable: a lone surrogate or a NUL shown as its escape."""
    return '"' + name.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\x00") + '"'


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
    problem = name_problem(entity_name, alias)
    if problem:
        raise StoreError(problem)
    with store.transaction() as conn:
        entity = find_entity(conn, entity_name, type_)
        keyer = _KEYERS[entity["type"]]
        key = keyer(alias)
        owner = conn.execute("SELECT entity_id FROM aliases WHERE type = ? AND scope = 0 AND folded = ?",
                             (entity["type"], key)).fetchone()
        if owner is None or owner[0] != entity["id"]:
            command = "person" if entity["type"] == "person" else "org"
            raise StoreError(f"{quoted(alias)} is not a name of {_described(conn, entity, facts=False)}; "
                             f"see its names with `exodus {command} {entity['name']!r}`")
        if key == keyer(entity["name"]):
            raise StoreError(f"{quoted(alias)} is the main name of {_described(conn, entity, facts=False)}; "
                             "split off the other name instead")
        resolver = Resolver(conn)
        new_id = resolver.create_entity(entity["type"], clean_display(alias))
        resolver.add_alias(entity["type"], key, new_id, clean_display(alias), "user", replace=True)
        log_correction(conn, "split", {"entity": entity_name, "alias": alias, "type": entity["type"]})
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


def log_correction(conn: sqlite3.Connection, action: str, arguments: dict) -> None:
    """Add a correction to the `corrections` log (`exodus corrections` lists it) in the caller's transaction."""
    conn.execute("INSERT INTO corrections(action, arguments, made_at) VALUES (?, ?, ?)",
                 (action, json.dumps(arguments, sort_keys=True),
                  datetime.now(timezone.utc).isoformat(timespec="seconds")))
