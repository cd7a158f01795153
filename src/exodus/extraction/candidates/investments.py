"""Investor–investee pairs: every ordered pair of organizations in a sentence about money or
backing, and investors whose round belongs to an organization named before ("Thrive led it")."""
from __future__ import annotations

from collections.abc import Iterator

from exodus.extraction.analysis import DocumentAnalysis, SentenceView
from exodus.extraction.candidates.base import Candidate, context_orgs
from exodus.extraction.analysis import MentionRef
from exodus.extraction.mentions import ORG, PERSON, Mention

MONEY_LEMMAS = frozenset({"invest", "investment", "investor", "back", "backer", "fund", "funding", "round", "raise",
                          "lead", "co-lead", "participate", "stake", "finance", "financing", "capital", "venture",
                          "seed", "series", "valuation", "value", "bankroll", "money", "shareholder", "pour",
                          "inject", "commit", "contribute", "allocation", "tranche", "pump", "chip", "put",
                          "anchor", "spearhead", "co-invest", "join", "include", "billion", "million"})


def about_money(sentence: SentenceView) -> bool:
    return bool(sentence.lemmas & MONEY_LEMMAS) or \
        any(t.ent_type_ == "MONEY" or t.text in ("$", "£", "€") for t in sentence.tokens)


def investments(analysis: DocumentAnalysis, sentence: SentenceView) -> Iterator[Candidate]:
    if not about_money(sentence):
        return
    orgs = sentence.of_kind(ORG)
    names = {o.name for o in orgs}
    lexicon = analysis.parsed.lexicon
    for person in sentence.of_kind(PERSON):
        # "Walden Catalyst, Pitango and SCB10X also took part": a firm the NER took for a person
        if person.tokens and person.source != "pronoun" and person.name not in names and \
                lexicon.canonical_person(person.name) is None and not person.source.startswith("alt"):
            text = person.tokens[0].doc[person.tokens[0].i:person.tokens[-1].i + 1].text
            org_name = analysis.parsed.table.org(text)
            orgs.append(MentionRef(Mention(ORG, org_name, person.mention.start, person.mention.end, certain=False),
                                   person.tokens, f"alt:{person.source}"))
            names.add(org_name)
    targets = [*orgs, *context_orgs(analysis, sentence, names, round_owner=True)]
    seen = set()
    for investor in orgs:
        for investee in targets:
            if investor.name == investee.name or (investor.name, investee.name) in seen:
                continue
            seen.add((investor.name, investee.name))
            yield Candidate("invested", sentence, investor, investee, proposers={"investments"})
