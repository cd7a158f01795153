"""The overview: a Sankey of talent flows over a date range, the same flows as a table, the latest facts, open
conflicts.

Everything the reader chose is in the query string, so a link reproduces the view: the date range
(`since`, `until`), an organization (`org`), how many flows (`links`), and the part of the Sankey whose people
are listed (`from` and/or `to`, an organization left and one joined). The table and that list are in the page
itself, for readers without JavaScript or a mouse; the chart fetches the same flows from /api/flows/sankey.
"""
from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import AfterValidator

from exodus.questions import find_conflicts
from exodus.settings import get_settings
from exodus.web import queries
from exodus.web.api import Conn, FormDate, computed_flows
from exodus.web.app import StillComputing, computed, remembered
from exodus.web.forms import FormFlag, FormText, optional_count, optional_text
from exodus.web.queries import MAX_QUERY_CHARS
from exodus.web.templating import render

router = APIRouter(include_in_schema=False)

MAX_LINKS = 1000
FormLinks = Annotated[str | None, Query(max_length=10), AfterValidator(optional_count(MAX_LINKS))]
Picked = Annotated[str | None, Query(alias="from", max_length=MAX_QUERY_CHARS), AfterValidator(optional_text)]


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, conn: Conn, since: FormDate = None, until: FormDate = None, org: FormText = None,
             links: FormLinks = None, from_org: Picked = None, to: FormText = None,
             rollup: FormFlag = None) -> HTMLResponse:
    chosen = {"since": since, "until": until, "org": org, "links": links, "rollup": "true" if rollup else None}
    params = {k: v for k, v in chosen.items() if v}
    default_links = get_settings().web_sankey_links
    problem = flows = None
    try:
        found = computed_flows(request, conn, since, until, org, wait_s=0.5, rollup=bool(rollup))[0]
        sankey = queries.flow_sankey(found, links or default_links)
        flows = {"rows": queries.sankey_rows(sankey), "total_moves": sankey["total_moves"],
                 "total_pairs": sankey["total_pairs"],
                 "picked": queries.sankey_selection(sankey, from_org, to)}
    except StillComputing:
        pass  # the page says they are being computed; the chart asks again until they are
    except queries.NotFound as err:
        problem = str(err)
    try:
        conflicts = computed(request, ("conflicts",), find_conflicts, wait_s=0.5)
    except StillComputing:
        conflicts = None  # the page says they are being computed
    return render(request, "overview.html", status_code=404 if problem else 200, chosen=chosen, query=urlencode(params), problem=problem,
                  flows=flows, default_links=default_links, picked_from=from_org or "", picked_to=to or "",
                  stats=remembered(request, ("stats",), queries.store_stats, conn),
                  sankey_src=None if problem else "/api/flows/sankey" + (f"?{urlencode(params)}" if params else ""),
                  latest=[queries.fact_json(f) for f in queries.latest_facts(conn, 15)],
                  conflicts=None if conflicts is None else [queries.conflict_json(c) for c in conflicts[:10]],
                  conflict_total=None if conflicts is None else len(conflicts))
