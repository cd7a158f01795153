"""One document's facts made consistent: duplicates merged, implied links filled in."""
from __future__ import annotations

from exodus.extraction.inherited_dates import inherit_dates
from exodus.extraction.parsed import ParsedDocument
from exodus.schema import REASONS, Evidence, Fact


def merge_duplicates(facts: list[Fact]) -> list[Fact]:
    """One fact per key: the most confident, with attributes the others add."""
    by_key: dict[tuple, list[Fact]] = {}
    for fact in facts:
        by_key.setdefault(fact.key(), []).append(fact)
    merged = []
    for group in by_key.values():
        # the best-supported statement speaks for the fact: most confident, then the most specific
        group.sort(key=lambda f: (-f.confidence, -sum(getattr(f, n) is not None for n in
                                                       ("amount", "date", "role", "from_org", "to_org"))))
        best = group[0]
        for other in group[1:]:
            for name in ("role", "from_org", "to_org", "amount", "date"):
                if getattr(best, name) is None and getattr(other, name) is not None:
                    setattr(best, name, getattr(other, name))
            if best.kind == "left":
                reasons = set(best.reasons or []) | set(other.reasons or [])
                best.reasons = [r for r in REASONS if r in reasons]
        best.confidence = min(0.99, best.confidence + 0.03 * (len(group) - 1))
        merged.append(best)
    return merged


def link_moves(facts: list[Fact]) -> list[Fact]:
    """A move stated once fills both sides: joined B from A <-> left A for B."""
    joined = [f for f in facts if f.kind == "joined"]
    left = [f for f in facts if f.kind == "left"]
    keys = {f.key() for f in facts}
    added = []
    for j in joined:
        for lf in left:
            if lf.person == j.person and lf.org != j.org:
                if lf.to_org is None and (j.from_org == lf.org):
                    lf.to_org = j.org
                if j.from_org is None and lf.to_org == j.org:
                    j.from_org = lf.org
        if j.from_org and not j.implied_from:
            key = Fact(kind="left", doc=j.doc, evidence=j.evidence, person=j.person, org=j.from_org).key()
            if key not in keys:
                keys.add(key)
                added.append(Fact(kind="left", doc=j.doc, evidence=Evidence(j.evidence.start, j.evidence.end, j.evidence.text),
                                  person=j.person, org=j.from_org, to_org=j.org, reasons=[], date=None,
                                  confidence=round(j.confidence * 0.7, 3), extractor=j.extractor, keywords=j.keywords))
    for lf in left:
        if lf.to_org:
            key = Fact(kind="joined", doc=lf.doc, evidence=lf.evidence, person=lf.person, org=lf.to_org).key()
            if key not in keys:
                keys.add(key)
                added.append(Fact(kind="joined", doc=lf.doc, evidence=lf.evidence, person=lf.person, org=lf.to_org,
                                  from_org=lf.org, date=None, confidence=round(lf.confidence * 0.7, 3),
                                  extractor=lf.extractor, keywords=lf.keywords))
    return facts + added


def drop_weak_departures(facts: list[Fact]) -> list[Fact]:
    """"Drak replaces Behrendt as head of X": Behrendt left only if the article gives her no new
    post at the same organization."""
    placed = {(f.person, f.org) for f in facts if f.kind == "joined"}
    return [f for f in facts if not (f.kind == "left" and f.replaced and (f.person, f.org) in placed)]


_GROUP_STOP = {"the", "a", "an", "of", "and", "its", "new"}


def unify_group_names(facts: list[Fact]) -> list[Fact]:
    """"safety committee" and "Safety and Security Committee" of one organization, in one
    article, are one group: the fuller name stands for both."""
    names: dict[str, set[str]] = {}
    for f in facts:
        if f.group and f.org:
            names.setdefault(f.org, set()).add(f.group)
    for f in facts:
        if not (f.group and f.org):
            continue
        words = {w for w in f.group.lower().split() if w not in _GROUP_STOP}
        fuller = [g for g in names[f.org] if words < {w for w in g.lower().split() if w not in _GROUP_STOP}]
        if len(fuller) == 1:
            f.group = fuller[0]
    return facts


def consolidate(facts: list[Fact], parsed: ParsedDocument | None = None) -> list[Fact]:
    facts = unify_group_names(drop_weak_departures(facts))
    facts = merge_duplicates(facts)
    facts = link_moves(facts)
    facts = inherit_dates(merge_duplicates(facts), parsed)
    facts.sort(key=lambda f: (f.evidence.start, f.kind))
    return facts
