"""Articles without a publication date: what they say is shown as undated, never as a sentinel date."""
from __future__ import annotations

from exodus.cli.main import main
from exodus.questions.timeline import person_timeline
from exodus.store import ingest_extracted, open_store
from exodus.store.handmade import story


def undated_store(path):
    with open_store(path) as store:
        ingest_extracted(store, [story(
            "seed", None,
            ("member", "Jan Leike co-led the Superalignment team at OpenAI",
             {"person": "Jan Leike", "org": "OpenAI", "group": "Superalignment team", "role": "co-lead"}),
            ("left", "Jan Leike left OpenAI over safety concerns",
             {"person": "Jan Leike", "org": "OpenAI", "reasons": ["safety"]}))])
    return path


def test_an_undated_departure_ends_the_stint_without_a_made_up_date(tmp_path):
    db = undated_store(tmp_path / "s.db")
    with open_store(db, readonly=True) as store:
        (stint,) = person_timeline(store.conn, "Jan Leike").stints
    assert stint.ended and stint.end is None and stint.first_seen is None
    assert not stint.present_on("2024-05-01")


def test_the_cli_says_the_date_is_unknown(tmp_path, capsys):
    db = undated_store(tmp_path / "s.db")
    assert main(["person", "Jan Leike", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "9999" not in out
    assert "left, date unknown" in out
