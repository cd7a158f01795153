"""The overview's flows without JavaScript: a table with the Sankey's numbers, the choice (date range,
organization, number of flows, the flow whose people are listed) in the address, and forms that take any
field empty."""
from __future__ import annotations

import html
import re

import pytest

from exodus.store import ingest_extracted, open_store
from exodus.store.handmade import story
from exodus.web import create_app
from tests.web.conftest import TestClient


def move(doc: str, published: str, person: str, left: str, left_on: str, joined: str, joined_on: str):
    return story(doc, published,
                 ("left", f"{person} left {left} on {left_on}", {"person": person, "org": left, "date": left_on}),
                 ("joined", f"{person} joined {joined} on {joined_on}",
                  {"person": person, "org": joined, "date": joined_on}))


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    """Five moves: two OpenAI -> Anthropic in 2024, OpenAI -> Google in 2018, OpenAI -> Thinking Machines Lab
    (2024-2025), Tesla -> OpenAI (2022-2023)."""
    db = tmp_path_factory.mktemp("flows") / "s.db"
    with open_store(db) as store:
        ingest_extracted(store, [
            move("a", "2024-05-28", "Jan Leike", "OpenAI", "2024-05-14", "Anthropic", "2024-05-28"),
            move("b", "2024-08-06", "John Schulman", "OpenAI", "2024-08-05", "Anthropic", "2024-08-06"),
            move("c", "2018-07-02", "Durk Kingma", "OpenAI", "2018-06-01", "Google", "2018-07-01"),
            move("d", "2025-02-18", "Mira Murati", "OpenAI", "2024-09-25", "Thinking Machines Lab", "2025-02-18"),
            move("e", "2023-02-09", "Andrej Karpathy", "Tesla", "2022-07-13", "OpenAI", "2023-02-08")])
    with TestClient(create_app(db)) as test_client:
        yield test_client


def table_rows(page: str) -> list[tuple[str, str, int]]:
    """(left, joined, moves) of each row of the flows table."""
    body = page.split('<table class="flows">', 1)[1].split("</tbody>", 1)[0]
    rows = []
    for row in re.findall(r"<tr data-from.*?</tr>", body, flags=re.S):
        orgs = re.findall(r'<a class="org" href="[^"]+">([^<]+)</a>', row)
        count = re.search(r'<td class="count"[^>]*><a [^>]*>(\d+)</a>', row).group(1)
        rows.append((html.unescape(orgs[0]), html.unescape(orgs[1]), int(count)))
    return rows


def sankey_rows(client, **params) -> list[tuple[str, str, int]]:
    data = client.get("/api/flows/sankey", params=params).json()
    return [(data["nodes"][link["source"]]["org"], data["nodes"][link["target"]]["org"], link["value"])
            for link in data["links"]]


def detail(page: str) -> str:
    return page.split('<aside id="flow-detail"', 1)[1].split("</aside>", 1)[0]


def test_the_table_has_the_numbers_of_the_sankey(client):
    page = client.get("/").text
    assert table_rows(page) == [("OpenAI", "Anthropic", 2), ("OpenAI", "Google", 1),
                                ("OpenAI", "Thinking Machines Lab", 1), ("Tesla", "OpenAI", 1)]
    assert sorted(table_rows(page)) == sorted(sankey_rows(client))
    assert "4 flows (5 moves in all)" in page
    assert 'href="/person/Jan%20Leike">Jan Leike</a>, <a class="person" href="/person/John%20Schulman">' in page


@pytest.mark.parametrize("params, rows", [
    ({"since": "2024", "until": "2024-12-31"}, [("OpenAI", "Anthropic", 2), ("OpenAI", "Thinking Machines Lab", 1)]),
    ({"org": "Tesla"}, [("Tesla", "OpenAI", 1)]),
    ({"links": "1"}, [("OpenAI", "Anthropic", 2)]),
])
def test_the_choice_narrows_the_table_and_the_chart_alike(client, params, rows):
    page = client.get("/", params={"since": "", "until": "", "org": "", "links": "", **params}).text
    assert table_rows(page) == rows
    assert sorted(sankey_rows(client, **params)) == sorted(rows)
    source = html.unescape(re.search(r'<div id="sankey" class="chart" data-src="([^"]+)"', page).group(1))
    assert source == "/api/flows/sankey?" + "&".join(f"{k}={v}" for k, v in params.items())


def test_fewer_flows_than_there_are_says_so(client):
    assert "The 1 largest of 4 flows (5 moves in all)" in client.get("/", params={"links": "1"}).text


def test_the_form_shows_the_choice_it_made(client):
    page = client.get("/", params={"since": "2024", "until": "2024-12-31", "org": "OpenAI", "links": "10"}).text
    assert '<input type="text" name="since" value="2024"' in page
    assert '<input type="date" name="until" value="2024-12-31"' in page
    assert 'name="org" value="OpenAI"' in page and 'name="links" min="1" max="1000" value="10"' in page
    for label in ("From", "to", "Organization", "Flows"):
        assert re.search(rf"<label>{label} <input", page), label


def test_a_count_in_the_table_is_a_link_that_lists_the_people_of_that_flow(client):
    page = client.get("/", params={"since": "2024"}).text
    assert "Click an organization or a flow" in detail(page)
    link = html.unescape(re.search(r'<td class="count"[^>]*><a href="([^"]+)"', page).group(1))
    assert link == "/?since=2024&from=OpenAI&to=Anthropic#flow-detail"
    chosen = client.get(link.split("#")[0]).text
    panel = detail(chosen)
    assert "<h3>OpenAI → Anthropic: 2 move(s)</h3>" in panel
    assert ">Jan Leike</a>" in panel and ">John Schulman</a>" in panel and "Mira Murati" not in panel
    assert panel.count('class="fact-link" href="/fact/') == 4  # each move: its departure and its arrival
    assert re.search(r'<tr data-from="OpenAI" data-to="Anthropic" aria-current="true" class="picked">', chosen)


@pytest.mark.parametrize("params, title, people", [
    ({"from": "OpenAI"}, "Left OpenAI: 4 move(s)", ["Durk Kingma", "Jan Leike", "John Schulman", "Mira Murati"]),
    ({"to": "OpenAI"}, "Joined OpenAI: 1 move(s)", ["Andrej Karpathy"]),
    ({"from": "Tesla", "to": "Anthropic"}, "Tesla → Anthropic: 0 move(s)", []),
])
def test_an_organization_or_a_flow_chosen_in_the_address_lists_its_people(client, params, title, people):
    panel = detail(client.get("/", params=params).text)
    assert f"<h3>{title}</h3>" in panel
    assert sorted(re.findall(r'class="person" href="[^"]+">([^<]+)</a>', panel)) == people


def test_an_unknown_organization_is_said_beside_the_form(client):
    response = client.get("/", params={"org": "Nowhere Labs", "since": ""})
    assert response.status_code == 404
    assert 'role="alert"' in response.text and "Nowhere Labs" in response.text
    assert 'id="sankey"' not in response.text and 'name="org" value="Nowhere Labs"' in response.text


@pytest.mark.parametrize("links", ["0", "1001", "many"])
def test_a_wrong_number_of_flows_is_explained_in_words(client, links):
    response = client.get("/", params={"links": links})
    assert response.status_code == 422
    assert f"&#39;{links}&#39; is not a number from 1 to 1000" in response.text
