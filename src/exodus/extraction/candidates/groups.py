"""Committees, boards and teams: who sits on them, and which were formed or disbanded."""
from __future__ import annotations

from collections.abc import Iterator

from exodus.extraction.analysis import DocumentAnalysis, MentionRef, SentenceView
from exodus.extraction.candidates.base import Candidate, context_orgs, context_ref, generic_group
from exodus.extraction.mentions import GROUP, ORG, PERSON, Mention


def possible_owners(analysis: DocumentAnalysis, sentence: SentenceView, group: MentionRef) -> list[str]:
    """Every organization the group may belong to: the one its name says, those of the sentence,
    the one in view and the article's main one."""
    names = [group.mention.org] if group.mention.org else []
    names += [o.name for o in sentence.of_kind(ORG)]
    names += [ref.name for ref in context_orgs(analysis, sentence, set(names))]
    return list(dict.fromkeys(n for n in names if n))


# words of sitting on, leading or belonging to a group whose name the sentence need not repeat
MEMBER_CUES = frozenset({"member", "director", "chair", "chairman", "chairwoman", "co-chair", "lead", "co-lead",
                         "head", "seat", "sit", "join", "panel", "committee", "board", "council", "unit", "team",
                         "division", "trustee", "include", "comprise", "run", "oversee", "serve", "appoint", "elect"})
BOARD_CUES = frozenset({"director", "directors", "chairman", "chairwoman", "chair", "trustee", "board"})


def context_groups(analysis: DocumentAnalysis, sentence: SentenceView) -> list[MentionRef]:
    """Groups a sentence about members may mean without naming them: the group named last before
    it ("Its members were ...", "The new unit will be led by ...") and, for directors and chairs,
    the board."""
    lemmas = sentence.lemmas
    if not lemmas & MEMBER_CUES:
        return []
    named = {g.name for g in sentence.of_kind(GROUP)}
    out = []
    previous = analysis.parsed.previous_group(sentence.start)
    if previous is not None and previous.name not in named:
        ref = context_ref(GROUP, previous.name, "previous")
        ref.mention.org = previous.org
        out.append(ref)
    if lemmas & BOARD_CUES and "board" not in named and (previous is None or previous.name != "board"):
        out.append(context_ref(GROUP, "board", "board"))
    return out


def group_readings(analysis: DocumentAnalysis, sentence: SentenceView) -> list[MentionRef]:
    """The sentence's groups, and for a generic one ("the panel"), the group named last before it,
    which it may stand for (the model weighs both readings: they share a slot)."""
    out = []
    for group in sentence.of_kind(GROUP):
        out.append(group)
        if not generic_group(group.name):
            continue
        named = analysis.parsed.previous_group(group.mention.start)
        if named is not None and named.name != group.name and not generic_group(named.name):
            ref = MentionRef(Mention(GROUP, named.name, group.mention.start, group.mention.end,
                                     org=named.org or group.mention.org, certain=False), group.tokens,
                             "reference:group")
            out.append(ref)
    return out


def group_members(analysis: DocumentAnalysis, sentence: SentenceView) -> Iterator[Candidate]:
    for group in [*group_readings(analysis, sentence), *context_groups(analysis, sentence)]:
        owners = possible_owners(analysis, sentence, group)
        for person in sentence.of_kind(PERSON):
            for owner in owners or [None]:
                yield Candidate("member", sentence, person, group, org=owner, proposers={"groups"})


def group_events(analysis: DocumentAnalysis, sentence: SentenceView) -> Iterator[Candidate]:
    for group in group_readings(analysis, sentence):
        named = {o.name: o for o in sentence.of_kind(ORG)}
        if group.mention.org and group.mention.org not in named:
            named[group.mention.org] = context_ref(ORG, group.mention.org, "group")
        for ref in context_orgs(analysis, sentence, set(named)):
            named[ref.name] = ref
        for org in named.values():
            for kind in ("group_formed", "group_disbanded"):
                yield Candidate(kind, sentence, org, group, proposers={"groups"})
