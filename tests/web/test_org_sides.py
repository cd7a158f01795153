"""An organization's page: where its people came from, where they went, and who funded it, up to the date."""
from __future__ import annotations

import re

from exodus.schema import Amount
from exodus.store import ingest_extracted, open_store
from exodus.store.handmade import story
from exodus.web import create_app
from tests.web.conftest import TestClient


def test_inflow_outflow_and_funding(tmp_path):
    db = tmp_path / "s.db"
    with open_store(db) as store:
        ingest_extracted(store, [
            story("a", "2024-05-28",
                  ("left", "Jan Leike left OpenAI on 2024-05-14", {"person": "Jan Leike", "org": "OpenAI",
                                                                    "date": "2024-05-14"}),
                  ("joined", "Jan Leike joined Anthropic on 2024-05-28", {"person": "Jan Leike", "org": "Anthropic",
                                                                           "date": "2024-05-28"})),
            story("b", "2025-02-07",
                  ("left", "John Schulman left Anthropic on 2025-02-06", {"person": "John Schulman",
                                                                          "org": "Anthropic", "date": "2025-02-06"}),
                  ("joined", "John Schulman joined Thinking Machines Lab on 2025-02-18",
                   {"person": "John Schulman", "org": "Thinking Machines Lab", "date": "2025-02-18"})),
            story("c", "2023-09-25",
                  ("invested", "Amazon invested $4 billion in Anthropic",
                   {"investor": "Amazon", "investee": "Anthropic", "date": "2023-09-25",
                    "amount": Amount(4e9, "USD")}))])
    with TestClient(create_app(db)) as client:
        later = client.get("/api/orgs/Anthropic", params={"as_of": "2025-06-01"}).json()
        assert later["inflow"] == [{"org": "OpenAI", "count": 1, "people": ["Jan Leike"]}]
        assert later["outflow"] == [{"org": "Thinking Machines Lab", "count": 1, "people": ["John Schulman"]}]
        assert [(f["investor"], f["amount"]["value"]) for f in later["funding"]] == [("Amazon", 4000000000)]
        earlier = client.get("/api/orgs/Anthropic", params={"as_of": "2023-01-01"}).json()
        assert earlier["inflow"] == [] and earlier["outflow"] == [] and earlier["funding"] == []
        page = client.get("/org/Anthropic", params={"as_of": "2025-06-01"}).text
        assert "Where its people came from" in page and "Where its people went" in page
        assert 'href="/org/Thinking%20Machines%20Lab"' in page and "Amazon" in page


def test_a_large_organization_lists_its_latest_movements_and_links_to_all(tmp_path, monkeypatch):
    """Past EXODUS_WEB_PAGE_SIZE movements the page lists the latest ones (a 1M-fact store has hundreds per
    organization) and links to every arrival and departure on /facts; the chart counts them all."""
    from exodus.settings import get_settings

    db = tmp_path / "s.db"
    with open_store(db) as store:
        ingest_extracted(store, [story(f"m{n}", f"20{10 + n // 12}-{n % 12 + 1:02d}-15",
                                       ("joined", f"Mover{n:02d} Lane joined Quill Labs",
                                        {"person": f"Mover{n:02d} Lane", "org": "Quill Labs",
                                         "date": f"20{10 + n // 12}-{n % 12 + 1:02d}"})) for n in range(7)])
    monkeypatch.setenv("EXODUS_WEB_PAGE_SIZE", "5")
    get_settings.cache_clear()
    try:
        with TestClient(create_app(db)) as client:
            page = client.get("/org/Quill Labs").text
            by_year = client.get("/api/orgs/Quill Labs").json()["by_year"]
    finally:
        monkeypatch.delenv("EXODUS_WEB_PAGE_SIZE")
        get_settings.cache_clear()
    listed = page.split("<h2>Movements", 1)[1]
    assert "(7: the latest 5)" in listed
    assert [f"Mover{n:02d} Lane" for n in (6, 5, 4, 3, 2)] == [
        name for name in re.findall(r'<a class="person" href="[^"]+">([^<]+)</a>', listed)]
    assert 'href="/facts?org=Quill%20Labs&amp;kind=joined"' in listed
    assert sum(len(y["arrivals"]) for y in by_year) == 7
