"""The plain-sentence grid, enumerated: every combination of 30 given names, 30 family names, 8
organizations and 6 templates (43,200 one-sentence articles) through the default extractor.

At least 99% must give the right fact (person, organization, kind and, where the sentence
dates it, the date) and no other move. Nothing is sampled, so every run checks the same cases.
"""
from __future__ import annotations

from collections import Counter

from exodus.extraction.pipeline import extract_documents
from tests.extraction.name_grid import FAMILY_NAMES, GIVEN_NAMES, ORGANIZATIONS, TEMPLATES, grid_cases, verdict


def test_the_grid_is_as_large_as_promised():
    assert len(GIVEN_NAMES) >= 30 and len(FAMILY_NAMES) >= 30 and len(ORGANIZATIONS) >= 8 and len(TEMPLATES) >= 6
    assert len(set(GIVEN_NAMES)) == len(GIVEN_NAMES) and len(set(FAMILY_NAMES)) == len(FAMILY_NAMES)


def test_plain_sentences_give_their_fact_for_names_from_many_cultures():
    cases = {case.document.id: case for case in grid_cases()}
    failures: Counter = Counter()
    examples: list[str] = []
    for document, facts in extract_documents([c.document for c in cases.values()], processes=2):
        problem = verdict(cases[document.id], [f.to_dict() for f in facts])
        if problem:
            failures[cases[document.id].template.name] += 1
            if len(examples) < 20:
                examples.append(f"{document.text!r}: {problem}")
    rate = 1 - sum(failures.values()) / len(cases)
    assert rate >= 0.99, f"{rate:.2%} right; failures by template {dict(failures)}; e.g.\n" + "\n".join(examples)
