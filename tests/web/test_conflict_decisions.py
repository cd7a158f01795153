"""Settling conflicts through the API and the /conflicts page: only with writes allowed and the token;
a settled conflict leaves the open ones, its rejected side says so on its fact page."""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from exodus.store import ingest_extracted, open_store
from exodus.web import create_app
from tests.questions.test_settling import stories
from tests.web.hostile import SCRIPT

TOKEN = "s3cret-of-16-chars"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def store(tmp_path) -> Path:
    """A store of two conflicts: a date conflict, and Ada Quill joining Anthropic and Meta in one month."""
    path = tmp_path / "conflicts.db"
    with open_store(path) as opened:
        ingest_extracted(opened, stories())
    return path


@pytest.fixture
def client(store):
    return TestClient(create_app(store), follow_redirects=False)


@pytest.fixture
def writable(store):
    return TestClient(create_app(store, allow_writes=True, token=TOKEN), follow_redirects=False)


def same_month(client) -> dict:
    return next(c for c in client.get("/api/conflicts", params={"all": "true"}).json()["conflicts"]
                if c["kind"] == "same_month")


def sides(conflict) -> tuple[str, str]:
    """The ids of its Anthropic side and its Meta side."""
    by_org = {s["org"]: s["id"] for s in conflict["sides"]}
    return by_org["Anthropic"], by_org["Meta"]


def test_conflicts_have_an_id_and_are_open_until_settled(client):
    for conflict in client.get("/api/conflicts").json()["conflicts"]:
        assert conflict["id"].startswith("c") and len(conflict["id"]) == 12
        assert conflict["status"] == "open" and conflict["decision"] is None


def test_a_read_only_server_cannot_settle(client):
    conflict = same_month(client)
    assert client.post(f"/api/conflicts/{conflict['id']}/resolve", json={"dismiss": True},
                       headers=AUTH).status_code in (404, 405)
    assert client.post(f"/conflicts/{conflict['id']}", data={"choice": "dismiss", "token": TOKEN}).status_code == 404
    page = client.get("/conflicts").text
    assert conflict["id"] in page and 'class="settle"' not in page and "exodus conflicts resolve" in page


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong-but-long-enough"},
                                     {"Authorization": TOKEN}])
def test_settling_without_the_token_is_refused(writable, headers):
    conflict = same_month(writable)
    response = writable.post(f"/api/conflicts/{conflict['id']}/resolve", json={"dismiss": True}, headers=headers)
    assert response.status_code == 401 and "Bearer" in response.json()["detail"]
    assert same_month(writable)["status"] == "open"


def test_keeping_a_side_takes_the_conflict_out_of_the_open_ones_and_rejects_the_other(writable):
    conflict = same_month(writable)
    anthropic, meta = sides(conflict)
    response = writable.post(f"/api/conflicts/{conflict['id']}/resolve", json={"keep": anthropic, "note": "the wire"},
                             headers=AUTH)
    assert response.status_code == 200
    assert response.json()["status"] == "resolved" and response.json()["decision"]["rejected"] == [meta]
    assert conflict["id"] not in {c["id"] for c in writable.get("/api/conflicts").json()["conflicts"]}
    everything = {c["id"]: c for c in writable.get("/api/conflicts", params={"all": "true"}).json()["conflicts"]}
    assert everything[conflict["id"]]["status"] == "resolved"
    assert everything[conflict["id"]]["decision"]["kept"] == anthropic
    assert writable.get(f"/api/facts/{meta}").json()["rejected_by"]["kept"] == anthropic
    assert writable.get(f"/api/facts/{anthropic}").json()["rejected_by"] is None
    fact_page = writable.get(f"/fact/{meta}").text
    assert "verdict-rejected" in fact_page and f"/fact/{anthropic}" in fact_page and "the wire" in fact_page
    assert "verdict-rejected" not in writable.get(f"/fact/{anthropic}").text


def test_the_page_shows_each_conflict_with_its_id_status_and_decision(writable):
    conflict = same_month(writable)
    anthropic, meta = sides(conflict)
    page = writable.get("/conflicts").text
    assert f'id="{conflict["id"]}"' in page and "status-open" in page
    assert page.count('class="settle"') == writable.get("/api/conflicts").json()["total"]
    writable.post(f"/api/conflicts/{conflict['id']}/resolve", json={"keep": anthropic}, headers=AUTH)
    page = writable.get("/conflicts").text
    settled = page.split("<h2>Settled", 1)[1]
    assert conflict["id"] in settled and "status-resolved" in settled
    assert f"Fact {anthropic} kept; {meta} rejected" in settled
    assert "verdict-kept" in settled and "verdict-rejected" in settled
    assert conflict["id"] not in page.split("<h2>Settled", 1)[0].split("</h1>", 1)[1]


def test_dismissing_and_reopening(writable):
    conflict = same_month(writable)
    response = writable.post(f"/api/conflicts/{conflict['id']}/resolve", json={"dismiss": True}, headers=AUTH)
    assert response.json()["status"] == "dismissed" and response.json()["decision"]["rejected"] == []
    assert writable.post(f"/api/conflicts/{conflict['id']}/reopen", headers=AUTH).json()["status"] == "open"
    assert same_month(writable)["status"] == "open"


@pytest.mark.parametrize("body, status", [({"keep": "f00000000000"}, 422), ({"dismiss": False}, 422),
                                          ({"keep": "x", "dismiss": True}, 422), ({}, 422),
                                          ({"dismiss": True, "note": "x" * 2001}, 422)])
def test_a_wrong_decision_is_refused_and_says_why(writable, body, status):
    conflict = same_month(writable)
    response = writable.post(f"/api/conflicts/{conflict['id']}/resolve", json=body, headers=AUTH)
    assert response.status_code == status and response.json()["detail"]
    assert same_month(writable)["status"] == "open"


def test_an_unknown_conflict_is_a_404(writable):
    response = writable.post("/api/conflicts/c000000000000/resolve", json={"dismiss": True}, headers=AUTH)
    assert response.status_code == 404 and "no conflict 'c000000000000'" in response.json()["detail"]


def test_the_page_form_settles_with_the_token_and_escapes_the_note(writable):
    conflict = same_month(writable)
    anthropic, _meta = sides(conflict)
    form = {"choice": f"keep:{anthropic}", "note": SCRIPT, "token": "not-the-token"}
    refused = writable.post(f"/conflicts/{conflict['id']}", data=form)
    assert refused.status_code == 401 and "write token" in refused.text
    done = writable.post(f"/conflicts/{conflict['id']}", data={**form, "token": TOKEN})
    assert done.status_code == 303 and done.headers["location"] == f"/conflicts#{conflict['id']}"
    page = writable.get("/conflicts").text
    assert SCRIPT not in page and "&lt;script&gt;" in page
    assert 'name="choice" value="reopen"' in page
    writable.post(f"/conflicts/{conflict['id']}", data={"choice": "reopen", "token": TOKEN})
    assert same_month(writable)["status"] == "open"


def test_the_page_form_without_a_choice_says_so(writable):
    conflict = same_month(writable)
    response = writable.post(f"/conflicts/{conflict['id']}", data={"token": TOKEN})
    assert response.status_code == 422 and "choose a side" in response.text
