"""Endpoints that change the store: corrections to entity resolution, and removing an article.

They exist only when the server is started with `--allow-writes`, and each request
must carry the server's token (`Authorization: Bearer TOKEN`). Each is a thin
wrapper over the function `exodus alias`, `merge`, `split` use.
"""
from __future__ import annotations

import hmac
from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from pydantic import AfterValidator, BaseModel, Field

from exodus.errors import StoreError
from exodus.errors import CorrectionRefused
from exodus.resolution.corrections import add_alias, merge, name_problem, split
from exodus.store import Store, delete_document
from exodus.web import models
from exodus.web.app import context
from exodus.web.queries import MAX_QUERY_CHARS


def writable_store(request: Request) -> Iterator[Store]:
    """The store opened for writing, once the request has shown the server's token."""
    web = context(request)
    given = request.headers.get("authorization", "")
    scheme, _, token = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.encode(), web.token.encode()):
        raise HTTPException(401, "this request changes the store: send `Authorization: Bearer TOKEN` with the "
                                 "token the server was started with", headers={"www-authenticate": "Bearer"})
    store = Store(web.connect(write=True), web.db)
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


@router.delete("/documents/{doc:path}", summary="Remove an article")
def remove_document(doc: Annotated[str, Path(description="the article's id")], store: Writable) -> dict:
    """Remove an article and its claims; facts it alone supported go too."""
    if not delete_document(store, doc):
        raise HTTPException(404, f"no article {doc!r} in the store")
    return {"deleted": doc}
