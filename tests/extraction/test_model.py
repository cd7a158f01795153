"""The trained scorer: a plain JSON file, refused when it is not one or of another format version,
rebuilt byte for byte from the gold in the repository."""
from __future__ import annotations

import json
import math

import pytest

from exodus.evaluation.sets import load_sets
from exodus.extraction.model import FORMAT, FORMAT_VERSION, CandidateScorer, KindModel, ModelError, load_model
from tests.shared_data import MANIFEST

TRAIN_SETS = [s for s in load_sets(MANIFEST, "train") if s.present]


def test_a_score_is_the_logistic_of_the_summed_weights():
    model = KindModel(bias=-1.0, weights={"rule": 2.0, "trig=join": 0.5})
    assert model.score(["rule", "trig=join", "unknown"]) == pytest.approx(1 / (1 + math.exp(-1.5)))
    assert model.score(["rule", "rule"]) == pytest.approx(1 / (1 + math.exp(-1.0)))  # a feature counts once


def test_a_model_of_another_format_version_is_refused(tmp_path):
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"format": FORMAT, "format_version": FORMAT_VERSION + 1, "kinds": {}}))
    with pytest.raises(ModelError, match=rf"format version {FORMAT_VERSION + 1}.*retrain it with `exodus train`"):
        load_model(path)


def test_a_file_that_is_no_model_is_refused(tmp_path):
    path = tmp_path / "model.json"
    path.write_text("{not json")
    with pytest.raises(ModelError, match="not a model file"):
        load_model(path)
    path.write_text(json.dumps({"kinds": {}}))
    with pytest.raises(ModelError, match="not an Exodus candidate-scorer model"):
        load_model(path)
    with pytest.raises(ModelError, match="cannot read the model"):
        load_model(tmp_path / "missing.json")


def test_a_saved_model_loads_as_it_was(tmp_path):
    scorer = CandidateScorer({"joined": KindModel(-0.5, {"rule": 1.25}, 0.4, 0.05)}, {"folds": 5})
    scorer.save(tmp_path / "m.json")
    loaded = load_model(tmp_path / "m.json")
    assert loaded.kinds["joined"] == scorer.kinds["joined"] and loaded.meta == {"folds": 5}
    assert loaded.threshold("joined") == 0.4 and loaded.threshold("joined|stated") == 0.05
    assert loaded.threshold("invested") == 1.0  # a kind the model lacks is never kept


def test_the_shipped_model_was_trained_on_the_gold_in_the_repository():
    from exodus.extraction.training import training_data_hash

    meta = load_model().meta
    assert set(meta["trained_on"]) == {s.name for s in TRAIN_SETS}, "retrain: the training sets changed"
    assert meta["training_data_sha256"] == training_data_hash(TRAIN_SETS), \
        "the gold changed since the model was trained: run `make train` and commit the model"


def test_training_twice_on_the_same_data_gives_the_same_model_file():
    from exodus.extraction.training import train_scorer

    small = [s for s in TRAIN_SETS if s.name in ("blind-dev", "blind-dev-2")]
    first = train_scorer(small, folds=2).scorer.to_json()
    second = train_scorer(small, folds=2).scorer.to_json()
    assert first == second


def test_make_train_rebuilds_the_shipped_model_byte_for_byte(tmp_path):
    """The model in the package is what the repository's gold and code give: `exodus train` from a
    clean checkout writes the same file."""
    from importlib import resources

    from exodus.cli.main import main
    from exodus.extraction.model import DEFAULT_MODEL

    out = tmp_path / "model.json"
    assert main(["train", "--sets", str(MANIFEST), "--out", str(out)]) == 0
    shipped = resources.files("exodus.data").joinpath(DEFAULT_MODEL).read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == shipped, "run `make train` and commit the model"
