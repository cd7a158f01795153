"""The trained scorer: one logistic regression per candidate kind, stored as plain JSON.

A model file holds, per kind, the weight of every feature, the bias and the decision
threshold, with the format version, the hash of the data it was trained on and the
library versions that trained it. Loading it runs no code, and scoring needs no
machine-learning library: a candidate's score is the logistic of its features' summed
weights. Training (`train_kind`) uses scikit-learn, an extra (`pip install 'exodus[train]'`).
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from exodus.errors import ExodusError

FORMAT = "exodus-candidate-scorer"
# Bump whenever features, candidates or the file's shape change: a model trained on other
# features would score nonsense, so an older or newer file is refused.
FORMAT_VERSION = 1
DEFAULT_MODEL = "extraction-model.json"


class ModelError(ExodusError):
    """A model file that cannot be used."""


@dataclass
class KindModel:
    bias: float
    weights: dict[str, float]
    threshold: float = 0.5
    threshold_stated: float = 0.5  # for candidates the rules also stated

    def score(self, features: Iterable[str]) -> float:
        total = self.bias
        weights = self.weights
        for feature in set(features):
            total += weights.get(feature, 0.0)
        if total < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-total))


@dataclass
class CandidateScorer:
    kinds: dict[str, KindModel]
    meta: dict[str, Any] = field(default_factory=dict)

    def score(self, kind: str, features: Iterable[str]) -> float:
        model = self.kinds.get(kind)
        return model.score(features) if model is not None else 0.0

    def threshold(self, key: str) -> float:
        """The decision threshold of a kind ("joined"), or of its candidates the rules also stated
        ("joined|stated")."""
        kind, _, stated = key.partition("|")
        model = self.kinds.get(kind)
        if model is None:
            return 1.0
        return model.threshold_stated if stated else model.threshold

    def to_json(self) -> str:
        """Deterministic text: sorted keys, weights rounded to 6 significant digits."""
        data = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            **self.meta,
            "kinds": {kind: {"bias": _round(m.bias), "threshold": round(m.threshold, 4),
                             "threshold_stated": round(m.threshold_stated, 4),
                             "weights": {f: _round(w) for f, w in sorted(m.weights.items())}}
                      for kind, m in sorted(self.kinds.items())},
        }
        return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"

    def save(self, path: Path) -> None:
        temporary = path.with_name(f".{path.name}.partial")
        temporary.write_text(self.to_json(), encoding="utf-8")
        temporary.replace(path)


def _round(value: float) -> float:
    return float(f"{value:.6g}")


def parse_model(text: str, where: str) -> CandidateScorer:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ModelError(f"{where}: not a model file (not JSON: {err.msg})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ModelError(f"{where}: not an Exodus candidate-scorer model")
    version = data.get("format_version")
    if version != FORMAT_VERSION:
        raise ModelError(f"{where}: model format version {version}, but this Exodus reads version "
                         f"{FORMAT_VERSION}; retrain it with `exodus train` (or `make train`)")
    kinds = {kind: KindModel(float(m["bias"]), {str(f): float(w) for f, w in m["weights"].items()},
                             float(m["threshold"]), float(m["threshold_stated"]))
             for kind, m in data["kinds"].items()}
    meta = {k: v for k, v in data.items() if k not in ("format", "format_version", "kinds")}
    return CandidateScorer(kinds, meta)


def load_model(path: Path | None = None) -> CandidateScorer:
    """The model at `path`, or the one shipped with Exodus."""
    if path is None:
        resource = resources.files("exodus.data").joinpath(DEFAULT_MODEL)
        try:
            text = resource.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ModelError(f"the packaged model {DEFAULT_MODEL} is missing; build it with `exodus train`") from None
        return parse_model(text, f"exodus/data/{DEFAULT_MODEL}")
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as err:
        raise ModelError(f"{path}: cannot read the model: {err.strerror or err}") from None
    return parse_model(text, str(path))


def train_kind(features: Sequence[list[str]], labels: Sequence[int], c: float = 0.5,
               min_count: int = 2) -> KindModel:
    """A logistic regression on binary features (liblinear, deterministic). Features seen in fewer
    than `min_count` examples are left out: they would only memorize their sentence."""
    from collections import Counter

    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for row in features for f in set(row))
    vocabulary = sorted(f for f, n in counts.items() if n >= min_count and f != "bias")
    index = {f: i for i, f in enumerate(vocabulary)}
    rows, cols = [], []
    for r, row in enumerate(features):
        for i in sorted({index[f] for f in row if f in index}):  # a fixed order: the same data, the same model
            rows.append(r)
            cols.append(i)
    y = np.asarray(labels, dtype=np.int8)
    if y.min() == y.max():  # one class only: a constant scorer
        return KindModel(10.0 if y[0] else -10.0, {}, 0.5)
    matrix = csr_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(len(features), len(vocabulary)))
    model = LogisticRegression(C=c, solver="liblinear", random_state=0, max_iter=1000)
    model.fit(matrix, y)
    weights = {f: float(w) for f, w in zip(vocabulary, model.coef_[0]) if abs(w) >= 1e-6}
    return KindModel(float(model.intercept_[0]), weights)
