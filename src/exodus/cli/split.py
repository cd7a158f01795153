"""`exodus split`: a name that belongs to someone else."""
from __future__ import annotations

import argparse
import sys

from exodus.cli.storeargs import add_store_arguments
from exodus.resolution.corrections import name_problem, split
from exodus.store import open_store

NAME = "split"
HELP = "take a name away from an entity; it becomes its own (kept across re-ingestion)"
DESCRIPTION = """\
`split ENTITY NAME`: NAME stops being a name of ENTITY and becomes a separate
person or organization, with the facts stated under that name.

example:
  exodus split "Dario Amodei" "Daniela Amodei"
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("entity", metavar="ENTITY")
    parser.add_argument("name", metavar="NAME")
    parser.add_argument("--type", choices=("person", "org"))
    add_store_arguments(parser, json_output=False)


def run(args: argparse.Namespace) -> int:
    problem = name_problem(args.entity, args.name)
    if problem:
        print(f"exodus split: error: {problem}", file=sys.stderr)
        return 2
    with open_store(args.db) as store:
        split(store, args.entity, args.name, args.type)
    print(f"{args.name!r} is now separate from {args.entity!r}")
    return 0
