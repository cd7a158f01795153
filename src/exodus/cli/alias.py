"""`exodus alias`: teach the store another name of a person or organization."""
from __future__ import annotations

import argparse
import sys

from exodus.cli.storeargs import add_store_arguments, print_json, print_table
from exodus.resolution.corrections import add_alias, list_corrections, name_problem
from exodus.store import open_store

NAME = "alias"
HELP = "add another name of a person or organization (kept across re-ingestion)"
DESCRIPTION = """\
`alias add CANONICAL ALIAS` makes ALIAS a name of CANONICAL, now and for every
article ingested later. `alias list` shows the corrections made so far.

An ALIAS that is already the name of another person or organization is refused,
naming both: adding it would move that entity's facts to CANONICAL. Pass --force
when they really are one.

example:
  exodus alias add "Durk Kingma" "D. P. Kingma"
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("add", "list"))
    parser.add_argument("names", nargs="*", metavar="NAME", help="CANONICAL ALIAS (for add)")
    parser.add_argument("--type", choices=("person", "org"), help="when the name is both")
    parser.add_argument("--force", action="store_true",
                        help="add the alias even when it is already the name of another entity (merging them)")
    add_store_arguments(parser)


def run(args: argparse.Namespace) -> int:
    problem = name_problem(*args.names)
    if problem:
        print(f"exodus alias: error: {problem}", file=sys.stderr)
        return 2
    with open_store(args.db) as store:
        if args.action == "list":
            rows = list_corrections(store.conn)
            if args.json:
                print_json(rows)
            else:
                print_table(["id", "action", "arguments", "made"],
                            [[r["id"], r["action"], {k: v for k, v in r.items() if k not in ("id", "action",
                              "made_at")}, r["made_at"]] for r in rows])
            return 0
        if len(args.names) != 2:
            raise SystemExit("exodus: error: alias add needs CANONICAL and ALIAS")
        entity_id = add_alias(store, args.names[0], args.names[1], args.type, force=args.force)
    print_json({"entity": entity_id}) if args.json else print(f"{args.names[1]!r} is now a name of {args.names[0]!r}")
    return 0
