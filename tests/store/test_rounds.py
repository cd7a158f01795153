"""Investments are events: rounds with different dates or amounts are different facts; reports of one
round are one fact with several sources."""
from __future__ import annotations

from exodus.schema import Amount
from exodus.store import ingest_extracted, open_store
from exodus.store.handmade import story


def invested(phrase: str, investor: str, investee: str, date: str, billions: float | None):
    fields = {"investor": investor, "investee": investee, "date": date}
    if billions is not None:
        fields["amount"] = Amount(billions * 1e9, "USD")
    return ("invested", phrase, fields)


def facts_of(tmp_path, stories) -> list[tuple]:
    with open_store(tmp_path / "s.db") as store:
        ingest_extracted(store, stories)
        return [tuple(r) for r in store.conn.execute(
            "SELECT date, amount_value, source_count FROM facts WHERE kind = 'invested' ORDER BY date, amount_value")]


def test_two_reports_of_one_round_are_one_fact(tmp_path):
    stories = [story("a", "2023-09-25", invested("Amazon will invest up to $4 billion in Anthropic", "Amazon",
                                                 "Anthropic", "2023-09-25", 4)),
               story("b", "2023-09-27", invested("Amazon agreed this week to invest $4 billion in Anthropic",
                                                 "Amazon", "Anthropic", "2023-09-25", 4)),
               story("c", "2023-10-02", invested("Amazon's investment in Anthropic", "Amazon", "Anthropic",
                                                 "2023-09", None))]
    assert facts_of(tmp_path, stories) == [("2023-09-25", 4e9, 3)]


def test_rounds_months_apart_or_of_other_amounts_are_separate_facts(tmp_path):
    stories = [story("a", "2023-10-27", invested("Google agreed to invest $2 billion in Anthropic", "Google",
                                                 "Anthropic", "2023-10-27", 2)),
               story("b", "2025-01-22", invested("Google is investing a further $1 billion in Anthropic", "Google",
                                                 "Anthropic", "2025-01-22", 1)),
               story("c", "2024-05-01", invested("Thrive put $0.1 billion into Cursor", "Thrive", "Cursor",
                                                 "2024-05-01", 0.1)),
               story("d", "2024-05-20", invested("Thrive put $0.3 billion into Cursor", "Thrive", "Cursor",
                                                 "2024-05-20", 0.3))]
    assert facts_of(tmp_path, stories) == [("2023-10-27", 2e9, 1), ("2024-05-01", 1e8, 1), ("2024-05-20", 3e8, 1),
                                           ("2025-01-22", 1e9, 1)]
