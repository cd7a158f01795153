"""`exodus train`: rebuild the candidate scorer from the gold sets of the repository."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from exodus.cli.common import progress_wanted
from exodus.errors import ExodusError

NAME = "train"
HELP = "train the extraction model on gold sets (needs the train extra: pip install 'exodus[train]')"
DESCRIPTION = """\
Rebuild the model that decides which candidate facts are facts, from the gold sets
a manifest lists with "use": "train" (the repository's is benchmarks/sets.json).
Each set's figures are cross-validated by article (k folds, each article scored
by a model that never saw it), and each kind's threshold is chosen on those
out-of-fold scores; the final model is then fitted on every article. The same
data gives the same model file. Writes the model (default: the one Exodus ships,
src/exodus/data/extraction-model.json in a checkout) and prints the figures.

example:
  exodus train
  exodus train --sets benchmarks/sets.json --out my-model.json --folds 5
  EXODUS_MODEL=my-model.json exodus extract article.txt
"""


def _default_out() -> Path:
    from importlib import resources

    from exodus.extraction.model import DEFAULT_MODEL

    return Path(str(resources.files("exodus.data").joinpath(DEFAULT_MODEL)))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sets", type=Path, default=Path("benchmarks/sets.json"), metavar="MANIFEST",
                        help="the manifest of gold sets (default: benchmarks/sets.json)")
    parser.add_argument("--out", type=Path, metavar="FILE", help="where to write the model (default: the packaged one)")
    parser.add_argument("--folds", type=int, default=5, metavar="K", help="cross-validation folds (default: 5)")
    parser.add_argument("--c", type=float, default=0.5, metavar="C", help="inverse regularization strength (default: 0.5)")


def run(args: argparse.Namespace) -> int:
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise ExodusError("training needs scikit-learn: pip install 'exodus[train]'") from None
    from exodus.evaluation.sets import load_sets
    from exodus.extraction.training import train_scorer

    sets = [s for s in load_sets(args.sets, "train") if s.present]
    if not sets:
        raise ExodusError(f"{args.sets}: no training set is present")
    show = progress_wanted()

    def progress(stage: str, done: int, total: int) -> None:
        if show:
            print(f"\r{stage}: {done}/{total}", end="", file=sys.stderr, flush=True)

    report = train_scorer(sets, folds=args.folds, c=args.c, progress=progress)
    if show:
        print(file=sys.stderr)
    out = args.out or _default_out()
    report.scorer.save(out)
    print(f"trained on {report.documents} articles ({report.candidates} candidates) of {len(sets)} sets; "
          f"model written to {out}")
    print(f"{'set':<14}{'P':>7}{'R':>7}{'F1':>7}   ({args.folds}-fold cross-validated by article)")
    for name, result in report.cross_validated.items():
        o = result.overall
        print(f"{name:<14}{o.precision:>7.3f}{o.recall:>7.3f}{o.f1:>7.3f}")
    thresholds = ", ".join(f"{k} {m.threshold:.2f}" for k, m in sorted(report.scorer.kinds.items()))
    print(f"thresholds: {thresholds}")
    return 0
