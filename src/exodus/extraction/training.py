"""Training the candidate scorer from gold sets, and measuring it honestly.

`prepare_documents` parses every article of the training sets, proposes its candidates,
describes them and labels them from the gold (`labels.py`). `cross_validate` scores each
article with a model trained without it (k folds by article, a fixed assignment);
`choose_thresholds` picks each kind's decision threshold on those out-of-fold scores;
`train_scorer` fits the final model on everything. The same data gives the same model
file: fixed fold assignment, a deterministic solver, sorted and rounded weights.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from exodus.evaluation.gold import load_gold
from exodus.evaluation.scoring import NameAliases, ScoreReport, score_facts
from exodus.evaluation.sets import GoldSet
from exodus.extraction.analysis import DocumentAnalysis
from exodus.extraction.candidates import MODEL_KINDS, Candidate, fact_kind
from exodus.extraction.decode import best_per_slot, fact_key, threshold_key
from exodus.extraction.features import FeatureExtractor
from exodus.extraction.labels import label_candidates
from exodus.extraction.learned import ModelExtractor
from exodus.extraction.model import CandidateScorer, KindModel, train_kind
from exodus.schema import Document
from exodus.sources import read_documents

THRESHOLDS = (0.0, 0.01, *(round(0.05 + 0.05 * i, 2) for i in range(17)))  # 0 (keep all), 0.01, 0.05 .. 0.85


@dataclass
class TrainingDocument:
    set_name: str
    document: Document
    gold: list[dict[str, Any]]
    analysis: DocumentAnalysis | None = None
    candidates: list[Candidate] = field(default_factory=list)
    features: list[list[str]] = field(default_factory=list)
    labels: list[int | None] = field(default_factory=list)
    extractor_features: FeatureExtractor | None = None

    @property
    def fold_key(self) -> str:
        return hashlib.sha1(f"{self.set_name}/{self.document.id}".encode()).hexdigest()


def read_set(gold_set: GoldSet) -> list[tuple[Document, list[dict[str, Any]]]]:
    gold = load_gold(gold_set.gold)
    documents = {d.id: d for d in read_documents([gold_set.docs]) if isinstance(d, Document)}
    missing = sorted(set(gold) - set(documents))
    if missing:
        from exodus.evaluation.scoring import GoldError
        raise GoldError(f"{gold_set.gold}: gold for {len(missing)} document(s) not in {gold_set.docs} "
                        f"(first: {missing[0]!r})")
    return [(documents[doc], facts) for doc, facts in gold.items()]


def training_data_hash(sets: Iterable[GoldSet]) -> str:
    """sha256 of every training article and its gold, in a fixed order."""
    digest = hashlib.sha256()
    for gold_set in sets:
        for document, facts in sorted(read_set(gold_set), key=lambda pair: pair[0].id):
            record = {"set": gold_set.name, "id": document.id, "text": document.text,
                      "published": document.published, "gold": facts}
            digest.update(json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8"))
            digest.update(b"\n")
    return digest.hexdigest()


def prepare_documents(sets: Iterable[GoldSet], extractor: ModelExtractor, aliases: NameAliases,
                      progress: Callable[[int], None] | None = None) -> list[TrainingDocument]:
    """Parse, propose, describe and label every article of `sets`."""
    prepared: list[TrainingDocument] = []
    for gold_set in sets:
        pairs = read_set(gold_set)
        batch = [TrainingDocument(gold_set.name, d, [g for g in facts if not gold_set.kinds or g["kind"] in gold_set.kinds])
                 for d, facts in pairs]
        for item, (_, analysis) in zip(batch, extractor.analyses([b.document for b in batch])):
            item.analysis = analysis
            if analysis is not None:
                item.candidates, item.extractor_features = extractor_candidates(extractor, analysis)
                item.features = [item.extractor_features.features(c) for c in item.candidates]
                item.labels = label_candidates(item.candidates, item.gold, item.document.text, aliases)
            if progress:
                progress(1)
        prepared.extend(batch)
    return prepared


def extractor_candidates(extractor: ModelExtractor, analysis: DocumentAnalysis) -> tuple[list[Candidate], FeatureExtractor]:
    from exodus.extraction.candidates import propose_candidates

    return propose_candidates(analysis), FeatureExtractor(analysis, extractor.lexicon)


def _examples(documents: Iterable[TrainingDocument], kind: str) -> tuple[list[list[str]], list[int]]:
    """The labelled candidates of a kind, each twice: as they are, and without the rules' verdicts.
    The second copy makes the model learn what the clause itself says, so that it still finds a
    fact the rules miss (an unknown name, a phrasing they lack) instead of leaning on them alone."""
    xs, ys = [], []
    for item in documents:
        for candidate, features, label in zip(item.candidates, item.features, item.labels):
            if candidate.kind == kind and label is not None:
                xs.append(features)
                ys.append(label)
                if RULE_DROPOUT:
                    xs.append([f for f in features if not f.startswith("rule")])
                    ys.append(label)
    return xs, ys


RULE_DROPOUT = True


def fit_scorer(documents: list[TrainingDocument], c: float) -> CandidateScorer:
    kinds = {}
    for kind in MODEL_KINDS:
        xs, ys = _examples(documents, kind)
        if xs:
            kinds[kind] = train_kind(xs, ys, c=c)
    return CandidateScorer(kinds)


def folds_of(documents: list[TrainingDocument], k: int) -> list[int]:
    """A fixed fold per article: its rank by the hash of its set and id, modulo k."""
    order = sorted(range(len(documents)), key=lambda i: documents[i].fold_key)
    fold = [0] * len(documents)
    for rank, i in enumerate(order):
        fold[i] = rank % k
    return fold


def cross_validate(documents: list[TrainingDocument], k: int, c: float,
                   progress: Callable[[int], None] | None = None) -> list[list[float]]:
    """Out-of-fold scores: each article's candidates scored by a model trained on the other folds."""
    fold = folds_of(documents, k)
    scores: list[list[float]] = [[0.0] * len(d.candidates) for d in documents]
    for f in range(k):
        scorer = fit_scorer([d for d, g in zip(documents, fold) if g != f], c)
        for i, item in enumerate(documents):
            if fold[i] == f:
                scores[i] = [scorer.score(cand.kind, feats) for cand, feats in zip(item.candidates, item.features)]
        if progress:
            progress(1)
    return scores


