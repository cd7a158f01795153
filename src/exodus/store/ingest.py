"""Putting extracted facts into the store: one transaction per document.

A document is known by its id, or else its url. Same content again: nothing
changes. New content: its old claims go and the new ones come in, in the same
transaction, so a run killed at any point and run again ends where a clean run
ends.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from exodus.resolution.corroboration import base_key, recluster
from exodus.resolution.dates import parse_date
from exodus.resolution.resolver import Resolver
from exodus.schema import KINDS, Document, Fact
from exodus.settings import get_settings
from exodus.store.database import Store, open_store
from exodus.store.dedupe import find_original, sketch, store_sketch

_REQUIRED = {"joined": ("person", "org"), "left": ("person", "org"), "founded": ("org",),
             "role": ("person", "org", "role"), "member": ("person", "org", "group"),
             "group_event": ("org", "group", "action"), "invested": ("investor", "investee")}


@dataclass
class IngestReport:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    claims: int = 0
    rejected: list[str] = field(default_factory=list)
    """Facts not stored, with why (bad kind, missing field, evidence not in the text)."""

    def to_dict(self) -> dict:
        return {"added": self.added, "replaced": self.replaced, "unchanged": self.unchanged,
                "claims": self.claims, "rejected": self.rejected}


def content_hash(document: Document) -> str:
    payload = json.dumps([document.text, document.published, document.url, document.title])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def find_document(conn: sqlite3.Connection, document: Document) -> sqlite3.Row | None:
    row = conn.execute("SELECT id, content_hash FROM documents WHERE doc_key = ?", (document.id,)).fetchone()
    if row is None and document.url:
        row = conn.execute("SELECT id, content_hash FROM documents WHERE url = ? ORDER BY id LIMIT 1",
                           (document.url,)).fetchone()
    return row


def is_unchanged(conn: sqlite3.Connection, document: Document) -> bool:
    """True when this exact content is already stored (so extraction can be skipped)."""
    row = find_document(conn, document)
    return row is not None and row["content_hash"] == content_hash(document)


def ingest_extracted(store: Store, pairs: Iterable[tuple[Document, list[Fact]]],
                     on_document: Callable[[Document, str], None] | None = None,
                     documents_per_transaction: int = 1,
                     in_transaction: Callable[[sqlite3.Connection, Document, str], None] | None = None
                     ) -> IngestReport:
    """Store (document, facts) pairs, each document in its own transaction (or several whole documents
    in one, `documents_per_transaction`: see `bulk_ingest`).

    `in_transaction(conn, document, outcome)` runs inside the transaction that stores the document,
    for bookkeeping that must commit with it or not at all (`exodus watch` marks the article stored).
    """
    report = IngestReport()
    resolver = Resolver(store.conn)
    pairs = iter(pairs)
    while batch := list(islice(pairs, max(1, documents_per_transaction))):
        # The batch is read (extracted) before the transaction starts: writers wait only for the writing.
        with store.transaction() as conn:
            outcomes = []
            for document, facts in batch:
                outcomes.append(_ingest_one(conn, resolver, document, facts, report))
                if in_transaction:
                    in_transaction(conn, document, outcomes[-1])
        if on_document:
            for (document, _facts), outcome in zip(batch, outcomes):
                on_document(document, outcome)
    return report


def bulk_ingest(store: Store, pairs: Iterable[tuple[Document, list[Fact]]],
                documents_per_transaction: int = 500, cache_mib: int = 256,
                on_document: Callable[[Document, str], None] | None = None) -> IngestReport:
    """`ingest_extracted` for loading many documents at once: the same store, built several times faster.

    Documents are written `documents_per_transaction` at a time, each batch one
    transaction, with a page cache of `cache_mib` MiB for this connection. Every
    invariant of `ingest_extracted` holds: each document is stored whole or not at
    all (its batch commits or rolls back), the resolution, corroboration and copy
    detection are the same (each document sees the ones before it, in the same
    order), and a run killed at any point and run again ends with the store a clean
    run gives. Other writers wait for a whole batch instead of one document, and a
    killed run loses up to one batch of work (redone by the next run).
    """
    previous = store.conn.execute("PRAGMA cache_size").fetchone()[0]
    store.conn.execute(f"PRAGMA cache_size = {-int(cache_mib) * 1024}")
    try:
        return ingest_extracted(store, pairs, on_document=on_document,
                                documents_per_transaction=documents_per_transaction)
    finally:
        store.conn.execute(f"PRAGMA cache_size = {int(previous)}")


def _ingest_one(conn: sqlite3.Connection, resolver: Resolver, document: Document, facts: list[Fact],
                report: IngestReport) -> str:
    digest = content_hash(document)
    row = find_document(conn, document)
    if row is not None and row["content_hash"] == digest:
        report.unchanged += 1
        return "unchanged"
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    published = parse_date(document.published)
    affected: set[str] = set()
    if row is not None:
        doc_id = row["id"]
        affected.update(r[0] for r in conn.execute("SELECT base_key FROM claims WHERE document_id = ?", (doc_id,)))
        conn.execute("DELETE FROM claims WHERE document_id = ?", (doc_id,))
        conn.execute("UPDATE documents SET doc_key = ?, url = ?, title = ?, published = ?, content_hash = ?, "
                     "ingested_at = ?, text = ?, duplicate_of = NULL WHERE id = ?",
                     (document.id, document.url, document.title, published, digest, now, document.text, doc_id))
        report.replaced += 1
        outcome = "replaced"
    else:
        doc_id = conn.execute(
            "INSERT INTO documents(doc_key, url, title, published, content_hash, ingested_at, text) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (document.id, document.url, document.title, published, digest, now, document.text)).lastrowid
        report.added += 1
        outcome = "added"
    hashes = sketch(document.text)
    original = find_original(conn, doc_id, hashes, get_settings().duplicate_similarity)
    conn.execute("UPDATE documents SET duplicate_of = ? WHERE id = ?", (original, doc_id))
    store_sketch(conn, doc_id, hashes)

    context = [f.person for f in facts if f.person]
    for fact in facts:
        problem = _problem(document, fact)
        if problem:
            report.rejected.append(f"{document.id}: {fact.kind} fact {problem}")
            continue
        affected.add(insert_claim(conn, resolver, doc_id, published, fact, context))
        report.claims += 1
    for group_id in resolver.named_groups:  # a group's new name can change the ids of all its facts
        affected.update(r[0] for r in conn.execute("SELECT DISTINCT base_key FROM claims WHERE group_id = ?",
                                                   (group_id,)))
    resolver.named_groups.clear()
    recluster(conn, affected)
    return outcome


def _problem(document: Document, fact: Fact) -> str | None:
    if fact.kind not in KINDS:
        return f"has unknown kind {fact.kind!r}"
    missing = [name for name in _REQUIRED[fact.kind] if not getattr(fact, name)]
    if missing:
        return f"lacks {', '.join(missing)}"
    ev = fact.evidence
    if not ev.text or document.text[ev.start:ev.end] != ev.text:
        return f"has evidence that is not the text at {ev.start}:{ev.end}"
    return None


def insert_claim(conn: sqlite3.Connection, resolver: Resolver, doc_id: int, published: str | None,
                 fact: Fact, context: list[str]) -> str:
    """Resolve a fact's names and store it as a claim; returns its base key."""
    names = claim_names(resolver, fact, context)
    ids = resolve_names(resolver, fact.kind, names)
    key = base_key(fact.kind, ids["person_id"], ids["org_id"], ids["group_id"], ids["other_org_id"],
                   fact.action, fact.role)
    conn.execute(
        "INSERT INTO claims(document_id, base_key, kind, names, person_id, org_id, group_id, other_org_id, "
        "action, role, date, published, reasons, amount_value, amount_currency, evidence_start, evidence_end, "
        "evidence_text, extractor, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (doc_id, key, fact.kind, json.dumps(names, sort_keys=True), ids["person_id"], ids["org_id"],
         ids["group_id"], ids["other_org_id"], fact.action, fact.role, parse_date(fact.date), published,
         json.dumps(sorted(set(fact.reasons or []))),
         fact.amount.value if fact.amount else None, fact.amount.currency if fact.amount else None,
         fact.evidence.start, fact.evidence.end, fact.evidence.text, fact.extractor, fact.confidence))
    return key


