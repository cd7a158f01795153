"""The REST API: one read-only endpoint per question, each a thin wrapper over a library function.

Names are a person's or organization's name, an alias, or a unique part of one
(at most `queries.MAX_QUERY_CHARS` characters, as are search texts); dates are ISO
at any precision (2024, 2024-05, 2024-05-28). Unknown names and ids give 404, bad
parameters 422, a question that runs past the time limit or a busy store 503, a
store that cannot be read (damaged) 500.
"""
from __future__ import annotations

import sqlite3
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import AfterValidator

from exodus.questions import Conflict, TalentFlows, find_conflicts, talent_flows
from exodus.settings import get_settings
from exodus.store.decisions import rejecting_decision
from exodus.web import models, queries
from exodus.web.app import computed, connection, remembered

router = APIRouter(prefix="/api", responses={404: {"model": models.Message, "description": "Unknown name or id"},
                                             500: {"model": models.Message, "description": "The store is damaged"},
                                             503: {"model": models.Message,
                                                   "description": "Took too long, or the store is busy"}})
Conn = Annotated[sqlite3.Connection, Depends(connection)]

_DATE_HELP = "ISO date at any precision: 2024, 2024-05 or 2024-05-28; years 1000 to 8999"
_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _date(description: str) -> object:
    return Query(description=f"{description} ({_DATE_HELP})", pattern=_DATE_PATTERN, examples=["2024-05"])


Since = Annotated[str | None, _date("from this date on"), AfterValidator(queries.iso_date)]
Until = Annotated[str | None, _date("up to this date"), AfterValidator(queries.iso_date)]
AsOf = Annotated[str | None, _date("the day to look at (default: today)"), AfterValidator(queries.iso_date)]
# The dashboard's date forms send every field, filled or not: an empty field means no date, and a
# wrong one is answered in words (the API's pattern would show a regular expression).
FormDate = Annotated[str | None, Query(), AfterValidator(queries.iso_date)]
Limit = Annotated[int | None, Query(ge=1, le=1_000_000, description="how many to return (default "
                                    "EXODUS_WEB_PAGE_SIZE; at most EXODUS_WEB_MAX_PAGE_SIZE are returned)")]
Offset = Annotated[int, Query(ge=0, le=1_000_000_000, description="how many to skip")]
_SHORT = {"max_length": queries.MAX_QUERY_CHARS}
PersonName = Annotated[str, Path(description="a person's name, an alias, or a unique part of one",
                                 examples=["Sam Altman"], **_SHORT)]
OrgName = Annotated[str, Path(description="an organization's name, an alias, or a unique part of one",
                              examples=["OpenAI"], **_SHORT)]
OrgFilter = Annotated[str | None, Query(description="only moves from or to this organization", **_SHORT)]
Rollup = Annotated[bool, Query(description="count units at their top parent (Google DeepMind at Alphabet) and leave "
                                           "out moves inside one parent; with `org`, its whole top parent")]
NamePart = Annotated[str | None, Query(description="part of the name", **_SHORT)]


def page_size(limit: int | None) -> int:
    settings = get_settings()
    return min(limit or settings.web_page_size, settings.web_max_page_size)


@router.get("/stats", response_model=None, responses={200: {"model": models.StatsOut}}, summary="Store size")
def stats(request: Request, conn: Conn) -> JSONResponse:
    """How many facts, people, organizations and articles the store holds."""
    return JSONResponse(remembered(request, ("stats",), queries.store_stats, conn).to_dict())


@router.get("/people", response_model=None, responses={200: {"model": models.EntityListOut}},
            summary="List people")
def people(conn: Conn, q: NamePart = None,
           limit: Limit = None, offset: Offset = 0) -> JSONResponse:
    """People whose name contains `q`, by name, with how many facts each has."""
    return JSONResponse(queries.list_entities(conn, "person", q, page_size(limit), offset))


@router.get("/people/{name:path}", response_model=None, responses={200: {"model": models.TimelineOut}},
            summary="A person's timeline")
