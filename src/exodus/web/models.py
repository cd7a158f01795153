"""Shapes of the REST API's answers, for the OpenAPI description (the answers are built as plain dicts)."""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, ConfigDict

from exodus.schema import KINDS

Kind = Literal[KINDS]  # type: ignore[valid-type]


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Message(BaseModel):
    detail: str


class EvidenceOut(BaseModel):
    start: int
    end: int
    text: str


class SourceOut(BaseModel):
    doc: str
    title: str | None
    url: str | None
    published: str | None
    evidence: EvidenceOut
    extractor: str | None
    confidence: float
    copy_of: str | None


class FactOut(Open):
    """A fact in the shape of the fact contract, plus its id, every source and the number of independent ones."""

    id: str
    kind: Kind
    doc: str | None = None
    person: str | None = None
    org: str | None = None
    date: str | None = None
    evidence: EvidenceOut | None = None
    confidence: float
    sources: list[SourceOut]
    source_count: int
    effective_date: str | None


class FactsPageOut(BaseModel):
    total: int
    limit: int
    offset: int
    facts: list[FactOut]


class StatsOut(BaseModel):
    facts: int
    people: int
    organizations: int
    documents: int


class EntityItem(BaseModel):
    name: str
    facts: int


class EntityListOut(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[EntityItem]


class StintOut(Open):
    org: str
    start: str | None
    end: str | None
    roles: list[str]
    end_reasons: list[str]
    facts: list[str]


class TimelineOut(BaseModel):
    person: str
    names: list[str]
    stints: list[StintOut]
    facts: list[FactOut]


class RosterOut(BaseModel):
    org: str
    as_of: str
    present: list[dict[str, Any]]
    founders: list[dict[str, Any]]
    founders_remaining: int
    founders_total: int
    movements: list[FactOut]
    by_year: list[dict[str, Any]]
    departure_reasons: dict[str, int]
    groups: list[dict[str, Any]]
    inflow: list[dict[str, Any]] = Field(description="where its people came from: org, count, people")
    outflow: list[dict[str, Any]] = Field(description="where its people went: org, count, people")
    funding: list[FactOut] = Field(description="investments in it known by as_of, latest first")


class MoveOut(BaseModel):
    person: str
    from_org: str
    to_org: str
    left: str | None
    joined: str | None
    reasons: list[str]
    facts: list[str]


class FlowPairOut(BaseModel):
    from_org: str
    to_org: str
    count: int
    net: int
    people: list[str]
    reasons: dict[str, int]


class FlowsOut(BaseModel):
    since: str | None
    until: str | None
    org: str | None
    moves: list[MoveOut]
    pairs: list[FlowPairOut]
    reasons: dict[str, int]


class SankeyNode(BaseModel):
    org: str
    side: Literal["from", "to"]
    moves: list[dict[str, Any]]


class SankeyLink(BaseModel):
    source: int
    target: int
    value: int
    moves: list[dict[str, Any]]


class SankeyOut(BaseModel):
    since: str | None
    until: str | None
    org: str | None
    total_moves: int
    total_pairs: int
    nodes: list[SankeyNode]
    links: list[SankeyLink]


class ConflictOut(BaseModel):
    kind: str
    person: str | None
    summary: str
    sides: list[FactOut]


class ConflictsOut(BaseModel):
    total: int
    limit: int
    offset: int
    conflicts: list[ConflictOut]


class ArticleHit(BaseModel):
    doc: str
    title: str | None
    url: str | None
    published: str | None
    snippet: str


class SearchOut(BaseModel):
    query: str
    articles: list[ArticleHit]
    people: list[str]
    organizations: list[str]


class MentionOut(BaseModel):
    fact: str
    kind: str
    start: int
    end: int
    text: str


class ArticleOut(BaseModel):
    id: str
    title: str | None
    url: str | None
    published: str | None
    text: str
    copy_of: str | None
    mentions: list[MentionOut]


class FactSourcesOut(BaseModel):
    fact: str
    source_count: int
    sources: list[SourceOut]
