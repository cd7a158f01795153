"""Members named by a title that names their group.

"Jane Roe, a researcher on the interpretability team", "John Doe, another Alignment
researcher", "Roe, the Alignment co-lead", "Doe and Roe, engineers on the team":
the person sits on that team (a `member` fact, with the role when it is a leading one).
A bare modifier ("Alignment researcher") only counts when the document names a group
with that word ("the Alignment team").
"""
from __future__ import annotations


from spacy.tokens import Span, Token

from exodus.extraction.arguments import conjuncts
from exodus.extraction.mentions import GROUP, ORG, PERSON, Mention
from exodus.extraction.rule_api import RuleBuilder
from exodus.schema import Fact


_MEMBER_WORDS = {"researcher", "member", "scientist", "engineer", "lead", "co-lead", "colead", "leader",
                 "co-leader", "head", "chair", "co-chair", "chairman", "chairwoman", "manager", "staffer"}
_LEAD_ROLES = {"lead", "co-lead", "colead", "leader", "co-leader", "head", "chair", "co-chair", "chairman",
               "chairwoman"}
_GROUP_PREPS = {"on", "in", "of", "at"}


def group_title_facts(builder: RuleBuilder, ci: int, sent: Span) -> None:
    parsed = builder.parsed
    for noun in sent:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _MEMBER_WORDS:
            continue
        group = _named_group(builder, ci, noun)
        if group is None:
            continue
        people = _titled_people(builder, ci, noun)
        if not people:
            continue
        start = builder.start_of(ci, noun)
        org = group.org or parsed.previous_org(start, definite=True)
        if not org:
            continue
        role = noun.lemma_.lower() if noun.lemma_.lower() in _LEAD_ROLES else None
        for person in people:
            if org == person.name:
                continue
            builder.facts.append(Fact(kind="member", doc=parsed.document.id, person=person.name, org=org,
                                      group=group.name, role=role, date=None, confidence=0.6,
                                      evidence=builder.evidence_of(ci, sent), extractor=builder.extractor,
                                      keywords=[(start, start + len(noun))]))


def _named_group(builder: RuleBuilder, ci: int, noun: Token) -> Mention | None:
    """The group the title names: "a researcher on the X team" or "an X researcher"."""
    parsed = builder.parsed
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in _GROUP_PREPS:
            for obj in prep.children:
                m = parsed.mention(ci, obj)
                if obj.dep_ == "pobj" and m and m.kind == GROUP:
                    return m
    modifiers = [c for c in noun.lefts if c.dep_ in ("compound", "amod") and c.text[:1].isupper()]
    if not modifiers or any((m := parsed.mention(ci, c)) and m.kind != ORG for c in modifiers):
        return None  # (a group name the NER took for an organization's still counts when a group has it)
    words = " ".join(t.text for c in modifiers for t in c.subtree if t.dep_ != "det").lower()
    start = builder.start_of(ci, noun)
    known = sorted(parsed.groups, key=lambda g: (g.start > start, abs(g.start - start)))
    for g in known:
        name = g.name.lower().split()
        if len(name) >= 2 and " ".join(name[:-1]) == words:
            return g
    return None


def _titled_people(builder: RuleBuilder, ci: int, noun: Token) -> list[Mention]:
    """Who carries the title: the name it stands in apposition to ("X, a researcher on ..."),
    all of a coordinated list ("X and Y, researchers on ...")."""
    parsed = builder.parsed
    anchor = None
    if noun.dep_ == "appos":
        anchor = noun.head
    else:
        # the parser does not always attach the apposition: "X and Y, researchers on the team, were"
        left = noun.left_edge
        doc = noun.doc
        if left.i >= 2 and doc[left.i - 1].text == "," and noun.dep_ in ("nsubj", "nsubjpass", "appos", "dobj"):
            anchor = doc[left.i - 2]
    if anchor is None:
        return []
    person = parsed.mention(ci, anchor)
    if not person:
        return []
    # the head of the name and every name coordinated with it
    head = anchor
    while head.head.i != head.i and parsed.mention(ci, head.head) is person:
        head = head.head
    while head.dep_ == "conj" and parsed.mention(ci, head.head):
        head = head.head
    out: list[Mention] = []
    for t in conjuncts(head):
        m = parsed.mention(ci, t)
        if m and m.kind == PERSON and m.certain and m not in out:
            out.append(m)
    return out


def clause_org(parsed, ci: int, token: Token) -> str | None:
    """The organization a clause is set in: "five years at Tesla, where he led the vision team",
    "At Google, she led the team": the team is that organization's."""
    verb = token
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
        m = parsed.mention(ci, verb.head)
        if m and m.kind == ORG and m.certain:
            return m.name
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "at" and prep.i < verb.i and \
                any(c.dep_ == "punct" and c.text == "," and prep.i < c.i < verb.i for c in verb.children):
            for obj in prep.children:
                m = parsed.mention(ci, obj)
                if obj.dep_ == "pobj" and m and m.kind == ORG and m.certain:
                    return m.name
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _REPORTING:
        # "OpenAI said the safety committee would be chaired by X": the reporter's own group
        for c in verb.head.children:
            m = parsed.mention(ci, c) if c.dep_ == "nsubj" else None
            if m and m.kind == ORG and m.certain:
                return m.name
    return None


_REPORTING = {"say", "announce", "confirm", "disclose", "reveal", "add", "state"}
