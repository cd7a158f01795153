"""The overview: a Sankey of talent flows over a date range, the latest facts, open conflicts."""
from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from exodus.questions import find_conflicts
from exodus.web import queries
from exodus.web.api import Conn, FormDate
from exodus.web.app import StillComputing, computed, remembered
from exodus.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, conn: Conn, since: FormDate = None, until: FormDate = None) -> HTMLResponse:
    params = {k: v for k, v in (("since", since), ("until", until)) if v}
    try:
        conflicts = computed(request, ("conflicts",), find_conflicts, wait_s=0.5)
    except StillComputing:
        conflicts = None  # the page says they are being computed
    return render(request, "overview.html", since=since or "", until=until or "",
                  stats=remembered(request, ("stats",), queries.store_stats, conn),
                  sankey_src="/api/flows/sankey" + (f"?{urlencode(params)}" if params else ""),
                  latest=[queries.fact_json(f) for f in queries.latest_facts(conn, 15)],
                  conflicts=None if conflicts is None else [queries.conflict_json(c) for c in conflicts[:10]],
                  conflict_total=None if conflicts is None else len(conflicts))
