"""The index of facts: every fact in the store, filtered by kind, confidence, date range, organization and
person, a page at a time, and the same facts as CSV (the columns of `exodus export --format csv`)."""
from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from exodus.export import write_facts_csv
from exodus.schema import KINDS
from exodus.web import queries
from exodus.web.api import Conn, FormDate
from exodus.web.forms import FormConfidence, FormKind, FormText
from exodus.web.templating import render
from exodus.web.views.downloads import CSV_LIMIT, csv_download

router = APIRouter(include_in_schema=False)

PAGE = 100
Page = Annotated[int, Query(ge=1, le=1_000_000)]
Format = Annotated[str, Query(pattern="^(html|csv)$")]


def _filename(filters: dict) -> str:
    """exodus-facts-kind-left-org-OpenAI.csv: the filters in the name, so two downloads do not collide."""
    words = "-".join(f"{k}-{v}" for k, v in filters.items() if v not in (None, ""))
    return "exodus-facts" + ("-" + re.sub(r"[^\w.-]+", "_", words) if words else "") + ".csv"


@router.get("/facts", response_class=HTMLResponse)
def facts(request: Request, conn: Conn, kind: FormKind = None, min_confidence: FormConfidence = None,
          since: FormDate = None, until: FormDate = None, org: FormText = None, person: FormText = None,
          page: Page = 1, format: Format = "html") -> Response:
    filters = {"kind": kind, "min_confidence": min_confidence, "since": since, "until": until, "org": org,
               "person": person}
    if format == "csv":
        found = queries.list_facts(conn, **filters, limit=CSV_LIMIT)
        return csv_download(_filename(filters), lambda out: write_facts_csv(found.facts, out))
    try:
        found = queries.list_facts(conn, **filters, limit=PAGE, offset=(page - 1) * PAGE)
        problem = None
    except queries.NotFound as err:  # an organization or person the store does not know: say so by the form
        found, problem = queries.FactsPage(0, PAGE, 0, []), str(err)
    pages = max(1, -(-found.total // PAGE))

    def url(**changes: object) -> str:
        params = {k: v for k, v in {**filters, "page": page, **changes}.items() if v not in ("", None)}
        if params.get("page") == 1:
            params.pop("page")
        return f"/facts?{urlencode(params)}" if params else "/facts"

    return render(request, "facts.html", status_code=404 if problem else 200, filters=filters, kinds=KINDS,
                  problem=problem, facts=[queries.fact_json(f) for f in found.facts], total=found.total,
                  first=found.offset + 1, page=page, pages=pages,
                  previous=url(page=page - 1) if page > 1 else None,
                  next=url(page=page + 1) if page < pages else None, csv=url(format="csv", page=None))
