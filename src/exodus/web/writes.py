"""Endpoints that change the store: corrections to entity resolution and to organizations' parents,
decisions on conflicts, and removing an article.

They exist only when the server is started with `--allow-writes`, and each request
must carry the server's token (`Authorization: Bearer TOKEN`). Each is a thin
wrapper over the function `exodus alias`, `merge`, `split`, `org link`, `org unlink`, `conflicts resolve` use.
"""
from __future__ import annotations

import hmac
from collections.abc import Callable, Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from pydantic import AfterValidator, BaseModel, Field, model_validator

from exodus.errors import StoreError
from exodus.errors import CorrectionRefused, NotAConflictSide, UnknownConflict
from exodus.questions import Conflict, reopen_conflict, settle_conflict
from exodus.questions.settling import note_problem
from exodus.resolution.corrections import add_alias, merge, name_problem, split
from exodus.resolution.org_parents import OrgLink, link_org, unlink_org
from exodus.store import Store, delete_document
from exodus.store.decisions import MAX_NOTE_CHARS
from exodus.web import models, queries
from exodus.web.app import context
from exodus.web.queries import MAX_QUERY_CHARS


def is_server_token(request: Request, token: str) -> bool:
    """Whether `token` is the write token the server was started with (compared in constant time)."""
    return hmac.compare_digest(token.encode("utf-8", "surrogateescape"), context(request).token.encode())


def store_for_writing(request: Request) -> Store:
    """The store opened for writing for one request (the caller has checked the token, and closes it)."""
    web = context(request)
    return Store(web.connect(write=True), web.db)


def writable_store(request: Request) -> Iterator[Store]:
    """The store opened for writing, once the request has shown the server's token."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not is_server_token(request, token):
        raise HTTPException(401, "this request changes the store: send `Authorization: Bearer TOKEN` with the "
                                 "token the server was started with", headers={"www-authenticate": "Bearer"})
    store = store_for_writing(request)
    try:
        yield store
    finally:
        store.close()


router = APIRouter(prefix="/api", tags=["writes"], responses={401: {"model": models.Message},
                                                               409: {"model": models.Message}})
Writable = Annotated[Store, Depends(writable_store)]
EntityType = Literal["person", "org"]


def _storable(name: str) -> str:
    """A name that can be stored (pydantic itself refuses a lone surrogate such as "\\ud800"; this, NUL)."""
    problem = name_problem(name)
    if problem:
        raise ValueError(problem)
    return name


Name = Annotated[str, Field(min_length=1, max_length=MAX_QUERY_CHARS), AfterValidator(_storable)]


class AliasIn(BaseModel):
    canonical: Annotated[Name, Field(description="the entity's name")]
    alias: Annotated[Name, Field(description="another name it goes by")]
    type: EntityType | None = None
    force: bool = Field(False, description="add it even when it is already the name of another entity, whose "
                                           "facts stated under it move to `canonical`; without it that is a 409")


class MergeIn(BaseModel):
    keep: Name
    absorb: Annotated[Name, Field(description="becomes the same entity as `keep`")]
    type: EntityType | None = None
    force: bool = Field(False, description="merge them; without it the merge is only checked, and the 409 "
                                           "names both entities, their kind and how many facts each has")


class SplitIn(BaseModel):
    entity: Name
    name: Annotated[Name, Field(description="the name taken away; it becomes an entity of its own")]
    type: EntityType | None = None


def _apply(action, *args, **kwargs) -> dict:
    try:
        return {"entity_id": action(*args, **kwargs)}
    except CorrectionRefused as err:
        raise HTTPException(409, err.advice('send "force": true')) from None
    except StoreError as err:
        raise HTTPException(409, str(err)) from None


@router.post("/corrections/alias", summary="Add an alias")
def alias(body: AliasIn, store: Writable) -> dict:
    """Make `alias` a name of `canonical` (as `exodus alias add`); a name of another entity only with `force`."""
    return _apply(add_alias, store, body.canonical, body.alias, body.type, force=body.force)


@router.post("/corrections/merge", summary="Merge two entities")
def merge_entities(body: MergeIn, store: Writable) -> dict:
    """Make `absorb` the same entity as `keep` (as `exodus merge`), with `force`; without it, only check."""
    return _apply(merge, store, body.keep, body.absorb, body.type, force=body.force)


@router.post("/corrections/split", summary="Split a name off an entity")
def split_entity(body: SplitIn, store: Writable) -> dict:
    """Take `name` away from `entity`: it becomes an entity of its own (as `exodus split`)."""
    return _apply(split, store, body.entity, body.name, body.type)


class LinkIn(BaseModel):
    unit: Annotated[Name, Field(description="the organization that becomes a unit (any of its names)")]
    parent: Annotated[Name, Field(description="the organization it becomes part of")]


class UnlinkIn(BaseModel):
    unit: Annotated[Name, Field(description="the organization that becomes part of none")]


def _linked(action: Callable[..., OrgLink], *args: str) -> dict:
    """A change of an organization's parent as the API answers it; a refused one is a 409 saying why."""
    try:
        done = action(*args)
    except StoreError as err:
        raise HTTPException(409, str(err)) from None
    return {"unit": done.unit, "parent": done.parent, "previous": done.previous}


