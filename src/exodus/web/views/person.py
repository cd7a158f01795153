"""A person: a timeline chart of stints and events, and every fact with its quoted evidence and sources."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from exodus.web import queries
from exodus.web.api import Conn, PersonName
from exodus.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/person/{name:path}", response_class=HTMLResponse)
def person(request: Request, conn: Conn, name: PersonName) -> HTMLResponse:
    timeline = queries.timeline_json(conn, name)
    chart = {"stints": timeline["stints"],
             "events": [{"id": f["id"], "kind": f["kind"], "org": f.get("org") or f.get("investor"),
                         "date": f["date"] or f["effective_date"], "role": f.get("role"),
                         "evidence": (f.get("evidence") or {}).get("text", "")} for f in timeline["facts"]]}
    return render(request, "person.html", t=timeline, chart=chart)