def _fact_statements(item: TrainingDocument, scores: list[float]) -> list[tuple[str, list[tuple[str, float]], dict[str, Any]]]:
    """Per fact key of the article: (fact kind, its statements as (threshold key, score), fact fields)."""
    found: dict[tuple, tuple[str, list[tuple[str, float]], dict[str, Any]]] = {}
    for i in best_per_slot(item.candidates, scores):
        candidate = item.candidates[i]
        key = fact_key(candidate)
        if key not in found:
            found[key] = (fact_kind(candidate.kind), [], candidate.fields())
        found[key][1].append((threshold_key(candidate), scores[i]))
    return list(found.values())


def _kept(statements: list[tuple[str, float]], thresholds: dict[str, float]) -> float | None:
    """The best score among the statements that pass their thresholds, or None (as `decode` keeps facts)."""
    passing = [score for key, score in statements if score >= thresholds.get(key, 0.5)]
    return max(passing) if passing else None


def key_predictions(documents: list[TrainingDocument], scores: list[list[float]],
                    thresholds: dict[str, float]) -> list[dict[str, Any]]:
    """The facts (kind and names only) a decoder would keep at `thresholds`."""
    out = []
    for item, item_scores in zip(documents, scores):
        for kind, statements, fields in _fact_statements(item, item_scores):
            score = _kept(statements, thresholds)
            if score is not None:
                out.append({"kind": kind, "doc": item.document.id, "confidence": score, **fields})
    return out


def _gold_of(documents: list[TrainingDocument]) -> dict[str, list[dict[str, Any]]]:
    return {d.document.id: d.gold for d in documents}


