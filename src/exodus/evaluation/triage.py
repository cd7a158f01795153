"""Triage recall: how many gold facts survive triage, i.e. could still be extracted.

A gold fact passes when its document passes triage (something of it is parsed) and, when
the gold gives its evidence, when a parsed span overlaps the evidence (one occurrence of it
is enough, as training labels candidates). A fact without evidence, or whose evidence the
text does not contain word for word, is judged on its document alone.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from exodus.extraction.labels import evidence_spans
from exodus.extraction.lexicon import load_lexicon
from exodus.extraction.triage import Gate, parse_spans, trigger_pattern
from exodus.schema import Document
from exodus.settings import get_settings


@dataclass
class TriageRecall:
    facts: int = 0
    passed: int = 0
    judged_on_document: int = 0  # facts without evidence found in the text
    documents: int = 0
    documents_parsed: int = 0
    lost: list[tuple[str, str]] = field(default_factory=list)  # (document id, evidence or kind) of lost facts

    @property
    def recall(self) -> float:
        return self.passed / self.facts if self.facts else 1.0


def _overlaps(spans: list[tuple[int, int]], parsed: list[tuple[int, int]]) -> bool:
    return any(s < pe and ps < e for s, e in spans for ps, pe in parsed)


def triage_recall(pairs: Iterable[tuple[Document, list[dict[str, Any]]]], gate: Gate | None = None,
                  max_chars: int | None = None) -> TriageRecall:
    """The share of the gold facts of `pairs` (document, its gold facts) that pass triage."""
    gate = gate or trigger_pattern(load_lexicon())
    max_chars = max_chars or get_settings().max_sentence_chars
    result = TriageRecall()
    for document, facts in pairs:
        parsed = parse_spans(document.text, gate, max_chars)
        result.documents += 1
        result.documents_parsed += bool(parsed)
        for fact in facts:
            result.facts += 1
            spans = evidence_spans(fact, document.text)
            if not spans:
                result.judged_on_document += 1
            if parsed and (not spans or _overlaps(spans, parsed)):
                result.passed += 1
            else:
                result.lost.append((document.id, str(fact.get("evidence") or fact.get("kind"))))
    return result
