"""Build a synthetic store and time the questions asked of it.

    python benchmarks/store_queries.py                 # 1,000,000 facts, 100k people, 5k orgs
    python benchmarks/store_queries.py --scale 0.01    # 10,000 facts, 1k people, 50 orgs

Every fact goes through the real ingestion path (resolution, corroboration, one
transaction per article). Prints ingest rate, database size and p50/p95 latency
of a person timeline, an as-of roster and a one-year flow query.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from exodus.questions import org_roster, person_timeline, talent_flows
from exodus.schema import Document, Evidence, Fact
from exodus.store import ingest_extracted, open_store

REASONS = ["safety", "direction", "new_venture", "career", "personal", "dismissed", "reorganization"]


def career(i: int, orgs: int, facts: int, rng: random.Random) -> tuple[Document, list[Fact]]:
    """One article telling one synthetic person's career in `facts` facts."""
    person = f"Person{i} Surname{i}"
    year, month = rng.randint(1995, 2015), rng.randint(1, 12)
    org = rng.randrange(orgs)
    sentences, specs = [], []
    for n in range(facts):
        date = f"{year}-{month:02d}"
        if n % 2 == 0:
            kind, text = "joined", f"{person} joined Org{org} Labs in {date}."
        else:
            kind, text = "left", f"{person} left Org{org} Labs in {date}."
        specs.append((kind, text, org, date))
        sentences.append(text)
        if n % 2 == 1:
            org = rng.randrange(orgs)
        month += rng.randint(1, 14)
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    text = " ".join(sentences)
    doc = Document(id=f"career-{i}", text=text, published=f"{year}-{month:02d}-01")
    out, offset = [], 0
    for kind, sentence, org_n, date in specs:
        start = text.index(sentence, offset)
        offset = start + len(sentence)
        out.append(Fact(kind=kind, doc=doc.id, evidence=Evidence(start, offset, sentence), confidence=0.9,
                        person=person, org=f"Org{org_n} Labs", date=date, extractor="synthetic",
                        reasons=[rng.choice(REASONS)] if kind == "left" else None))
    return doc, out


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[int(0.95 * (len(ordered) - 1))] * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full size (default 1.0)")
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--orgs", type=int, default=5_000)
    parser.add_argument("--facts-per-person", type=int, default=10)
    parser.add_argument("--queries", type=int, default=100, help="repetitions of each query")
    parser.add_argument("--db", help="where to build the store (default: a temporary file)")
    args = parser.parse_args(argv)
    people = max(10, int(args.people * args.scale))
    orgs = max(5, int(args.orgs * args.scale))
    rng = random.Random(1)
    db = args.db or os.path.join(tempfile.mkdtemp(prefix="exodus-bench-"), "bench.db")
    store = open_store(db)
    started = time.perf_counter()
    report = ingest_extracted(store, (career(i, orgs, args.facts_per_person, rng) for i in range(people)))
    elapsed = time.perf_counter() - started
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    facts = store.conn.execute("SELECT count(*) FROM facts").fetchone()[0]
    size = sum(p.stat().st_size for p in Path(db).parent.glob(Path(db).name + "*"))
    print(f"store: {facts:,} facts, {people:,} people, {orgs:,} organizations -> {db}")
    print(f"ingest: {report.claims:,} facts in {elapsed:.1f} s = {report.claims / elapsed:,.0f} facts/s "
          f"({report.added / elapsed:,.0f} articles/s)")
    print(f"database size: {size / 1e6:,.1f} MB ({size / max(facts, 1):,.0f} bytes/fact)")

    timings: dict[str, list[float]] = {"person timeline": [], "as-of roster": [], "one-year flows": []}
    for _ in range(args.queries):
        t = time.perf_counter()
        person_timeline(store.conn, (lambda n: f"Person{n} Surname{n}")(rng.randrange(people)))
        timings["person timeline"].append(time.perf_counter() - t)
        t = time.perf_counter()
        org_roster(store.conn, f"Org{rng.randrange(orgs)} Labs", as_of=f"{rng.randint(2000, 2024)}-06-30")
        timings["as-of roster"].append(time.perf_counter() - t)
    for _ in range(max(5, args.queries // 10)):
        year = rng.randint(2000, 2024)
        t = time.perf_counter()
        talent_flows(store.conn, since=f"{year}-01-01", until=f"{year}-12-31")
        timings["one-year flows"].append(time.perf_counter() - t)
    for name, samples in timings.items():
        p50, p95 = percentiles(samples)
        print(f"{name:16s} p50 {p50:8.1f} ms   p95 {p95:8.1f} ms   ({len(samples)} runs)")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
