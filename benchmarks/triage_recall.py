"""Triage recall: the share of gold facts whose document and evidence sentence pass triage.

    python benchmarks/triage_recall.py [--sets NAME ...] [--lost]

Triage (`exodus.extraction.triage`) decides, before parsing, which documents and sentences
the parser sees; a gold fact outside them can never be extracted. For every gold set of
benchmarks/sets.json that is present (the shared ones need ../shared beside the
repository), this prints the facts, the share that pass (target: at least 0.995), how many
were judged on their document alone (no evidence in the gold, or none found word for word)
and the share of documents that reach the parser at all.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MANIFEST = REPO / "benchmarks" / "sets.json"
TARGET = 0.995


def main(argv: list[str] | None = None) -> int:
    from exodus.evaluation.sets import load_sets
    from exodus.evaluation.triage import triage_recall
    from exodus.extraction.training import read_set

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="+", help="only these sets (names in benchmarks/sets.json)")
    parser.add_argument("--lost", action="store_true", help="list the facts triage loses")
    args = parser.parse_args(argv)
    sets = [s for s in load_sets(MANIFEST) if not args.sets or s.name in args.sets]
    print(f"{'set':<14} {'facts':>6} {'pass':>6} {'recall':>7} {'doc only':>8} {'docs parsed':>12}")
    below = []
    for gold_set in sets:
        if not gold_set.present:
            print(f"{gold_set.name:<14} missing ({gold_set.docs}); skipped", file=sys.stderr)
            continue
        result = triage_recall(read_set(gold_set))
        print(f"{gold_set.name:<14} {result.facts:>6} {result.passed:>6} {result.recall:>7.3f} "
              f"{result.judged_on_document:>8} {result.documents_parsed:>5}/{result.documents:<6}")
        if result.recall < TARGET:
            below.append(gold_set.name)
        if args.lost:
            for doc, what in result.lost:
                print(f"    lost: {doc}: {what[:120]}")
    if below:
        print(f"below the target of {TARGET}: {', '.join(below)}")
    return 1 if below else 0


if __name__ == "__main__":
    raise SystemExit(main())
