"""The fact format (docs/fact-format.md) as Python types: one source of truth.

Documents come in, facts go out. Inside Exodus facts are `Fact` objects; at every
boundary (JSONL, REST, exports) they become dicts through `Fact.to_dict`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KINDS: tuple[str, ...] = ("joined", "left", "founded", "role", "member", "group_event", "invested")
REASONS: tuple[str, ...] = ("safety", "direction", "new_venture", "career", "personal",
                            "dismissed", "reorganization")
GROUP_ACTIONS: tuple[str, ...] = ("formed", "disbanded")

# Field order of a fact as it is written out; fields left None are omitted.
_FIELD_ORDER = ("kind", "doc", "person", "org", "group", "action", "role", "from_org", "to_org",
                "investor", "investee", "amount", "date", "reasons", "evidence", "confidence",
                "extractor")


@dataclass(frozen=True)
class Document:
    """One news article. `published` is an ISO date of any precision, or None."""

    id: str
    text: str
    published: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None  # where it was read from (file or file:line), for messages

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "text": self.text}
        for name in ("published", "url", "title"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out


@dataclass(frozen=True)
class Evidence:
    """A span of a document's text: `text == document.text[start:end]`."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Amount:
    value: float
    currency: str

    def to_dict(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": value, "currency": self.currency}


@dataclass
class Fact:
    """One extracted fact. Which fields are set depends on `kind` (docs/fact-format.md)."""

    kind: str
    doc: str
    evidence: Evidence
    confidence: float = 0.5
    person: str | None = None
    org: str | None = None
    group: str | None = None
    action: str | None = None
    role: str | None = None
    from_org: str | None = None
    to_org: str | None = None
    investor: str | None = None
    investee: str | None = None
    amount: Amount | None = None
    date: str | None = None
    reasons: list[str] | None = None
    extractor: str | None = None
    keywords: list[tuple[int, int]] = field(default_factory=list, compare=False)
    """Character spans (document offsets) of the words that triggered the fact, for display."""
    implied_from: bool = field(default=False, compare=False, repr=False)
    """`from_org` only inferred from the person's current title: no departure is derived from it."""
    replaced: bool = field(default=False, compare=False, repr=False)
    """A departure inferred from someone being replaced ("X succeeds Y")."""

    def key(self) -> tuple:
        """What makes two facts of one document the same fact (as the scorer matches them)."""
        return (self.kind, self.person, self.org, self.group, self.action, self.investor, self.investee)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in _FIELD_ORDER:
            value = getattr(self, name)
            if name == "person" and self.kind == "founded":
                out[name] = value  # null person means "the founding itself"
                continue
            if name == "reasons" and self.kind == "left":
                out[name] = list(value or [])
                continue
            if name == "date" and self.kind != "role":
                out[name] = value
                continue
            if value is None:
                continue
            out[name] = value.to_dict() if hasattr(value, "to_dict") else value
        out["confidence"] = round(self.confidence, 3)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Fact":
        ev = data.get("evidence") or {}
        amount = data.get("amount")
        return cls(
            kind=data["kind"], doc=str(data["doc"]),
            evidence=Evidence(int(ev.get("start", 0)), int(ev.get("end", 0)), ev.get("text", "")),
            confidence=float(data.get("confidence", 0.5)),
            person=data.get("person"), org=data.get("org"), group=data.get("group"),
            action=data.get("action"), role=data.get("role"), from_org=data.get("from_org"),
            to_org=data.get("to_org"), investor=data.get("investor"), investee=data.get("investee"),
            amount=Amount(float(amount["value"]), str(amount["currency"])) if amount else None,
            date=data.get("date"), reasons=data.get("reasons"), extractor=data.get("extractor"),
        )
