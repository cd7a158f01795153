"""`exodus org`: an organization on a date."""
from __future__ import annotations

import argparse

from exodus.cli.common import iso_date
from exodus.cli.storeargs import add_store_arguments, print_json, print_table
from exodus.questions import org_roster
from exodus.store import open_store

NAME = "org"
HELP = "who is at an organization on a date, founders k of n, arrivals, departures, committees"
DESCRIPTION = """\
Show the people known to be at an organization on a date (default today), how
many of its founders remain, arrivals and departures with reasons, and its
committees and teams with members and when they were formed or disbanded.

example:
  exodus org OpenAI --as-of 2024-10-15
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help="the organization")
    parser.add_argument("--as-of", type=iso_date, metavar="DATE", help="ISO date (default: today)")
    add_store_arguments(parser)


def run(args: argparse.Namespace) -> int:
    with open_store(args.db, readonly=True) as store:
        roster = org_roster(store.conn, args.name, args.as_of)
    if args.json:
        print_json(roster.to_dict())
        return 0
    print(f"{roster.org} as of {roster.as_of}\n")
    print(f"Founders still there: {roster.founders_remaining} of {len(roster.founders)}")
    for f in roster.founders:
        reasons = f" ({', '.join(f.reasons)})" if f.reasons else ""
        state = "there" if f.still_there else f"left {f.left}{reasons}" if f.left else "not known to be there"
        print(f"  {f.person}: {state}")
    print()
    print_table(["person", "since", "roles"], [[m.person, m.since, ", ".join(m.roles)] for m in roster.present])
    print()
    print_table(["date", "movement", "person", "reasons", "fact"],
                [[m.date or f"({m.effective_date})", m.kind, m.person, ", ".join(m.reasons), m.id]
                 for m in roster.movements])
    if roster.groups:
        print()
        print_table(["group", "formed", "disbanded", f"members on {roster.as_of}", "former members"],
                    [[g.name, g.formed, g.disbanded, ", ".join(sorted({m["person"] for m in g.members})),
                      ", ".join(sorted({m["person"] for m in g.former}))] for g in roster.groups])
    return 0