def person(conn: Conn, name: PersonName) -> JSONResponse:
    """Stints at organizations (a return is a new stint, a sabbatical is not an end) and every fact with sources."""
    return JSONResponse(queries.timeline_json(conn, name))


@router.get("/orgs", response_model=None, responses={200: {"model": models.EntityListOut}},
            summary="List organizations")
def orgs(conn: Conn, q: NamePart = None,
         limit: Limit = None, offset: Offset = 0) -> JSONResponse:
    """Organizations whose name contains `q`, by name, with how many facts each has."""
    return JSONResponse(queries.list_entities(conn, "org", q, page_size(limit), offset))


@router.get("/orgs/{name:path}", response_model=None, responses={200: {"model": models.RosterOut}},
            summary="An organization on a date")
def org(conn: Conn, name: OrgName, as_of: AsOf = None) -> JSONResponse:
    """Who is there on `as_of`, founders still there (k of n), arrivals and departures per year, reasons,
    committees and teams."""
    return JSONResponse(queries.roster_json(conn, name, as_of))


def computed_flows(request: Request, conn: sqlite3.Connection, since: str | None, until: str | None,
                   org: str | None, wait_s: float | None = None, rollup: bool = False) -> tuple[TalentFlows, bytes]:
    """The flows and their JSON text, computed once per store version (they scan a date range of the store;
    a year of a large store is tens of thousands of moves, whose JSON takes longer to write than to send).
    A request waits `wait_s` for them (default: the time limit), then gets StillComputing."""
    if org:
        org = queries.find(conn, org, "org")["name"]

    def compute(c: sqlite3.Connection) -> tuple[TalentFlows, bytes]:
        found = talent_flows(c, since, until, org, rollup=rollup)
        return found, JSONResponse(found.to_dict()).body

    return computed(request, ("flows", since, until, org, rollup), compute, wait_s)


@router.get("/flows", response_model=None, responses={200: {"model": models.FlowsOut}}, summary="Talent flows")
def flows(request: Request, conn: Conn, since: Since = None, until: Until = None,
          org: OrgFilter = None, rollup: Rollup = False) -> JSONResponse:
    """Moves between organizations whose departure (or arrival) falls between `since` and `until`, with counts
    per pair, net flow, the people and the reasons. With `rollup=true`, units count at their top parent."""
    return Response(computed_flows(request, conn, since, until, org, rollup=rollup)[1], media_type="application/json")


@router.get("/flows/sankey", response_model=None, responses={200: {"model": models.SankeyOut}},
            summary="Talent flows as a Sankey")
def sankey(request: Request, conn: Conn, since: Since = None, until: Until = None, org: OrgFilter = None,
           rollup: Rollup = False,
           links: Annotated[int | None, Query(ge=1, le=1000, description="the most flows to draw "
                                                                         "(default EXODUS_WEB_SANKEY_LINKS)")] = None
           ) -> JSONResponse:
    """The largest flows as nodes (organizations left, organizations joined) and links, each with its moves."""
    found = computed_flows(request, conn, since, until, org, rollup=rollup)[0]
    return JSONResponse(queries.flow_sankey(found, links or get_settings().web_sankey_links))


def all_conflicts(request: Request, wait_s: float | None = None) -> list[Conflict]:
    """Every conflict, open and settled (each with its decision), computed once per store version for the
    pages and the API alike."""
    return computed(request, ("conflicts",), lambda conn: find_conflicts(conn, include_settled=True), wait_s)


def open_conflicts(request: Request, wait_s: float | None = None) -> list[Conflict]:
    return [c for c in all_conflicts(request, wait_s) if c.decision is None]


@router.get("/conflicts", response_model=None, responses={200: {"model": models.ConflictsOut}},
            summary="Conflicting facts")
