"""`exodus ingest`: extract facts from articles and store them in the knowledge graph."""
from __future__ import annotations

import argparse

from exodus.cli.common import ProblemReporter, add_input_arguments, positive_int
from exodus.cli.storeargs import add_store_arguments, print_json
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

example:
  exodus ingest articles/ --db exodus.db
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser)
    add_store_arguments(parser)
    parser.add_argument("--extractor", default=None, help="extractor name (default: the EXODUS_EXTRACTOR setting, model)")
    parser.add_argument("--processes", type=positive_int, metavar="N",
                        help="worker processes for extraction (default: the EXODUS_PROCESSES setting, 0 = auto)")


def run(args: argparse.Namespace) -> int:
    from exodus.settings import get_settings

    reporter = ProblemReporter()
    with open_store(args.db) as store:
        report = ingest_inputs(store, args.inputs, extractor=args.extractor or get_settings().extractor,
                               published=args.published, on_problem=reporter, processes=args.processes)
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
