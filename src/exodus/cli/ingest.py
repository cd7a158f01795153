"""`exodus ingest`: extract facts from articles and store them in the knowledge graph."""
from __future__ import annotations

import argparse

from exodus.cli.common import ProblemReporter, add_input_arguments, positive_int
from exodus.cli.storeargs import add_store_arguments, print_json
from exodus.errors import ExodusError
from exodus.extraction.engines import ENGINES, get_engine
from exodus.store import ingest_inputs, open_store

NAME = "ingest"
HELP = "extract facts from articles into the store (SQLite)"
DESCRIPTION = """\
Read articles (the same inputs as `exodus extract`), extract their facts and store
them. Unchanged articles are skipped; a changed article replaces its own facts;
a run that is interrupted can simply be run again. An input that cannot be read, a
document the extractor fails on, or a second document with an id already used is
reported on stderr, one line each, and skipped; the others are stored, and the exit
status is then 1.

With `--engine ray` extraction runs on a Ray cluster (`pip install 'exodus[ray]'`):
a local one of --processes CPUs (default: all), or the cluster at --address; this
process still reads the inputs and is the one writer of the store.

example:
  exodus ingest articles/ --db exodus.db
  exodus ingest news.jsonl --db exodus.db --engine ray --address 10.0.0.5:6379
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser)
    add_store_arguments(parser)
    parser.add_argument("--extractor", default=None, help="extractor name (default: the EXODUS_EXTRACTOR setting, model)")
    parser.add_argument("--processes", type=positive_int, metavar="N",
                        help="worker processes for extraction (default: the EXODUS_PROCESSES setting, 0 = auto)")
    parser.add_argument("--engine", choices=ENGINES, default="local",
                        help="where extraction runs: this machine (local, the default) or a Ray cluster (ray)")
    parser.add_argument("--address", metavar="ADDR",
                        help="with --engine ray: the Ray cluster to attach to (host:port, or auto); "
                             "default: start a local Ray")


def run(args: argparse.Namespace) -> int:
    from exodus.settings import get_settings

    if args.address and args.engine != "ray":
        raise ExodusError("--address names a Ray cluster: use it with --engine ray")
    engine = get_engine(args.engine, args.address)
    reporter = ProblemReporter()
    with open_store(args.db) as store:
        report = ingest_inputs(store, args.inputs, extractor=args.extractor or get_settings().extractor,
                               published=args.published, on_problem=reporter, processes=args.processes,
                               engine=engine)
        facts = store.conn.execute("SELECT count(*) FROM facts").fetchone()[0]
    if args.json:
        print_json({**report.to_dict(), "facts_in_store": facts, "skipped": reporter.failed_inputs})
    else:
        skipped = f", {reporter.failed_inputs} skipped" if reporter.failed_inputs else ""
        print(f"{report.added} added, {report.replaced} replaced, {report.unchanged} unchanged{skipped}; "
              f"{report.claims} statements stored; {store.path} holds {facts} facts")
        for line in report.rejected[:20]:
            print(f"exodus: skipped fact: {line}")
    return reporter.exit_status
