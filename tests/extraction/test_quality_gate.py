"""Evaluation gate: extraction F1 on the dev sets and the sample corpus stays at its pinned floor."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHARED = REPO.parent / "shared"
FLOORS = {k: v for k, v in json.loads((HERE / "quality_floors.json").read_text()).items() if not k.startswith("_")}


def _evaluator():
    spec = importlib.util.spec_from_file_location("evaluate_extraction", REPO / "benchmarks" / "evaluate_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_f1_does_not_fall_below_pinned_floor(name, tmp_path):
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip("../shared (scorer and dev sets) is not beside the repository")
    result = _evaluator().evaluate(name, workdir=tmp_path)
    f1 = result["overall"]["f1"]
    assert result["bad_evidence"] == 0, "every fact's evidence must be an exact span of its document"
    assert f1 >= FLOORS[name] - 0.01, f"{name}: F1 {f1:.3f} fell below the pinned floor {FLOORS[name]:.3f}\n{result['table']}"
