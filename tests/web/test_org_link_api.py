"""`POST /api/corrections/link` and `/unlink` on a real `exodus serve --allow-writes`: the token is required,
a link changes what `rollup=true` counts, an unlink takes it back, and a refused change is a one-line 4xx."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from exodus.store import ingest_extracted, open_store
from tests.questions.unit_moves import unit_moves
from tests.web.browser import exodus_server

TOKEN = "link-token-of-16-chars"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ROLLED_UP = {("Alphabet", "OpenAI"): 2, ("Alphabet", "Anthropic"): 1, ("OpenAI", "Microsoft"): 1,
             ("Alphabet", "Quill Labs"): 1}


@contextmanager
def served_unit_moves(folder: Path) -> Iterator[httpx.Client]:
    db = folder / "units.db"
    with open_store(db) as store:
        ingest_extracted(store, unit_moves())
    with exodus_server(db, options=("--allow-writes", "--token", TOKEN)) as base, \
            httpx.Client(base_url=base, timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def unchanged(tmp_path_factory):
    """A server for the requests that must leave the store as it was (each test checks that it did)."""
    with served_unit_moves(tmp_path_factory.mktemp("refusals")) as client:
        yield client


@pytest.fixture
def api(tmp_path):
    """A server of its own, for a test that changes the store."""
    with served_unit_moves(tmp_path) as client:
        yield client


def rolled_up_pairs(api: httpx.Client) -> dict[tuple[str, str], int]:
    body = api.get("/api/flows", params={"rollup": "true"}).json()
    return {(p["from_org"], p["to_org"]): p["count"] for p in body["pairs"]}


def refusal(response: httpx.Response, status: int = 409) -> str:
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str) and "\n" not in detail and "Traceback" not in detail
    return detail


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong-token-of-16-chars"},
                                     {"Authorization": TOKEN}])
def test_link_and_unlink_need_the_token(unchanged, headers):
    assert "Bearer" in refusal(unchanged.post("/api/corrections/link", json={"unit": "Quill Labs", "parent": "OpenAI"},
                                        headers=headers), 401)
    assert "Bearer" in refusal(unchanged.post("/api/corrections/unlink", json={"unit": "Microsoft AI"},
                                              headers=headers), 401)
    assert rolled_up_pairs(unchanged) == ROLLED_UP


def test_a_link_is_counted_by_rollup_and_an_unlink_takes_it_back(api):
    assert rolled_up_pairs(api) == ROLLED_UP
    linked = api.post("/api/corrections/link", json={"unit": "quill labs", "parent": "OpenAI"}, headers=AUTH)
    assert linked.status_code == 200, linked.text
    assert linked.json() == {"unit": "Quill Labs", "parent": "OpenAI", "previous": None}
    assert rolled_up_pairs(api) == {("Alphabet", "OpenAI"): 3, ("Alphabet", "Anthropic"): 1,
                                    ("OpenAI", "Microsoft"): 1}
    assert api.get("/api/orgs/Quill Labs").json()["part_of"] == ["OpenAI"]
    assert "Quill Labs" in api.get("/api/orgs/OpenAI").json()["units"]

    unlinked = api.post("/api/corrections/unlink", json={"unit": "Quill Labs"}, headers=AUTH)
    assert unlinked.json() == {"unit": "Quill Labs", "parent": None, "previous": "OpenAI"}
    assert rolled_up_pairs(api) == ROLLED_UP
    assert api.get("/api/orgs/Quill Labs").json()["part_of"] == []


def test_an_unlink_overrides_the_gazetteer(api):
    response = api.post("/api/corrections/unlink", json={"unit": "Microsoft AI"}, headers=AUTH)
    assert response.json() == {"unit": "Microsoft AI", "parent": None, "previous": "Microsoft"}
    pairs = rolled_up_pairs(api)
    assert ("OpenAI", "Microsoft") not in pairs
    assert pairs[("OpenAI", "Microsoft AI")] == 1 and pairs[("Microsoft", "Microsoft AI")] == 1
    relinked = api.post("/api/corrections/link", json={"unit": "Microsoft AI", "parent": "Microsoft"}, headers=AUTH)
    assert relinked.json()["previous"] is None
    assert rolled_up_pairs(api) == ROLLED_UP


@pytest.mark.parametrize("url, body, said", [
    ("/api/corrections/link", {"unit": "OpenAI", "parent": "openai"}, "cannot be part of itself"),
    ("/api/corrections/link", {"unit": "Alphabet", "parent": "Google DeepMind"}, "would be a cycle"),
    ("/api/corrections/link", {"unit": "Ada Quill", "parent": "OpenAI"}, '"Ada Quill" is a person'),
    ("/api/corrections/link", {"unit": "Safety Board", "parent": "OpenAI"}, "is a group"),
    ("/api/corrections/link", {"unit": "Quill Labs", "parent": "Nowhere Inc"}, 'no organization called "Nowhere Inc"'),
    ("/api/corrections/unlink", {"unit": "OpenAI"}, "nothing to unlink"),
])
def test_a_refused_change_is_a_409_that_says_why(unchanged, url, body, said):
    assert said in refusal(unchanged.post(url, json=body, headers=AUTH))
    assert rolled_up_pairs(unchanged) == ROLLED_UP


@pytest.mark.parametrize("url, body", [
    ("/api/corrections/link", {"unit": "Quill Labs"}),
    ("/api/corrections/link", {"unit": "", "parent": "OpenAI"}),
    ("/api/corrections/link", {"unit": "Quill\x00Labs", "parent": "OpenAI"}),
    ("/api/corrections/unlink", {"unit": "x" * 201}),
])
def test_a_malformed_body_is_a_422(unchanged, url, body):
    response = unchanged.post(url, json=body, headers=AUTH)
    assert response.status_code == 422, response.text
    assert rolled_up_pairs(unchanged) == ROLLED_UP


def test_the_openapi_description_has_both(unchanged):
    description = unchanged.get("/openapi.json").json()
    paths = description["paths"]
    for path, fields in (("/api/corrections/link", {"unit", "parent"}), ("/api/corrections/unlink", {"unit"})):
        post = paths[path]["post"]
        assert {"200", "401", "409", "422"} <= set(post["responses"])
        assert post["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/OrgLinkOut")
        ref = post["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
        schema = description["components"]["schemas"][ref]
        assert set(schema["required"]) == fields
