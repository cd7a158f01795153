"""`exodus evaluate`: score an extractor (or a file of predictions) against gold facts."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from exodus.cli.common import ProblemReporter, positive_int, progress
from exodus.evaluation import NameAliases, load_gold, load_predictions, score_facts
from exodus.evaluation.run import evaluate_extractor
from exodus.extraction.base import available_extractors
from exodus.extraction.pipeline import iter_documents
from exodus.schema import KINDS

NAME = "evaluate"
HELP = "score an extractor on annotated articles (precision, recall, F1 per kind)"
DESCRIPTION = """\
Extract facts from the articles DOCS and compare them with the gold facts of GOLD
(docs/fact-format.md says how gold is written and how facts are matched). Prints
a table of precision, recall and F1 per kind and overall (every kind but role,
unless --kinds says which), and how often dates, roles, reasons, from/to and amounts
agree. With --pred, scores those predictions instead of extracting.

example:
  exodus evaluate --gold my-gold.jsonl --docs my-articles/
  exodus evaluate --gold gold.jsonl --docs docs.jsonl --kinds joined,left --extractor rules
  exodus evaluate --gold gold.jsonl --docs docs.jsonl --pred facts.jsonl --json
"""


def _kinds(value: str) -> list[str]:
    kinds = [k.strip() for k in value.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown or not kinds:
        raise argparse.ArgumentTypeError(f"unknown kind(s) {', '.join(unknown) or value!r}; "
                                         f"kinds are {', '.join(KINDS)}")
    return kinds


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", required=True, type=Path, metavar="GOLD",
                        help="gold JSONL: one line per article, {\"doc\": ID, \"facts\": [...]}")
    parser.add_argument("--docs", required=True, nargs="+", metavar="DOCS",
                        help="the articles: documents JSONL, text/Markdown/HTML files or folders")
    parser.add_argument("--kinds", type=_kinds, metavar="K,K",
                        help="score only these kinds (for gold that annotates only some)")
    parser.add_argument("--extractor", choices=available_extractors(), metavar="NAME",
                        help=f"extractor to score: {', '.join(available_extractors())} (default: the setting)")
    parser.add_argument("--pred", type=Path, metavar="FILE", help="score these predicted facts (JSONL) instead")
    parser.add_argument("--aliases", type=Path, metavar="FILE",
                        help="names to treat as one, {canonical: [names]} (default: Exodus's own list)")
    parser.add_argument("--processes", type=positive_int, metavar="N", help="worker processes for extraction")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="also list every miss, spurious fact and wrong attribute")
    parser.add_argument("--min-f1", type=float, metavar="F", help="exit with status 1 when the overall F1 is below F")


def run(args: argparse.Namespace) -> int:
    aliases = NameAliases.from_file(args.aliases)
    reporter = ProblemReporter()
    if args.pred is not None:
        gold = load_gold(args.gold)
        texts = {d.id: d.text for d in iter_documents(args.docs, on_problem=reporter)}
        report = score_facts(gold, load_predictions(args.pred), texts, args.kinds, aliases, keep_errors=args.errors)
    else:
        def watch(results):
            with progress(results, args.docs, reporter) as shown:
                yield from shown

        report = evaluate_extractor(args.gold, args.docs, args.extractor, args.kinds, aliases, args.processes,
                                    on_problem=reporter, keep_errors=args.errors, watch=watch).report
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        sys.stdout.write(report.table())
    for what, doc, item in report.errors:
        print(f"[{what}] {doc}: {json.dumps(item, ensure_ascii=False)}")
    if args.min_f1 is not None and report.overall.f1 < args.min_f1:
        return 1
    return reporter.exit_status
