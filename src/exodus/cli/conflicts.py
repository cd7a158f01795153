"""`exodus conflicts`: facts that cannot all be true."""
from __future__ import annotations

import argparse

from exodus.cli.storeargs import add_store_arguments, cite, print_json
from exodus.questions import find_conflicts
from exodus.store import open_store

NAME = "conflicts"
HELP = "facts that contradict each other, both sides with their sources"
DESCRIPTION = """\
List contradictions: different dates for one move, a person joining two
organizations in the same month, joining one company versus founding another.

example:
  exodus conflicts --json
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_arguments(parser)


def run(args: argparse.Namespace) -> int:
    with open_store(args.db, readonly=True) as store:
        conflicts = find_conflicts(store.conn)
    if args.json:
        print_json([c.to_dict() for c in conflicts])
        return 0
    if not conflicts:
        print("no conflicts found")
    for c in conflicts:
        print(f"[{c.kind}] {c.summary}")
        for side in c.sides:
            print(f"    {side.id} {side.kind} {side.org or ''} {side.date or ''}  ({cite(side.sources)})")
    return 0
