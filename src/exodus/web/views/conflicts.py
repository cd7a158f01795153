"""Conflicts: facts that cannot all be true, each side with its sources, open ones first, then the settled ones.

When the server allows writes, each conflict has a small form to settle it (keep a side, dismiss) or
reopen it, sent with the write token: a form cannot send an `Authorization` header, so the token is a
field, checked as the API checks the header.
"""
from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse

from exodus.questions import reopen_conflict, settle_conflict
from exodus.web import queries
from exodus.web.api import Conn, all_conflicts
from exodus.web.app import context
from exodus.web.templating import render
from exodus.web.writes import ConflictId, decide, is_server_token, store_for_writing

router = APIRouter(include_in_schema=False)
SHOWN = 500
"""The most conflicts of each status the page lists (the API pages through all)."""
MAX_FORM_BYTES = 16 * 1024
"""A decision's form is a choice, a note and the token: anything larger is not one."""


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts(request: Request, conn: Conn) -> HTMLResponse:
    found = all_conflicts(request)
    open_ones = [c for c in found if c.decision is None]
    settled = [c for c in found if c.decision is not None]
    return render(request, "conflicts.html", conflicts=[queries.conflict_json(c) for c in open_ones[:SHOWN]],
                  total=len(open_ones), settled=[queries.conflict_json(c) for c in settled[:SHOWN]],
                  settled_total=len(settled), writable=context(request).allow_writes)


@router.post("/conflicts/{conflict_id}", response_class=HTMLResponse)
async def settle(request: Request, conflict_id: ConflictId) -> RedirectResponse:
    """The settle form of the page: `choice` (`keep:FACT_ID`, `dismiss` or `reopen`), `note`, `token`."""
    if not context(request).allow_writes:
        raise HTTPException(404, "Not Found")
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        raise HTTPException(413, f"the form is {len(body)} bytes; a decision takes at most {MAX_FORM_BYTES}")
    form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items()}
    if not is_server_token(request, form.get("token", "")):
        raise HTTPException(401, "the write token is missing or wrong: give the token the server was started with")
    choice = form.get("choice", "")
    note = form.get("note", "").strip() or None
    if choice == "reopen":
        action, kwargs = reopen_conflict, {}
    elif choice == "dismiss":
        action, kwargs = settle_conflict, {"dismiss": True, "note": note}
    elif choice.startswith("keep:"):
        action, kwargs = settle_conflict, {"keep": choice.removeprefix("keep:"), "note": note}
    else:
        raise HTTPException(422, "choose a side to keep, or dismiss the conflict")

    def write() -> None:
        with store_for_writing(request) as store:
            decide(action, store, conflict_id, **kwargs)

    await run_in_threadpool(write)
    return RedirectResponse(f"/conflicts#{conflict_id}", status_code=303)
