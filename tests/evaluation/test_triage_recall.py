"""Triage loses (almost) no gold fact: the gold facts whose document and evidence sentence
reach the parser, on the gold sets in the repository."""
from __future__ import annotations

import pytest

from exodus.evaluation.sets import load_sets
from exodus.evaluation.triage import triage_recall
from exodus.extraction.training import read_set
from exodus.schema import Document
from tests.shared_data import MANIFEST

REPOSITORY_SETS = [s for s in load_sets(MANIFEST) if not s.shared]


def test_triage_keeps_at_least_995_in_1000_gold_facts_of_the_repository_sets():
    results = {s.name: triage_recall(read_set(s)) for s in REPOSITORY_SETS}
    facts = sum(r.facts for r in results.values())
    passed = sum(r.passed for r in results.values())
    assert facts > 5000
    assert passed / facts >= 0.995, {name: round(r.recall, 3) for name, r in results.items()}
    # each set on its own: 0.984 is the lowest today (holdout-5: 5 of 316 facts; benchmarks/README.md),
    # since the gate may not change without retraining the model on what it lets through
    assert all(r.recall >= 0.98 for r in results.values()), {name: round(r.recall, 3) for name, r in results.items()}


@pytest.mark.parametrize("evidence, passes", [
    ("Maria Lopez left Google to join Anthropic in May.", True),
    ("Wheat prices eased on Tuesday.", False),  # a sentence triage does not parse
])
def test_a_fact_passes_when_its_evidence_is_parsed(evidence, passes):
    text = "Wheat prices eased on Tuesday. Rain fell in Kansas. Soy was flat.\n\n" \
           "Maria Lopez left Google to join Anthropic in May."
    fact = {"kind": "joined", "person": "Maria Lopez", "org": "Anthropic", "evidence": evidence}
    result = triage_recall([(Document(id="d", text=text), [fact])])
    assert (result.facts, result.passed, result.recall) == (1, int(passes), float(passes))


def test_a_document_triage_skips_loses_its_facts_even_without_evidence():
    quiet = Document(id="quiet", text="Wheat prices eased on Tuesday. Rain fell in Kansas.")
    result = triage_recall([(quiet, [{"kind": "joined", "person": "A", "org": "B"}])])
    assert (result.passed, result.judged_on_document, result.documents_parsed) == (0, 1, 0)
    assert result.lost == [("quiet", "joined")]
