"""The index of facts (/facts): filters by kind, confidence, date range, organization and person that work
with any field empty, a page at a time, a CSV of the same facts, and confidence shown on every listed fact."""
from __future__ import annotations

import csv
import io
import re

import pytest

from exodus.schema import Amount
from exodus.store import ingest_extracted, open_store
from exodus.store.handmade import story
from exodus.web import create_app
from tests.web.conftest import TestClient

EMPTY_FORM = {"kind": "", "min_confidence": "", "since": "", "until": "", "org": "", "person": ""}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    """Six facts about Ada Lovelace, Grace Hopper and Amazon at known confidences, and 110 arrivals at Turing Labs
    (116 facts: two pages)."""
    db = tmp_path_factory.mktemp("facts") / "s.db"
    with open_store(db) as store:
        ingest_extracted(store, [
            story("a", "2023-06-02",
                  ("joined", "Ada Lovelace joined OpenAI on 2023-05-01",
                   {"person": "Ada Lovelace", "org": "OpenAI", "date": "2023-05-01", "confidence": 0.95}),
                  ("role", "Ada Lovelace is chief scientist at OpenAI",
                   {"person": "Ada Lovelace", "org": "OpenAI", "role": "chief scientist", "confidence": 0.45}),
                  ("member", "Ada Lovelace joined the board of OpenAI on 2023-06-01",
                   {"person": "Ada Lovelace", "org": "OpenAI", "group": "board", "date": "2023-06-01",
                    "confidence": 0.3})),
            story("b", "2024-03-02",
                  ("left", "Ada Lovelace left OpenAI for Anthropic on 2024-03-01",
                   {"person": "Ada Lovelace", "org": "OpenAI", "to_org": "Anthropic", "date": "2024-03-01",
                    "reasons": ["safety"], "confidence": 0.7}),
                  ("joined", "Grace Hopper joined Anthropic",
                   {"person": "Grace Hopper", "org": "Anthropic", "confidence": 0.59})),
            story("c", "2023-09-25",
                  ("invested", "Amazon invested $4 billion in Anthropic",
                   {"investor": "Amazon", "investee": "Anthropic", "date": "2023-09-25",
                    "amount": Amount(4e9, "USD"), "confidence": 0.99})),
            story("many", "2022-01-10",
                  *[("joined", f"Person{n:03d} Example joined Turing Labs",
                     {"person": f"Person{n:03d} Example", "org": "Turing Labs", "date": "2022-01"})
                    for n in range(110)])])
    with TestClient(create_app(db)) as test_client:
        yield test_client


def rows_of(html: str) -> list[str]:
    """The rows of the facts table, as HTML."""
    body = html.split('<table class="facts-table">', 1)[1].split("</tbody>", 1)[0]
    return re.findall(r"<tr class=\"kind-.*?</tr>", body, flags=re.S)


def ids_on(html: str) -> list[str]:
    return [re.search(r'href="/fact/([^"]+)"', row).group(1) for row in rows_of(html)]


def api_ids(client, **filters) -> list[str]:
    return [f["id"] for f in client.get("/api/facts", params={**filters, "limit": 500}).json()["facts"]]


def test_a_row_shows_kind_who_where_date_confidence_sources_and_links_to_the_fact(client):
    page = client.get("/facts", params={"kind": "left"})
    assert page.status_code == 200
    [row] = rows_of(page.text)
    [fact_id] = api_ids(client, kind="left")
    assert '<span class="tag">left</span>' in row and ">Ada Lovelace</a>" in row
    assert ">OpenAI</a>" in row and ">Anthropic</a>" in row and "safety" in row and "2024-03-01" in row
    assert re.search(r'class="confidence conf-mid"[^>]*>0\.70<', row)
    assert '<td data-label="Sources">1</td>' in row and f'href="/fact/{fact_id}"' in row
    investment = rows_of(client.get("/facts", params={"kind": "invested"}).text)[0]
    assert ">Amazon</a>" in investment and ">Anthropic</a>" in investment and "4,000,000,000 USD" in investment


def test_empty_fields_mean_no_filter(client):
    page = client.get("/facts", params=EMPTY_FORM)
    assert page.status_code == 200 and "Facts <span class=\"muted\">(116)" in page.text
    assert ids_on(page.text) == api_ids(client)[:100]


@pytest.mark.parametrize("filters", [
    {"kind": "joined", "min_confidence": "0.6"},           # Grace Hopper's 0.59 is left out
    {"org": "OpenAI", "person": "Lovelace"},               # a unique part of a name will do
    {"since": "2024", "until": "2024-12"},                 # Grace Hopper's undated move: the article's date
    {"since": "2023-09-01", "until": ""},
    {"kind": "role", "min_confidence": "0"},
])
def test_the_filters_give_what_the_api_gives(client, filters):
    page = client.get("/facts", params={**EMPTY_FORM, **filters})
    assert page.status_code == 200
    wanted = api_ids(client, **{k: v for k, v in filters.items() if v})
    assert wanted and ids_on(page.text) == wanted[:100]
    assert f"({len(wanted)} matching)" in page.text


