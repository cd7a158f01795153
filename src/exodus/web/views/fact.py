"""A fact: what it says, its evidence highlighted in each article's text, and all its sources."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from exodus.store.decisions import rejecting_decision
from exodus.web import queries
from exodus.web.api import Conn, FactId
from exodus.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/fact/{fact_id}", response_class=HTMLResponse)
def fact(request: Request, conn: Conn, fact_id: FactId) -> HTMLResponse:
    found = queries.fact_json(queries.get_fact(conn, fact_id))
    articles = {}
    for source in found["sources"]:
        if source["doc"] not in articles:
            try:
                articles[source["doc"]] = queries.get_article(conn, source["doc"])
            except queries.NotFound:
                continue
    rejected = rejecting_decision(conn, found["id"])
    return render(request, "fact.html", f=found, articles=articles,
                  rejected_by=rejected.to_dict() if rejected else None)
