"""Facts read back from the store with names and sources, shared by every question."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, field

from exodus.resolution.dates import when_text
from exodus.store.decisions import current_decisions

_FACT_SELECT = """
SELECT f.*, p.name AS person, o.name AS org, g.name AS grp, x.name AS other_org
FROM facts f
LEFT JOIN entities p ON p.id = f.person_id
LEFT JOIN entities o ON o.id = f.org_id
LEFT JOIN entities g ON g.id = f.group_id
LEFT JOIN entities x ON x.id = f.other_org_id
"""


@dataclass
class Source:
    document: str
    title: str | None
    url: str | None
    published: str | None
    evidence: str
    start: int
    end: int
    extractor: str | None
    confidence: float
    copy_of: str | None = None
    """Set when the article is a near-duplicate of another (it does not count as a second source)."""
    date: str | None = None
    """The date this article states for the fact (None: it tells the fact undated)."""


@dataclass
class FactView:
    id: str
    kind: str
    person: str | None
    org: str | None
    group: str | None
    action: str | None
    role: str | None
    other_org: str | None
    date: str | None
    effective_date: str | None
    reasons: list[str]
    amount: dict | None
    confidence: float
    source_count: int
    person_id: int | None = None
    org_id: int | None = None
    other_org_id: int | None = None
    row_id: int | None = None
    """The fact's row in the store (`id` is its stable id)."""
    sources: list[Source] = field(default_factory=list)

    @property
    def reported(self) -> str | None:
        """For a fact without a stated date, the date of its first article: a bound, never its date."""
        return None if self.date else self.effective_date

    @property
    def when(self) -> str:
        """Its time as shown: the stated date, "by 2024-08-09" (an event told undated), "as of 2024-03-01" (a
        title or membership told undated) or "date unknown"."""
        return when_text(self.kind, self.date, self.reported)

    def to_dict(self) -> dict:
        out = asdict(self)
        for name in ("person_id", "org_id", "other_org_id", "row_id"):
            out.pop(name)
        out["reported"], out["when"] = self.reported, self.when
        return out

    def to_schema(self) -> dict:
        """The fact in the shape of the fact contract (first source as evidence)."""
        out: dict = {"id": self.id, "kind": self.kind}
        if self.kind == "invested":
            out.update(investor=self.org, investee=self.other_org, amount=self.amount)
        else:
            out.update(person=self.person, org=self.org)
            if self.group:
                out["group"] = self.group
            if self.action:
                out["action"] = self.action
            if self.role:
                out["role"] = self.role
            if self.kind == "joined" and self.other_org:
                out["from_org"] = self.other_org
            if self.kind == "left":
                if self.other_org:
                    out["to_org"] = self.other_org
                out["reasons"] = self.reasons
        out["date"] = self.date
        if self.sources:
            first = self.sources[0]
            out["doc"] = first.document
            out["evidence"] = {"start": first.start, "end": first.end, "text": first.evidence}
        out["confidence"] = self.confidence
        out["sources"] = self.source_count
        return out


def _view(row: sqlite3.Row) -> FactView:
    amount = ({"value": row["amount_value"], "currency": row["amount_currency"]}
              if row["amount_value"] is not None else None)
    return FactView(id=row["uid"], kind=row["kind"], person=row["person"], org=row["org"], group=row["grp"],
                    action=row["action"], role=row["role"], other_org=row["other_org"], date=row["date"],
                    effective_date=row["effective_date"], reasons=json.loads(row["reasons"]), amount=amount,
                    confidence=row["confidence"], source_count=row["source_count"], person_id=row["person_id"],
                    org_id=row["org_id"], other_org_id=row["other_org_id"], row_id=row["id"])


def rejected_facts(conn: sqlite3.Connection) -> set[str]:
    """The ids of the facts a person rejected by keeping another side of their conflict (`exodus conflicts
    resolve ID --keep FACT`): answers leave them out; the fact pages and `conflicts --all` still show them."""
    return {fact for decision in current_decisions(conn).values() for fact in decision.rejected}


def load_facts(conn: sqlite3.Connection, where: str = "1", params: tuple = (), *,
               with_sources: bool = True, order: str = "f.effective_date, f.id") -> list[FactView]:
    rows = conn.execute(f"{_FACT_SELECT} WHERE {where} ORDER BY {order}", params).fetchall()
    facts = [_view(r) for r in rows]
    if with_sources and facts:
        attach_sources(conn, facts, [r["id"] for r in rows])
    return facts


def attach_sources(conn: sqlite3.Connection, facts: list[FactView], fact_ids: list[int]) -> None:
    by_id = dict(zip(fact_ids, facts))
    for start in range(0, len(fact_ids), 500):
        chunk = fact_ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for r in conn.execute(
                "SELECT c.fact_id, d.doc_key, d.title, d.url, d.published, c.evidence_text, c.evidence_start, "
                "c.evidence_end, c.extractor, c.confidence, o.doc_key AS copy_of, c.date FROM claims c "
                "JOIN documents d ON d.id = c.document_id LEFT JOIN documents o ON o.id = d.duplicate_of "
                f"WHERE c.fact_id IN ({marks}) ORDER BY d.published, d.doc_key, c.evidence_start", chunk):
            by_id[r["fact_id"]].sources.append(Source(
                document=r["doc_key"], title=r["title"], url=r["url"], published=r["published"],
                evidence=r["evidence_text"], start=r["evidence_start"], end=r["evidence_end"],
                extractor=r["extractor"], confidence=r["confidence"], copy_of=r["copy_of"],
                date=r["date"]))
