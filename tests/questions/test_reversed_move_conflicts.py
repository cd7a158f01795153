"""An announced move undone within days by a return (Microsoft's hiring of Sam Altman and Greg Brockman on
2023-11-19/20, both back at OpenAI by 2023-11-22) is no `same_month` conflict: the announcement and the return
can both be true. Two arrivals in one month that nothing undid still are. As `exodus conflicts` lists them."""
from __future__ import annotations

import json

import pytest

from exodus.cli.main import main
from exodus.store import ingest_extracted, open_store
from exodus.store.handmade import story


def november_weekend(person: str):
    return [
        story(f"{person}-fired", "2023-11-18",
              ("left", f"{person} left OpenAI on Friday", {"person": person, "org": "OpenAI", "date": "2023-11-17"})),
        story(f"{person}-microsoft", "2023-11-20",
              ("joined", f"{person} will join Microsoft", {"person": person, "org": "Microsoft",
                                                           "date": "2023-11-19"})),
        story(f"{person}-back", "2023-11-22",
              ("joined", f"{person} will return to OpenAI", {"person": person, "org": "OpenAI",
                                                             "date": "2023-11-21"}))]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store:
        ingest_extracted(store, [
            *november_weekend("Sam Altman"), *november_weekend("Greg Brockman"),
            story("founding", "2015-12-12",
                  ("founded", "Sam Altman co-founded OpenAI", {"person": "Sam Altman", "org": "OpenAI",
                                                               "date": "2015-12"}),
                  ("founded", "Greg Brockman co-founded OpenAI", {"person": "Greg Brockman", "org": "OpenAI",
                                                                  "date": "2015-12"})),
            # two arrivals in one month, nothing undoing either: a real contradiction
            story("quill-a", "2024-03-02", ("joined", "Ada Quill joined Anthropic",
                                            {"person": "Ada Quill", "org": "Anthropic", "date": "2024-03"})),
            story("quill-b", "2024-03-05", ("joined", "Ada Quill joined Meta",
                                            {"person": "Ada Quill", "org": "Meta", "date": "2024-03"}))])
    return path


def test_exodus_conflicts_does_not_flag_a_reversed_announced_move(db, capsys):
    assert main(["conflicts", "--db", str(db), "--json"]) == 0
    conflicts = json.loads(capsys.readouterr().out)
    flagged = {(c["kind"], c["person"]) for c in conflicts}
    assert ("same_month", "Sam Altman") not in flagged and ("same_month", "Greg Brockman") not in flagged
    assert ("same_month", "Ada Quill") in flagged


def test_the_text_listing_agrees(db, capsys):
    assert main(["conflicts", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Ada Quill joined" in out and "Microsoft" not in out
