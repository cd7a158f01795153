"""Compare predicted facts with gold facts, article by article (docs/fact-format.md, "How facts are scored").

The matching rules are fixed so that figures are comparable across extractors and
sessions: names are folded (case, punctuation, possessives, company suffixes) and
mapped through aliases; a person also matches by a surname unique among the
article's gold people; groups match by their content words. Each gold fact is used
once; optional gold facts neither count as misses nor make a prediction spurious.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from exodus.errors import ExodusError
from exodus.schema import KINDS

# The order of the table: the kinds the overall figure counts, then role.
HEADLINE_KINDS: tuple[str, ...] = tuple(k for k in KINDS if k != "role")
TABLE_ORDER: tuple[str, ...] = (*HEADLINE_KINDS, "role")
# Words that never tell two names apart: legal forms, and "the"/"company".
_COMPANY_WORDS = frozenset({"inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation", "co", "plc",
                            "gmbh", "sa", "ag", "the", "company"})
_GROUP_FILLER = frozenset({"the", "a", "an", "of", "and", "s", "team", "group", "unit", "its"})
_ROLE_FILLER = frozenset({"the", "a", "an", "of", "and", "s", "at", "for", "its", "former", "then", "new"})
_POSSESSIVE = re.compile(r"'s\b")
_NOT_WORD = re.compile(r"[^\w\s]")


class GoldError(ExodusError):
    """A gold or prediction file that cannot be read."""


def fold_text(text: str | None) -> str:
    """Lower case, straight apostrophes, no possessive "'s", punctuation as spaces, single spaces."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'").lower()
    return " ".join(_NOT_WORD.sub(" ", _POSSESSIVE.sub("", text)).split())


def fold_org_name(text: str | None) -> str:
    return " ".join(w for w in fold_text(text).split() if w not in _COMPANY_WORDS)


def content_words(text: str | None, filler: frozenset[str]) -> set[str]:
    return set(fold_text(text).split()) - filler


class NameAliases:
    """Folded name -> folded canonical name, from a `{canonical: [other names]}` mapping."""

    def __init__(self, table: Mapping[str, list[str]] | None = None):
        self._canonical: dict[str, str] = {}
        for canonical, others in (table or {}).items():
            if canonical.startswith("_"):
                continue
            for name in (canonical, *others):
                self._canonical[fold_org_name(name)] = fold_org_name(canonical)

    @classmethod
    def from_file(cls, path: Path | None = None) -> NameAliases:
        """The aliases of `path`, or Exodus's own (`exodus/data/scoring_aliases.json`)."""
        try:
            raw = path.read_text(encoding="utf-8") if path else \
                resources.files("exodus.data").joinpath("scoring_aliases.json").read_text(encoding="utf-8")
            table = json.loads(raw)
        except (OSError, json.JSONDecodeError) as err:
            raise GoldError(f"{path}: cannot read aliases: {err}") from None
        if not isinstance(table, dict):
            raise GoldError(f"{path}: aliases must be a JSON object of name -> list of names")
        return cls(table)

    def __call__(self, name: str | None) -> str:
        folded = fold_org_name(name)
        return self._canonical.get(folded, folded)


