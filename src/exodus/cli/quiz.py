"""`exodus quiz`: ask a store questions whose answers were written by hand, and count the right answers."""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from exodus.cli.common import ProblemReporter
from exodus.evaluation import load_gold
from exodus.evaluation.questions import ask, build_gold_store, load_questions
from exodus.extraction.pipeline import iter_documents
from exodus.store import open_store

NAME = "quiz"
HELP = "ask a store questions with hand-written answers; accuracy per kind of question"
DESCRIPTION = """\
Ask the store the questions of QUESTIONS (JSONL: who was at an organization on a date,
founders k of n, when someone left or joined, where they went next, how many moved
from A to B, why someone left, who sat on a committee; benchmarks/questions/README.md
gives the format) the way `exodus person`, `org` and `flows` answer them, and print
how many are right, per kind. With --gold and --docs, the store is first built from
those gold facts (docs/fact-format.md), so the questions test the graph alone.

example:
  exodus quiz benchmarks/questions/sample.jsonl --db exodus.db
  exodus quiz benchmarks/questions/sample.jsonl --gold src/exodus/sample/gold.jsonl --docs src/exodus/sample/articles
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("questions", type=Path, metavar="QUESTIONS", help="the questions, JSONL")
    parser.add_argument("--db", metavar="PATH", help="the store to ask (default: the EXODUS_DB setting)")
    parser.add_argument("--gold", type=Path, metavar="FILE", help="build the store from these gold facts instead")
    parser.add_argument("--docs", nargs="+", metavar="INPUT", help="with --gold: the articles the gold is about")
    parser.add_argument("--wrong", action="store_true", help="also list every wrong answer")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def run(args: argparse.Namespace) -> int:
    questions = load_questions(args.questions)
    if args.gold:
        if not args.docs:
            print("exodus: error: --gold needs --docs (the articles the gold facts are about)", file=sys.stderr)
            return 2
        reporter = ProblemReporter()
        with tempfile.TemporaryDirectory() as folder:
            db = Path(folder) / "gold.db"
            build_gold_store(db, iter_documents(args.docs, on_problem=reporter), load_gold(args.gold))
            with open_store(db, readonly=True) as store:
                report = ask(store.conn, questions)
    else:
        with open_store(args.db, readonly=True) as store:
            report = ask(store.conn, questions)
    if args.json:
        print(json.dumps({"accuracy": round(report.accuracy, 4),
                          "by_kind": {k: {"right": r, "asked": a} for k, (r, a) in report.by_kind().items()}}))
    else:
        print(report.table())
    if args.wrong:
        for outcome in report.outcomes:
            if not outcome.right:
                q = outcome.question
                print(f"{q.get('id', '?')} {q['kind']}: expected {json.dumps(q['answer'])}, "
                      f"got {json.dumps(outcome.given)}  {json.dumps({k: v for k, v in q.items() if k not in ('id', 'kind', 'answer', 'source')})}")
    return 0
