"""`exodus export`: the store as jsonl, csv, graphml or Turtle."""
from __future__ import annotations

import argparse

from exodus.cli.common import add_output_argument, output_stream
from exodus.cli.storeargs import add_store_arguments
from exodus.export import FORMATS, export
from exodus.store import open_store

NAME = "export"
HELP = "write every fact as jsonl, csv, graphml or ttl (Wikidata properties)"
DESCRIPTION = """\
Export the knowledge graph. Turtle uses Wikidata's P108 (employer), P580/P582
(start/end time), P112 (founded by) and P463 (member of).

example:
  exodus export --format ttl --out graph.ttl
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="jsonl")
    add_output_argument(parser)
    add_store_arguments(parser, json_output=False)


def run(args: argparse.Namespace) -> int:
    with open_store(args.db, readonly=True) as store, output_stream(args.out) as out:
        export(store.conn, args.format, out)
    return 0
