"""Candidate facts with high recall: every plausible fact of a document, for the model to decide.

Each proposer is one way of finding candidates (pairs of names in a sentence, groups, foundings,
investments, the rules' own facts). Candidates of one kind and names in one sentence are one
candidate, which remembers every proposer that made it and the rules' fact when there is one.
"""
from __future__ import annotations

from exodus.extraction.analysis import DocumentAnalysis
from exodus.extraction.candidates.base import FACT_KIND, MODEL_KINDS, Candidate, fact_kind, model_kind
from exodus.extraction.candidates.founding import foundings
from exodus.extraction.candidates.groups import group_events, group_members
from exodus.extraction.candidates.investments import investments
from exodus.extraction.candidates.pairs import person_org_pairs
from exodus.extraction.candidates.rule_facts import rule_candidates

__all__ = ["Candidate", "FACT_KIND", "MODEL_KINDS", "fact_kind", "model_kind", "propose_candidates"]

SENTENCE_PROPOSERS = (person_org_pairs, group_members, group_events, foundings, investments)


def propose_candidates(analysis: DocumentAnalysis) -> list[Candidate]:
    """Every candidate of the document, one per kind, names and sentence."""
    found: dict[tuple, Candidate] = {}
    for sentence in analysis.sentences:
        for propose in SENTENCE_PROPOSERS:
            for candidate in propose(analysis, sentence):
                found.setdefault(candidate.key(), candidate)
    for candidate in rule_candidates(analysis):
        existing = found.get(candidate.key())
        if existing is None:
            found[candidate.key()] = candidate
        else:
            existing.proposers.add("rules")
            existing.rule_fact = existing.rule_fact or candidate.rule_fact
    return list(found.values())
