"""Index pages of people and organizations: every name in the store with how many facts it has, filtered
by part of the name, a page at a time, and the same list as CSV."""
from __future__ import annotations

import csv
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from exodus.web import queries
from exodus.web.api import Conn, NamePart
from exodus.web.templating import render
from exodus.web.views.downloads import CSV_LIMIT, csv_download

router = APIRouter(include_in_schema=False)

PAGE = 100
Page = Annotated[int, Query(ge=1, le=1_000_000)]
Format = Annotated[str, Query(pattern="^(html|csv)$")]

_KINDS = {"person": ("People", "person", "/people"), "org": ("Organizations", "org", "/orgs")}


def _index(request: Request, conn, type_: str, q: str | None, page: int, format_: str) -> Response:
    title, link, path = _KINDS[type_]
    if format_ == "csv":
        listed = queries.list_entities(conn, type_, q, CSV_LIMIT, 0)

        def write(out) -> None:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(["name", "facts"])
            writer.writerows([item["name"], item["facts"]] for item in listed["items"])

        return csv_download(f"exodus-{path.strip('/')}{'-' + q if q else ''}.csv", write)
    listed = queries.list_entities(conn, type_, q, PAGE, (page - 1) * PAGE)
    pages = max(1, -(-listed["total"] // PAGE))

    def url(**changes: object) -> str:
        params = {k: v for k, v in {"q": q or "", "page": page, **changes}.items() if v not in ("", None, 1)}
        return f"{path}?{urlencode(params)}" if params else path

    return render(request, "entities.html", title=title, link=link, path=path, q=q or "", items=listed["items"],
                  total=listed["total"], page=page, pages=pages,
                  previous=url(page=page - 1) if page > 1 else None,
                  next=url(page=page + 1) if page < pages else None, csv=url(format="csv", page=None))


@router.get("/people", response_class=HTMLResponse)
def people(request: Request, conn: Conn, q: NamePart = None, page: Page = 1, format: Format = "html") -> Response:
    return _index(request, conn, "person", q, page, format)


@router.get("/orgs", response_class=HTMLResponse)
def orgs(request: Request, conn: Conn, q: NamePart = None, page: Page = 1, format: Format = "html") -> Response:
    return _index(request, conn, "org", q, page, format)