def claim_names(resolver: Resolver, fact: Fact, context: list[str]) -> dict[str, str]:
    """The names a claim is about, a bare surname made full from its document."""
    if fact.kind == "invested":
        return {"org": fact.investor, "other_org": fact.investee}
    names = {"person": resolver.expand_person(fact.person, context) if fact.person else None,
             "org": fact.org, "group": fact.group,
             "other_org": fact.from_org if fact.kind == "joined" else fact.to_org if fact.kind == "left" else None}
    return {k: v for k, v in names.items() if v}


def resolve_names(resolver: Resolver, kind: str, names: dict[str, str]) -> dict[str, int | None]:
    ids: dict[str, int | None] = {"person_id": None, "org_id": None, "group_id": None, "other_org_id": None}
    if names.get("person"):
        ids["person_id"] = resolver.person(names["person"])
    if names.get("org"):
        ids["org_id"] = resolver.org(names["org"])
    if names.get("other_org"):
        ids["other_org_id"] = resolver.org(names["other_org"])
    if names.get("group") and ids["org_id"] is not None:
        ids["group_id"] = resolver.group(names["group"], ids["org_id"], names.get("org"))
    return ids


def delete_document(store: Store, doc_key: str) -> bool:
    """Remove a document and its claims; facts it alone supported go too."""
    with store.transaction() as conn:
        row = conn.execute("SELECT id FROM documents WHERE doc_key = ?", (doc_key,)).fetchone()
        if row is None:
            return False
        keys = [r[0] for r in conn.execute("SELECT base_key FROM claims WHERE document_id = ?", (row["id"],))]
        conn.execute("DELETE FROM claims WHERE document_id = ?", (row["id"],))
        conn.execute("UPDATE documents SET duplicate_of = NULL WHERE duplicate_of = ?", (row["id"],))
        conn.execute("DELETE FROM documents WHERE id = ?", (row["id"],))
        recluster(conn, keys)
    return True


