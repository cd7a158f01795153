"""Score an extractor on the gold sets of benchmarks/sets.json, with Exodus's own scorer.

    python benchmarks/evaluate_extraction.py                  # every present set, default extractor
    python benchmarks/evaluate_extraction.py --sets seeds,sentivent-dev --extractor rules
    python benchmarks/evaluate_extraction.py --recall         # also candidate recall per kind
    python benchmarks/evaluate_extraction.py --markdown       # the tables of docs/evaluation.md

The figures are those of `exodus evaluate` (the same as ../shared/eval/score.py, a test checks it).
Sets marked "train" are trained on: their figures here are in-sample, a regression guard only;
their honest figures are the cross-validated ones `exodus train` prints. Sets marked "holdout"
are read once, for a first-contact figure. Shared sets (seeds, sentivent-dev) live in ../shared.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MANIFEST = REPO / "benchmarks" / "sets.json"


@dataclass
class SetResult:
    name: str
    use: str
    report: object  # exodus.evaluation.ScoreReport
    recall: dict | None = None  # kind -> RecallCount


def evaluate_set(name: str, extractor: str | None = None, recall: bool = False) -> SetResult:
    from exodus.evaluation import evaluate_extractor, load_gold
    from exodus.evaluation.sets import load_sets

    gold_set = next(s for s in load_sets(MANIFEST) if s.name == name)
    gold = load_gold(gold_set.gold)
    evaluation = evaluate_extractor(gold, [gold_set.docs], extractor=extractor, kinds=gold_set.kinds, processes=1)
    result = SetResult(name, gold_set.use, evaluation.report)
    if recall:
        result.recall = candidate_recall(gold_set)
    return result


def candidate_recall(gold_set) -> dict:
    """Per kind: how many required gold facts have a candidate with their names (anywhere in the
    article, and in the sentence the gold gives as evidence)."""
    from exodus.evaluation import NameAliases
    from exodus.extraction.candidates import propose_candidates
    from exodus.extraction.labels import RecallCount
    from exodus.extraction.labels import candidate_recall as recall_of
    from exodus.extraction.learned import ModelExtractor
    from exodus.extraction.model import CandidateScorer
    from exodus.extraction.training import read_set

    aliases = NameAliases.from_file()
    extractor = ModelExtractor(scorer=CandidateScorer({}))
    pairs = read_set(gold_set)
    totals: dict[str, RecallCount] = {}
    for (document, facts), (_, analysis) in zip(pairs, extractor.analyses([d for d, _ in pairs])):
        if gold_set.kinds:
            facts = [f for f in facts if f["kind"] in gold_set.kinds]
        candidates = propose_candidates(analysis) if analysis is not None else []
        for kind, count in recall_of(candidates, facts, document.text, aliases).items():
            totals.setdefault(kind, RecallCount()).add(count)
    return totals


def recall_table(recall: dict) -> str:
    from exodus.extraction.labels import RecallCount

    lines = [f"{'kind':<12}{'gold':>6}{'named':>8}{'in sentence':>13}"]
    total = RecallCount()
    for kind, count in sorted(recall.items()):
        total.add(count)
        lines.append(f"{kind:<12}{count.gold:>6}{count.named / count.gold:>8.3f}{count.in_sentence / count.gold:>13.3f}")
    if total.gold:
        lines.append(f"{'ALL':<12}{total.gold:>6}{total.named / total.gold:>8.3f}{total.in_sentence / total.gold:>13.3f}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    from exodus.evaluation.sets import load_sets

    sets = load_sets(MANIFEST)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default=",".join(s.name for s in sets if s.use != "holdout"),
                    help="comma-separated sets (default: all but the holdouts)")
    ap.add_argument("--extractor", help="extractor to score (default: the setting, model)")
    ap.add_argument("--recall", action="store_true", help="also print candidate recall per kind")
    ap.add_argument("--markdown", action="store_true", help="print markdown sections")
    args = ap.parse_args(argv)
    by_name = {s.name: s for s in sets}
    for name in args.sets.split(","):
        if name not in by_name:
            ap.error(f"unknown set {name!r}; sets: {', '.join(by_name)}")
        if not by_name[name].present:
            print(f"== {name}: not present ({by_name[name].docs}), skipped", file=sys.stderr)
            continue
        result = evaluate_set(name, args.extractor, args.recall)
        o = result.report.overall
        kind_of_figure = {"train": "in-sample (trained on)", "holdout": "first contact",
                          "evaluate": "never trained on"}[result.use]
        if args.markdown:
            print(f"### {name} ({kind_of_figure})\n\nF1 **{o.f1:.3f}** (P {o.precision:.3f}, R {o.recall:.3f}); "
                  f"facts with evidence not in their document: {result.report.bad_evidence}.\n\n"
                  f"```\n{result.report.table()}```\n")
            if result.recall:
                print(f"Candidate recall:\n\n```\n{recall_table(result.recall)}```\n")
        else:
            print(f"== {name} [{kind_of_figure}]: F1 {o.f1:.3f} (P {o.precision:.3f}, R {o.recall:.3f}), "
                  f"bad evidence {result.report.bad_evidence}\n{result.report.table()}")
            if result.recall:
                print(f"candidate recall:\n{recall_table(result.recall)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
