"""`exodus merge`: two entities that are one."""
from __future__ import annotations

import argparse

from exodus.cli.storeargs import add_store_arguments
from exodus.resolution.corrections import merge
from exodus.store import open_store

NAME = "merge"
HELP = "merge entity B into entity A (kept across re-ingestion)"
DESCRIPTION = """\
Make B the same person or organization as A: B's names, facts and groups become
A's, now and for articles ingested later.

example:
  exodus merge "Google DeepMind" "DeepMind Technologies"
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("keep", metavar="A")
    parser.add_argument("absorb", metavar="B")
    parser.add_argument("--type", choices=("person", "org"))
    add_store_arguments(parser, json_output=False)


def run(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        merge(store, args.keep, args.absorb, args.type)
    print(f"{args.absorb!r} merged into {args.keep!r}")
    return 0
