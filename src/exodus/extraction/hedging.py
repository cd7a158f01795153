"""Is a trigger stated as a fact? Rumors, talks, denials, negation and hypotheticals are not."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from exodus.extraction.lexicon import Lexicon


_NEEDS_INFINITIVE = {"set", "poised", "expect", "likely", "unlikely", "plan", "want", "hope", "try", "seek"}


def _phrasal(token: Token) -> str:
    particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
    return f"{token.lemma_.lower()} {particles[0]}" if particles else token.lemma_.lower()


@lru_cache(maxsize=4)
def _hedge_sets(lexicon: Lexicon) -> tuple[frozenset[str], ...]:
    hedges = lexicon.hedges
    return tuple(frozenset(hedges[key]) for key in ("lemmas", "modals", "conditions", "negations"))


def is_hedged(trigger: Token, lexicon: Lexicon) -> bool:
    """True when the trigger, or a word it depends on, makes the statement unfactual."""
    lemmas, modals, conditions, negations = _hedge_sets(lexicon)
    token: Token | None = trigger
    depth = 0
    while token is not None and depth < 8:
        if depth > 0 and (token.lemma_.lower() in lemmas or _phrasal(token) in lemmas):
            if token.lemma_.lower() not in _NEEDS_INFINITIVE or \
                    any(c.dep_ in ("xcomp", "ccomp") for c in token.children):
                return True  # "is set to join" hedges, "set up a team led by X" does not
        if depth > 0 and token.lemma_.lower() == "say" and any(c.dep_ == "auxpass" for c in token.children):
            return True  # "is said to be leaving"
        for child in token.children:
            if child.dep_ == "neg" or (child.lower_ in negations and child.dep_ in ("neg", "advmod", "det")):
                return True
            if child.dep_ == "aux" and child.tag_ == "MD" and child.lower_ in modals:
                return True
            if child.dep_ == "mark" and child.lower_ in conditions:
                return True
            if child.dep_ in ("advmod",) and child.lemma_.lower() in lemmas:
                return True
        if token.head is token or token.dep_ in ("ROOT",):
            break
        # a trigger inside a relative clause or apposition does not inherit the main clause's mood
        if token.dep_ in ("relcl", "appos", "parataxis"):
            break
        token = token.head
        depth += 1
    return False
