"""`exodus demo`: the knowledge graph of the sample corpus that ships inside the package, as a short report."""
from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from exodus.cli.common import ProblemReporter, iso_date
from exodus.cli.extract import FORMATS, run_extraction
from exodus.cli.storeargs import cite, print_json, print_table
from exodus.questions import Briefing, briefing
from exodus.settings import get_settings
from exodus.sources.sample import sample_articles
from exodus.store import build_store, ingest_inputs, open_store

NAME = "demo"
HELP = "build the store of the bundled sample corpus and report flows, founders and conflicts"
DESCRIPTION = """\
Extract the facts of the sample articles bundled with Exodus (60-odd short
articles about AI-industry events 2015-2025, some with no facts or only rumors
and denials), store them, and print a short report: the largest talent flows,
how many of an organization's founders were still there on a date (k of n, with
names), and the conflicts found.

The store is rebuilt on every run in Exodus's cache folder (the EXODUS_DEMO_DB
setting; the report says where), so ./exodus.db is never touched. With --db PATH
the sample articles are ingested into that store instead, and the report covers
everything in it.

example:
  exodus demo
  exodus demo --org OpenAI --as-of 2023-11-19
  exodus demo --facts --format jsonl --out sample-facts.jsonl
"""
TOP_FLOWS = 5
MAX_CONFLICTS = 10


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help="ingest into this store and keep it "
                                                     "(default: a demo store rebuilt in the cache folder)")
    parser.add_argument("--org", default="OpenAI", help="whose founders to count (default: OpenAI)")
    parser.add_argument("--as-of", type=iso_date, default="2024-10-15", metavar="DATE",
                        help="the date of the founders count (default: 2024-10-15)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    facts = parser.add_argument_group("the facts themselves, instead of the report")
    facts.add_argument("--facts", action="store_true",
                       help="print every extracted fact with its evidence, grouped by article "
                            "(nothing is stored)")
    facts.add_argument("--format", choices=FORMATS, default="table",
                       help="with --facts: output format (default: table)")
    facts.add_argument("--out", metavar="FILE", type=Path,
                       help="with --facts: write to FILE instead of standard output")


def demo_store_path() -> Path:
    """Where the demo store is built: the `demo_db` setting, else `exodus/demo.db` in the user's cache folder."""
    configured = get_settings().demo_db
    if configured:
        return Path(configured).expanduser()
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "exodus"
    try:
        cache.mkdir(parents=True, exist_ok=True)
        if os.access(cache, os.W_OK):
            return cache / "demo.db"
    except OSError:
        pass
    return Path(tempfile.gettempdir()) / f"exodus-demo-{os.getuid() if hasattr(os, 'getuid') else 0}.db"


def run(args: argparse.Namespace) -> int:
    if args.facts:
        with sample_articles() as folder:
            return run_extraction([str(folder)], fmt=args.format, out=args.out)
    reporter = ProblemReporter()
    path = Path(args.db) if args.db else demo_store_path()
    if not args.json:
        where = "adding to your store" if args.db else "rebuilt on every run; --db PATH keeps one of your own"
        print(f"Building the knowledge graph of the sample articles in {path} ({where}) ...", flush=True)
    with sample_articles() as folder:
        if args.db:
            with open_store(path) as store:
                ingest_inputs(store, [str(folder)], extractor=get_settings().extractor, on_problem=reporter)
        else:
            build_store(path, [str(folder)], extractor=get_settings().extractor, on_problem=reporter)
    with open_store(path, readonly=True) as store:
        report = briefing(store.conn, org=args.org, as_of=args.as_of, top_flows=TOP_FLOWS)
    if args.json:
        print_json({"db": str(path), **report.to_dict()})
    else:
        print_briefing(report, path)
    return reporter.exit_status


def print_briefing(report: Briefing, path: Path) -> None:
    size = report.size
    print(f"{size.documents} articles, {size.facts} facts about {size.people} people and "
          f"{size.organizations} organizations.\n")

    print("Largest talent flows (of all moves between organizations; `exodus flows` lists them all)")
    print_table(["from", "to", "moves", "net", "people", "reasons"],
                [[p.from_org, p.to_org, p.count, f"{p.net:+d}", ", ".join(p.people),
                  ", ".join(f"{k} {v}" for k, v in sorted(p.reasons.items()))] for p in report.flows])

    there = report.founders_remaining
    print(f"\n{report.org}'s founders still there on {report.as_of}: {len(there)} of {len(report.founders)}")
    for founder in report.founders:
        reasons = f" ({', '.join(founder.reasons)})" if founder.reasons and not founder.still_there else ""
        print(f"  {founder.person}: {founder.state_on(report.as_of)}{reasons}")

    print(f"\nConflicts found: {len(report.conflicts)}")
    for conflict in report.conflicts[:MAX_CONFLICTS]:
        print(f"  [{conflict.kind}] {conflict.summary}")
        for side in conflict.sides:
            print(f"      {side.id} {side.kind} {side.org or ''} {side.date or ''}  ({cite(side.sources)})")
    if len(report.conflicts) > MAX_CONFLICTS:
        print(f"  ... and {len(report.conflicts) - MAX_CONFLICTS} more: exodus conflicts --db {path}")

    print(f"\nAsk more: exodus org {report.org} --as-of {report.as_of} --db {path}")
    print(f"          exodus person \"Sam Altman\" --db {path}")
    print(f"          exodus serve --db {path}")
    print("Every fact with its evidence: exodus demo --facts")
