"""Serve a synthetic store with `exodus serve` and time every page and main endpoint.

    python benchmarks/web_latency.py --scale 0.1            # 100,000 facts, 10k people, 500 orgs
    python benchmarks/web_latency.py --db big.db --scale 1  # reuse (or build once) a 1M-fact store

The store is built as benchmarks/store_queries.py builds it (the real ingestion
path). The server runs in its own process on 127.0.0.1 and a free port; requests
go one at a time with random names, ids and one-year date ranges. Server time is
the `Server-Timing` header the app sets (request in to response start); p50/p95
per page and endpoint are printed, with the target p95 < 150 ms. Answers the
server caches until the store changes (flows of a date range, conflicts) are
timed on first computation and on repeats separately.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

sys.path.insert(0, str(Path(__file__).parent))

import pagecache  # noqa: E402
from store_queries import build, percentiles  # noqa: E402

TARGET_MS = 150.0


def build_store(db: str, people: int, orgs: int, facts_per_person: int) -> None:
    from exodus.store import open_store

    with open_store(db) as store:
        _articles, _facts, elapsed = build(store, people, orgs, facts_per_person)
    print(f"built {db} in {elapsed:.0f} s", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, float, float]:
    """(status, server ms from Server-Timing, wall ms)."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            response.read()
            status, header = response.status, response.headers.get("server-timing", "")
    except urllib.error.HTTPError as err:
        err.read()
        status, header = err.code, err.headers.get("server-timing", "")
    wall = (time.perf_counter() - started) * 1000
    match = re.search(r"dur=([\d.]+)", header)
    return status, float(match.group(1)) if match else wall, wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=0.1, help="fraction of the 1M-fact store (default 0.1)")
    parser.add_argument("--db", help="the store: reused when it exists, else built here (default: a temp file)")
    parser.add_argument("--requests", type=int, default=60, help="requests per page or endpoint (default 60)")
    parser.add_argument("--cache", choices=("warm", "cold"), default="warm",
                        help="warm: the store's files read into the page cache before each page or endpoint "
                             "(a server whose store fits in memory); cold: dropped from it before every "
                             "request (see pagecache.py)")
    args = parser.parse_args(argv)
    people, orgs = max(10, int(100_000 * args.scale)), max(5, int(5_000 * args.scale))
    db = args.db or os.path.join(tempfile.mkdtemp(prefix="exodus-web-bench-"), "bench.db")
    if not Path(db).exists():
        build_store(db, people, orgs, 10)
    conn = sqlite3.connect(db)
    facts = conn.execute("SELECT count(*) FROM facts").fetchone()[0]
    rng = random.Random(2)
    sample_ids = [r[0] for r in conn.execute("SELECT uid FROM facts WHERE id IN (SELECT abs(random()) % ? + 1 "
                                             "FROM facts LIMIT 500)", (facts,))] or ["none"]
    documents = [r[0] for r in conn.execute("SELECT doc_key FROM documents ORDER BY random() LIMIT 200")]
    years = [int(r[0][:4]) for r in conn.execute("SELECT min(effective_date) FROM facts UNION ALL "
                                                 "SELECT max(effective_date) FROM facts")]
    conn.close()
    print(f"store: {facts:,} facts, {people:,} people, {orgs:,} organizations ({db}); {args.cache} page cache")

    person = lambda: (lambda n: f"Person{n} Surname{n}")(rng.randrange(people))
    org = lambda: f"Org{rng.randrange(orgs)} Labs"
    year = lambda: rng.randint(max(years[0], 1990), min(years[1], 2030))
    one_year = lambda: urlencode({"since": f"{(y := year())}-01-01", "until": f"{y}-12-31"})
    as_of = lambda: f"{year()}-06-30"
    path = lambda s: quote(s, safe="")
    cases: dict[str, callable] = {
        "page /  (overview, one-year range)": lambda: f"/?{one_year()}",
        "page /person/NAME": lambda: f"/person/{path(person())}",
        "page /org/NAME?as_of": lambda: f"/org/{path(org())}?as_of={as_of()}",
        "page /fact/ID": lambda: f"/fact/{rng.choice(sample_ids)}",
        "page /document/ID": lambda: f"/document/{path(rng.choice(documents))}",
        "page /conflicts": lambda: "/conflicts",
        "page /search?q": lambda: f"/search?q={path(person())}",
        "api /api/people/NAME": lambda: f"/api/people/{path(person())}",
        "api /api/orgs/NAME?as_of": lambda: f"/api/orgs/{path(org())}?as_of={as_of()}",
        "api /api/flows (one year)": lambda: f"/api/flows?{one_year()}",
        "api /api/flows/sankey (one year)": lambda: f"/api/flows/sankey?{one_year()}",
        "api /api/conflicts": lambda: "/api/conflicts",
        "api /api/facts?kind&offset": lambda: f"/api/facts?kind=left&offset={rng.randrange(facts // 4)}",
        "api /api/facts?person": lambda: f"/api/facts?person={path(person())}",
        "api /api/facts/ID": lambda: f"/api/facts/{rng.choice(sample_ids)}",
        "api /api/facts/latest": lambda: "/api/facts/latest",
        "api /api/search?q": lambda: f"/api/search?q={path(person())}",
        "api /api/stats": lambda: "/api/stats",
    }
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "exodus", "serve", "--db", db, "--port", str(port)],
                              stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                fetch(base + "/api/stats")
                break
            except OSError:
                time.sleep(0.1)
        # Flows of a date range and the conflicts are computed once per store version and then cached:
        # time the first computations on their own, then the repeats with the rest.
        first: dict[str, list[float]] = {"first /api/conflicts (computed)": [],
                                         "first /api/flows/sankey per year (computed)": []}
        if args.cache == "warm":
            pagecache.warm(db)
        else:
            pagecache.evict(db)
        first["first /api/conflicts (computed)"].append(fetch(base + "/api/conflicts")[1])
        for y in range(years[0], min(years[1], years[0] + 40) + 1):
            (pagecache.evict if args.cache == "cold" else pagecache.warm)(db)
            first["first /api/flows/sankey per year (computed)"].append(
                fetch(base + f"/api/flows/sankey?since={y}-01-01&until={y}-12-31")[1])
        print(f"\n{'page or endpoint':44s} {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s}  runs  statuses")
        failing = []
        for name, samples in first.items():
            p50, p95 = percentiles([s / 1000 for s in samples])
            print(f"{name:44s} {p50:8.1f} {p95:8.1f} {max(samples):8.1f} {len(samples):5d}")
        for name, make_url in cases.items():
            timings, statuses = [], {}
            if args.cache == "warm":
                pagecache.warm(db)  # again for each: this VM drops file pages no one touched for ~30 s
            for _ in range(args.requests):
                url = base + make_url()
                if args.cache == "cold":
                    pagecache.evict(db)
                status, server_ms, _wall = fetch(url)
                timings.append(server_ms)
                statuses[status] = statuses.get(status, 0) + 1
            p50, p95 = percentiles([t / 1000 for t in timings])
            mark = "" if p95 < TARGET_MS else "  <- over target"
            if p95 >= TARGET_MS:
                failing.append(name)
            print(f"{name:44s} {p50:8.1f} {p95:8.1f} {max(timings):8.1f} {len(timings):5d}  "
                  f"{' '.join(f'{k}x{v}' for k, v in sorted(statuses.items()))}{mark}")
        print(f"\ntarget p95 < {TARGET_MS:.0f} ms: " + ("met by every page and endpoint" if not failing
                                                        else f"missed by {len(failing)}: {', '.join(failing)}"))
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
