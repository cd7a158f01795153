"""`exodus ingest`: extract facts from articles and store them in the knowledge graph."""
from __future__ import annotations

import argparse

from exodus.cli.common import ProblemReporter, add_input_arguments
from exodus.cli.storeargs import add_store_arguments, print_json
from exodus.store import ingest_inputs, open_store

NAME = "ingest"
HELP = "extract facts from articles into the store (SQLite)"
DESCRIPTION = """\
Read articles (the same inputs as `exodus extract`), extract their facts and store
them. Unchanged articles are skipped; a changed article replaces its own facts;
a run that is interrupted can simply be run again.

example:
  exodus ingest articles/ --db exodus.db
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser)
    add_store_arguments(parser)
    parser.add_argument("--extractor", default=None, help="extractor name (default: rules)")


def run(args: argparse.Namespace) -> int:
    from exodus.settings import get_settings

    reporter = ProblemReporter()
    with open_store(args.db) as store:
        report = ingest_inputs(store, args.inputs, extractor=args.extractor or get_settings().extractor,
                               published=args.published, on_problem=reporter)
    if args.json:
        print_json(report.to_dict())
    else:
        print(f"{report.added} added, {report.replaced} replaced, {report.unchanged} unchanged; "
              f"{report.claims} facts stored in {store.path}")
        for line in report.rejected[:20]:
            print(f"exodus: skipped fact: {line}")
    return reporter.exit_status
