"""`exodus sources`: the articles behind one fact."""
from __future__ import annotations

import argparse

from exodus.cli.storeargs import add_store_arguments, print_json
from exodus.questions import fact_sources
from exodus.store import open_store

NAME = "sources"
HELP = "every article and evidence span behind a fact"
DESCRIPTION = """\
Show a fact and each source that states it (near-duplicate copies marked).

example:
  exodus sources f1a2b3c4d5e6
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("fact_id", metavar="FACT_ID", help="a fact id as shown by person, org or export")
    add_store_arguments(parser)


def run(args: argparse.Namespace) -> int:
    with open_store(args.db, readonly=True) as store:
        fact = fact_sources(store.conn, args.fact_id)
    if args.json:
        print_json(fact.to_dict())
        return 0
    print(f"{fact.id}: {fact.kind} {fact.person or ''} {fact.org or ''} {fact.date or ''} "
          f"({fact.source_count} independent sources, confidence {fact.confidence})")
    for s in fact.sources:
        copy = f" (copy of {s.copy_of})" if s.copy_of else ""
        print(f"  {s.document} {s.published or ''} {s.url or ''}{copy}\n    \"{s.evidence}\"")
    return 0
