"""Cross-document entity resolution: a name in an article -> one entity in the store.

Order of evidence: the store's aliases (user corrections first, because ingestion
never overwrites an alias), then the lexicon in exodus/data (people.json,
organizations.json), then, for a bare surname, a full name in the same document.
A bare surname with no such anchor stays its own entity: "Amodei" alone could be
Dario or Daniela.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from exodus.extraction.lexicon import Lexicon, load_lexicon
from exodus.resolution.names import clean_display, group_display, group_key, org_key, person_key


class Resolver:
    def __init__(self, conn: sqlite3.Connection, lexicon: Lexicon | None = None):
        self.conn = conn
        self._lexicon = lexicon
        self.named_groups: set[int] = set()
        """Groups that got a new name since the caller last emptied this: their facts' ids, which come
        from the first of a group's names, are to be made again."""

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = load_lexicon()
        return self._lexicon

    # -- lookups -------------------------------------------------------------------------

    def lookup(self, type_: str, key: str, scope: int = 0) -> int | None:
        row = self.conn.execute("SELECT entity_id FROM aliases WHERE type = ? AND scope = ? AND folded = ?",
                                (type_, scope, key)).fetchone()
        return row[0] if row else None

    def add_alias(self, type_: str, key: str, entity_id: int, name: str, origin: str,
                  scope: int = 0, replace: bool = False) -> None:
        verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
        cur = self.conn.execute(f"{verb} INTO aliases(type, scope, folded, entity_id, name, origin) "
                                "VALUES (?, ?, ?, ?, ?, ?)", (type_, scope, key, entity_id, name, origin))
        if type_ == "group" and cur.rowcount:
            self.named_groups.add(entity_id)

    def create_entity(self, type_: str, name: str, org_id: int | None = None) -> int:
        cur = self.conn.execute("INSERT INTO entities(type, name, org_id) VALUES (?, ?, ?)",
                                (type_, name, org_id))
        return int(cur.lastrowid)

    # -- resolution ----------------------------------------------------------------------

    def expand_person(self, name: str, context: Iterable[str] = ()) -> str:
        """A bare surname or first name made full from a unique full name in the same document."""
        name = clean_display(name)
        key = person_key(name)
        if " " in key:
            return name
        matches = {clean_display(full) for full in context
                   if " " in person_key(full) and key in (person_key(full).split()[0], person_key(full).split()[-1])}
        if len({person_key(m) for m in matches}) == 1:
            return matches.pop()
        canonical = self.lexicon.canonical_person(name)
        if canonical:
            return canonical
        by_surname = {canon for canon in self.lexicon.people if person_key(canon).split()[-1] == key}
        return by_surname.pop() if len(by_surname) == 1 else name

    def person(self, name: str) -> int:
        return self._resolve("person", name, person_key, self.lexicon.canonical_person(clean_display(name)),
                             self.lexicon.people)

    def org(self, name: str) -> int:
        key = org_key(clean_display(name))
        return self._resolve("org", name, org_key,
                             self.lexicon.canonical_org(clean_display(name)) or self.lexicon.canonical_org(key),
                             self.lexicon.organizations)

    def _resolve(self, kind: str, name: str, key_of, canonical: str | None, table: dict[str, list[str]]) -> int:
        """The entity a name stands for: a known alias, a gazetteer entry, or a new entity."""
        name = clean_display(name)
        key = key_of(name)
        found = self.lookup(kind, key)
        if found is not None:
            return found
        if canonical:
            entity = self._lexicon_entity(kind, canonical, table.get(canonical, []), key_of)
        else:
            entity = self.create_entity(kind, name)
        self.add_alias(kind, key, entity, name, "observed")
        return entity

    def group(self, name: str, org_id: int, org_name: str | None = None) -> int:
        name = clean_display(name)
        key = group_key(name, org_name)
        found = self.lookup("group", key, scope=org_id)
        if found is None:
            found = self._group_by_words(key, org_id)
            if found is not None:
                self.add_alias("group", key, found, name, "observed", scope=org_id)
        if found is not None:
            return found
        entity = self.create_entity("group", group_display(name), org_id)
        self.add_alias("group", key, entity, name, "observed", scope=org_id)
        return entity

    def _group_by_words(self, key: str, org_id: int) -> int | None:
        """The one group of the organization whose name has all of this name's words, or whose words this
        name has all of ("safety committee" / "Safety and Security Committee"); None when none or several."""
        words = set(key.split())
        found = {entity for folded, entity in self.conn.execute(
                     "SELECT folded, entity_id FROM aliases WHERE type = 'group' AND scope = ?", (org_id,))
                 if words <= set(folded.split()) or set(folded.split()) <= words}
        return found.pop() if len(found) == 1 else None

    def _lexicon_entity(self, type_: str, canonical: str, aliases: list[str], keyer) -> int:
        found = self.lookup(type_, keyer(canonical))
        if found is not None:
            return found
        entity = self.create_entity(type_, canonical)
        for alias in [canonical, *aliases]:
            self.add_alias(type_, keyer(alias), entity, alias, "lexicon")
        return entity
