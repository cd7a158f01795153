"""Investors that ride along with an investment already read in the same sentence, and money
"from" backers of an organization.

"A and B put money in, as did C", "A participated, joined by C and D", "A invested in X
alongside C" / "along with C" / "as well as C": C and D back the same investee as A.
"X opened with $5 million from a group of donors that includes A, B and C", "X launched with
funding from A and B": A, B and C back X.
"""
from __future__ import annotations


from spacy.tokens import Span, Token

from exodus.extraction.arguments import conjuncts
from exodus.extraction.hedging import is_hedged
from exodus.extraction.investor_lists import emit_investments, listed_orgs, surface_list
from exodus.extraction.mentions import ORG, PERSON
from exodus.extraction.rule_api import RuleBuilder
from exodus.schema import Fact


# Prepositions that add a companion to a clause: "alongside C", "along with C", "together with C".
_COMPANION_PREPS = {"alongside"}
_COMPANION_WITH_HEADS = {"along", "together"}
# Nouns for a set of backers whose members a relative clause or "including" lists.
_BACKER_GROUPS = {"group", "consortium", "coalition", "number", "set", "syndicate", "roster", "list", "host"}
_MONEY_NOUNS = {"money", "cash", "capital", "funds", "funding", "financing", "backing", "grant", "grants",
                "million", "billion", "m", "bn", "donation", "donations"}


def companion_investor_facts(builder: RuleBuilder, ci: int, sent: Span, new_facts: list[Fact]) -> None:
    investees = {f.investee for f in new_facts if f.kind == "invested" and f.investee}
    if len(investees) == 1:
        investee = next(iter(investees))
        known = {f.investor for f in new_facts if f.kind == "invested"} | {investee}
        for anchor, names in _companions(builder, ci, sent):
            investors = [m for m in names if m.name not in known]
            if investors and not is_hedged(anchor, builder.lexicon):
                emit_investments(builder, ci, sent, anchor, investors, investee, 0.7)
                known |= {m.name for m in investors}
    _money_from(builder, ci, sent)


def _companions(builder: RuleBuilder, ci: int, sent: Span) -> list[tuple[Token, list]]:
    out = []
    for t in sent:
        items: list[Token] = []
        if t.lemma_.lower() == "do" and t.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ == "as" for c in t.children):
            items = [s for c in t.children if c.dep_ == "nsubj" for s in conjuncts(c)]  # "as did C"
        elif t.lower_ == "joined" and t.dep_ in ("acl", "advcl", "conj"):
            items = [p for c in t.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        elif t.dep_ == "prep" and (t.lower_ in _COMPANION_PREPS or (
                t.lower_ == "with" and t.i > 0 and t.doc[t.i - 1].lower_ in _COMPANION_WITH_HEADS) or (
                t.lower_ == "as" and t.i > 1 and t.doc[t.i - 1].lower_ == "well" and t.doc[t.i - 2].lower_ == "as")):
            items = [p for p in t.children if p.dep_ == "pobj"]
        elif t.lower_ == "as" and t.i + 2 < sent.end and t.doc[t.i + 1].lower_ in ("did", "does", "do", "had", "have"):
            # "as did C, the fund ..." when the parser took "did" for an auxiliary of a later verb
            nxt = t.doc[t.i + 2]
            m = builder.parsed.mention(ci, nxt)
            if m and m.kind == ORG:
                head = next((x for x in nxt.doc[nxt.i:sent.end] if builder.parsed.mention(ci, x) is m
                             and builder.parsed.mention(ci, x.head) is not m), nxt)
                items = [head]
        if not items:
            continue
        tokens = [x for i in items for x in conjuncts(i) + surface_list(builder, ci, i)]
        names = listed_orgs(builder, ci, tokens)
        if names and not any(m and m.kind == PERSON for m in (builder.parsed.mention(ci, i) for i in items)):
            out.append((t, names))
    return out


def _money_from(builder: RuleBuilder, ci: int, sent: Span) -> None:
    """"X launched with $3 million from A and B" / "... from a group of donors that includes A and B"."""
    for verb in sent:
        if verb.pos_ != "VERB" or is_hedged(verb, builder.lexicon):
            continue
        withs = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                 for p in c.children if p.dep_ == "pobj"]
        money = [p for p in withs if p.lemma_.lower() in _MONEY_NOUNS or p.like_num]
        if not money:
            continue
        froms = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"]
        froms += [c for m in money for c in m.children if c.dep_ == "prep" and c.lower_ == "from"]
        subjects = [builder.parsed.mention(ci, c) for c in verb.children if c.dep_ == "nsubj"]
        if verb.dep_ == "acl":  # "The Institute, launched with $3m from ..."
            subjects.append(builder.parsed.mention(ci, verb.head))
        investee = next((m for m in subjects if m and m.kind == ORG and m.certain), None)
        if investee is None:
            continue
        tokens: list[Token] = []
        for f in froms:
            for p in f.children:
                if p.dep_ != "pobj":
                    continue
                if p.lemma_.lower() in _BACKER_GROUPS:
                    tokens += _group_members(p)
                else:
                    tokens += conjuncts(p)
        tokens = [x for t in tokens for x in [t] + surface_list(builder, ci, t)]
        investors = listed_orgs(builder, ci, tokens)
        if investors:
            emit_investments(builder, ci, sent, verb, investors, investee.name, 0.7)


def _group_members(group: Token) -> list[Token]:
    """"a group of philanthropies that includes A, B and C", "a consortium including A and B"."""
    out: list[Token] = []
    for t in group.subtree:
        if t.lemma_.lower() == "include" and t.dep_ in ("relcl", "acl"):
            out += [x for c in t.children if c.dep_ == "dobj" for x in conjuncts(c)]
        elif t.lower_ == "including" and t.dep_ == "prep":
            out += [x for c in t.children if c.dep_ == "pobj" for x in conjuncts(c)]
    return out
