"""What the store commands share: `--db`, `--json`, and plain-text tables."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_store_arguments(parser: argparse.ArgumentParser, json_output: bool = True) -> None:
    parser.add_argument("--db", metavar="PATH", help="the store (default: ./exodus.db, or EXODUS_DB)")
    if json_output:
        parser.add_argument("--json", action="store_true", help="print JSON for machines instead of a table")


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_table(headers: list[str], rows: list[list[Any]]) -> None:
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    widths = [min(w, 60) for w in widths]
    line = lambda values: "  ".join(v[:w].ljust(w) for v, w in zip(values, widths)).rstrip()
    print(line(headers))
    print(line(["-" * w for w in widths]))
    for row in cells:
        print(line(row))


def cite(sources) -> str:
    """A short citation: the articles a line comes from."""
    return ", ".join(dict.fromkeys(s.document for s in sources))
