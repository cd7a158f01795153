"""Corrections never merge two entities in silence: `exodus alias add`, `exodus merge` and their API
endpoints refuse what would make two different people (or organizations) one unless forced, refuse a
merge of an entity with itself or with an entity of another kind, and a name that is not text."""
from __future__ import annotations

import json
import warnings

import pytest

from exodus.store import ingest_extracted, open_store
from exodus.store.handmade import story
from tests.cli_runs import exodus, one_line

TOKEN = "a-write-token-of-32-characters!!"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def stories():
    return [
        story("one", "2024-08-06",
              ("joined", "Sam Altman joined OpenAI in 2019", {"person": "Sam Altman", "org": "OpenAI", "date": "2019"}),
              ("left", "Greg Brockman left OpenAI in 2024", {"person": "Greg Brockman", "org": "OpenAI", "date": "2024"})),
        story("two", "2024-01-02",
              ("joined", "Greg Brockman joined OpenAI in 2015",
               {"person": "Greg Brockman", "org": "OpenAI", "date": "2015"}),
              ("joined", "Greg Brockman joined Stripe in 2010",
               {"person": "Greg Brockman", "org": "Stripe", "date": "2010"})),
        story("three", "2024-03-01",
              ("left", "Mustafa Suleyman left DeepMind Technologies in 2022",
               {"person": "Mustafa Suleyman", "org": "DeepMind Technologies", "date": "2022"}),
              ("joined", "Lila Ibrahim joined Quill Research in 2018",
               {"person": "Lila Ibrahim", "org": "Quill Research", "date": "2018"})),
    ]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "store.db"
    with open_store(path) as store:
        ingest_extracted(store, stories())
    return str(path)


def timeline(capsys, db, name):
    status, out, err = exodus(capsys, "person", name, "--db", db, "--json")
    assert status == 0, err
    return json.loads(out)


def corrections(capsys, db):
    status, out, _ = exodus(capsys, "alias", "list", "--db", db, "--json")
    assert status == 0
    return json.loads(out)


# -- exodus alias add ---------------------------------------------------------------------------------------


def test_an_alias_that_is_another_person_is_refused_naming_both(capsys, db):
    status, out, err = exodus(capsys, "alias", "add", "Sam Altman", "Greg Brockman", "--db", db)
    assert status == 1 and out == ""
    assert one_line(err) == ('exodus: error: "Greg Brockman" is already the person "Greg Brockman" (3 facts); '
                             'adding it as an alias of the person "Sam Altman" would merge two people; '
                             'use --force to merge them')
    assert timeline(capsys, db, "Greg Brockman")["person"] == "Greg Brockman"
    assert len(timeline(capsys, db, "Sam Altman")["events"]) == 1
    assert corrections(capsys, db) == []
    status, _, err = exodus(capsys, "alias", "add", "Sam Altman", "S. H. Altman", "--db", db)  # a new name
    assert status == 0, err
    assert timeline(capsys, db, "S. H. Altman")["person"] == "Sam Altman"


def test_an_alias_forced_onto_another_person_moves_the_facts(capsys, db):
    status, out, err = exodus(capsys, "alias", "add", "Sam Altman", "Greg Brockman", "--force", "--db", db)
    assert status == 0, err
    assert timeline(capsys, db, "Greg Brockman")["person"] == "Sam Altman"
    assert len(timeline(capsys, db, "Sam Altman")["events"]) == 4
    assert [c["action"] for c in corrections(capsys, db)] == ["alias"]


def test_an_alias_that_is_an_organization_is_refused_saying_so(capsys, db):
    status, _, err = exodus(capsys, "alias", "add", "Sam Altman", "OpenAI", "--db", db)
    assert status == 1
    line = one_line(err)
    assert 'the organization "OpenAI"' in line and 'the person "Sam Altman"' in line
    assert corrections(capsys, db) == []


# -- exodus merge -------------------------------------------------------------------------------------------


def test_merging_two_people_needs_force(capsys, db):
    status, _, err = exodus(capsys, "merge", "Sam Altman", "Greg Brockman", "--db", db)
    assert status == 1
    line = one_line(err)
    assert 'the person "Greg Brockman" (3 facts)' in line and 'the person "Sam Altman" (1 fact)' in line
    assert "--force" in line and "two people" in line
    assert timeline(capsys, db, "Greg Brockman")["person"] == "Greg Brockman"
    status, _, err = exodus(capsys, "merge", "Sam Altman", "Greg Brockman", "--force", "--db", db)
    assert status == 0, err
    assert timeline(capsys, db, "Greg Brockman")["person"] == "Sam Altman"


def test_merging_two_organizations_needs_force_and_says_organizations(capsys, db):
    status, _, err = exodus(capsys, "merge", "Quill Research", "DeepMind Technologies", "--db", db)
    assert status == 1
    line = one_line(err)
    assert ('"DeepMind Technologies", a name of the organization "Google DeepMind" (1 fact) into the organization '
            '"Quill Research" (1 fact)') in line and "two organizations" in line
    assert exodus(capsys, "merge", "Quill Research", "DeepMind Technologies", "--force", "--db", db)[0] == 0


