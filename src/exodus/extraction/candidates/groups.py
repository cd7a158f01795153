"""Committees, boards and teams: who sits on them, and which were formed or disbanded."""
from __future__ import annotations

from collections.abc import Iterator

from exodus.extraction.analysis import DocumentAnalysis, SentenceView
from exodus.extraction.candidates.base import Candidate, context_ref
from exodus.extraction.mentions import GROUP, ORG, PERSON


def group_owner(analysis: DocumentAnalysis, sentence: SentenceView, group_org: str | None) -> str | None:
    """Whose group it is: the one its name says, else the sentence's first organization, else the
    organization in view."""
    if group_org:
        return group_org
    orgs = sentence.of_kind(ORG)
    if orgs:
        return orgs[0].name
    return analysis.parsed.previous_org(sentence.start, definite=True)


def group_members(analysis: DocumentAnalysis, sentence: SentenceView) -> Iterator[Candidate]:
    for group in sentence.of_kind(GROUP):
        owner = group_owner(analysis, sentence, group.mention.org)
        for person in sentence.of_kind(PERSON):
            yield Candidate("member", sentence, person, group, org=owner, proposers={"groups"})


def group_events(analysis: DocumentAnalysis, sentence: SentenceView) -> Iterator[Candidate]:
    for group in sentence.of_kind(GROUP):
        owners = {o.name: o for o in sentence.of_kind(ORG)}
        owner = group_owner(analysis, sentence, group.mention.org)
        if owner and owner not in owners:
            owners[owner] = context_ref(ORG, owner)
        for org in owners.values():
            for kind in ("group_formed", "group_disbanded"):
                yield Candidate(kind, sentence, org, group, proposers={"groups"})
