"""Finding things: entities by name, articles by full text, a fact's sources."""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from exodus.errors import StoreError
from exodus.questions.records import FactView, load_facts
from exodus.resolution.corrections import find_entity, name_problem


def entity(conn: sqlite3.Connection, name: str, type_: str) -> sqlite3.Row:
    """The entity of this type known by `name`, also by a unique partial name ("Altman")."""
    problem = name_problem(name)
    if problem:
        raise StoreError(problem)
    try:
        return find_entity(conn, name, type_)
    except StoreError:
        words = " ".join(name.lower().split())
        if not words:
            raise
        # Whole words of a name, compared as text: `instr`, not LIKE, so "%" and "_" match only themselves.
        rows = conn.execute("SELECT DISTINCT e.* FROM aliases a JOIN entities e ON e.id = a.entity_id "
                            "WHERE a.type = ? AND a.scope = 0 AND instr(' ' || a.folded || ' ', ?) > 0",
                            (type_, f" {words} ")).fetchall()
        if len(rows) == 1:
            return rows[0]
        if rows:
            names = ", ".join(sorted(r["name"] for r in rows)[:8])
            raise StoreError(f"{name!r} could be any of: {names}; give the full name") from None
        raise


@dataclass
class SearchHit:
    document: str
    title: str | None
    url: str | None
    published: str | None
    snippet: str


def search(conn: sqlite3.Connection, text: str, limit: int = 20) -> list[SearchHit]:
    """Articles matching `text` (words, all required; "quoted phrases" kept), best first."""
    terms = re.findall(r'"[^"]+"|\w+', text)
    query = " ".join(t if t.startswith('"') else f'"{t}"' for t in terms)
    if not query:
        return []
    rows = conn.execute(
        "SELECT d.doc_key, d.title, d.url, d.published, snippet(documents_fts, 1, '[', ']', '…', 12) AS snip "
        "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
        "WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?", (query, limit)).fetchall()
    return [SearchHit(r["doc_key"], r["title"], r["url"], r["published"], r["snip"]) for r in rows]


def fact_sources(conn: sqlite3.Connection, fact_id: str) -> FactView:
    """One fact with every source that states it."""
    facts = load_facts(conn, "f.uid = ?", (fact_id,))
    if not facts:
        raise StoreError(f"no fact {fact_id!r}; fact ids are shown by `exodus person`, `exodus org` and "
                         "`exodus export`")
    return facts[0]
