"""`exodus search`: full-text search over stored articles."""
from __future__ import annotations

import argparse

from exodus.cli.storeargs import add_store_arguments, print_json, print_table
from exodus.questions import search
from exodus.store import open_store

NAME = "search"
HELP = "full-text search over the stored articles (SQLite FTS5)"
DESCRIPTION = """\
Find articles containing all the words (use "quotes" for a phrase).

example:
  exodus search superalignment disbanded
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="+", help="words to find")
    parser.add_argument("--limit", type=int, default=20)
    add_store_arguments(parser)


def run(args: argparse.Namespace) -> int:
    with open_store(args.db, readonly=True) as store:
        hits = search(store.conn, " ".join(args.text), args.limit)
    if args.json:
        print_json([h.__dict__ for h in hits])
        return 0
    print_table(["document", "published", "title", "snippet"],
                [[h.document, h.published, h.title, h.snippet.replace("\n", " ")] for h in hits])
    return 0
