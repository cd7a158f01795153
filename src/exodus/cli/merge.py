"""`exodus merge`: two entities that are one."""
from __future__ import annotations

import argparse
import sys

from exodus.cli.storeargs import add_store_arguments
from exodus.resolution.corrections import merge, name_problem
from exodus.store import open_store

NAME = "merge"
HELP = "merge entity B into entity A (kept across re-ingestion)"
DESCRIPTION = """\
Make B the same person or organization as A: B's names, facts and groups become
A's, now and for articles ingested later.

Without --force the merge is only checked: the answer names both entities, their
kind and how many facts each has. A and B of different kinds (a person and an
organization), or names of one entity already, are refused.

example:
  exodus merge "Google DeepMind" "Google Brain"
  exodus merge "Google DeepMind" "Google Brain" --force
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("keep", metavar="A")
    parser.add_argument("absorb", metavar="B")
    parser.add_argument("--type", choices=("person", "org"), help="when a name is both")
    parser.add_argument("--force", action="store_true", help="merge them (without it, only check and say what "
                                                             "would be merged)")
    add_store_arguments(parser, json_output=False)


def run(args: argparse.Namespace) -> int:
    problem = name_problem(args.keep, args.absorb)
    if problem:
        print(f"exodus merge: error: {problem}", file=sys.stderr)
        return 2
    with open_store(args.db) as store:
        merge(store, args.keep, args.absorb, args.type, force=args.force)
    print(f"{args.absorb!r} merged into {args.keep!r}")
    return 0
