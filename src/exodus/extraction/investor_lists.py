"""Investors named without an invest verb of their own, around a funding round.

"The round was co-led by A and B", "a $1bn round, led by A", "A, B and C also joined"
(right after a round), "The money comes from A, B and C", "it is making a new
investment, worth billions, in X": one `invested` fact per organization named, in
the organization whose round (or money) the sentence speaks of.
"""
from __future__ import annotations


from spacy.tokens import Span, Token

from exodus.extraction.arguments import conjuncts
from exodus.extraction.hedging import is_hedged
from exodus.extraction.mentions import ORG, PERSON, Mention
from exodus.extraction.round_owners import person_affiliation
from exodus.extraction.rule_api import RuleBuilder
from exodus.schema import Fact


# Words that make a sentence (or the one before it) speak of a funding round.
ROUND_WORDS = {"round", "funding", "financing", "fundraising", "raise", "investment", "series", "seed",
               "tranche", "valuation", "investor", "backer"}
# Verbs a round's participants take without an object: "A and B also joined", "SoftBank is leading".
_PARTICIPATION_VERBS = {"join", "lead", "co-lead", "participate"}
# Subjects of "comes from" that are money: "The money comes from A and B".
_MONEY_WORDS = {"money", "cash", "funding", "financing", "capital", "funds", "investment", "billion", "million",
                "bn", "m"}
_LEAD_VERBS = {"lead", "co-lead"}
# Verbs whose subject makes the investment they take as object: "it is making a new investment in X".
_INVESTMENT_VERBS = {"make", "commit", "complete", "finalize", "finalise"}


def investor_list_facts(builder: RuleBuilder, ci: int, sent: Span) -> None:
    from exodus.extraction.parsed import trigger_lemma

    for token in sent:
        lemma = trigger_lemma(token)
        if token.pos_ not in ("VERB", "AUX", "NOUN") or is_hedged(token, builder.lexicon):
            continue
        if lemma in _PARTICIPATION_VERBS and token.pos_ in ("VERB", "AUX"):
            _participation(builder, ci, sent, token)
        if lemma in _LEAD_VERBS and token.pos_ == "VERB":
            _led_by(builder, ci, sent, token)
        if lemma == "come" and token.pos_ == "VERB":
            _comes_from(builder, ci, sent, token)
        if lemma == "investment" and token.pos_ == "NOUN":
            _investment_in(builder, ci, sent, token)
        if lemma in _FROM_NOUNS and token.pos_ == "NOUN":
            _round_money_from(builder, ci, sent, token)
        if lemma == "take" and token.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lower_ == "part"
                                                             for c in token.children):
            _took_part(builder, ci, sent, token)


def _participation(builder: RuleBuilder, ci: int, sent: Span, verb: Token) -> None:
    """"Khosla Ventures, Altimeter and MGX also joined." after a round: participants in that round."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "xcomp", "ccomp")]
    if any(o.lemma_.lower() not in ROUND_WORDS for o in objects) or _is_passive(verb):
        return
    for c in verb.children:
        if c.dep_ == "prep" and not any(p.lemma_.lower() in ROUND_WORDS for p in c.children):
            return  # "joined with X to build ...", "leading in the race": not a round
    if not _round_context(builder, ci, sent, verb):
        return
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    investors = listed_orgs(builder, ci, [t for s in subjects for t in conjuncts(s) + surface_list(builder, ci, s)])
    if not investors or _has_person(builder, ci, subjects):
        return
    owner = builder.parsed.round_owner(builder.start_of(ci, verb))
    emit_investments(builder, ci, sent, verb, investors, owner, 0.7)


def _led_by(builder: RuleBuilder, ci: int, sent: Span, verb: Token) -> None:
    """"raised a $350 million Series B round, co-led by A and B": a participle on the round."""
    if verb.dep_ not in ("acl", "advcl", "relcl"):
        return
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not agents:
        return
    head = verb.head
    owner: str | None = None
    if head.pos_ in ("NOUN", "PROPN"):
        if head.lemma_.lower() not in ROUND_WORDS:
            return
        for c in head.children:
            m = builder.parsed.mention(ci, c) if c.dep_ == "poss" else None
            if m and m.kind == ORG:
                owner = m.name
        round_verb = head.head if head.dep_ in ("dobj", "pobj") else None
    else:
        round_verb = head
        objects = [t for c in head.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree]
        if not any(t.lemma_.lower() in ROUND_WORDS for t in objects):
            return
    if owner is None and round_verb is not None:
        for c in round_verb.children:
            m = builder.parsed.mention(ci, c) if c.dep_ == "nsubj" else None
            if m and m.kind == ORG and (m.certain or builder.parsed.named_before(m.name, builder.start_of(ci, c))):
                owner = m.name
    if owner is None:
        owner = builder.parsed.round_owner(builder.start_of(ci, verb))
    investors = listed_orgs(builder, ci, [t for a in agents for t in conjuncts(a) + surface_list(builder, ci, a)])
    emit_investments(builder, ci, sent, verb, investors, owner, 0.8)


def _comes_from(builder: RuleBuilder, ci: int, sent: Span, verb: Token) -> None:
    """"The money comes from A, B and C, along with D": the backers of the organization."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not any(s.lemma_.lower() in _MONEY_WORDS or any(t.text in ("$", "€", "£") for t in s.subtree)
               for s in subjects):
        return
    froms = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"]
    if not froms:
        return
    position = builder.start_of(ci, verb)
    tokens = [t for f in froms for p in f.children if p.dep_ == "pobj"
              for t in conjuncts(p) + surface_list(builder, ci, p)]
    investors = listed_orgs(builder, ci, tokens) + list_items_after(builder, ci, sent, froms[0])
    owner = builder.parsed.round_owner(position) or builder.parsed.previous_org(position, definite=True)
    emit_investments(builder, ci, sent, verb, investors, owner, 0.7)


