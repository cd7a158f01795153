"""Facts for every member of a list introduced by a collective noun.

"It named eleven people as its founding team: A, B and C", "Investors in the round
included X, Y and Z", "A and B are co-founders of C": one fact per listed name.
"""
from __future__ import annotations


from spacy.tokens import Span, Token

from exodus.extraction.arguments import conjuncts
from exodus.extraction.hedging import is_hedged
from exodus.extraction.mentions import GROUP, ORG, PERSON, Mention
from exodus.extraction.rule_api import RuleBuilder
from exodus.schema import Fact


_BOARD_WORDS = {"board", "committee", "council"}
_LIST_VERBS = {"include", "be", "comprise", "number", "feature"}


def collective_key(token: Token) -> str:
    lemma = token.lower_
    if any(c.dep_ == "amod" and c.lower_ == "founding" for c in token.children):
        return "founding " + lemma
    if any(c.dep_ == "compound" and c.lower_ == "board" for c in token.children):
        return "board " + lemma
    return lemma


def listed_tokens(token: Token) -> list[Token]:
    """The tokens of the list a collective noun introduces."""
    out: list[Token] = []
    for c in token.children:
        if c.dep_ == "appos":
            out.extend(conjuncts(c))
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in _LIST_VERBS:
        for c in head.children:
            if c.dep_ in ("dobj", "attr"):
                out.extend(conjuncts(c))
    if token.dep_ == "attr" and head.lemma_ == "be":
        for c in head.children:
            if c.dep_ == "nsubj":
                if c.lower_ in ("who", "which", "that") and head.dep_ == "relcl":
                    c = head.head  # "Google, which is also an investor"
                out.extend(conjuncts(c))
    if token.dep_ == "pobj" and head.lower_ in ("as", "among"):
        verb = head.head
        withs = [p for c in token.sent if c.dep_ == "prep" and c.lower_ == "with" and c.i < head.i
                 and verb in (c.head, c.head.head, c.head.head.head)
                 for p in c.children if p.dep_ == "pobj"]
        if head.lower_ == "among" and withs:
            # "closed a round, led by A, with B and C among the participants"
            out.extend(t for p in withs for t in conjuncts(p))
        else:
            for c in verb.children:
                if c.dep_ in ("dobj", "oprd", "nsubj", "nsubjpass") and c is not head:
                    out.extend(conjuncts(c))
    out.extend(_included(token))
    return out


def _included(token: Token) -> list[Token]:
    """"backers including A and B", "investors that include A and B", "a syndicate of co-investors
    that includes A and B": the names a collective's own phrase lists."""
    out: list[Token] = []
    owners = [token]
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
        owners.append(token.head.head)
    for owner in owners:
        for c in owner.children:
            if c.dep_ == "prep" and c.lower_ in ("including", "like"):
                out.extend(t for p in c.children if p.dep_ == "pobj" for t in conjuncts(p))
            if c.dep_ == "relcl" and c.lemma_.lower() in ("include", "comprise", "be"):
                out.extend(t for o in c.children if o.dep_ in ("dobj", "attr") for t in conjuncts(o))
    return out


def collective_facts(builder: RuleBuilder, ci: int, sent: Span) -> None:
    kinds = builder.lexicon.nouns.get("collectives", {})
    parsed = builder.parsed
    for token in sent:
        kind = kinds.get(collective_key(token))
        if kind is None or token.pos_ not in ("NOUN", "PROPN") or is_hedged(token, builder.lexicon):
            continue
        wanted = ORG if kind == "invested" else PERSON
        if kind.startswith("member:") and _no_longer(token):
            continue
        members: list[Mention] = []
        listed = listed_tokens(token)
        if kind == "invested":
            listed = _with_surface_lists(builder, ci, sent, token, listed)
        for t in listed:
            m = parsed.mention(ci, t)
            if m and m.kind == wanted and (wanted == PERSON or m.certain) and m.name not in {x.name for x in members}:
                members.append(m)
        if not members:
            continue
        group = None
        if kind == "member:":
            # "The committee's other members are A, B and C": members of the group named or last mentioned
            group = group_of(builder, ci, token)
            owner = group.org if group is not None else None
            if group is not None and not owner and group.name.split()[-1].lower() in _BOARD_WORDS:
                # "a new board chaired by A. The other members are B and C": a board belongs to the
                # organization the article is about
                owner = builder.parsed.previous_org(builder.start_of(ci, token), definite=True)
            if not owner:
                continue
        elif kind == "member:board" and "board" not in collective_key(token) and \
                not explicit_owner(builder, ci, token) and not builder.mentions_words(ci, sent, ["board"]) and \
                not any(c.lower_ in _BOARD_SEATS for c in token.children if c.dep_ in ("amod", "compound")):
            continue  # "directors including X" are film or research directors unless a board is in view
        elif kind == "founded" and not explicit_owner(builder, ci, token):
            # "The founding group also includes A and B", after "Anthropic was founded by C": the
            # organization whose founding the article is telling
            founded = [f.org for f in builder.facts if f.kind == "founded" and f.evidence.start < builder.start_of(ci, token)]
            owner = founded[-1] if founded else collective_owner(builder, ci, token)
        else:
            owner = collective_owner(builder, ci, token)
        if owner is None or (kind == "invested" and any(m.name == owner for m in members)):
            continue  # a listed investor taken for the company funded: its owner is not known
        base = dict(doc=parsed.document.id, evidence=builder.evidence_of(ci, sent), extractor=builder.extractor,
                    keywords=[(builder.start_of(ci, token), builder.start_of(ci, token) + len(token))], date=None)
        for m in members:
            if kind == "founded":
                builder.facts.append(Fact(kind="founded", person=m.name, org=owner, confidence=0.7, **base))
            elif group is not None:
                builder.facts.append(Fact(kind="member", person=m.name, org=owner, group=group.name,
                                          confidence=0.6, **base))
            elif kind.startswith("member:"):
                builder.facts.append(Fact(kind="member", person=m.name, org=owner, group=kind.split(":", 1)[1],
                                          confidence=0.6, **base))
            elif m.name != owner:
                builder.facts.append(Fact(kind="invested", investor=m.name, investee=owner, confidence=0.7, **base))


