"""Investor–investee pairs: every ordered pair of organizations in a sentence about money or
backing, and investors whose round belongs to an organization named before ("Thrive led it")."""
from __future__ import annotations

from collections.abc import Iterator

from exodus.extraction.analysis import DocumentAnalysis, SentenceView
from exodus.extraction.candidates.base import Candidate, context_ref
from exodus.extraction.mentions import ORG

MONEY_LEMMAS = frozenset({"invest", "investment", "investor", "back", "backer", "fund", "funding", "round", "raise",
                          "lead", "co-lead", "participate", "stake", "finance", "financing", "capital", "venture",
                          "seed", "series", "valuation", "value", "bankroll", "money", "shareholder", "pour",
                          "inject", "commit", "contribute", "allocation", "tranche", "pump", "chip", "put",
                          "anchor", "spearhead", "co-invest", "join", "include", "billion", "million"})


def about_money(sentence: SentenceView) -> bool:
    return any(t.lemma_.lower() in MONEY_LEMMAS or t.ent_type_ == "MONEY" or t.text in ("$", "£", "€")
               for t in sentence.span)


def investments(analysis: DocumentAnalysis, sentence: SentenceView) -> Iterator[Candidate]:
    if not about_money(sentence):
        return
    orgs = sentence.of_kind(ORG)
    names = {o.name for o in orgs}
    owner = analysis.parsed.round_owner(sentence.start)
    targets = list(orgs)
    if owner and owner not in names:
        targets.append(context_ref(ORG, owner))
    seen = set()
    for investor in orgs:
        for investee in targets:
            if investor.name == investee.name or (investor.name, investee.name) in seen:
                continue
            seen.add((investor.name, investee.name))
            yield Candidate("invested", sentence, investor, investee, proposers={"investments"})