def conflicts(request: Request, conn: Conn, limit: Limit = None, offset: Offset = 0,
              include_settled: Annotated[bool, Query(alias="all", description="settled conflicts too (resolved or "
                                                                              "dismissed), with their decision")]
              = False) -> JSONResponse:
    """Open conflicts: facts that cannot all be true (different dates for one move; two organizations joined in
    one month; joined one or founded another), each with its id and status, each side with its sources."""
    found = all_conflicts(request) if include_settled else open_conflicts(request)
    size = page_size(limit)
    return JSONResponse({"total": len(found), "limit": size, "offset": offset,
                         "conflicts": [queries.conflict_json(c) for c in found[offset:offset + size]]})


@router.get("/search", response_model=None, responses={200: {"model": models.SearchOut}}, summary="Search")
def search(conn: Conn, q: Annotated[str, Query(description='words, all required; "quoted phrases" kept',
                                                **_SHORT)],
           limit: Limit = None) -> JSONResponse:
    """Articles matching `q` (full text, best first) and people and organizations whose names contain it."""
    found = queries.search_everything(conn, q, page_size(limit))
    for hit in found["articles"]:
        hit.pop("marked")
    return JSONResponse(found)


@router.get("/facts", response_model=None, responses={200: {"model": models.FactsPageOut}}, summary="Facts")
def facts(conn: Conn, kind: Annotated[models.Kind | None, Query(description="only facts of this kind")] = None,
          person: Annotated[str | None, Query(description="only facts about this person", **_SHORT)] = None,
          org: Annotated[str | None, Query(description="only facts about this organization", **_SHORT)] = None,
          since: Since = None, until: Until = None,
          min_confidence: Annotated[float | None, Query(ge=0, le=1, description="only facts at least this sure")]
          = None, limit: Limit = None, offset: Offset = 0) -> JSONResponse:
    """Facts matching every filter given, in the order they were stored, a page at a time (`total` counts all)."""
    page = queries.list_facts(conn, kind=kind, person=person, org=org, since=since, until=until,
                              min_confidence=min_confidence, limit=page_size(limit), offset=offset)
    return JSONResponse(page.to_dict())


@router.get("/facts/latest", response_model=None, responses={200: {"model": models.FactsPageOut}},
            summary="Latest facts")
def latest(conn: Conn, limit: Limit = None) -> JSONResponse:
    """The most recent dated facts, newest first."""
    found = queries.latest_facts(conn, page_size(limit))
    return JSONResponse({"total": len(found), "limit": page_size(limit), "offset": 0,
                         "facts": [queries.fact_json(f) for f in found]})


FactId = Annotated[str, Path(description="a fact id, as every answer gives it", examples=["f1a2b3c4d5e6"])]


@router.get("/facts/{fact_id}", response_model=None, responses={200: {"model": models.FactOut}},
            summary="One fact")
def fact(conn: Conn, fact_id: FactId) -> JSONResponse:
    """One fact in the shape of the fact contract, with every source; `rejected_by`: the decision on a conflict
    that kept another fact instead of this one (`exodus conflicts resolve`), or null."""
    out = queries.fact_json(queries.get_fact(conn, fact_id))
    rejected = rejecting_decision(conn, fact_id)
    out["rejected_by"] = rejected.to_dict() if rejected else None
    return JSONResponse(out)


@router.get("/facts/{fact_id}/sources", response_model=None, responses={200: {"model": models.FactSourcesOut}},
            summary="A fact's sources")
def sources(conn: Conn, fact_id: FactId) -> JSONResponse:
    """Every article and evidence span behind one fact (near-duplicate copies marked with `copy_of`)."""
    out = queries.fact_json(queries.get_fact(conn, fact_id))
    return JSONResponse({"fact": out["id"], "source_count": out["source_count"], "sources": out["sources"]})


@router.get("/documents/{doc:path}", response_model=None, responses={200: {"model": models.ArticleOut}},
            summary="One article")
def document(conn: Conn, doc: Annotated[str, Path(description="the article's id")]) -> JSONResponse:
    """An article's text and metadata, with the evidence span of every fact it states."""
    return JSONResponse(queries.get_article(conn, doc).to_dict())
