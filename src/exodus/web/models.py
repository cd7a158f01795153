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
    reported: str | None = Field(None, description="without a stated date: its first article's date, a bound")
    when: str | None = Field(None, description='its time as shown: the date, "by 2024-08-09" or "as of 2024-03-01"')


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
    start: str | None = Field(description="the arrival's date as an article states it")
    end: str | None = Field(description="the departure's date as an article states it")
    end_by: str | None = Field(None, description="a departure told without a date: gone by this article's date")
    reversed_by: str | None = Field(None, description="an announced move that never took effect: the "
                                                      "organization the person was back at instead")
    from_text: str = Field("", description='the start as shown: "2021-05", "by 2023-11-22", "as of 2024-03-01"')
    until_text: str = Field("", description='the end as shown: "2024-05-14", "by 2024-08-09", "" (still there)')
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
    part_of: list[str] = Field(description="its parent, the parent's parent, ... up to the top (exodus org link)")
    units: list[str] = Field(description="the organizations directly part of it")


class MoveOut(BaseModel):
    person: str
    from_org: str
    to_org: str
    left: str | None = Field(description="the departure's stated date; null when no article states it")
    left_by: str | None = Field(None, description="a departure told undated: its first article's date, a bound "
                                                  "(on or before it), never the departure's date")
    left_text: str = Field("", description='the departure as shown: "2024-05-14" or "by 2024-08-09"')
    joined: str | None = Field(description="the arrival's stated date; null when no article states it")
    joined_by: str | None = Field(None, description="an arrival told undated: its first article's date, a bound")
    joined_text: str = Field("", description='the arrival as shown: "2024-05-28" or "by 2024-08-09"')
    reasons: list[str]
    facts: list[str]
    from_unit: str | None = Field(None, description="with rollup: the unit of from_org left, when not from_org")
    to_unit: str | None = Field(None, description="with rollup: the unit of to_org joined, when not to_org")


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
    rollup: bool = Field(description="units counted at their top parent")
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
    rollup: bool = Field(description="units counted at their top parent")
    total_moves: int
    total_pairs: int
    nodes: list[SankeyNode]
    links: list[SankeyLink]


class OrgLinkOut(BaseModel):
    """An organization's parent after `POST /api/corrections/link` or `/unlink`."""

    unit: str = Field(description="the unit's name in the store")
    parent: str | None = Field(description="what it is part of now; null after an unlink")
    previous: str | None = Field(description="what it was part of before (the gazetteer's or a correction's)")


class DecisionOut(BaseModel):
    """A person's decision on a conflict (`exodus conflicts resolve`)."""

    conflict: str
    action: Literal["keep", "dismiss"]
    kept: str | None = Field(description="the fact kept (action `keep`)")
    rejected: list[str] = Field(description="the other sides, rejected when one was kept")
    note: str | None
    decided_at: str


class ConflictOut(BaseModel):
    id: str = Field(description="derived from the conflict's kind and its facts: the same after re-ingestion")
    kind: str
    status: Literal["open", "resolved", "dismissed"]
    person: str | None
    summary: str
    sides: list[FactOut]
    decision: DecisionOut | None


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
