"""Measuring extractors against gold: `score_facts` and `evaluate_extractor`."""
from __future__ import annotations

from exodus.evaluation.gold import load_gold, load_predictions
from exodus.evaluation.run import evaluate_extractor
from exodus.evaluation.scoring import GoldError, NameAliases, ScoreReport, score_facts

__all__ = ["GoldError", "NameAliases", "ScoreReport", "evaluate_extractor", "load_gold", "load_predictions",
           "score_facts"]