def test_merging_an_entity_with_itself_is_refused(capsys, db):
    status, out, err = exodus(capsys, "merge", "OpenAI", "OpenAI", "--db", db)
    assert status == 1 and out == ""
    assert "already the same organization" in one_line(err)
    assert corrections(capsys, db) == []
    assert exodus(capsys, "merge", "Sam Altman", "Greg Brockman", "--force", "--db", db)[0] == 0
    status, _, err = exodus(capsys, "merge", "Greg Brockman", "Sam Altman", "--force", "--db", db)
    assert status == 1 and "already the same person" in one_line(err)
    assert len(corrections(capsys, db)) == 1


def test_merging_a_person_with_an_organization_is_refused_as_different_kinds(capsys, db):
    status, _, err = exodus(capsys, "merge", "Sam Altman", "OpenAI", "--force", "--db", db)
    assert status == 1
    line = one_line(err)
    assert 'the organization "OpenAI"' in line and 'the person "Sam Altman"' in line
    assert "no person or organization" not in line and "different kinds" in line
    assert corrections(capsys, db) == []


# -- names that are not text --------------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [["alias", "add", "Sam Altman", "Sam \udcffAltman"],
                                  ["merge", "Sam Altman", "\udcff"], ["split", "Sam Altman", "S\udcc3"]])
def test_a_name_that_is_not_utf8_is_a_one_line_usage_error(capsys, db, argv):
    # Bytes that are not UTF-8 on the command line reach Python as lone surrogates (\udcff).
    status, out, err = exodus(capsys, *argv, "--db", db)
    assert status == 2 and out == ""
    line = one_line(err)
    assert "UTF-8" in line and "\\udc" in line
    assert corrections(capsys, db) == []


# -- the API ------------------------------------------------------------------------------------------------


@pytest.fixture
def api(db):
    from exodus.web import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    return TestClient(create_app(db, allow_writes=True, token=TOKEN), raise_server_exceptions=False)


def test_the_api_refuses_an_alias_that_merges_two_people_unless_forced(api):
    body = {"canonical": "Sam Altman", "alias": "Greg Brockman"}
    response = api.post("/api/corrections/alias", json=body, headers=AUTH)
    assert response.status_code == 409
    detail = response.json()["detail"]
    assert 'the person "Greg Brockman" (3 facts)' in detail and 'the person "Sam Altman"' in detail
    assert '"force": true' in detail
    assert api.get("/api/people/Greg Brockman").json()["person"] == "Greg Brockman"
    assert api.post("/api/corrections/alias", json={**body, "force": True}, headers=AUTH).status_code == 200
    assert api.get("/api/people/Greg Brockman").json()["person"] == "Sam Altman"


def test_the_api_refuses_bad_merges(api):
    same = api.post("/api/corrections/merge", json={"keep": "OpenAI", "absorb": "OpenAI"}, headers=AUTH)
    assert same.status_code == 409 and "already the same organization" in same.json()["detail"]
    kinds = api.post("/api/corrections/merge", json={"keep": "Sam Altman", "absorb": "OpenAI", "force": True},
                     headers=AUTH)
    assert kinds.status_code == 409 and "different kinds" in kinds.json()["detail"]
    two = api.post("/api/corrections/merge", json={"keep": "Sam Altman", "absorb": "Greg Brockman"}, headers=AUTH)
    assert two.status_code == 409 and "two people" in two.json()["detail"]
    forced = api.post("/api/corrections/merge", json={"keep": "Sam Altman", "absorb": "Greg Brockman",
                                                      "force": True}, headers=AUTH)
    assert forced.status_code == 200


@pytest.mark.parametrize("url, body", [
    ("/api/corrections/alias", '{"canonical": "Sam Altman", "alias": "Sam \\ud800Altman"}'),
    ("/api/corrections/alias", '{"canonical": "\\udfff", "alias": "S. Altman"}'),
    ("/api/corrections/merge", '{"keep": "Sam Altman", "absorb": "\\ud800"}'),
    ("/api/corrections/split", '{"entity": "Sam Altman", "name": "\\ud800"}')])
def test_a_lone_surrogate_in_a_name_is_a_422_that_says_so(api, url, body):
    names = api.get("/api/people/Sam Altman").json()["names"]
    response = api.post(url, content=body, headers={**AUTH, "content-type": "application/json"})
    assert response.status_code == 422
    messages = " ".join(e["msg"] for e in response.json()["detail"])
    assert "surrogate" in messages and "UTF-8" in messages
    assert api.get("/api/people/Sam Altman").json()["names"] == names


def test_a_nul_in_a_name_is_a_422_that_says_so(api):
    response = api.post("/api/corrections/alias", content='{"canonical": "Sam Altman", "alias": "Sam\\u0000"}',
                        headers={**AUTH, "content-type": "application/json"})
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "alias"] and "NUL" in error["msg"]