def _no_longer(token: Token) -> bool:
    """ "is no longer a member of the committee", "is not a member", "former members": not a membership."""
    if any(c.dep_ == "amod" and c.lower_ in ("former", "ex") for c in token.children):
        return True
    verb = token.head if token.dep_ == "attr" else None
    return verb is not None and any(c.dep_ == "neg" or c.lower_ == "longer" for c in verb.children)


def _with_surface_lists(builder: RuleBuilder, ci: int, sent: Span, token: Token,
                        listed: list[Token]) -> list[Token]:
    """Investor lists the parser broke apart: every name in the surface list of a listed name, and
    for "Investors include A, ..." every organization heading a list item up to the sentence end."""
    from exodus.extraction.investor_lists import list_items_after, surface_list

    out = list(listed)
    for t in listed:
        out.extend(x for x in surface_list(builder, ci, t) if x not in out)
    head = token.head
    if listed and token.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in ("include", "comprise"):
        for m in list_items_after(builder, ci, sent, head):
            first = next((t for t in sent if builder.parsed.mention(ci, t) is m), None)
            if first is not None and first not in out:
                out.append(first)
    return out


def explicit_owner(builder: RuleBuilder, ci: int, token: Token) -> bool:
    """Does the collective name its organization ("OpenAI's founders", "founders of OpenAI")?"""
    for c in token.children:
        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "at", "in")):
            for t in [c, *c.children]:
                m = builder.parsed.mention(ci, t)
                if m and m.kind == ORG and t.pos_ == "PROPN":
                    return True
    return False


def group_of(builder: RuleBuilder, ci: int, token: Token):
    parsed = builder.parsed
    for c in token.children:
        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of"):
            for t in [c, *c.children]:
                m = parsed.mention(ci, t)
                if m and m.kind == GROUP:
                    return m
            return None  # "its members", "members of Congress": not a group we know
    return parsed.previous_group(builder.start_of(ci, token))


def collective_owner(builder: RuleBuilder, ci: int, token: Token) -> str | None:
    """The organization the collective belongs to: its possessor, an 'of'/'in' phrase, or context."""
    parsed = builder.parsed
    for c in token.children:
        if c.dep_ == "poss":
            m = parsed.mention(ci, c)
            if m and m.kind == ORG:
                return m.name
        if c.dep_ == "prep" and c.lower_ in ("of", "in", "at", "behind"):
            for p in c.children:
                m = parsed.mention(ci, p)
                if m and m.kind == ORG:
                    return m.name
                if p.pos_ == "NOUN" and p.lemma_.lower() not in _ROUND_WORDS:
                    return None  # "backers of the offer": not an organization's backers
    place = _relative_place(builder, ci, token)
    if place:
        return place
    position = builder.start_of(ci, token)
    if kind_of(token, builder) == "invested":
        return parsed.round_owner(position) or parsed.previous_org(position, definite=True)
    return parsed.previous_org(position, definite=True)


_BOARD_SEATS = {"outside", "independent", "non-executive", "nonexecutive", "non-independent"}


def _relative_place(builder: RuleBuilder, ci: int, token: Token) -> str | None:
    """ "OpenAI, where he was a founding member": the organization a relative clause hangs on."""
    clause = token.head
    if token.dep_ != "attr" or clause.dep_ != "relcl" or \
            not any(c.lower_ in ("where", "which", "that") for c in clause.children):
        return None
    m = builder.parsed.mention(ci, clause.head)
    return m.name if m and m.kind == ORG and m.certain else None


_ROUND_WORDS = {"round", "funding", "financing", "company", "startup", "lab", "firm", "raise", "deal"}


def kind_of(token: Token, builder: RuleBuilder) -> str | None:
    return builder.lexicon.nouns.get("collectives", {}).get(collective_key(token))
