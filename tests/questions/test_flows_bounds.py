"""A move told without a date is shown with the bound its article's date gives ("by 2024-08-09"), never with
that date as the move's: in `exodus flows` and in the flows JSON of the library and the API."""
from __future__ import annotations

import json
import re

import pytest

from exodus.cli.main import main
from exodus.questions import talent_flows
from exodus.store import ingest_extracted, open_store
from exodus.store.handmade import story


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store:
        ingest_extracted(store, [
            story("analysis", "2024-08-09",
                  ("left", "Vicki Cheung left OpenAI for Anthropic",
                   {"person": "Vicki Cheung", "org": "OpenAI", "to_org": "Anthropic"})),
            story("wire", "2024-05-29",
                  ("left", "Jan Leike left OpenAI on 2024-05-14",
                   {"person": "Jan Leike", "org": "OpenAI", "date": "2024-05-14"}),
                  ("joined", "Jan Leike joined Anthropic on 2024-05-28",
                   {"person": "Jan Leike", "org": "Anthropic", "date": "2024-05-28"}))])
    return path


def test_exodus_flows_shows_an_undated_move_as_by_its_article(db, capsys):
    assert main(["flows", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^by 2024-08-09\s+Vicki Cheung\s+OpenAI\s+Anthropic\s*$", out, re.M), out
    assert not re.search(r"(?<!by )2024-08-09", out), "the article's date shown as the move's"
    assert re.search(r"^2024-05-14\s+2024-05-28\s+Jan Leike\s+OpenAI\s+Anthropic", out, re.M), out


def test_the_flows_json_says_which_date_is_a_bound(db, capsys):
    assert main(["flows", "--db", str(db), "--json"]) == 0
    moves = {m["person"]: m for m in json.loads(capsys.readouterr().out)["moves"]}
    cheung, leike = moves["Vicki Cheung"], moves["Jan Leike"]
    assert (cheung["left"], cheung["left_by"], cheung["left_text"]) == (None, "2024-08-09", "by 2024-08-09")
    assert (leike["left"], leike["left_by"], leike["left_text"]) == ("2024-05-14", None, "2024-05-14")
    assert (leike["joined"], leike["joined_text"]) == ("2024-05-28", "2024-05-28")


def test_the_api_flows_answer_says_which_date_is_a_bound(db):
    pytest.importorskip("fastapi")
    from exodus.web import create_app
    from tests.web.conftest import TestClient
    with TestClient(create_app(db)) as client:
        body = client.get("/api/flows").json()
    cheung = next(m for m in body["moves"] if m["person"] == "Vicki Cheung")
    assert (cheung["left"], cheung["left_by"], cheung["left_text"]) == (None, "2024-08-09", "by 2024-08-09")


def test_the_library_keeps_the_bound_apart(db):
    with open_store(db, readonly=True) as store:
        move = next(m for m in talent_flows(store.conn).moves if m.person == "Vicki Cheung")
    assert move.left is None and move.left_by == "2024-08-09" and move.when == "2024-08-09"


def test_the_overview_page_and_its_sankey_data_show_the_bound(db):
    pytest.importorskip("fastapi")
    from exodus.web import create_app
    from tests.web.conftest import TestClient
    with TestClient(create_app(db)) as client:
        page = client.get("/", params={"from": "OpenAI", "to": "Anthropic"}).text
        sankey = client.get("/api/flows/sankey").json()
    assert "left by 2024-08-09" in page and "left 2024-08-09" not in page
    assert "left 2024-05-14, joined 2024-05-28" in page
    moves = [m for link in sankey["links"] for m in link["moves"] if m["person"] == "Vicki Cheung"]
    assert moves and all(m["left_text"] == "by 2024-08-09" for m in moves)
