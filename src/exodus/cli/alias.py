"""`exodus alias`: teach the store another name of a person or organization."""
from __future__ import annotations

import argparse

from exodus.cli.storeargs import add_store_arguments, print_json, print_table
from exodus.resolution.corrections import add_alias, list_corrections
from exodus.store import open_store

NAME = "alias"
HELP = "add another name of a person or organization (kept across re-ingestion)"
DESCRIPTION = """\
`alias add CANONICAL ALIAS` makes ALIAS a name of CANONICAL, now and for every
article ingested later. `alias list` shows the corrections made so far.

example:
  exodus alias add "Durk Kingma" "D. P. Kingma"
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("add", "list"))
    parser.add_argument("names", nargs="*", metavar="NAME", help="CANONICAL ALIAS (for add)")
    parser.add_argument("--type", choices=("person", "org"), help="when the name is both")
    add_store_arguments(parser)


def run(args: argparse.Namespace) -> int:
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
        entity_id = add_alias(store, args.names[0], args.names[1], args.type)
    print_json({"entity": entity_id}) if args.json else print(f"{args.names[1]!r} is now a name of {args.names[0]!r}")
    return 0
