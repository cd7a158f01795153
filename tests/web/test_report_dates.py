"""Report dates as bounds, on the REST API and the pages: a departure told undated reads "by" its article's
date, a member reported on a date is "reported" then, a founder gone by a later report is "not known to be
there", and a move undone within days "never took effect". Checked through the API, the served HTML and,
for the person page, in Chromium."""
from __future__ import annotations

import warnings
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.questions.bounded_stories import build
from tests.web.browser import CHROMIUM, chromium, exodus_server

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install -e '.[web]'")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402

from exodus.web import create_app  # noqa: E402


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("bounds") / "bounds.db")


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as test_client:
        yield test_client


def test_the_api_gives_a_departure_told_undated_as_a_bound(client):
    body = client.get("/api/people/Vicki Cheung").json()
    (stint,) = body["stints"]
    assert (stint["start"], stint["end"], stint["end_by"], stint["until_text"]) == ("2015-12", None, "2024-08-09",
                                                                                    "by 2024-08-09")
    (left,) = [f for f in body["facts"] if f["kind"] == "left"]
    assert (left["date"], left["reported"], left["when"]) == (None, "2024-08-09", "by 2024-08-09")


def test_the_api_roster_uses_the_bounds(client):
    june = client.get("/api/orgs/OpenAI", params={"as_of": "2024-06-01"}).json()
    seligman = next(m for m in june["present"] if m["person"] == "Nicole Seligman")
    assert (seligman["since"], seligman["reported"], seligman["since_text"]) == (None, "2024-05-29",
                                                                                "reported 2024-05-29")
    cheung = next(f for f in june["founders"] if f["person"] == "Vicki Cheung")
    assert (cheung["still_there"], cheung["state"]) == (False, "not known to be there (left by 2024-08-09)")
    assert "Vicki Cheung" not in [m["person"] for m in june["present"]]
    later = client.get("/api/orgs/OpenAI", params={"as_of": "2024-09-01"}).json()
    assert next(f for f in later["founders"] if f["person"] == "Vicki Cheung")["state"] == "left by 2024-08-09"
    assert client.get("/api/orgs/Microsoft", params={"as_of": "2023-12-01"}).json()["present"] == []


def test_the_pages_say_which_dates_are_bounds(client):
    cheung = client.get("/person/Vicki Cheung").text
    assert "by 2024-08-09" in cheung and ">2024-08-09</td>" not in cheung  # (the article itself is dated)
    altman = client.get("/person/Sam Altman").text
    assert "never took effect: back at OpenAI 2023-11" in altman
    org = client.get("/org/OpenAI", params={"as_of": "2024-09-01"}).text
    assert "reported 2024-05-29" in org and "left by 2024-08-09" in org


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is missing: apt-get install chromium")
def test_the_person_page_in_chromium_shows_the_bound_and_the_undone_move(db):
    pytest.importorskip("playwright", reason="playwright is not installed: pip install -e '.[test]'")
    with exodus_server(db) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{base}/person/{quote('Sam Altman')}")
        page.wait_for_selector("#timeline svg")
        rows = {r.locator("td").nth(0).inner_text(): r.locator("td").nth(2).inner_text()
                for r in page.locator("section:has(h2:text('Stints')) tbody tr").all()}
        assert rows["Microsoft"] == "never took effect: back at OpenAI 2023-11"
        page.goto(f"{base}/person/{quote('Vicki Cheung')}")
        page.wait_for_selector("#timeline svg")
        until = page.locator("section:has(h2:text('Stints')) tbody tr td").nth(2).inner_text()
        assert until == "by 2024-08-09" and not errors
