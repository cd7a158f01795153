"""Evaluation gate: the default extractor's F1 on each gold set stays at its pinned floor.

Sets of the repository are always scored, on a fresh clone too; seeds and sentivent-dev live
in ../shared, and a missing ../shared fails the gate in CI (it is skipped only elsewhere).
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from exodus.evaluation.sets import load_sets
from tests.shared_data import MANIFEST, REPO, require_shared

HERE = Path(__file__).resolve().parent
FLOORS = {k: v for k, v in json.loads((HERE / "quality_floors.json").read_text()).items() if not k.startswith("_")}
SETS = {s.name: s for s in load_sets(MANIFEST)}


def _evaluator():
    if "evaluate_extraction" not in sys.modules:
        spec = importlib.util.spec_from_file_location("evaluate_extraction",
                                                      REPO / "benchmarks" / "evaluate_extraction.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["evaluate_extraction"] = module  # its dataclasses look their module up there
        spec.loader.exec_module(module)
    return sys.modules["evaluate_extraction"]


def test_every_floor_names_a_set_and_no_holdout():
    assert set(FLOORS) <= set(SETS)
    assert not [name for name in FLOORS if SETS[name].use == "holdout"], "holdouts are never gated (never tuned on)"


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_f1_does_not_fall_below_pinned_floor(name):
    if SETS[name].shared:
        require_shared("devset")
    result = _evaluator().evaluate_set(name)
    f1 = result.report.overall.f1
    assert result.report.bad_evidence == 0, "every fact's evidence must be an exact span of its document"
    assert f1 >= FLOORS[name] - 0.01, \
        f"{name}: F1 {f1:.3f} fell below the pinned floor {FLOORS[name]:.3f}\n{result.report.table()}"
