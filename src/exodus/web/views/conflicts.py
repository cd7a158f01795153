"""Conflicts: facts that cannot all be true, each side with its sources."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from exodus.questions import find_conflicts
from exodus.web import queries
from exodus.web.api import Conn
from exodus.web.app import computed
from exodus.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts(request: Request, conn: Conn) -> HTMLResponse:
    found = computed(request, ("conflicts",), find_conflicts)
    return render(request, "conflicts.html", conflicts=[queries.conflict_json(c) for c in found[:500]],
                  total=len(found))
