"""`exodus flows`: moves between organizations."""
from __future__ import annotations

import argparse

from exodus.cli.common import iso_date
from exodus.cli.storeargs import add_store_arguments, print_json, print_table
from exodus.questions import talent_flows
from exodus.store import open_store

NAME = "flows"
HELP = "talent flows between organizations, with counts, names, net flow and reasons"
DESCRIPTION = """\
List moves between organizations: a departure paired with the person's next
arrival elsewhere within 12 months, or a move an article states outright. The
pairs come first (counts, net flow, people, reasons), then each move with its
dates: a date no article states is shown as the bound its article's date gives
("by 2024-08-09": on or before that day), never as the move's date.

With --rollup, units count at their top parent (Google DeepMind and Google Brain
at Alphabet) and moves inside one parent are left out; see `exodus org link`.

example:
  exodus flows --since 2024-01-01 --org OpenAI
  exodus flows --rollup --org Alphabet
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", type=iso_date, metavar="DATE", help="only moves on or after this ISO date (2024, 2024-05 or 2024-05-28)")
    parser.add_argument("--until", type=iso_date, metavar="DATE", help="only moves on or before this ISO date")
    parser.add_argument("--org", metavar="ORG", help="only moves from or to this organization")
    parser.add_argument("--rollup", action="store_true",
                        help="count units at their top parent (Google DeepMind at Alphabet); without it, "
                             "units stay apart")
    add_store_arguments(parser)


def run(args: argparse.Namespace) -> int:
    with open_store(args.db, readonly=True) as store:
        flows = talent_flows(store.conn, args.since, args.until, args.org, rollup=args.rollup)
    if args.json:
        print_json(flows.to_dict())
        return 0
    print_table(["from", "to", "moves", "net", "people", "reasons"],
                [[p.from_org, p.to_org, p.count, f"{p.net:+d}", ", ".join(p.people),
                  ", ".join(f"{k} {v}" for k, v in sorted(p.reasons.items()))] for p in flows.pairs])
    if flows.reasons:
        print("\nreasons: " + ", ".join(f"{k} {v}" for k, v in sorted(flows.reasons.items(), key=lambda kv: -kv[1])))
    if flows.moves:
        print()
        moves = sorted(flows.moves, key=lambda m: (m.when or "9999", m.person))
        print_table(["left", "joined", "person", "from", "to", "reasons"],
                    [[m.left_text, m.joined_text, m.person, m.from_org, m.to_org,
                      ", ".join(m.reasons)] for m in moves])
    return 0
