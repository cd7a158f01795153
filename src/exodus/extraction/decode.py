"""From scored candidates to facts: one fact per kind and names, the best-scored statement of it.

A fact is kept when its best candidate's score reaches its kind's threshold. Its evidence is
that candidate's sentence; its attributes are the rules' when the rules stated the same fact,
otherwise read off the sentence (`attributes.py`). Dates an article gives once for a whole
event are then shared out as the rules do (`inherited_dates.py`).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Token

from exodus.extraction.analysis import DocumentAnalysis
from exodus.extraction.attributes import fill_attributes
from exodus.extraction.candidates import Candidate, fact_kind
from exodus.extraction.consolidate import unify_group_names
from exodus.extraction.inherited_dates import inherit_dates
from exodus.extraction.lexicon import Lexicon, fold_name
from exodus.extraction.reasons import find_reasons
from exodus.schema import Evidence, Fact

_RULE_ATTRIBUTES = ("role", "from_org", "to_org", "date", "reasons", "amount")


def fact_key(candidate: Candidate) -> tuple:
    fields = candidate.fields()
    group = fields.get("group")
    return (candidate.kind, *(fold_name(v) if isinstance(v, str) else v
                              for k, v in sorted(fields.items()) if k != "group"),
            " ".join(fold_name(group).split()) if group else None)


def threshold_key(candidate: Candidate) -> str:
    """Which threshold decides the candidate: its kind's, or its kind's for what the rules also stated."""
    return f"{candidate.kind}|stated" if candidate.rule_fact is not None else candidate.kind


def best_per_slot(candidates: list[Candidate], scores: list[float]) -> list[int]:
    """Indices of the best-scored candidate of each slot (the first on a tie)."""
    best: dict[tuple, int] = {}
    for i, candidate in enumerate(candidates):
        slot = candidate.slot()
        if slot not in best or scores[i] > scores[best[slot]]:
            best[slot] = i
    return sorted(best.values())


def decode(analysis: DocumentAnalysis, candidates: list[Candidate], thresholds: Callable[[str], float],
           lexicon: Lexicon, title_pattern: re.Pattern[str], triggers: dict[int, Token | None],
           extractor: str) -> list[Fact]:
    """Facts of the document from its candidates (each with `.score` set)."""
    candidates = [candidates[i] for i in best_per_slot(candidates, [c.score for c in candidates])]
    groups: dict[tuple, list[Candidate]] = {}
    for candidate in candidates:
        groups.setdefault(fact_key(candidate), []).append(candidate)
    investors: dict[int, int] = {}
    for candidate in candidates:
        if candidate.kind == "invested" and candidate.score >= thresholds(threshold_key(candidate)):
            investors[candidate.sentence.index] = investors.get(candidate.sentence.index, 0) + 1
    facts = []
    text = analysis.document.text
    for group in groups.values():
        # a fact stands when any statement of it passes its threshold; the best of those speaks for it
        passing = [c for c in group if c.score >= thresholds(threshold_key(c))]
        if not passing:
            continue
        passing.sort(key=lambda c: (-c.score, c.sentence.index))
        best = passing[0]
        kind = fact_kind(best.kind)
        fields = best.fields()
        sentence = best.sentence
        fact = Fact(kind=kind, doc=analysis.document.id,
                    evidence=Evidence(sentence.start, sentence.end, text[sentence.start:sentence.end]),
                    confidence=round(best.score, 3), extractor=extractor, **fields)
        stated = best.rule_fact or next((c.rule_fact for c in group if c.rule_fact is not None), None)
        if stated is not None:
            for name in _RULE_ATTRIBUTES:
                setattr(fact, name, getattr(stated, name))
            fact.keywords = list(stated.keywords)
            if stated.kind == "member" and stated.org and not fact.org:
                fact.org = stated.org
        else:
            trigger = triggers.get(id(best))
            attributes = fill_attributes(best, analysis, lexicon, title_pattern, trigger,
                                         investors.get(sentence.index, 0))
            for name, value in attributes.items():
                setattr(fact, name, value)
            if trigger is not None:
                start = analysis.parsed.chunks[sentence.chunk].offset + trigger.idx
                fact.keywords = [(start, start + len(trigger))]
        if fact.reasons:
            # A reason belongs to the move whose sentence gives it, not to one told nearby.
            said = find_reasons([fact.evidence.text], lexicon)
            fact.reasons = [reason for reason in fact.reasons if reason in said]
        if kind == "left" and fact.reasons is None:
            fact.reasons = []
        if kind == "role":
            if not fact.role:
                continue  # a role fact names the role
            fact.date = None
        facts.append(fact)
    facts = unify_group_names(facts)
    facts = inherit_dates(facts, analysis.parsed)
    facts.sort(key=lambda f: (f.evidence.start, f.kind))
    return facts