def choose_thresholds(documents: list[TrainingDocument], scores: list[list[float]],
                      aliases: NameAliases) -> dict[str, float]:
    """Each kind's threshold maximizing its fact kind's F1 on out-of-fold scores (ties: the middle one)."""
    gold = _gold_of(documents)
    cached = [_fact_statements(item, s) for item, s in zip(documents, scores)]
    keys = [k for kind in MODEL_KINDS for k in (kind, f"{kind}|stated")]
    chosen = {key: 0.5 for key in keys}
    for key in keys:
        kind = fact_kind(key.split("|")[0])
        results = []
        for threshold in THRESHOLDS:
            trial = dict(chosen, **{key: threshold})
            predictions = [{"kind": kind, "doc": item.document.id, "confidence": kept, **fields}
                           for item, found in zip(documents, cached) for fact, statements, fields in found
                           if fact == kind and (kept := _kept(statements, trial)) is not None]
            report = score_facts(gold, predictions, kinds=[kind], aliases=aliases)
            results.append((round(report.kinds[kind].f1, 4), threshold))
        top = max(f for f, _ in results)
        best = [t for f, t in results if f == top]
        chosen[key] = best[len(best) // 2]
    return chosen


def decoded_report(documents: list[TrainingDocument], scores: list[list[float]], thresholds: dict[str, float],
                   extractor: ModelExtractor, aliases: NameAliases, kinds: Iterable[str] | None = None) -> ScoreReport:
    """The full decoder's facts (evidence, attributes) at these scores, scored against the gold."""
    predictions, texts = [], {}
    for item, item_scores in zip(documents, scores):
        texts[item.document.id] = item.document.text
        if item.analysis is None:
            continue
        for candidate, score in zip(item.candidates, item_scores):
            candidate.score = score
        facts = extractor.decide(item.analysis, item.candidates, item.extractor_features,
                                 lambda key: thresholds.get(key, 0.5))
        predictions.extend(f.to_dict() for f in facts)
    return score_facts(_gold_of(documents), predictions, texts, kinds=kinds, aliases=aliases)


def with_thresholds(scorer: CandidateScorer, thresholds: dict[str, float]) -> CandidateScorer:
    kinds = {k: KindModel(m.bias, m.weights, thresholds.get(k, 0.5), thresholds.get(f"{k}|stated", 0.5))
             for k, m in scorer.kinds.items()}
    return CandidateScorer(kinds, dict(scorer.meta))




@dataclass
class TrainingReport:
    """What `train_scorer` did: cross-validated figures per set (never the trained-on score)."""

    scorer: CandidateScorer
    cross_validated: dict[str, ScoreReport]
    documents: int
    candidates: int


def train_scorer(sets: list[GoldSet], folds: int = 5, c: float = 0.5, extractor: ModelExtractor | None = None,
                 aliases: NameAliases | None = None, progress: Callable[[str, int, int], None] | None = None
                 ) -> TrainingReport:
    """Train the candidate scorer on `sets` (those with use "train"): thresholds chosen on k-fold
    out-of-fold scores, the final model fitted on every article, and each set's k-fold figures."""
    import platform

    import sklearn

    from exodus import __version__

    aliases = aliases or NameAliases.from_file()
    extractor = extractor or ModelExtractor(scorer=CandidateScorer({}))
    total = sum(len(load_gold(s.gold)) for s in sets)
    done = 0

    def parsed(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress("parse", done, total)

    documents = prepare_documents(sets, extractor, aliases, progress=parsed)
    fold_count = [0]

    def fitted(n: int) -> None:
        fold_count[0] += n
        if progress:
            progress("cross-validate", fold_count[0], folds)

    scores = cross_validate(documents, folds, c, progress=fitted)
    thresholds = choose_thresholds(documents, scores, aliases)
    per_set = {}
    for gold_set in sets:
        members = [i for i, d in enumerate(documents) if d.set_name == gold_set.name]
        per_set[gold_set.name] = decoded_report([documents[i] for i in members], [scores[i] for i in members],
                                                thresholds, extractor, aliases, gold_set.kinds)
    final = with_thresholds(fit_scorer(documents, c), thresholds)
    final.meta = {
        "training_data_sha256": training_data_hash(sets),
        "trained_on": {s.name: len([d for d in documents if d.set_name == s.name]) for s in sets},
        "candidates": sum(len(d.candidates) for d in documents),
        "regularization_c": c,
        "folds": folds,
        "trained_with": {"exodus": __version__, "scikit-learn": sklearn.__version__,
                         "python": platform.python_version()},
        "cross_validated_f1": {name: round(report.overall.f1, 4) for name, report in per_set.items()},
    }
    return TrainingReport(final, per_set, len(documents), final.meta["candidates"])
