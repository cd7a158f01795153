"""Person–organization pairs: every person with every organization of a sentence, and with the
organization in view when the sentence names none of its own ("He joined in May")."""
from __future__ import annotations

from collections.abc import Iterator

from exodus.extraction.analysis import DocumentAnalysis, SentenceView
from exodus.extraction.candidates.base import Candidate, context_orgs
from exodus.extraction.mentions import ORG, PERSON

PERSON_ORG_KINDS = ("joined", "left", "role", "founded")


def person_org_pairs(analysis: DocumentAnalysis, sentence: SentenceView) -> Iterator[Candidate]:
    people = sentence.of_kind(PERSON)
    if not people:
        return
    orgs = sentence.of_kind(ORG)
    orgs = [*orgs, *context_orgs(analysis, sentence, {o.name for o in orgs})]
    seen = set()
    for person in people:
        for org in orgs:
            if org.name == person.name or (person.name, org.name) in seen:
                continue
            seen.add((person.name, org.name))
            for kind in PERSON_ORG_KINDS:
                yield Candidate(kind, sentence, person, org, proposers={"pairs"})
