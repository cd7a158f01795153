"""A run killed (SIGKILL) at any point and run again ends with the store a clean run gives."""
import json
import random
import signal
import subprocess
import sys

import pytest

from exodus.schema import Document, Fact
from exodus.store import bulk_ingest, ingest_extracted, open_store
from exodus.store.handmade import article, fact_in

KILL_POINTS = 24

# The child ingests the corpus and kills itself with SIGKILL when SQLite has run N statements.
CHILD = r"""
import json, os, signal, sys
from exodus.schema import Document, Fact
from exodus.store import ingest_extracted, open_store
db, corpus, kill_at, per_transaction = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
store = open_store(db)
seen = 0
def count(statement):
    global seen
    seen += 1
    if seen == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
store.conn.set_trace_callback(count)
pairs = []
for line in open(corpus):
    item = json.loads(line)
    pairs.append((Document(**item["document"]), [Fact.from_dict(f) for f in item["facts"]]))
ingest_extracted(store, pairs, documents_per_transaction=per_transaction)
"""

PEOPLE = ["Ada Byron", "Alan Turing", "Grace Hopper", "Kurt Goedel", "Emmy Noether", "John Neumann"]
ORGS = ["OpenAI", "Anthropic", "Google DeepMind", "Meta", "xAI"]


def make_corpus(count=40, seed=7):
    rng = random.Random(seed)
    pairs = []
    for i in range(count):
        person, org, other = rng.choice(PEOPLE), rng.choice(ORGS), rng.choice(ORGS)
        when = f"20{rng.randint(18, 24)}-{rng.randint(1, 12):02d}"
        text = (f"{person} left {org} in {when}. {person.split()[-1]} joined {other} later. "
                f"{person} co-founded {org}. Story {i}.")
        doc = article(f"d{i}", text, f"20{rng.randint(18, 24)}-12-31")
        facts = [fact_in(doc, "left", f"{person} left {org}", person=person, org=org, date=when,
                         reasons=[rng.choice(["safety", "career"])]),
                 fact_in(doc, "joined", f"{person.split()[-1]} joined {other}", person=person.split()[-1], org=other),
                 fact_in(doc, "founded", f"{person} co-founded {org}", person=person, org=org)]
        pairs.append((doc, facts))
    # a changed version of an earlier document and a syndicated copy
    first = pairs[0][0]
    changed = article("d0", first.text.replace("later", "in the end"), first.published)
    pairs.append((changed, [fact_in(changed, "left", pairs[0][1][0].evidence.text, person=pairs[0][1][0].person,
                                    org=pairs[0][1][0].org)]))
    copy = article("copy-5", pairs[5][0].text, pairs[5][0].published)
    pairs.append((copy, [fact_in(copy, f.kind, f.evidence.text, person=f.person, org=f.org, date=f.date)
                         for f in pairs[5][1]]))
    return pairs


def fresh(pairs):
    return [(Document(**d.to_dict()), [Fact.from_dict(f.to_dict()) for f in fs]) for d, fs in pairs]


def dump(path):
    store = open_store(path)
    q = lambda sql: sorted(tuple(r) for r in store.conn.execute(sql))
    state = {
        "integrity": store.conn.execute("PRAGMA integrity_check").fetchone()[0],
        "documents": q("SELECT doc_key, content_hash, (SELECT doc_key FROM documents o WHERE o.id = d.duplicate_of) "
                       "FROM documents d"),
        "facts": q("SELECT f.uid, f.kind, p.name, o.name, f.date, f.reasons, f.source_count, f.confidence "
                   "FROM facts f LEFT JOIN entities p ON p.id = f.person_id LEFT JOIN entities o ON o.id = f.org_id"),
        "sources": q("SELECT f.uid, d.doc_key, c.evidence_start, c.evidence_end, c.evidence_text, c.extractor, "
                     "c.confidence FROM claims c JOIN facts f ON f.id = c.fact_id JOIN documents d ON d.id = c.document_id"),
        "aliases": q("SELECT a.type, a.folded, e.name FROM aliases a JOIN entities e ON e.id = a.entity_id"),
    }
    store.close()
    return state


@pytest.mark.parametrize("per_transaction", [1, 7], ids=["one-document-per-transaction", "bulk"])
def test_killed_runs_end_like_a_clean_run(tmp_path, per_transaction):
    pairs = make_corpus()
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"document": d.to_dict(), "facts": [f.to_dict() for f in fs]}) + "\n"
                              for d, fs in pairs))
    clean = open_store(tmp_path / "clean.db")
    statements = []
    clean.conn.set_trace_callback(statements.append)
    ingest_extracted(clean, fresh(pairs), documents_per_transaction=per_transaction)
    clean.close()
    expected = dump(tmp_path / "clean.db")
    assert expected["integrity"] == "ok" and expected["facts"]

    rng = random.Random(2024)
    points = sorted(rng.sample(range(2, len(statements)), KILL_POINTS))
    for n, kill_at in enumerate(points):
        db = tmp_path / f"killed-{n}.db"
        proc = subprocess.run([sys.executable, "-c", CHILD, str(db), str(corpus), str(kill_at),
                               str(per_transaction)], capture_output=True, text=True, timeout=60)
        assert proc.returncode == -signal.SIGKILL, proc.stderr
        with open_store(db) as store:  # run again, to the end
            ingest_extracted(store, fresh(pairs), documents_per_transaction=per_transaction)
        assert dump(db) == expected, f"differs after a kill at statement {kill_at}"


def test_bulk_ingest_builds_the_store_one_transaction_per_document_builds(tmp_path):
    pairs = make_corpus()
    one = open_store(tmp_path / "one.db")
    ingest_extracted(one, fresh(pairs))
    one.close()
    bulk = open_store(tmp_path / "bulk.db")
    report = bulk_ingest(bulk, fresh(pairs), documents_per_transaction=16)
    assert (report.added, report.replaced) == (len(pairs) - 1, 1)
    bulk.close()
    assert dump(tmp_path / "bulk.db") == dump(tmp_path / "one.db")
