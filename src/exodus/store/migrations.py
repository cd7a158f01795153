"""The store's schema as numbered migrations.

`PRAGMA user_version` records how many have run; opening a store runs the rest in
one transaction, under the write lock. Never edit a released migration: add a new one.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from exodus.errors import UnknownSchema

MIGRATIONS: tuple[str, ...] = (
    # 1: documents, entities with aliases, claims (one extracted fact of one document)
    # and facts (claims from every document that state the same thing).
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        doc_key TEXT NOT NULL UNIQUE,
        url TEXT,
        title TEXT,
        published TEXT,
        content_hash TEXT NOT NULL,
        duplicate_of INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        ingested_at TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX documents_url ON documents(url);

    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
    CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text);
    END;
    CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.id, coalesce(old.title, ''), old.text);
    END;
    CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.id, coalesce(old.title, ''), old.text);
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text);
    END;

    -- Bottom-k MinHash sketch of each document's word shingles, to find syndicated copies.
    CREATE TABLE document_sketches (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        hash INTEGER NOT NULL,
        PRIMARY KEY (document_id, hash)
    ) WITHOUT ROWID;
    CREATE INDEX document_sketches_hash ON document_sketches(hash);

    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL CHECK (type IN ('person', 'org', 'group')),
        name TEXT NOT NULL,
        org_id INTEGER REFERENCES entities(id)  -- the organization a group belongs to
    );
    CREATE INDEX entities_name ON entities(type, name);

    -- folded name -> entity. `scope` is the organization id for groups, 0 otherwise.
    -- origin: lexicon (data files), observed (seen in an article), user (a correction).
    CREATE TABLE aliases (
        type TEXT NOT NULL,
        scope INTEGER NOT NULL DEFAULT 0,
        folded TEXT NOT NULL,
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        name TEXT NOT NULL,
        origin TEXT NOT NULL,
        PRIMARY KEY (type, scope, folded)
    ) WITHOUT ROWID;
    CREATE INDEX aliases_entity ON aliases(entity_id);

    CREATE TABLE facts (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        base_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        person_id INTEGER REFERENCES entities(id),
        org_id INTEGER REFERENCES entities(id),
        group_id INTEGER REFERENCES entities(id),
        other_org_id INTEGER REFERENCES entities(id),  -- from_org / to_org / investee
        action TEXT,
        role TEXT,
        date TEXT,
        effective_date TEXT,  -- date, or the first source's publication date when undated
        reasons TEXT NOT NULL DEFAULT '[]',
        amount_value REAL,
        amount_currency TEXT,
        confidence REAL NOT NULL,
        source_count INTEGER NOT NULL
    );
    CREATE INDEX facts_base_key ON facts(base_key);
    CREATE INDEX facts_person ON facts(person_id, effective_date);
    CREATE INDEX facts_org ON facts(org_id, kind, effective_date);
    CREATE INDEX facts_kind_date ON facts(kind, effective_date);

    CREATE TABLE claims (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        fact_id INTEGER REFERENCES facts(id) ON DELETE SET NULL,
        base_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        names TEXT NOT NULL,  -- JSON: the names as extracted, re-resolved after corrections
        person_id INTEGER, org_id INTEGER, group_id INTEGER, other_org_id INTEGER,
        action TEXT, role TEXT, date TEXT, published TEXT,
        reasons TEXT NOT NULL DEFAULT '[]',
        amount_value REAL, amount_currency TEXT,
        evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, evidence_text TEXT NOT NULL,
        extractor TEXT, confidence REAL NOT NULL
    );
    CREATE INDEX claims_document ON claims(document_id);
    CREATE INDEX claims_fact ON claims(fact_id);
    CREATE INDEX claims_base_key ON claims(base_key);
    CREATE INDEX claims_person ON claims(person_id);
    CREATE INDEX claims_org ON claims(org_id);
    CREATE INDEX claims_other_org ON claims(other_org_id);
    CREATE INDEX claims_group ON claims(group_id);

    -- User corrections (alias add, merge, split), kept as an audit trail.
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        action TEXT NOT NULL,
        arguments TEXT NOT NULL,
        made_at TEXT NOT NULL
    );
    """,
    # 2: the moves of a date range (talent flows) read from the index alone, without a look-up in
    # the facts table for each of them; facts of one kind counted and paged (in id order) in a
    # narrow index.
    """
    DROP INDEX facts_kind_date;
    CREATE INDEX facts_kind_date ON facts(kind, effective_date, person_id, org_id, other_org_id, date, uid,
                                          reasons);
    CREATE INDEX facts_kind ON facts(kind);
    """,
    # 3: a person's decisions on conflicts (keep one side, dismiss, reopen), by the conflict's content id so
    # they hold when articles are ingested again or the store is rebuilt; the latest on a conflict counts.
    """
    CREATE TABLE conflict_decisions (
        id INTEGER PRIMARY KEY,
        conflict_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('keep', 'dismiss', 'reopen')),
        kept_fact TEXT,  -- the uid of the fact kept (action `keep` only)
        sides TEXT NOT NULL,  -- JSON: the uids of the conflict's facts when it was decided
        note TEXT,
        decided_at TEXT NOT NULL,
        CHECK ((action = 'keep') = (kept_fact IS NOT NULL))
    );
    CREATE INDEX conflict_decisions_conflict ON conflict_decisions(conflict_id);
    """,
    # 4: parents of organizations set by users (`exodus org link UNIT PARENT`, `exodus org unlink UNIT`),
    # one row per unit, the latest correction; they win over the gazetteer's `_part_of`. By name (the
    # entities' names when linked), not id, so a link holds across merges and re-ingestion.
    """
    CREATE TABLE org_parents (
        id INTEGER PRIMARY KEY,
        unit_key TEXT NOT NULL UNIQUE,  -- the unit's folded name (as aliases.folded)
        unit TEXT NOT NULL,
        parent TEXT,  -- NULL: the user said the unit is part of no organization
        made_at TEXT NOT NULL
    );
    """,
    # 5: what `exodus watch` remembers between cycles and across restarts. Per fetched URL (a feed, a
    # sitemap, an article) its validators for conditional GET and its last fetch; per article a
    # source listed, its place in the queue and whether it is stored (written in the transaction that
    # stores its facts, so a crash between fetching and storing loses and duplicates nothing). The
    # sitemaps an index lists are remembered with the index's validators, for the cycles it is unchanged.
    """
    CREATE TABLE fetch_state (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        fetched_at TEXT,  -- the last attempt (UTC, ISO)
        status INTEGER,  -- its HTTP status (200, 304); NULL when it failed before one
        problem TEXT,  -- why the last attempt failed; NULL when it did not
        listed_by TEXT  -- a sitemap: the sitemap index that lists it (polled when the index is unchanged)
    ) WITHOUT ROWID;
    CREATE INDEX fetch_state_listed_by ON fetch_state(listed_by);

    CREATE TABLE watched_articles (
        id INTEGER PRIMARY KEY,  -- queue order: the order the sources listed them
        url TEXT NOT NULL UNIQUE,
        source_url TEXT NOT NULL,  -- the feed or sitemap that listed it first
        title TEXT,
        published TEXT,  -- the date the source gave it, for a page that gives none
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'stored', 'skipped', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        queued_at TEXT NOT NULL,
        done_at TEXT
    );
    CREATE INDEX watched_articles_state ON watched_articles(state, id);
    """,
)


