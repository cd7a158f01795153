"""Evidence quotes on pages read as prose: a Markdown article's emphasis does not leak into them."""
from __future__ import annotations

import re
import warnings

with warnings.catch_warnings():  # starlette suggests httpx2; httpx works
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from exodus.store import ingest_extracted, open_store
from exodus.store.handmade import story
from exodus.web import create_app

LEAD = "**Musk exits OpenAI's board.** Elon Musk will leave the board of OpenAI"


def test_markdown_emphasis_is_not_shown_in_evidence_quotes(tmp_path):
    db = tmp_path / "s.db"
    with open_store(db) as store:
        ingest_extracted(store, [story("musk", "2018-02-21",
                                       ("left", LEAD, {"person": "Elon Musk", "org": "OpenAI"}))])
    with TestClient(create_app(db)) as client:
        fact_id = client.get("/api/facts").json()["facts"][0]["id"]
        assert client.get(f"/api/facts/{fact_id}").json()["sources"][0]["evidence"]["text"] == LEAD
        for page in ("/person/Elon%20Musk", f"/fact/{fact_id}"):
            quotes = re.findall(r"<blockquote>(.*?)</blockquote>", client.get(page).text, re.S)
            assert quotes, page
            assert all("**" not in quote for quote in quotes), quotes
            assert any("Musk exits OpenAI&#39;s board. Elon Musk will leave" in quote for quote in quotes), quotes
