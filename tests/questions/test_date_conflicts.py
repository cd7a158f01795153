"""Date conflicts only where the dates cannot be one event's, each date shown with the articles that give it."""
from __future__ import annotations

from exodus.questions import find_conflicts
from exodus.store import ingest_extracted, open_store
from exodus.store.handmade import story


def joined(doc: str, published: str, date: str):
    return story(doc, published, ("joined", f"Jeff Wang joined Windsurf on {date}",
                                  {"person": "Jeff Wang", "org": "Windsurf", "date": date}))


def conflicts_of(tmp_path, stories) -> list[str]:
    with open_store(tmp_path / "s.db") as store:
        ingest_extracted(store, stories)
        return [c.summary for c in find_conflicts(store.conn)]


def test_reports_a_day_apart_are_no_conflict(tmp_path):
    assert conflicts_of(tmp_path, [joined("a", "2025-07-12", "2025-07-11"), joined("b", "2025-07-13", "2025-07-12")]) == []


def test_a_real_disagreement_names_each_date_with_its_articles(tmp_path):
    found = conflicts_of(tmp_path, [joined("a", "2025-07-12", "2025-07-11"), joined("b", "2025-09-02", "2025-07-30"),
                                    joined("c", "2025-09-03", "2025-07-30")])
    assert found == ["Jeff Wang joined Windsurf: sources say 2025-07-11 (a) / 2025-07-30 (b, c)"]