def check_schema(conn: sqlite3.Connection) -> int:
    """The store's schema version, or UnknownSchema when it is none this Exodus knows."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise UnknownSchema(f"its schema version is {version}, newer than this Exodus knows ({len(MIGRATIONS)}); "
                            "upgrade Exodus to use it")
    if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise UnknownSchema("not an Exodus store (an SQLite database of another program); "
                            "give a new file or an Exodus store as --db")
    return version


def migrate(conn: sqlite3.Connection) -> int:
    """Run the migrations this database has not seen, all in one transaction; returns the schema version.

    The version is read while holding the write lock (`BEGIN IMMEDIATE`): processes that open a
    new store at the same moment wait for each other, and only the first creates the tables.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = check_schema(conn)
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            # One statement at a time: `executescript` would commit, and give the lock away, first.
            for statement in sql_statements(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
    except BaseException:
        if conn.in_transaction:  # some errors (a full disk) have rolled it back already
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return len(MIGRATIONS)


def sql_statements(script: str) -> Iterator[str]:
    """The statements of an SQL script, each whole (a trigger's body and quoted semicolons included)."""
    start = 0
    for end, char in enumerate(script):
        if char == ";" and sqlite3.complete_statement(script[start:end + 1]):
            yield script[start:end + 1].strip()
            start = end + 1
    rest = "\n".join(line for line in script[start:].splitlines() if not line.strip().startswith("--"))
    if rest.strip():
        raise ValueError(f"incomplete SQL statement at the end of a migration: {script[start:].strip()[:80]!r}")
