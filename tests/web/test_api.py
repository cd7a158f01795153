"""The REST API: every question, facts in the shape of the fact contract, 404 and 422 with a message."""
from __future__ import annotations

import pytest

from exodus.web import create_app
from tests.web.hostile import EVIL_ORG, EVIL_PERSON

REQUIRED = {"joined": ("person", "org"), "left": ("person", "org"), "founded": ("org",),
            "role": ("person", "org", "role"), "member": ("person", "org", "group")}


def assert_schema_fact(fact: dict) -> None:
    for name in ("id", "kind", "doc", "evidence", "confidence", "sources", "source_count"):
        assert name in fact, name
    for name in REQUIRED.get(fact["kind"], ()):
        assert fact[name], name
    assert set(fact["evidence"]) == {"start", "end", "text"}
    assert 0 <= fact["confidence"] <= 1
    assert fact["sources"] and all(set(s["evidence"]) == {"start", "end", "text"} for s in fact["sources"])


def test_stats_count_the_store(client):
    assert client.get("/api/stats").json() == {"facts": 11, "people": 5, "organizations": 5, "documents": 4}


def test_person_timeline_has_stints_and_facts_in_schema_shape(client):
    body = client.get("/api/people/Ada Lovelace").json()
    assert body["person"] == "Ada Lovelace"
    assert [(s["org"], s["start"], s["end"]) for s in body["stints"]] == [
        ("OpenAI", "2023-01", "2024-03"), ("Anthropic", "2024-04", None)]
    for fact in body["facts"]:
        assert_schema_fact(fact)
    left = next(f for f in body["facts"] if f["kind"] == "left")
    assert left["to_org"] == "Anthropic" and left["reasons"] == ["safety"]


def test_a_person_is_found_by_a_unique_part_of_the_name(client):
    assert client.get("/api/people/Lovelace").json()["person"] == "Ada Lovelace"


def test_evidence_is_the_article_text_at_its_offsets(client, fact_ids):
    for fact_id in fact_ids:
        fact = client.get(f"/api/facts/{fact_id}").json()
        assert_schema_fact(fact)
        for source in fact["sources"]:
            text = client.get(f"/api/documents/{source['doc']}").json()["text"]
            ev = source["evidence"]
            assert text[ev["start"]:ev["end"]] == ev["text"]


def test_org_roster_as_of_a_date(client):
    then = client.get("/api/orgs/OpenAI", params={"as_of": "2023-06"}).json()
    assert [m["person"] for m in then["present"]] == ["Ada Lovelace"]
    later = client.get("/api/orgs/OpenAI", params={"as_of": "2024-07-01"}).json()
    assert {m["person"] for m in later["present"]} == {EVIL_PERSON, "Grace Hopper"}
    assert [y["year"] for y in later["by_year"]] == ["2023", "2024"]
    assert later["departure_reasons"] == {"safety": 1}


def test_founders_k_of_n(client):
    body = client.get("/api/orgs/Turing Labs", params={"as_of": "2023"}).json()
    assert (body["founders_remaining"], body["founders_total"]) == (1, 2)


def test_flows_in_a_date_range(client):
    everything = client.get("/api/flows").json()
    assert {(p["from_org"], p["to_org"]) for p in everything["pairs"]} >= {("OpenAI", "Anthropic"),
                                                                          (EVIL_ORG, "OpenAI")}
    march = client.get("/api/flows", params={"since": "2024-03", "until": "2024-03"}).json()
    assert [m["person"] for m in march["moves"]] == ["Ada Lovelace"]
    only = client.get("/api/flows", params={"org": "Anthropic"}).json()
    assert all("Anthropic" in (m["from_org"], m["to_org"]) for m in only["moves"])


def test_sankey_nodes_and_links_carry_the_people_and_facts(client):
    body = client.get("/api/flows/sankey").json()
    assert body["links"] and body["nodes"]
    for link in body["links"]:
        assert link["value"] == len(link["moves"])
        assert all(m["person"] and m["facts"] for m in link["moves"])
    assert {n["side"] for n in body["nodes"]} == {"from", "to"}


def test_conflicts_with_their_sides(client):
    body = client.get("/api/conflicts").json()
    assert body["total"] >= 1
    conflict = body["conflicts"][0]
    assert conflict["person"] == "Grace Hopper"
    for side in conflict["sides"]:
        assert_schema_fact(side)


def test_search_finds_articles_people_and_organizations(client):
    body = client.get("/api/search", params={"q": "Lovelace"}).json()
    assert {a["doc"] for a in body["articles"]} == {"wire-1", "wire-2"}
    assert body["people"] == ["Ada Lovelace"]
    assert client.get("/api/search", params={"q": "Turing"}).json()["organizations"] == ["Turing Labs"]


