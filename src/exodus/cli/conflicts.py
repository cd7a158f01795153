"""`exodus conflicts`: facts that cannot all be true, and a person's decisions on them."""
from __future__ import annotations

import argparse
import sys

from exodus.cli.storeargs import add_store_arguments, cite, print_json
from exodus.questions import Conflict, find_conflicts, reopen_conflict, settle_conflict
from exodus.questions.settling import note_problem
from exodus.store import open_store

NAME = "conflicts"
HELP = "facts that contradict each other, both sides with their sources; settle them (resolve, dismiss)"
DESCRIPTION = """\
List the open contradictions, each with its id: different dates for one move,
a person joining two organizations in the same month, joining one company
versus founding another. --all lists the settled ones too, with the decision.

Settle one by its id (kept across re-ingestion of the same articles):
  resolve ID --keep FACT   FACT (one of its sides) is right; the others are rejected
  resolve ID --dismiss     no contradiction after all (also: dismiss ID)
  reopen ID                take the decision back

example:
  exodus conflicts --json
  exodus conflicts resolve c1a2b3c4d5e6 --keep f0123456789a --note "the company's own post"
"""
ACTIONS = ("list", "resolve", "dismiss", "reopen")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", nargs="?", choices=ACTIONS, default="list",
                        help="list (the default), resolve, dismiss or reopen")
    parser.add_argument("conflict", nargs="?", metavar="ID", help="the conflict's id (as the list shows it)")
    parser.add_argument("--all", action="store_true", help="list settled conflicts too, with their decision")
    parser.add_argument("--keep", metavar="FACT", help="resolve: the id of the side that is right")
    parser.add_argument("--dismiss", action="store_true", help="resolve: the facts can all be true")
    parser.add_argument("--note", metavar="TEXT", help="why (kept with the decision)")
    add_store_arguments(parser)


def usage_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the combination of arguments, or None."""
    if args.action == "list":
        extra = [flag for flag, given in (("ID", args.conflict), ("--keep", args.keep), ("--dismiss", args.dismiss),
                                           ("--note", args.note)) if given]
        return f"listing takes no {', '.join(extra)}; to settle a conflict: resolve ID --keep FACT" if extra else None
    if not args.conflict:
        return f"{args.action} needs the conflict's ID (`exodus conflicts` lists them)"
    if args.all:
        return f"--all is for listing, not {args.action}"
    if args.action == "resolve" and bool(args.keep) == args.dismiss:
        return "resolve needs either --keep FACT or --dismiss"
    if args.action in ("dismiss", "reopen") and (args.keep or args.dismiss):
        return f"{args.action} takes no --keep or --dismiss"
    if args.action == "reopen" and args.note is not None:
        return "reopen takes no --note"
    return note_problem(args.note)


def run(args: argparse.Namespace) -> int:
    problem = usage_problem(args)
    if problem:
        print(f"exodus conflicts: error: {problem}", file=sys.stderr)
        return 2
    if args.action == "list":
        with open_store(args.db, readonly=True) as store:
            conflicts = find_conflicts(store.conn, include_settled=args.all)
        if args.json:
            print_json([c.to_dict() for c in conflicts])
            return 0
        if not conflicts:
            print("no conflicts found" if args.all else "no open conflicts (--all lists the settled ones too)")
        for c in conflicts:
            print_conflict(c)
        return 0
    open_store(args.db, readonly=True).close()  # a store that is not there is an error, not a new empty store
    with open_store(args.db) as store:
        if args.action == "reopen":
            conflict = reopen_conflict(store, args.conflict)
        else:
            conflict = settle_conflict(store, args.conflict, keep=args.keep,
                                       dismiss=args.action == "dismiss" or args.dismiss, note=args.note)
    if args.json:
        print_json(conflict.to_dict())
    else:
        print_conflict(conflict)
    return 0


def print_conflict(c: Conflict) -> None:
    """A conflict as lines: its id, kind, status and summary, the decision, then each side with its sources."""
    print(f"{c.id} [{c.kind}] {c.status}: {c.summary}")
    decision = c.decision
    if decision:
        kept = f"kept {decision.kept}" if decision.kept else "dismissed"
        print(f"    {kept} on {decision.decided_at}" + (f": {decision.note}" if decision.note else ""))
    for side in c.sides:
        mark = ""
        if decision and decision.kept:
            mark = "  KEPT" if side.id == decision.kept else "  REJECTED"
        print(f"    {side.id} {side.kind} {side.org or ''} {side.date or ''}  ({cite(side.sources)}){mark}")
