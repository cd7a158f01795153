"""Units and parents on the web: `rollup=true` on the flows API and the Sankey, "part of" and units on org pages."""
from __future__ import annotations

import pytest

from exodus.store import ingest_extracted, open_store
from exodus.web import create_app
from tests.questions.unit_moves import unit_moves
from tests.web.conftest import TestClient


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("units") / "s.db"
    with open_store(db) as store:
        ingest_extracted(store, unit_moves())
    with TestClient(create_app(db)) as test_client:
        yield test_client


def pairs(body: dict) -> dict[tuple[str, str], int]:
    return {(p["from_org"], p["to_org"]): p["count"] for p in body["pairs"]}


def test_flows_keep_units_apart_unless_rollup_is_asked(client):
    apart = client.get("/api/flows").json()
    assert apart["rollup"] is False and ("Google Brain", "Google DeepMind") in pairs(apart)
    rolled = client.get("/api/flows", params={"rollup": "true"}).json()
    assert rolled["rollup"] is True
    assert pairs(rolled) == {("Alphabet", "OpenAI"): 2, ("Alphabet", "Anthropic"): 1, ("OpenAI", "Microsoft"): 1,
                             ("Alphabet", "Quill Labs"): 1}
    bo = next(m for m in rolled["moves"] if m["person"] == "Bo Reed")
    assert (bo["from_org"], bo["from_unit"]) == ("Alphabet", "Google DeepMind")
    assert pairs(client.get("/api/flows", params={"rollup": "false"}).json()) == pairs(apart)


def test_rollup_with_an_org_filter_takes_its_top_parent(client):
    rolled = client.get("/api/flows", params={"rollup": "true", "org": "Microsoft AI"}).json()
    assert pairs(rolled) == {("OpenAI", "Microsoft"): 1}
    assert pairs(client.get("/api/flows", params={"org": "Microsoft AI"}).json()) == {
        ("OpenAI", "Microsoft AI"): 1, ("Microsoft", "Microsoft AI"): 1}


def test_the_sankey_rolls_up_too(client):
    rolled = client.get("/api/flows/sankey", params={"rollup": "true"}).json()
    assert rolled["rollup"] is True
    assert {n["org"] for n in rolled["nodes"]} == {"Alphabet", "OpenAI", "Anthropic", "Microsoft", "Quill Labs"}
    apart = client.get("/api/flows/sankey").json()
    assert {"Google Brain", "Google DeepMind", "Microsoft AI"} <= {n["org"] for n in apart["nodes"]}


def test_a_rollup_that_is_not_a_boolean_is_a_422(client):
    response = client.get("/api/flows", params={"rollup": "maybe"})
    assert response.status_code == 422


def test_org_api_and_page_show_the_parent_and_the_units(client):
    deepmind = client.get("/api/orgs/Google DeepMind").json()
    assert deepmind["part_of"] == ["Google", "Alphabet"] and deepmind["units"] == []
    assert client.get("/api/orgs/Google").json()["units"] == ["Google Brain", "Google DeepMind"]
    page = client.get("/org/Google DeepMind").text
    assert 'Part of <a class="org" href="/org/Google">Google</a> → <a class="org" href="/org/Alphabet">Alphabet</a>' \
        in page
    page = client.get("/org/Microsoft").text
    assert 'Units: <a class="org" href="/org/Microsoft%20AI">Microsoft AI</a>' in page
    assert "Part of" not in client.get("/org/OpenAI").text
    page = client.get("/org/Meta Superintelligence Labs").text
    assert "Part of Meta." in page and 'href="/org/Meta"' not in page  # no page for an organization not stored


def test_the_overview_form_rolls_the_sankey_and_its_table_up(client):
    page = client.get("/", params={"rollup": "true"}).text
    assert 'name="rollup" value="true" checked' in page
    assert 'data-src="/api/flows/sankey?rollup=true"' in page
    assert 'data-from="Alphabet" data-to="OpenAI"' in page and 'data-from="Google Brain"' not in page
    assert "units counted at their top parent" in page
    apart = client.get("/", params={"rollup": ""}).text  # the box not ticked: units apart
    assert 'data-from="Google Brain" data-to="Google DeepMind"' in apart and "checked" not in apart
    picked = client.get("/", params={"rollup": "true", "from": "Alphabet", "to": "OpenAI"}).text
    assert '<span class="muted">(Google DeepMind)</span>' in picked  # the unit each person left


def test_a_rollup_field_that_is_not_yes_or_no_is_answered_in_words(client):
    response = client.get("/", params={"rollup": "maybe"})
    assert response.status_code == 422
    assert "rollup: &#39;maybe&#39; is not yes or no; use true or false" in response.text
    assert "bool" not in response.text
