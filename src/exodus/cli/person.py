"""`exodus person`: one person's timeline with sources."""
from __future__ import annotations

import argparse

from exodus.cli.storeargs import add_store_arguments, cite, print_json, print_table
from exodus.questions import person_timeline
from exodus.store import open_store

NAME = "person"
HELP = "a person's timeline: stints, roles, memberships, departures with reasons"
DESCRIPTION = """\
Show what the store knows about one person: stints at each organization (a
return is a new stint; a sabbatical is not an end; an announced move undone
within days "never took effect") and every fact with the articles it comes from.
A date the articles state is shown as it is ("joined 2021-05"); when only an
article's date is known it is a bound, never the event's date: "by 2024-08-09"
(it happened on or before), "as of 2024-03-01" (a title or membership held then).

example:
  exodus person "Sam Altman"
  exodus person Karpathy --json
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help="the person's name or a unique part of it")
    add_store_arguments(parser)


def run(args: argparse.Namespace) -> int:
    with open_store(args.db, readonly=True) as store:
        timeline = person_timeline(store.conn, args.name)
    if args.json:
        print_json(timeline.to_dict())
        return 0
    print(f"{timeline.person} (also: {', '.join(n for n in timeline.names if n != timeline.person) or '-'})\n")
    print_table(["organization", "from", "until", "roles", "why it ended"],
                [[s.org, s.from_text(), s.until_text(), ", ".join(s.roles), ", ".join(s.end_reasons)
                  + (f" (leave {', '.join(s.leaves)})" if s.leaves else "")] for s in timeline.stints])
    print()
    print_table(["date", "fact", "what", "sources"],
                [[e.when, e.id, _describe(e), cite(e.sources)] for e in timeline.events])
    return 0


def _describe(e) -> str:
    what = f"{e.kind} {e.org or ''}"
    if e.group:
        what += f" / {e.group}"
    if e.role:
        what += f" as {e.role}"
    if e.reasons:
        what += f" [{', '.join(e.reasons)}]"
    return what