def ingest_inputs(store: Store, inputs: Iterable[str], extractor: str | None = None, published: str | None = None,
                  on_problem: Callable[[Exception], None] | None = None,
                  on_document: Callable[[Document, str], None] | None = None,
                  processes: int | None = None, engine: Callable[..., Iterator[tuple[Document, list[Fact]]]] | None = None
                  ) -> IngestReport:
    """Read articles, extract facts from the new or changed ones, and store them. `extractor`: a
    registered name (default: the `extractor` setting). `engine`: where extraction runs
    (`exodus.extraction.engines.get_engine`; default: this machine, `extract_documents`); reading,
    the skip of unchanged documents and the writing stay here, whatever the engine.

    Documents go through the same checked path as `exodus extract`
    (`exodus.extraction.pipeline.extract_documents`): an unreadable input, a document
    the extractor fails on, or a fact whose evidence is not in its document is reported
    to `on_problem` and skipped, and the batch goes on.
    """
    from exodus.extraction.pipeline import extract_documents, iter_documents

    unchanged = IngestReport()
    report_problem = on_problem or (lambda problem: None)

    def fresh_documents() -> Iterator[Document]:
        for document in iter_documents(inputs, published=published, on_problem=report_problem):
            if is_unchanged(store.conn, document):
                unchanged.unchanged += 1
                if on_document:
                    on_document(document, "unchanged")
                continue
            yield document

    extract = engine or extract_documents
    pairs = extract(fresh_documents(), extractor=extractor, processes=processes, on_problem=report_problem)
    report = ingest_extracted(store, pairs, on_document=on_document)
    report.unchanged += unchanged.unchanged
    return report


def build_store(path: str | Path, inputs: Iterable[str], extractor: str | None = None, published: str | None = None,
                on_problem: Callable[[Exception], None] | None = None) -> IngestReport:
    """A new store at `path` from `inputs`, replacing a store already there only once the new one is complete.

    Unlike `ingest_inputs`, nothing of an earlier store is kept: every article is
    extracted again (with the extractor as it is now).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    _remove_database(partial)
    try:
        with open_store(partial) as store:
            report = ingest_inputs(store, inputs, extractor=extractor, published=published, on_problem=on_problem)
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        # Closing the last connection folds the write-ahead log into the file; a log left
        # beside the old store must not be replayed onto the new one.
        _remove_database(path, keep_main=True)
        os.replace(partial, path)
    finally:
        _remove_database(partial)
    return report


def _remove_database(path: Path, keep_main: bool = False) -> None:
    for suffix in ("-wal", "-shm", "-journal") if keep_main else ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
