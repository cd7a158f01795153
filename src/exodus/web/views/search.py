"""Search: articles by full text, people and organizations by name."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from exodus.web import queries
from exodus.web.api import Conn
from exodus.web.queries import MAX_QUERY_CHARS
from exodus.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, conn: Conn, q: Annotated[str, Query(max_length=MAX_QUERY_CHARS)] = "") -> HTMLResponse:
    found = queries.search_everything(conn, q, 50) if q.strip() else None
    return render(request, "search.html", q=q, found=found)