def test_facts_filters_and_paging(client):
    all_facts = client.get("/api/facts").json()
    assert all_facts["total"] == 11
    left = client.get("/api/facts", params={"kind": "left"}).json()
    assert left["total"] == 4 and {f["kind"] for f in left["facts"]} == {"left"}
    ada = client.get("/api/facts", params={"person": "Ada Lovelace", "since": "2024"}).json()
    assert ada["total"] == 2
    pages = [client.get("/api/facts", params={"limit": 5, "offset": o}).json()["facts"] for o in (0, 5, 10)]
    assert [len(p) for p in pages] == [5, 5, 1]
    assert len({f["id"] for p in pages for f in p}) == 11
    latest = client.get("/api/facts/latest", params={"limit": 3}).json()["facts"]
    assert [f["effective_date"] for f in latest] == sorted((f["effective_date"] for f in latest), reverse=True)


def test_fact_sources(client):
    fact = client.get("/api/facts", params={"person": "Grace Hopper", "org": "OpenAI"}).json()["facts"][0]
    sources = client.get(f"/api/facts/{fact['id']}/sources").json()
    assert {s["doc"] for s in sources["sources"]} == {"wire-2", "wire-3"}


@pytest.mark.parametrize("url", ["/api/people/Nobody Atall", "/api/orgs/No Such Org", "/api/facts/ffffffffffff",
                                 "/api/facts/ffffffffffff/sources", "/api/documents/nope",
                                 "/api/facts?person=Nobody Atall", "/api/flows?org=No Such Org", "/api/nothing"])
def test_unknown_names_and_ids_give_404_with_a_message(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.json()["detail"]


@pytest.mark.parametrize("url", ["/api/orgs/OpenAI?as_of=2024-13", "/api/orgs/OpenAI?as_of=yesterday",
                                 "/api/flows?since=2024-02-30", "/api/flows?since=0001", "/api/flows?until=9999", "/api/facts?kind=hired", "/api/facts?limit=0",
                                 "/api/facts?offset=-1", "/api/facts?min_confidence=2", "/api/search",
                                 "/api/facts?limit=x"])
def test_bad_parameters_give_422_with_a_message(client, url):
    response = client.get(url)
    assert response.status_code == 422
    assert all(e["msg"] for e in response.json()["detail"])


def test_page_size_is_capped(client, monkeypatch):
    from exodus.settings import get_settings

    monkeypatch.setenv("EXODUS_WEB_MAX_PAGE_SIZE", "3")
    get_settings.cache_clear()
    assert len(client.get("/api/facts", params={"limit": 100}).json()["facts"]) == 3


def test_a_question_past_the_time_limit_gives_503(store_path):
    from fastapi.testclient import TestClient

    app = create_app(store_path)
    app.state.web.time_limit_ms = 0
    app.state.web.progress_steps = 1
    response = TestClient(app).get("/api/facts")
    assert response.status_code == 503
    assert "EXODUS_WEB_TIME_LIMIT_MS" in response.json()["detail"]


def test_openapi_describes_every_question(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/people/{name}", "/api/orgs/{name}", "/api/flows", "/api/conflicts", "/api/search",
                 "/api/facts", "/api/facts/{fact_id}", "/api/facts/{fact_id}/sources"):
        assert path in paths, path
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/flows" in docs.text



def test_a_whole_store_answer_is_computed_once_in_the_background(store_path):
    import threading

    from exodus.web.app import StillComputing, WebContext

    web = WebContext(str(store_path))
    release, calls = threading.Event(), []

    def slow(conn):
        calls.append(1)
        release.wait(5)
        return conn.execute("SELECT count(*) FROM facts").fetchone()[0]

    with pytest.raises(StillComputing):
        web.computed(("slow",), slow, wait_s=0.05)
    release.set()
    assert web.computed(("slow",), slow, wait_s=5) == 11
    assert web.computed(("slow",), slow) == 11 and len(calls) == 1


def test_still_computing_is_a_503_with_retry_after(store_path):
    from fastapi.testclient import TestClient

    from exodus.web.app import StillComputing

    app = create_app(store_path)

    def busy(*args, **kwargs):
        raise StillComputing("still computing")

    app.state.web.computed = busy
    client = TestClient(app)
    response = client.get("/api/conflicts")
    assert response.status_code == 503 and response.headers["retry-after"] == "5"
    page = client.get("/")
    assert page.status_code == 200 and "Being computed" in page.text