@router.post("/corrections/link", summary="Make an organization part of another",
             responses={200: {"model": models.OrgLinkOut}})
def link(body: LinkIn, store: Writable) -> dict:
    """Make `unit` part of `parent` (as `exodus org link`), winning over the gazetteer's link; flows and the
    Sankey with `rollup=true` then count `unit` at `parent`'s top. A person, a group, an unknown name, an
    organization as part of itself and a cycle are refused (409)."""
    return _linked(link_org, store, body.unit, body.parent)


@router.post("/corrections/unlink", summary="Make an organization part of none",
             responses={200: {"model": models.OrgLinkOut}})
def unlink(body: UnlinkIn, store: Writable) -> dict:
    """Make `unit` part of no organization, the gazetteer's link too (as `exodus org unlink`); refused (409)
    when it is part of none already."""
    return _linked(unlink_org, store, body.unit)


@router.delete("/documents/{doc:path}", summary="Remove an article")
def remove_document(doc: Annotated[str, Path(description="the article's id")], store: Writable) -> dict:
    """Remove an article and its claims; facts it alone supported go too."""
    if not delete_document(store, doc):
        raise HTTPException(404, f"no article {doc!r} in the store")
    return {"deleted": doc}


class ConflictDecisionIn(BaseModel):
    keep: str | None = Field(None, max_length=MAX_QUERY_CHARS, description="the id of the side that is right; the "
                                                                           "conflict's other sides are rejected")
    dismiss: bool = Field(False, description="the facts can all be true: no conflict")
    note: str | None = Field(None, max_length=MAX_NOTE_CHARS, description="why (kept with the decision)")

    @model_validator(mode="after")
    def _keep_or_dismiss(self) -> "ConflictDecisionIn":
        if (self.keep is None) == (not self.dismiss):
            raise ValueError('send either "keep": FACT_ID or "dismiss": true')
        problem = note_problem(self.note)
        if problem:
            raise ValueError(problem)
        return self


ConflictId = Annotated[str, Path(description="a conflict's id, as `GET /api/conflicts` gives it",
                                 max_length=MAX_QUERY_CHARS, examples=["c1a2b3c4d5e6"])]


def decide(action: Callable[..., Conflict], store: Store, conflict_id: str, **kwargs) -> dict:
    """A decision on a conflict as the API answers it: the conflict with its new status; an unknown conflict is
    a 404, a fact to keep that is not one of its sides a 422."""
    try:
        return queries.conflict_json(action(store, conflict_id, **kwargs))
    except UnknownConflict as err:
        raise HTTPException(404, str(err)) from None
    except NotAConflictSide as err:
        raise HTTPException(422, str(err)) from None
    except StoreError as err:
        raise HTTPException(409, str(err)) from None


@router.post("/conflicts/{conflict_id}/resolve", summary="Settle a conflict",
             responses={200: {"model": models.ConflictOut}, 404: {"model": models.Message},
                        422: {"model": models.Message}})
def resolve_conflict(conflict_id: ConflictId, body: ConflictDecisionIn, store: Writable) -> dict:
    """Keep one side of a conflict (`keep`: its fact id; the other sides are rejected) or `dismiss` it (as
    `exodus conflicts resolve`). The decision holds when the same articles are ingested again."""
    return decide(settle_conflict, store, conflict_id, keep=body.keep, dismiss=body.dismiss, note=body.note)


@router.post("/conflicts/{conflict_id}/reopen", summary="Reopen a conflict",
             responses={200: {"model": models.ConflictOut}, 404: {"model": models.Message}})
def reopen(conflict_id: ConflictId, store: Writable) -> dict:
    """Take back the decision on a conflict: it is open again (as `exodus conflicts reopen`)."""
    return decide(reopen_conflict, store, conflict_id)