def test_the_filters_narrow_as_a_reader_expects(client):
    names = lambda **f: re.findall(r'class="person" href="[^"]+">([^<]+)<',
                                   "".join(rows_of(client.get("/facts", params=f).text)))
    assert names(kind="joined", min_confidence="0.6", org="Anthropic") == []
    assert names(kind="joined", min_confidence="0.5", org="Anthropic") == ["Grace Hopper"]
    assert sorted(names(since="2024", until="2024-12")) == ["Ada Lovelace", "Grace Hopper"]


def test_the_csv_holds_the_facts_the_page_shows_with_their_confidence(client):
    filters = {**EMPTY_FORM, "org": "OpenAI", "min_confidence": "0.4"}
    page = client.get("/facts", params=filters)
    link = re.search(r'<a href="([^"]+)" download>Download CSV</a>', page.text).group(1).replace("&amp;", "&")
    assert link == "/facts?min_confidence=0.4&org=OpenAI&format=csv"
    download = client.get(link)
    assert download.headers["content-type"].startswith("text/csv")
    assert "attachment" in download.headers["content-disposition"]
    assert "exodus-facts-min_confidence-0.4-org-OpenAI.csv" in download.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(download.text)))
    assert [r["id"] for r in rows] == ids_on(page.text)
    assert [(r["kind"], r["person"], r["confidence"]) for r in rows] == [
        ("joined", "Ada Lovelace", "0.95"), ("role", "Ada Lovelace", "0.45"), ("left", "Ada Lovelace", "0.7")]


def test_the_csv_is_every_matching_fact_not_one_page(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/facts", params={"format": "csv"}).text)))
    assert len(rows) == 116 and [r["id"] for r in rows] == api_ids(client)[:116]


def test_facts_come_a_page_at_a_time_and_paging_keeps_the_filters(client):
    first = client.get("/facts", params={"kind": "joined"})
    assert len(rows_of(first.text)) == 100 and "Facts 1–100 · page 1 of 2" in first.text
    following = re.search(r'<a href="([^"]+)" rel="next">', first.text).group(1).replace("&amp;", "&")
    assert following == "/facts?kind=joined&page=2"
    second = client.get(following)
    assert len(rows_of(second.text)) == 12 and 'rel="next"' not in second.text
    assert re.search(r'<a href="/facts\?kind=joined" rel="prev">', second.text)
    assert set(ids_on(first.text)).isdisjoint(ids_on(second.text))


@pytest.mark.parametrize("filters, said", [
    ({"org": "Nowhere Labs"}, "Nowhere Labs"),
    ({"person": "Example"}, "could be any of"),
])
def test_an_unknown_or_ambiguous_name_is_said_beside_the_form(client, filters, said):
    page = client.get("/facts", params={**EMPTY_FORM, **filters})
    assert page.status_code == 404
    assert '<form class="range filters"' in page.text and said in page.text and 'role="alert"' in page.text
    assert rows_of(page.text) == []


@pytest.mark.parametrize("filters, said", [
    ({"min_confidence": "2"}, "&#39;2&#39; is not a confidence; use a number from 0 to 1"),
    ({"min_confidence": "high"}, "&#39;high&#39; is not a confidence"),
    ({"kind": "hired"}, "&#39;hired&#39; is not a kind of fact; use one of joined, left"),
    ({"since": "2024-13"}, "&#39;2024-13&#39; is not a date"),
])
def test_a_wrong_value_is_explained_in_words(client, filters, said):
    page = client.get("/facts", params={**EMPTY_FORM, **filters})
    assert page.status_code == 422 and said in page.text
    assert "pattern" not in page.text and "Value error" not in page.text


def test_a_date_of_any_precision_stays_in_its_field(client):
    page = client.get("/facts", params={"since": "2024", "until": "2024-05-28"})
    assert '<input type="text" name="since" value="2024"' in page.text
    assert '<input type="date" name="until" value="2024-05-28"' in page.text


def test_the_page_is_in_the_navigation(client):
    page = client.get("/facts")
    assert '<a href="/facts" aria-current="page">Facts</a>' in page.text
    assert '<a href="/facts">Facts</a>' in client.get("/people").text


def confidences(html: str) -> list[tuple[str, str]]:
    return re.findall(r'class="confidence (conf-\w+)"[^>]*>([\d.]+)<', html)


def test_confidence_is_shown_and_coloured_wherever_facts_are_listed(client):
    ada = client.get("/person/Ada Lovelace").text
    assert ("conf-low", "0.45") in confidences(ada) and ("conf-high", "0.95") in confidences(ada)
    openai = client.get("/org/OpenAI").text
    board = openai.split("Committees and teams", 1)[1].split("</table>", 1)[0]
    assert confidences(board) == [("conf-low", "0.30")]
    assert ("conf-mid", "0.70") in confidences(openai.split("<h2>Movements", 1)[1])
    funding = client.get("/org/Anthropic").text.split("<h2>Funding", 1)[1]
    assert ("conf-high", "0.99") in confidences(funding)
    [fact_id] = api_ids(client, kind="role")
    fact = client.get(f"/fact/{fact_id}").text
    assert confidences(fact) == [("conf-low", "0.45"), ("conf-low", "0.45")]  # the fact, and its one source
