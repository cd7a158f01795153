"""Founders in phrases the frames do not reach.

"X, which Jane Roe set up in 2020 with former Acme co-founder John Doe and Ann Lee": the people
named after "with" are co-founders too, also when the parser leaves the "with" without its object
or the relative "which" without its organization.
"Roe is best known for co-founding Acme": a founding gerund before an organization's name is
the founding of the clause's subject.
"""
from __future__ import annotations


from spacy.tokens import Span

from exodus.extraction.mentions import ORG, PERSON, Mention
from exodus.extraction.rule_api import RuleBuilder
from exodus.schema import Fact


_FOUNDING_LEMMAS = {"found", "co-found", "cofound", "set", "start", "launch", "create", "establish", "form"}
_GERUNDS = {"founding", "co-founding", "cofounding", "starting", "launching"}
_GERUND_PREPS = {"for", "after", "before", "since", "by", "besides", "beyond"}


def founding_phrase_facts(builder: RuleBuilder, ci: int, sent: Span) -> None:
    _with_cofounders(builder, ci, sent)
    _gerund_founders(builder, ci, sent)


def _with_cofounders(builder: RuleBuilder, ci: int, sent: Span) -> None:
    parsed = builder.parsed
    evidence = builder.evidence_of(ci, sent)
    for tok in sent:
        if tok.lower_ != "with" or tok.dep_ != "prep":
            continue
        verb = tok.head
        if verb.lemma_.lower() not in _FOUNDING_LEMMAS:
            continue
        start = builder.start_of(ci, verb)
        facts = [f for f in builder.facts if f.kind == "founded" and f.person and f.evidence.start == evidence.start
                 and any(k[0] == start for k in (f.keywords or []))]
        people: list[Mention] = []
        if not facts and verb.dep_ == "relcl":
            # "Acme, which Roe set up with Doe": the frames found no object in "which"
            owner = parsed.mention(ci, verb.head)
            subject = next((parsed.mention(ci, c) for c in verb.children if c.dep_ == "nsubj"), None)
            if not owner or owner.kind != ORG or not subject or subject.kind != PERSON:
                continue
            people.append(subject)
            facts = [Fact(kind="founded", doc=parsed.document.id, person=subject.name, org=owner.name,
                          date=builder.date_of(ci, sent, verb), confidence=0.8, evidence=evidence,
                          extractor=builder.extractor, keywords=[(start, start + len(verb))])]
        if not facts:
            continue
        for t in sent.doc[tok.i + 1:sent.end]:
            if t.text in (",", ";", ".", "(", ")") or (t.pos_ in ("VERB", "AUX") and t.dep_ != "amod"):
                break
            m = parsed.mention(ci, t)
            if m and m.kind == PERSON and m.certain and m not in people:
                people.append(m)
        for fact in facts:
            known = {f.person for f in builder.facts if f.kind == "founded" and f.org == fact.org}
            for person in people:
                if person.name not in known or person.name == fact.person:
                    known.add(person.name)
                    builder.facts.append(Fact(kind="founded", doc=fact.doc, person=person.name, org=fact.org,
                                              date=fact.date, confidence=fact.confidence - 0.1,
                                              evidence=fact.evidence, extractor=fact.extractor,
                                              keywords=fact.keywords))


def _gerund_founders(builder: RuleBuilder, ci: int, sent: Span) -> None:
    parsed = builder.parsed
    doc = sent.doc
    for tok in sent:
        if tok.lower_ not in _GERUNDS or tok.i + 1 >= sent.end:
            continue
        org = parsed.mention(ci, doc[tok.i + 1])
        if not org or org.kind != ORG or not doc[tok.i + 1].text[:1].isupper():
            continue  # (a name the NER took for a person's is still the organization founded)
        end = tok.i + 1
        while end + 1 < sent.end and parsed.mention(ci, doc[end + 1]) is org:
            end += 1
        if end + 1 < sent.end and doc[end + 1].pos_ in ("NOUN", "PROPN"):
            continue  # "the founding OpenAI team": an adjective, not a gerund
        # the preposition that governs the gerund's phrase, then its clause's subject
        node = tok
        while node.head.i != node.i and node.lower_ not in _GERUND_PREPS:
            node = node.head
        if node.lower_ not in _GERUND_PREPS or node.dep_ != "prep" or node.i > tok.i:
            continue
        verb = node.head
        person = None
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                m = parsed.mention(ci, c)
                if m and m.kind == PERSON:
                    person = m
        if person is None:
            continue
        start = builder.start_of(ci, tok)
        builder.facts.append(Fact(kind="founded", doc=parsed.document.id, person=person.name, org=org.name,
                                  date=None, confidence=0.7, evidence=builder.evidence_of(ci, sent),
                                  extractor=builder.extractor, keywords=[(start, start + len(tok))]))
