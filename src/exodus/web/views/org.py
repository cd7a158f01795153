"""An organization on a date: roster, founders k of n, arrivals and departures per year, reasons, parent and units."""
from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from exodus.resolution.org_parents import org_tree
from exodus.settings import get_settings
from exodus.web import queries
from exodus.web.api import Conn, FormDate, OrgName
from exodus.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/org/{name:path}", response_class=HTMLResponse)
def org(request: Request, conn: Conn, name: OrgName, as_of: FormDate = None) -> HTMLResponse:
    roster = queries.roster_json(conn, name, as_of)
    return render(request, "org.html", r=roster, as_of=as_of or "", today=date.today().isoformat(),
                  chart={"by_year": roster["by_year"]}, shown=get_settings().web_page_size,
                  stored=org_tree(conn).stored)  # parents with a page here; a gazetteer parent may have none
