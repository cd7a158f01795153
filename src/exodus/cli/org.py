"""`exodus org`: an organization on a date; `exodus org link` / `unlink`: its parent."""
from __future__ import annotations

import argparse
import sys

from exodus.cli.common import iso_date
from exodus.cli.storeargs import add_store_arguments, print_json, print_table
from exodus.questions import org_roster
from exodus.resolution.corrections import name_problem
from exodus.resolution.org_parents import OrgLink, link_org, org_tree, unlink_org
from exodus.store import open_store

NAME = "org"
HELP = "who is at an organization on a date, founders k of n, arrivals, departures, committees"
DESCRIPTION = """\
Show the people known to be at an organization on a date (default today), how
many of its founders remain, arrivals and departures with reasons, and its
committees and teams with members and when they were formed or disbanded, and
what it is part of and its units. A date no article states is shown as the bound
an article's date gives: a founder "left by 2024-08-09" (not known to be there
before it), a member "reported 2024-05-29" (on the roster from then on).

`org link UNIT PARENT` makes UNIT part of PARENT (a correction kept across
re-ingestion, winning over the gazetteer's `_part_of`); `org unlink UNIT` makes
it part of none. `exodus flows --rollup` counts units at their top parent. An
organization as part of itself (directly or through its units), a person, a
group or an unknown name is refused.

example:
  exodus org OpenAI --as-of 2024-10-15
  exodus org link "Microsoft AI" Microsoft
  exodus org unlink "Microsoft AI"
"""
_USAGE = """%(prog)s NAME [--as-of DATE] [--db PATH] [--json]
       %(prog)s link UNIT PARENT [--db PATH] [--json]
       %(prog)s unlink UNIT [--db PATH] [--json]"""
_ACTIONS = {"link": 2, "unlink": 1}  # the words that start a correction, and how many names follow them


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.usage = _USAGE
    parser.add_argument("name", help="the organization (or `link` / `unlink`, followed by the names)")
    parser.add_argument("names", nargs="*", metavar="NAME", help="for link: UNIT PARENT; for unlink: UNIT")
    parser.add_argument("--as-of", type=iso_date, metavar="DATE", help="ISO date (default: today)")
    add_store_arguments(parser)


def run(args: argparse.Namespace) -> int:
    # `exodus org link` alone is the organization called "link": a correction needs its names.
    if args.name in _ACTIONS and args.names:
        return _correct(args)
    if args.names:
        print(f"exodus org: error: one organization at a time, not {len(args.names) + 1} names; "
              "quote a name with spaces", file=sys.stderr)
        return 2
    with open_store(args.db, readonly=True) as store:
        roster = org_roster(store.conn, args.name, args.as_of)
        tree = org_tree(store.conn)
    if args.json:
        print_json({**roster.to_dict(), "part_of": tree.parents(roster.org), "units": tree.units(roster.org)})
        return 0
    print(f"{roster.org} as of {roster.as_of}")
    if tree.parents(roster.org):
        print("Part of: " + " → ".join(tree.parents(roster.org)))
    if tree.units(roster.org):
        print("Units: " + ", ".join(tree.units(roster.org)))
    print()
    print(f"Founders still there: {roster.founders_remaining} of {len(roster.founders)}")
    for f in roster.founders:
        reasons = f" ({', '.join(f.reasons)})" if f.reasons else ""
        state = f.state_on(roster.as_of) + ("" if f.still_there else reasons)
        print(f"  {f.person}: {state}")
    print()
    print_table(["person", "since", "roles"], [[m.person, m.since_text, ", ".join(m.roles)] for m in roster.present])
    print()
    print_table(["date", "movement", "person", "reasons", "fact"],
                [[m.when, m.kind, m.person, ", ".join(m.reasons), m.id]
                 for m in roster.movements])
    if roster.groups:
        print()
        print_table(["group", "formed", "disbanded", f"members on {roster.as_of}", "former members"],
                    [[g.name, g.formed, g.disbanded, ", ".join(sorted({m["person"] for m in g.members})),
                      ", ".join(sorted({m["person"] for m in g.former}))] for g in roster.groups])
    return 0


def _correct(args: argparse.Namespace) -> int:
    """`org link UNIT PARENT` / `org unlink UNIT`."""
    action, wanted = args.name, _ACTIONS[args.name]
    if len(args.names) != wanted:
        shape = "UNIT PARENT" if action == "link" else "UNIT"
        print(f"exodus org: error: org {action} needs {shape}, not {len(args.names)} name"
              f"{'' if len(args.names) == 1 else 's'}: {' '.join(repr(n) for n in args.names)}", file=sys.stderr)
        return 2
    if args.as_of:
        print(f"exodus org: error: --as-of is for showing an organization, not for org {action}", file=sys.stderr)
        return 2
    problem = name_problem(*args.names)
    if problem:
        print(f"exodus org: error: {problem}", file=sys.stderr)
        return 2
    with open_store(args.db) as store:
        done = link_org(store, *args.names) if action == "link" else unlink_org(store, args.names[0])
    if args.json:
        print_json({"unit": done.unit, "parent": done.parent, "previous": done.previous})
    else:
        print(_said(done))
    return 0


def _said(done: OrgLink) -> str:
    if done.parent is None:
        return f"{done.unit!r} is now part of no organization (was part of {done.previous!r})"
    if done.parent == done.previous:
        return f"{done.unit!r} is already part of {done.parent!r}"
    was = f" (was part of {done.previous!r})" if done.previous else ""
    return f"{done.unit!r} is now part of {done.parent!r}{was}"
