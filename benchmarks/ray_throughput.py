"""Ingest throughput of the ray engine next to the local engine, on one machine.

    python benchmarks/ray_throughput.py [CORPUS] [--limit 400] [--runs local-1 local-2 ray-2]

CORPUS is a documents JSONL (default: ../shared/corpora/bbc.docs.jsonl beside the
repository); its first `--limit` documents are written to a temporary JSONL and ingested
by `exodus.store.ingest_inputs` into a new store, once per run, each run in a fresh process:

- local-1, local-2: the local engine with 1 and 2 worker processes;
- ray-2: the ray engine on a local Ray of 2 CPUs that the run starts (`pip install -e '.[ray]'`).

Times are wall-clock for the whole ingest, reading and writing included; a Ray run also
gives the seconds it took Ray to start, which a long-lived cluster pays once. The load
average before and after is printed: the machine may be shared, and absolute rates move
with it. At the end the stores' facts are compared (they must be the same).
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "bbc.docs.jsonl"
RUNS = {"local-1": ("local", 1), "local-2": ("local", 2), "ray-2": ("ray", 2)}


def run_once(run: str, inputs: Path, db: Path) -> dict:
    """One ingest, in this process: seconds, documents and facts."""
    from exodus.store import ingest_inputs, open_store

    engine_name, processes = RUNS[run]
    started = time.perf_counter()
    engine = None
    ray_start_seconds = None
    if engine_name == "ray":
        from exodus.extraction.engines.ray import RayEngine, start_ray

        start_ray(processes=processes)  # started here to time it; the engine uses it as it is
        ray_start_seconds = time.perf_counter() - started
        engine = RayEngine()
    with open_store(db) as store:
        report = ingest_inputs(store, [str(inputs)], extractor="model", processes=processes, engine=engine,
                               on_problem=lambda problem: None)
        facts = store.conn.execute("SELECT count(*) FROM facts").fetchone()[0]
    seconds = time.perf_counter() - started
    return {"run": run, "documents": report.added, "facts": facts, "seconds": seconds,
            "ray_start_seconds": ray_start_seconds}


def fact_rows(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT uid, base_key, kind FROM facts ORDER BY uid").fetchall()
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--runs", nargs="+", choices=list(RUNS), default=list(RUNS))
    parser.add_argument("--child", nargs=3, metavar=("RUN", "INPUT", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run, inputs, db = args.child
        print(json.dumps(run_once(run, Path(inputs), Path(db))))
        return 0
    if not args.corpus.is_file():
        print(f"ray_throughput: {args.corpus} is missing (a documents JSONL)", file=sys.stderr)
        return 2
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    with tempfile.TemporaryDirectory(prefix="exodus-ray-bench-") as folder:
        inputs = Path(folder) / "docs.jsonl"
        with args.corpus.open(encoding="utf-8") as source:
            inputs.write_text("".join(islice(source, args.limit)), encoding="utf-8")
        print(f"{args.limit} documents of {args.corpus.name}; {os.cpu_count()} CPUs; "
              f"load average before: {os.getloadavg()[0]:.2f}")
        print(f"{'run':8} {'docs':>5} {'facts':>6} {'seconds':>8} {'docs/s':>7}  ray start")
        stores = {}
        for run in args.runs:
            stores[run] = Path(folder) / f"{run}.db"
            result = subprocess.run([sys.executable, __file__, "--child", run, str(inputs), str(stores[run])],
                                    capture_output=True, text=True, check=False)
            if result.returncode != 0:
                print(f"{run}: failed: {(result.stderr.strip().splitlines() or ['?'])[-1]}")
                continue
            measured = json.loads(result.stdout.strip().splitlines()[-1])
            start = f"{measured['ray_start_seconds']:.1f} s" if measured["ray_start_seconds"] is not None else "-"
            print(f"{run:8} {measured['documents']:5} {measured['facts']:6} {measured['seconds']:8.1f} "
                  f"{measured['documents'] / measured['seconds']:7.2f}  {start}")
        print(f"load average after: {os.getloadavg()[0]:.2f}")
        made = [run for run in args.runs if stores[run].exists()]
        same = len({tuple(fact_rows(stores[run])) for run in made}) == 1
        print(f"facts of {', '.join(made)}: {'the same' if same else 'DIFFERENT'}")
        return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
