"""Score an extractor on annotated articles: extract, then compare with the gold."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exodus.evaluation.gold import load_gold
from exodus.evaluation.scoring import GoldError, NameAliases, ScoreReport, score_facts
from exodus.extraction.base import Extractor
from exodus.extraction.pipeline import Extracted, Input, ProblemHandler, extract_documents


@dataclass
class Evaluation:
    report: ScoreReport
    predictions: list[dict[str, Any]]
    texts: dict[str, str]


def evaluate_extractor(gold: Path | dict[str, list[dict[str, Any]]], documents: Iterable[Input],
                       extractor: str | Extractor | None = None, kinds: Iterable[str] | None = None,
                       aliases: NameAliases | None = None, processes: int | None = None,
                       on_problem: ProblemHandler | None = None, keep_errors: bool = False,
                       watch: Callable[[Iterator[Extracted]], Iterator[Extracted]] | None = None) -> Evaluation:
    """Extract facts from `documents` (paths or `Document`s) and score them against `gold` (a gold
    file or doc id -> facts). Only the documents the gold lists are scored. `watch` wraps the
    stream of results (a progress bar)."""
    gold_facts = load_gold(gold) if isinstance(gold, Path) else gold
    predictions: list[dict[str, Any]] = []
    texts: dict[str, str] = {}
    results = extract_documents(documents, extractor=extractor, processes=processes, on_problem=on_problem)
    for document, facts in (watch(results) if watch else results):
        texts[document.id] = document.text
        predictions.extend(fact.to_dict() for fact in facts)
    missing = [doc for doc in gold_facts if doc not in texts]
    if missing:
        raise GoldError(f"the gold names {len(missing)} document(s) the inputs do not have "
                        f"(first: {missing[0]!r}); give the articles the gold was made for")
    report = score_facts(gold_facts, predictions, texts, kinds=kinds, aliases=aliases, keep_errors=keep_errors)
    return Evaluation(report, predictions, texts)
