"""Build a synthetic store and time the questions asked of it.

    python benchmarks/store_queries.py                 # 1,000,000 facts, 100k people, 5k orgs
    python benchmarks/store_queries.py --scale 0.01    # 10,000 facts, 1k people, 50 orgs

Every fact goes through the real ingestion path (resolution, corroboration, copy
detection), in the bulk mode of `exodus.store.bulk_ingest`: 500 articles per
transaction, the same store a run of one transaction per article gives. Prints
ingest rate, database size and p50/p95 latency of a person timeline, an as-of
roster and a one-year flow query (wall time, and the CPU time they took, which
other work on the machine inflates far less), with the store in the page cache (warm) and
not (cold: see benchmarks/pagecache.py); with `--incremental N`, also the rate of N more
articles ingested one transaction each into the full store (as `exodus ingest`
does), after the queries.
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
from exodus.store import Store, bulk_ingest, ingest_extracted, open_store

import pagecache  # benchmarks/pagecache.py

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


def build(store: Store, people: int, orgs: int, facts_per_person: int = 10,
          documents_per_transaction: int = 500) -> tuple[int, int, float]:
    """Fill `store` with `people` synthetic careers; (articles, facts, seconds)."""
    rng = random.Random(1)
    started = time.perf_counter()
    report = bulk_ingest(store, (career(i, orgs, facts_per_person, rng) for i in range(people)),
                         documents_per_transaction=documents_per_transaction)
    elapsed = time.perf_counter() - started
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return report.added, report.claims, elapsed


def time_queries(db: str, people: int, orgs: int, queries: int, rng: random.Random,
                 cold: bool = False) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Seconds taken by `queries` person timelines and as-of rosters and a tenth as many one-year flows: wall
    time, and the CPU time of this process (which a machine busy with other work inflates far less)."""
    questions = {
        "person timeline": lambda conn: person_timeline(conn, f"Person{(n := rng.randrange(people))} Surname{n}"),
        "as-of roster": lambda conn: org_roster(conn, f"Org{rng.randrange(orgs)} Labs",
                                                as_of=f"{rng.randint(2000, 2024)}-06-30"),
        "one-year flows": lambda conn: talent_flows(conn, since=f"{(y := rng.randint(2000, 2024))}-01-01",
                                                    until=f"{y}-12-31"),
    }
    timings: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    for name, ask in questions.items():
        runs = queries if name != "one-year flows" else max(5, queries // 10)
        timings[name], cpu[name] = [], []
        with open_store(db, readonly=True) as store:
            if not cold:
                pagecache.warm(db)  # again for each series: this VM drops file pages idle for ~30 s
            for _ in range(runs):
                if cold:
                    pagecache.evict(db)
                    with open_store(db, readonly=True) as fresh:
                        t, c = time.perf_counter(), time.process_time()
                        ask(fresh.conn)
                        timings[name].append(time.perf_counter() - t)
                        cpu[name].append(time.process_time() - c)
                    continue
                t, c = time.perf_counter(), time.process_time()
                ask(store.conn)
                timings[name].append(time.perf_counter() - t)
                cpu[name].append(time.process_time() - c)
    return timings, cpu


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
    parser.add_argument("--documents-per-transaction", type=int, default=500,
                        help="articles per transaction while building (default 500; 1 is `exodus ingest`'s way)")
    parser.add_argument("--incremental", type=int, default=0, metavar="N",
                        help="after the queries, ingest N more articles one transaction each and time them")
    parser.add_argument("--db", help="where to build the store (default: a temporary file); an existing "
                                     "store of the same size is reused")
    args = parser.parse_args(argv)
    people = max(10, int(args.people * args.scale))
    orgs = max(5, int(args.orgs * args.scale))
    rng = random.Random(1)
    db = args.db or os.path.join(tempfile.mkdtemp(prefix="exodus-bench-"), "bench.db")
    store = open_store(db)
    if store.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0:
        articles, claims, elapsed = build(store, people, orgs, args.facts_per_person, args.documents_per_transaction)
        print(f"ingest: {claims:,} facts in {elapsed:.1f} s = {claims / elapsed:,.0f} facts/s "
              f"({articles / elapsed:,.0f} articles/s, {args.documents_per_transaction} per transaction)")
    else:
        print(f"reusing {db}")
    facts = store.conn.execute("SELECT count(*) FROM facts").fetchone()[0]
    size = sum(p.stat().st_size for p in Path(db).parent.glob(Path(db).name + "*"))
    print(f"store: {facts:,} facts, {people:,} people, {orgs:,} organizations -> {db}")
    print(f"database size: {size / 1e6:,.1f} MB ({size / max(facts, 1):,.0f} bytes/fact)")

    store.close()
    for cache in ("warm", "cold"):
        print(f"{cache}: " + ("the store's files in the page cache, as on a server whose store fits in memory"
                              if cache == "warm" else "each query after dropping the store from the page cache "
                                                      "(posix_fadvise), on a connection of its own"))
        timings, cpu = time_queries(db, people, orgs, args.queries, random.Random(7), cold=cache == "cold")
        for name, samples in timings.items():
            p50, p95 = percentiles(samples)
            cpu50, cpu95 = percentiles(cpu[name])
            print(f"  {name:16s} p50 {p50:8.1f} ms   p95 {p95:8.1f} ms   (CPU p50 {cpu50:7.1f} ms, p95 {cpu95:7.1f} ms; "
                  f"{len(samples)} runs)")
    store = open_store(db)
    if args.incremental:
        more = (career(people + i, orgs, args.facts_per_person, rng) for i in range(args.incremental))
        started = time.perf_counter()
        report = ingest_extracted(store, more)
        elapsed = time.perf_counter() - started
        print(f"then {report.added:,} articles one transaction each: {report.claims / elapsed:,.0f} facts/s "
              f"({report.added / elapsed:,.0f} articles/s)")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