class FactMatcher:
    """Whether a predicted fact names the same thing as a gold fact of one article."""

    def __init__(self, aliases: NameAliases, gold_people: Iterable[str]):
        self.aliases = aliases
        by_surname: dict[str, set[str]] = defaultdict(set)
        for person in gold_people:
            name = aliases(person)
            if name:
                by_surname[name.split()[-1]].add(name)
        self._only_one = {surname: next(iter(names)) for surname, names in by_surname.items() if len(names) == 1}

    def same_person(self, predicted: str | None, gold: str | None) -> bool:
        p, g = self.aliases(predicted), self.aliases(gold)
        if not p or not g:
            return p == g
        if p == g:
            return True
        surname = g.split()[-1]
        return p.split()[-1] == surname and self._only_one.get(surname) == g

    def same_org(self, predicted: str | None, gold: str | None) -> bool:
        return self.aliases(predicted) == self.aliases(gold)

    @staticmethod
    def same_group(predicted: str | None, gold: str | None) -> bool:
        p, g = content_words(predicted, _GROUP_FILLER), content_words(gold, _GROUP_FILLER)
        return bool(p) and bool(g) and (p <= g or g <= p)

    def same_key(self, kind: str, predicted: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
        get_p, get_g = predicted.get, gold.get
        if kind in ("joined", "left", "role"):
            return self.same_person(get_p("person"), get_g("person")) and self.same_org(get_p("org"), get_g("org"))
        if kind == "member":
            return (self.same_person(get_p("person"), get_g("person")) and self.same_group(get_p("group"), get_g("group"))
                    and (not get_p("org") or not get_g("org") or self.same_org(get_p("org"), get_g("org"))))
        if kind == "founded":
            if not self.same_org(get_p("org"), get_g("org")):
                return False
            if get_g("person") is None:
                return get_p("person") is None
            return self.same_person(get_p("person"), get_g("person"))
        if kind == "group_event":
            return (self.same_org(get_p("org"), get_g("org")) and self.same_group(get_p("group"), get_g("group"))
                    and get_p("action") == get_g("action"))
        if kind == "invested":
            return self.same_org(get_p("investor"), get_g("investor")) and \
                self.same_org(get_p("investee"), get_g("investee"))
        return False


def _date_agrees(predicted: Any, gold: str) -> bool:
    """At least the gold's precision, and the same date at it."""
    return bool(predicted) and len(str(predicted)) >= len(gold) and str(predicted).startswith(gold)


def attribute_agreement(matcher: FactMatcher, predicted: Mapping[str, Any], gold: Mapping[str, Any]) -> dict[str, float]:
    """0..1 per attribute that the gold fact gives."""
    out: dict[str, float] = {}
    if gold.get("date"):
        out["date"] = float(_date_agrees(predicted.get("date"), str(gold["date"])))
    if gold.get("reasons"):
        g, p = set(gold["reasons"]), set(predicted.get("reasons") or [])
        out["reasons"] = len(g & p) / len(g | p)
    for name in ("from_org", "to_org"):
        if gold.get(name):
            out[name] = float(matcher.same_org(predicted.get(name), gold[name]))
    if gold.get("role"):
        out["role"] = float(bool(content_words(gold["role"], _ROLE_FILLER) &
                                 content_words(predicted.get("role"), _ROLE_FILLER)))
    if gold.get("amount"):
        out["amount"] = float(_same_amount(predicted.get("amount"), gold["amount"]))
    return out


def _same_amount(predicted: Any, gold: Mapping[str, Any]) -> bool:
    predicted = predicted or {}
    try:
        return (str(predicted.get("currency", "")).upper() == str(gold.get("currency", "")).upper()
                and abs(float(predicted["value"]) - float(gold["value"])) <= 0.01 * abs(float(gold["value"])))
    except (AttributeError, KeyError, TypeError, ValueError):
        return False


def evidence_is_exact(fact: Mapping[str, Any], text: str | None) -> bool:
    evidence = fact.get("evidence") or {}
    try:
        start, end = int(evidence["start"]), int(evidence["end"])
    except (KeyError, TypeError, ValueError):
        return False
    return text is not None and 0 <= start < end <= len(text) and text[start:end] == evidence.get("text")


def _best_per_key(predictions: list[Mapping[str, Any]], aliases: NameAliases) -> list[Mapping[str, Any]]:
    """One prediction per kind and folded names: the most confident (the first among equals)."""
    best: dict[tuple, Mapping[str, Any]] = {}
    for fact in predictions:
        key = (fact.get("kind"), aliases(fact.get("person")), aliases(fact.get("org")), fold_text(fact.get("group")),
               fact.get("action"), aliases(fact.get("investor")), aliases(fact.get("investee")))
        if key not in best or (fact.get("confidence") or 0) > (best[key].get("confidence") or 0):
            best[key] = fact
    return list(best.values())


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "pred": self.pred, "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass
class ScoreReport:
    """Counts per kind, overall counts over `headline` kinds, attribute agreement, evidence problems."""

    kinds: dict[str, Counts]
    headline: tuple[str, ...]
    attributes: dict[str, list[float]]
    bad_evidence: int
    errors: list[tuple[str, str, Any]] = field(default_factory=list)

    @property
    def overall(self) -> Counts:
        total = Counts()
        for kind in self.headline:
            total.add(self.kinds[kind])
        return total

    def to_dict(self) -> dict[str, Any]:
        return {"kinds": {k: c.to_dict() for k, c in self.kinds.items()}, "overall": self.overall.to_dict(),
                "attributes": {k: {"n": len(v), "accuracy": sum(v) / len(v)} for k, v in sorted(self.attributes.items())},
                "bad_evidence": self.bad_evidence}

    def table(self) -> str:
        lines = [f"{'kind':<12}{'gold':>6}{'pred':>6}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>7}{'R':>7}{'F1':>7}"]
        for name, c in [*self.kinds.items(), ("OVERALL", self.overall)]:
            lines.append(f"{name:<12}{c.gold:>6}{c.pred:>6}{c.tp:>5}{c.fp:>5}{c.fn:>5}"
                         f"{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}")
        for name, values in sorted(self.attributes.items()):
            lines.append(f"attribute {name:<9} n={len(values):<4} accuracy={sum(values) / len(values):.3f}")
        lines.append(f"facts with evidence not found in their document: {self.bad_evidence}")
        lines.append(f"(overall counts: {', '.join(self.headline)})")
        return "\n".join(lines) + "\n"


def score_facts(gold: Mapping[str, list[Mapping[str, Any]]], predictions: Iterable[Mapping[str, Any]],
                texts: Mapping[str, str] | None = None, kinds: Iterable[str] | None = None,
                aliases: NameAliases | None = None, keep_errors: bool = False) -> ScoreReport:
    """Score `predictions` (fact dicts with `doc`) against `gold` (doc id -> gold fact dicts).

    Predictions on documents the gold does not list are ignored. With `texts` (doc id -> text), a
    prediction whose evidence is not exactly its document's text at its offsets is spurious. `kinds`
    restricts both sides to those kinds (and the overall figure to them).
    """
    aliases = aliases or NameAliases.from_file()
    wanted = tuple(k for k in TABLE_ORDER if kinds is None or k in set(kinds))
    headline = HEADLINE_KINDS if kinds is None else wanted
    counts = {kind: Counts() for kind in TABLE_ORDER}
    attributes: dict[str, list[float]] = defaultdict(list)
    errors: list[tuple[str, str, Any]] = []
    by_doc: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for fact in predictions:
        if kinds is None or fact.get("kind") in wanted:
            by_doc[str(fact.get("doc"))].append(fact)
    bad_evidence = 0
    for doc, gold_facts in gold.items():
        if kinds is not None:
            gold_facts = [g for g in gold_facts if g.get("kind") in wanted]
        matcher = FactMatcher(aliases, [g["person"] for g in gold_facts if g.get("person")])
        checked = []
        for fact in by_doc.get(doc, []):
            if texts is not None and not evidence_is_exact(fact, texts.get(doc)):
                bad_evidence += 1
                if fact.get("kind") in counts:
                    counts[fact["kind"]].pred += 1
                    counts[fact["kind"]].fp += 1
                errors.append(("bad-evidence", doc, fact))
            else:
                checked.append(fact)
        predicted = _best_per_key(checked, aliases)
        for kind in wanted:
            _score_kind(kind, doc, [g for g in gold_facts if g.get("kind") == kind],
                        [p for p in predicted if p.get("kind") == kind], matcher, counts[kind], attributes, errors)
    return ScoreReport(counts, headline, dict(attributes), bad_evidence, errors if keep_errors else [])


def _score_kind(kind: str, doc: str, gold: list[Mapping[str, Any]], predicted: list[Mapping[str, Any]],
                matcher: FactMatcher, counts: Counts, attributes: dict[str, list[float]],
                errors: list[tuple[str, str, Any]]) -> None:
    required = [g for g in gold if g.get("required", True)]
    optional = [g for g in gold if not g.get("required", True)]
    used: set[int] = set()

    def first_match(g: Mapping[str, Any]) -> int | None:
        return next((i for i, p in enumerate(predicted) if i not in used and matcher.same_key(kind, p, g)), None)

    counts.gold += len(required)
    for g in required:
        hit = first_match(g)
        if hit is None:
            counts.fn += 1
            errors.append(("missed", doc, g))
            continue
        used.add(hit)
        counts.tp += 1
        counts.pred += 1
        for name, value in attribute_agreement(matcher, predicted[hit], g).items():
            attributes[name].append(value)
            if value < 1:
                errors.append((f"wrong-{name}", doc, {"gold": g, "pred": predicted[hit]}))
    for g in optional:
        hit = first_match(g)
        if hit is not None:
            used.add(hit)
    spurious = [p for i, p in enumerate(predicted) if i not in used]
    counts.fp += len(spurious)
    counts.pred += len(spurious)
    errors.extend(("spurious", doc, p) for p in spurious)
