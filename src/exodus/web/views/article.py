"""An article: its text with the evidence of every fact it states marked, each linked to its fact."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse

from exodus.web import queries
from exodus.web.api import Conn
from exodus.web.templating import render

router = APIRouter(include_in_schema=False)


def segments(text: str, mentions: list[queries.Mention]) -> list[tuple[str, list[queries.Mention]]]:
    """The text cut at every evidence boundary: (piece, the mentions covering it)."""
    cuts = sorted({0, len(text), *(m.start for m in mentions), *(m.end for m in mentions)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if a < b:
            out.append((text[a:b], [m for m in mentions if m.start <= a and b <= m.end]))
    return out


@router.get("/document/{doc:path}", response_class=HTMLResponse)
def article(request: Request, conn: Conn, doc: Annotated[str, Path()]) -> HTMLResponse:
    found = queries.get_article(conn, doc)
    return render(request, "article.html", a=found, pieces=segments(found.text, found.mentions))
