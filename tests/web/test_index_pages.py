"""The index pages: every person and organization, filtered by name, a page at a time, and as CSV."""
from __future__ import annotations

import csv
import io
import re

import pytest

from exodus.store import ingest_extracted, open_store
from exodus.store.handmade import story
from exodus.web import create_app
from tests.web.conftest import TestClient


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """A store with 250 people at two organizations."""
    db = tmp_path_factory.mktemp("index") / "s.db"
    with open_store(db) as store:
        ingest_extracted(store, [story(f"d{n}", "2024-05-01",
                                       ("joined", f"Person{n:03d} Example joined {'OpenAI' if n % 2 else 'Anthropic'}",
                                        {"person": f"Person{n:03d} Example", "org": "OpenAI" if n % 2 else "Anthropic"}))
                                 for n in range(250)])
    with TestClient(create_app(db)) as client:
        yield client


def names_on(html: str) -> list[str]:
    return re.findall(r'<a class="person" href="/person/[^"]+">([^<]+)</a>', html)


def test_people_are_listed_a_page_at_a_time(many):
    first = many.get("/people")
    assert first.status_code == 200
    assert "250" in first.text and names_on(first.text)[:2] == ["Person000 Example", "Person001 Example"]
    assert len(names_on(first.text)) == 100 and 'rel="next"' in first.text
    last = many.get("/people?page=3")
    assert names_on(last.text)[-1] == "Person249 Example" and 'rel="next"' not in last.text


def test_the_filter_and_the_csv_show_the_same_people(many):
    page = many.get("/people", params={"q": "person24"})
    shown = names_on(page.text)
    assert shown == [f"Person24{n} Example" for n in range(10)]
    download = many.get("/people", params={"q": "person24", "format": "csv"})
    assert download.headers["content-type"].startswith("text/csv")
    assert "attachment" in download.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(download.text)))
    assert [r["name"] for r in rows] == shown and all(r["facts"] == "1" for r in rows)


def test_organizations_have_an_index_too(many):
    page = many.get("/orgs")
    assert page.status_code == 200
    assert re.findall(r'<a class="org" href="/org/[^"]+">([^<]+)</a>', page.text)[-2:] == ["Anthropic", "OpenAI"]
    assert '<a href="/orgs" aria-current="page">' in page.text


@pytest.fixture(scope="module")
def odd_names(tmp_path_factory):
    """Organizations whose names hold the characters LIKE treats as wildcards or escapes, and non-ASCII letters."""
    names = ["100% Labs", "Net_Works", "Back\\Slash AI", "1000 Labs", "NetXWorks", "Élan Labs"]
    db = tmp_path_factory.mktemp("odd") / "s.db"
    with open_store(db) as store:
        ingest_extracted(store, [story(f"o{n}", "2024-05-01", ("joined", f"Ann Lee{n} joined {name}",
                                                              {"person": f"Ann Lee{n}", "org": name}))
                                 for n, name in enumerate(names)])
    with TestClient(create_app(db)) as client:
        yield client


@pytest.mark.parametrize("q, found", [("0%", ["100% Labs"]), ("t_w", ["Net_Works"]), ("k\\s", ["Back\\Slash AI"]),
                                      ("LABS", ["100% Labs", "1000 Labs", "Élan Labs"]), ("élan", []),
                                      ("Élan", ["Élan Labs"]), ("%", ["100% Labs"]), ("_", ["Net_Works"])])
def test_a_name_filter_matches_its_characters_as_written(odd_names, q, found):
    """`%`, `_` and `\\` are characters, not wildcards or escapes; ASCII letters match in either case (and only
    they: SQLite folds no other), in the index pages and in search alike."""
    listed = odd_names.get("/api/orgs", params={"q": q}).json()
    assert [i["name"] for i in listed["items"]] == found and listed["total"] == len(found)
    assert odd_names.get("/api/search", params={"q": q}).json()["organizations"] == found