def _investment_in(builder: RuleBuilder, ci: int, sent: Span, noun: Token) -> None:
    """"it is making a new investment, worth billions of dollars, in OpenAI": the "in" phrase the
    parser hung on a modifier; "Meta's $14.3bn investment in the data company"."""
    parsed = builder.parsed
    investor: Mention | None = None
    for c in noun.children:
        m = parsed.mention(ci, c) if c.dep_ == "poss" else None
        if m and m.kind == ORG and m.certain:
            investor = m
    verb = noun.head
    if investor is None and noun.dep_ == "dobj" and verb.lemma_.lower() in _INVESTMENT_VERBS and \
            not is_hedged(verb, builder.lexicon):
        for c in verb.children:
            m = parsed.mention(ci, c) if c.dep_ == "nsubj" else None
            if m and m.kind == ORG:
                investor = m
    if investor is None:
        return
    targets = [p for c in noun.children if c.dep_ in ("amod", "appos", "acl") for pr in c.children
               if pr.dep_ == "prep" and pr.lower_ in ("in", "into") for p in pr.children if p.dep_ == "pobj"]
    targets += [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "into")
                for p in c.children if p.dep_ == "pobj"]
    for target in targets:
        m = parsed.mention(ci, target)
        if m and m.kind == ORG and m.name == investor.name and target.pos_ == "NOUN":
            # "the data company" read as the possessor just named: the organization named before it
            earlier = [x for x in parsed.timeline if x.kind == ORG and x.certain and x.name != investor.name
                       and x.start < builder.start_of(ci, noun)]
            m = earlier[-1] if earlier else None
        if m and m.kind == ORG and m.name != investor.name:
            emit_investments(builder, ci, sent, noun, [investor], m.name, 0.75, amount=True)
            return


# Nouns for money put in that name its givers with "from": "The round includes investments from A and B".
_FROM_NOUNS = {"investment", "participation", "backing", "commitment", "contribution", "money", "capital"}


