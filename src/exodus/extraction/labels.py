"""Which candidates the gold calls true: the labels the model learns from, and candidate recall.

A candidate is a positive example when a required or optional gold fact has its kind and
names (matched as `exodus evaluate` matches them) and, when the gold gives the evidence, the
candidate's sentence overlaps it. A candidate with the right names in another sentence is
left out of training (the text may or may not restate the fact there), and so are one that
matches only an optional fact and one whose names are the gold's written another way
("Toyota Motor" for "Toyota"): they are not counter-examples, unless another reading of the
same words (the same slot) is the right one.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from exodus.evaluation.scoring import FactMatcher, NameAliases, fold_text
from exodus.extraction.candidates import Candidate, fact_kind

POSITIVE, NEGATIVE, UNSURE = 1, 0, None


def candidate_fact(candidate: Candidate) -> dict[str, Any]:
    return {"kind": fact_kind(candidate.kind), **candidate.fields()}


def evidence_spans(gold: dict[str, Any], text: str) -> list[tuple[int, int]]:
    """Where the gold's evidence stands in the text (every occurrence); [] when it gives none."""
    evidence = gold.get("evidence")
    if not isinstance(evidence, str) or not evidence:
        return []
    spans, start = [], text.find(evidence)
    while start >= 0:
        spans.append((start, start + len(evidence)))
        start = text.find(evidence, start + 1)
    return spans


@dataclass
class GoldMatch:
    fact: dict[str, Any]
    spans: list[tuple[int, int]]

    @property
    def required(self) -> bool:
        return self.fact.get("required", True) is not False


def gold_matches(gold_facts: Iterable[dict[str, Any]], text: str) -> list[GoldMatch]:
    return [GoldMatch(g, evidence_spans(g, text)) for g in gold_facts]


_GENERIC = frozenset({"group", "holdings", "capital", "partners", "ventures", "company", "corporation", "inc",
                      "international", "global", "the", "of", "and", "ai", "labs", "bank", "fund", "motor", "motors"})


def _close_names(a: str | None, b: str | None) -> bool:
    """Two ways of writing one name ("Toyota Motor" and "Toyota", "SoftBank Group" and "SoftBank"):
    a distinctive word in common."""
    if not a or not b:
        return False
    words_a = set(fold_text(a).split()) - _GENERIC
    words_b = set(fold_text(b).split()) - _GENERIC
    return bool(words_a & words_b)


def _nearly_same(kind: str, fact: dict[str, Any], gold: dict[str, Any], matcher: FactMatcher) -> bool:
    """The gold fact, with one name written another way: not a counter-example to learn from."""
    fields = [f for f in ("person", "org", "group", "investor", "investee") if gold.get(f) or fact.get(f)]
    return all(matcher.same_person(fact.get(f), gold.get(f)) or _close_names(fact.get(f), gold.get(f))
               if f == "person" else
               matcher.same_org(fact.get(f), gold.get(f)) or _close_names(fact.get(f), gold.get(f))
               if f != "group" else FactMatcher.same_group(fact.get(f), gold.get(f)) or not gold.get(f)
               for f in fields)


def label_candidate(candidate: Candidate, golds: list[GoldMatch], matcher: FactMatcher) -> int | None:
    fact = candidate_fact(candidate)
    kind = fact["kind"]
    verdict: int | None = NEGATIVE
    for gold in golds:
        if gold.fact.get("kind") != kind:
            continue
        if not matcher.same_key(kind, fact, gold.fact):
            if verdict == NEGATIVE and _nearly_same(kind, fact, gold.fact, matcher):
                verdict = UNSURE
            continue
        in_sentence = not gold.spans or any(s < candidate.sentence.end and candidate.sentence.start < e
                                            for s, e in gold.spans)
        if in_sentence and gold.required:
            return POSITIVE
        if in_sentence or not OTHER_SENTENCES_NEGATIVE:
            verdict = UNSURE
    return verdict


# A candidate with the gold's names in a sentence that is not the gold's evidence ("Altman said that
# X was leaving" beside the fact that Altman left): a counter-example, since the gold names the
# sentence that states the fact.
OTHER_SENTENCES_NEGATIVE = True


def label_candidates(candidates: list[Candidate], gold_facts: list[dict[str, Any]], text: str,
                     aliases: NameAliases) -> list[int | None]:
    golds = gold_matches(gold_facts, text)
    matcher = FactMatcher(aliases, [g["person"] for g in gold_facts if g.get("person")])
    labels = [label_candidate(c, golds, matcher) for c in candidates]
    # Readings of the same words (a slot) exclude each other: beside the right one, another reading
    # whose names are the gold's written another way (the unit where the gold and the right reading
    # name the company) is a counter-example, so that the model learns which reading to prefer.
    right = {c.slot() for c, label in zip(candidates, labels) if label == POSITIVE}
    for i, (candidate, label) in enumerate(zip(candidates, labels)):
        if label is UNSURE and candidate.slot() in right and not _names_a_gold_fact(candidate, golds, matcher):
            labels[i] = NEGATIVE
    return labels


def _names_a_gold_fact(candidate: Candidate, golds: list[GoldMatch], matcher: FactMatcher) -> bool:
    fact = candidate_fact(candidate)
    return any(g.fact.get("kind") == fact["kind"] and matcher.same_key(fact["kind"], fact, g.fact) for g in golds)


@dataclass
class RecallCount:
    """Required gold facts, how many have a candidate with their names anywhere in the article,
    and how many have one in their evidence sentence."""

    gold: int = 0
    named: int = 0
    in_sentence: int = 0

    def add(self, other: RecallCount) -> None:
        self.gold += other.gold
        self.named += other.named
        self.in_sentence += other.in_sentence


def candidate_recall(candidates: list[Candidate], gold_facts: list[dict[str, Any]], text: str,
                     aliases: NameAliases) -> dict[str, RecallCount]:
    """Per fact kind: how many required gold facts some candidate could produce."""
    matcher = FactMatcher(aliases, [g["person"] for g in gold_facts if g.get("person")])
    by_kind: dict[str, RecallCount] = {}
    facts = [(c, candidate_fact(c)) for c in candidates]
    for gold in gold_matches(gold_facts, text):
        if not gold.required:
            continue
        kind = gold.fact["kind"]
        count = by_kind.setdefault(kind, RecallCount())
        count.gold += 1
        hits = [c for c, f in facts if f["kind"] == kind and matcher.same_key(kind, f, gold.fact)]
        if hits:
            count.named += 1
            if not gold.spans or any(s < c.sentence.end and c.sentence.start < e for c in hits for s, e in gold.spans):
                count.in_sentence += 1
    return by_kind
