"""The rules' own facts as candidates: each is a proposal (and a feature) like any other."""
from __future__ import annotations

from collections.abc import Iterator

from exodus.extraction.analysis import DocumentAnalysis, MentionRef, SentenceView
from exodus.extraction.candidates.base import Candidate, context_ref, model_kind
from exodus.extraction.mentions import GROUP, ORG, PERSON
from exodus.schema import Fact


def _ref(sentence: SentenceView, kind: str, name: str | None) -> MentionRef | None:
    if name is None:
        return None
    for mention in sentence.mentions:
        if mention.kind == kind and mention.name == name:
            return mention
    return context_ref(kind, name)


def candidate_for(fact: Fact, sentence: SentenceView) -> Candidate:
    kind = model_kind(fact)
    if kind in ("joined", "left", "role", "founded"):
        first, second, org = _ref(sentence, PERSON, fact.person), _ref(sentence, ORG, fact.org), None
    elif kind == "founded_org":
        first, second, org = _ref(sentence, ORG, fact.org), None, None
    elif kind == "member":
        first, second, org = _ref(sentence, PERSON, fact.person), _ref(sentence, GROUP, fact.group), fact.org
    elif kind in ("group_formed", "group_disbanded"):
        first, second, org = _ref(sentence, ORG, fact.org), _ref(sentence, GROUP, fact.group), None
    else:
        first, second, org = _ref(sentence, ORG, fact.investor), _ref(sentence, ORG, fact.investee), None
    return Candidate(kind, sentence, first, second, org=org, proposers={"rules"}, rule_fact=fact)


def rule_candidates(analysis: DocumentAnalysis) -> Iterator[Candidate]:
    for fact in analysis.rule_facts:
        sentence = analysis.sentence_at(fact.evidence.start)
        if sentence is not None:
            yield candidate_for(fact, sentence)