def _round_money_from(builder: RuleBuilder, ci: int, sent: Span, noun: Token) -> None:
    """"The round includes investments from A, B and C", "the financing drew backing from A and B": the
    givers of money in a round whose owner the article has named."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "attr") or verb.pos_ not in ("VERB", "AUX") or is_hedged(verb, builder.lexicon):
        return
    if not any(c.dep_ == "nsubj" and c.lemma_.lower() in ROUND_WORDS for c in verb.children):
        return
    froms = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"]
    if not froms:
        return
    tokens = [t for f in froms for p in f.children if p.dep_ == "pobj" for t in conjuncts(p) + surface_list(builder, ci, p)]
    investors = listed_orgs(builder, ci, tokens) + list_items_after(builder, ci, sent, froms[0])
    position = builder.start_of(ci, noun)
    owner = builder.parsed.round_owner(position) or builder.parsed.previous_org(position, definite=True)
    emit_investments(builder, ci, sent, noun, _unique(investors), owner, 0.7)


def _took_part(builder: RuleBuilder, ci: int, sent: Span, verb: Token) -> None:
    """"A, B and C also took part" right after a round: participants in that round."""
    if any(c.dep_ == "prep" and not any(p.lemma_.lower() in ROUND_WORDS for p in c.children)
           for c in verb.children) or not _round_context(builder, ci, sent, verb):
        return
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or _has_person(builder, ci, subjects):
        return
    investors = listed_orgs(builder, ci, [t for s in subjects for t in conjuncts(s) + surface_list(builder, ci, s)])
    owner = builder.parsed.round_owner(builder.start_of(ci, verb))
    emit_investments(builder, ci, sent, verb, investors, owner, 0.7)


def _unique(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if m.name not in {x.name for x in out}:
            out.append(m)
    return out


def list_items_after(builder: RuleBuilder, ci: int, sent: Span, start: Token) -> list[Mention]:
    """Organizations listed after `start` to the end of the sentence, when the parser broke the
    list: names that head a list item, not modifiers ("former Google chief executive X")."""
    out: list[Mention] = []
    for t in sent:
        m = builder.parsed.mention(ci, t)
        if t.i <= start.i or not m or m.kind != ORG or not m.certain or t.pos_ != "PROPN":
            continue
        if builder.parsed.mention(ci, t.head) is m and t.head.i != t.i:
            continue  # a word inside the name; its head speaks for it
        if t.dep_ in ("compound", "poss", "nmod", "amod", "npadvmod"):
            continue  # a modifier: "former Google chief executive X"
        if t.dep_ == "pobj" and t.head.lower_ not in ("including", "like", "from", "with", "as", "through", "via"):
            continue
        if m.name not in {x.name for x in out}:
            out.append(m)
    return out


def surface_list(builder: RuleBuilder, ci: int, token: Token) -> list[Token]:
    """The names listed with `token` ("A, B Capital and C"), read off the surface, for lists the
    parser broke apart."""
    from exodus.extraction.parsed import name_lists

    for items in name_lists(token.doc):
        if any(token in item for item in items):
            # "from A and B, and C had been ...": a name that opens a clause of its own is not listed
            return [item[-1] for item in items if item[-1] == token or
                    item[-1].dep_ not in ("nsubj", "nsubjpass") or token.dep_ in ("nsubj", "nsubjpass")]
    return [token]


def _round_context(builder: RuleBuilder, ci: int, sent: Span, token: Token) -> bool:
    """Does this sentence or one of the two before it speak of a funding round?"""
    doc = sent.doc
    start = sent.start
    for _ in range(2):
        if start > 0:
            start = doc[start - 1].sent.start
    return any(t.lemma_.lower() in ROUND_WORDS for t in doc[start:sent.end])


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _has_person(builder: RuleBuilder, ci: int, subjects: list[Token]) -> bool:
    for s in subjects:
        for t in conjuncts(s):
            m = builder.parsed.mention(ci, t)
            if m and m.kind == PERSON:
                return True
    return False


def listed_orgs(builder: RuleBuilder, ci: int, tokens: list[Token]) -> list[Mention]:
    out: list[Mention] = []
    for t in tokens:
        m = builder.parsed.mention(ci, t)
        if m and m.kind == ORG and (m.certain or t.pos_ == "PRON") and m.name not in {x.name for x in out}:
            out.append(m)
    return out


def emit_investments(builder: RuleBuilder, ci: int, sent: Span, token: Token, investors: list[Mention],
          investee: str | None, confidence: float, amount: bool = False) -> None:
    if not investee or any(m.name == investee for m in investors):
        return  # a listed investor taken for the company funded: the round's owner is not known
    start = builder.start_of(ci, token)
    base = dict(kind="invested", doc=builder.parsed.document.id, evidence=builder.evidence_of(ci, sent),
                extractor=builder.extractor, keywords=[(start, start + len(token))],
                date=builder.date_of(ci, sent, token))
    value = builder.amount_of(ci, sent, token) if amount and len(investors) == 1 else None
    text = builder.parsed.document.text
    for m in investors:
        if m.name != investee and not (m.end and person_affiliation(text, m.end)):
            builder.facts.append(Fact(investor=m.name, investee=investee, confidence=confidence, amount=value,
                                      **base))
