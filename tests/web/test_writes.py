"""The server is read-only unless started with writes allowed, and then every write needs the token."""
from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from exodus.errors import StoreError
from exodus.web import create_app

WRITES = [("post", "/api/corrections/alias", {"canonical": "Ada Lovelace", "alias": "Countess Lovelace"}),
          ("post", "/api/corrections/merge", {"keep": "OpenAI", "absorb": "Google"}),
          ("post", "/api/corrections/split", {"entity": "Ada Lovelace", "name": "Ada"}),
          ("delete", "/api/documents/wire-3", None)]


@pytest.mark.parametrize("method, url, body", WRITES)
def test_a_read_only_server_has_no_write_endpoints(client, method, url, body):
    response = client.request(method, url, json=body)
    assert response.status_code in (404, 405)


def test_serving_never_changes_the_store(store_path, client, fact_ids):
    before = store_path.read_bytes()
    for fact_id in fact_ids:
        client.get(f"/fact/{fact_id}")
    for url in ("/", "/conflicts", "/api/flows", "/person/Ada Lovelace", "/org/OpenAI"):
        client.get(url)
    assert store_path.read_bytes() == before


def test_writes_need_a_token():
    with pytest.raises(StoreError, match="token"):
        create_app("unused.db", allow_writes=True, token="")


@pytest.fixture
def writable(store_path, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copy(store_path, copy)
    return TestClient(create_app(copy, allow_writes=True, token="s3cret-of-16-chars"))


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret-of-16-chars"},
                                     {"Authorization": "Basic s3cret-of-16-chars"}])
def test_a_write_without_the_token_is_refused(writable, headers):
    response = writable.post("/api/corrections/alias", json=WRITES[0][2], headers=headers)
    assert response.status_code == 401
    assert "Bearer" in response.json()["detail"]


def test_writes_with_the_token_change_the_store(writable):
    auth = {"Authorization": "Bearer s3cret-of-16-chars"}
    assert writable.post("/api/corrections/alias", json=WRITES[0][2], headers=auth).status_code == 200
    assert writable.get("/api/people/Countess Lovelace").json()["person"] == "Ada Lovelace"
    assert writable.delete("/api/documents/wire-3", headers=auth).json() == {"deleted": "wire-3"}
    assert writable.get("/api/documents/wire-3").status_code == 404
    assert writable.delete("/api/documents/wire-3", headers=auth).status_code == 404


def test_an_impossible_correction_is_a_409(writable):
    response = writable.post("/api/corrections/split", json={"entity": "Ada Lovelace", "name": "Ada Lovelace"},
                             headers={"Authorization": "Bearer s3cret-of-16-chars"})
    assert response.status_code == 409 and response.json()["detail"]
