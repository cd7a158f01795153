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
from pydantic import BaseModel, Field

from exodus.errors import StoreError
from exodus.resolution.corrections import add_alias, merge, split
from exodus.store import Store, delete_document
from exodus.web import models
from exodus.web.app import context


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


class AliasIn(BaseModel):
    canonical: str = Field(min_length=1, description="the entity's name")
    alias: str = Field(min_length=1, description="another name it goes by")
    type: EntityType | None = None


class MergeIn(BaseModel):
    keep: str = Field(min_length=1)
    absorb: str = Field(min_length=1, description="becomes the same entity as `keep`")
    type: EntityType | None = None


class SplitIn(BaseModel):
    entity: str = Field(min_length=1)
    name: str = Field(min_length=1, description="the name taken away; it becomes an entity of its own")
    type: EntityType | None = None


def _apply(action, *args) -> dict:
    try:
        return {"entity_id": action(*args)}
    except StoreError as err:
        raise HTTPException(409, str(err)) from None


@router.post("/corrections/alias", summary="Add an alias")
def alias(body: AliasIn, store: Writable) -> dict:
    """Make `alias` a name of `canonical` (as `exodus alias add`)."""
    return _apply(add_alias, store, body.canonical, body.alias, body.type)


@router.post("/corrections/merge", summary="Merge two entities")
def merge_entities(body: MergeIn, store: Writable) -> dict:
    """Make `absorb` the same entity as `keep` (as `exodus merge`)."""
    return _apply(merge, store, body.keep, body.absorb, body.type)


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
