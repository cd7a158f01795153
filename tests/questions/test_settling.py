"""Settling conflicts: content ids, decisions kept in the store, and what a decision changes."""
from __future__ import annotations

import sqlite3

import pytest

from exodus.errors import NotAConflictSide, StoreError, UnknownConflict
from exodus.questions import find_conflicts, reopen_conflict, settle_conflict
from exodus.store import delete_document, ingest_extracted, open_store
from exodus.store.decisions import conflict_id, rejecting_decision
from exodus.store.handmade import story
from exodus.store.migrations import MIGRATIONS


def stories():
    """A date conflict (May or June) and a same-month conflict (Anthropic or Meta)."""
    return [
        story("a", "2024-05-17", ("left", "Jan Leike left OpenAI in May",
                                  {"person": "Jan Leike", "org": "OpenAI", "date": "2024-05"})),
        story("b", "2024-06-30", ("left", "Jan Leike left OpenAI in June",
                                  {"person": "Jan Leike", "org": "OpenAI", "date": "2024-06"})),
        story("c", "2024-03-02", ("joined", "Ada Quill joined Anthropic",
                                  {"person": "Ada Quill", "org": "Anthropic", "date": "2024-03"})),
        story("d", "2024-03-05", ("joined", "Ada Quill joined Meta",
                                  {"person": "Ada Quill", "org": "Meta", "date": "2024-03"})),
    ]


def built(path, pairs):
    store = open_store(path)
    ingest_extracted(store, pairs)
    return store


def by_kind(store, **kwargs):
    return {c.kind: c for c in find_conflicts(store.conn, **kwargs)}


def test_a_conflict_id_is_its_kind_and_its_facts_in_any_order():
    assert conflict_id("same_month", ["f2", "f1"]) == conflict_id("same_month", ["f1", "f2"])
    assert conflict_id("same_month", ["f1", "f2"]) != conflict_id("joined_or_founded", ["f1", "f2"])
    assert conflict_id("date", ["f1"]) != conflict_id("date", ["f2"])
    assert len(conflict_id("date", ["f1"])) == 12 and conflict_id("date", ["f1"]).startswith("c")


def test_the_same_articles_in_reverse_order_give_the_same_conflict_ids(tmp_path):
    with built(tmp_path / "forward.db", stories()) as forward, built(tmp_path / "reverse.db", stories()[::-1]) as back:
        ids = sorted(c.id for c in find_conflicts(forward.conn))
        assert len(ids) == 2
        assert sorted(c.id for c in find_conflicts(back.conn)) == ids


def test_keeping_a_side_settles_the_conflict_and_rejects_the_other_side(tmp_path):
    with built(tmp_path / "s.db", stories()) as store:
        month = by_kind(store)["same_month"]
        anthropic, meta = sorted(month.sides, key=lambda s: s.org)
        settled = settle_conflict(store, month.id, keep=anthropic.id, note="Meta was a rumour")
        assert settled.status == "resolved" and settled.decision.rejected == [meta.id]
        assert set(by_kind(store)) == {"date"}  # no longer among the open ones
        shown = by_kind(store, include_settled=True)["same_month"]
        assert shown.status == "resolved" and shown.decision.kept == anthropic.id
        assert shown.decision.note == "Meta was a rumour"
        assert rejecting_decision(store.conn, meta.id).conflict == month.id
        assert rejecting_decision(store.conn, anthropic.id) is None


def test_dismissing_settles_without_rejecting_and_reopening_takes_it_back(tmp_path):
    with built(tmp_path / "s.db", stories()) as store:
        dated = by_kind(store)["date"]
        assert settle_conflict(store, dated.id, dismiss=True).status == "dismissed"
        assert "date" not in by_kind(store)
        assert rejecting_decision(store.conn, dated.sides[0].id) is None
        assert reopen_conflict(store, dated.id).status == "open"
        assert by_kind(store)["date"].decision is None


def test_a_new_decision_replaces_the_one_before(tmp_path):
    with built(tmp_path / "s.db", stories()) as store:
        month = by_kind(store)["same_month"]
        first, second = month.sides
        settle_conflict(store, month.id, keep=first.id)
        settle_conflict(store, month.id, keep=second.id)
        decision = by_kind(store, include_settled=True)["same_month"].decision
        assert decision.kept == second.id and decision.rejected == [first.id]


def test_an_unknown_conflict_or_a_fact_of_another_conflict_is_refused_by_name(tmp_path):
    with built(tmp_path / "s.db", stories()) as store:
        found = by_kind(store)
        with pytest.raises(UnknownConflict, match="'c000000000000'"):
            settle_conflict(store, "c000000000000", dismiss=True)
        other = found["date"].sides[0].id
        with pytest.raises(NotAConflictSide, match=f"fact '{other}' is not a side"):
            settle_conflict(store, found["same_month"].id, keep=other)
        with pytest.raises(StoreError, match="NUL"):
            settle_conflict(store, found["date"].id, dismiss=True, note="a\x00b")
        with pytest.raises(ValueError):
            settle_conflict(store, found["date"].id)
        assert len(find_conflicts(store.conn)) == 2  # nothing was decided


def test_a_decision_survives_re_ingesting_the_articles(tmp_path):
    with built(tmp_path / "s.db", stories()) as store:
        month = by_kind(store)["same_month"]
        kept = sorted(month.sides, key=lambda s: s.org)[0].id
        settle_conflict(store, month.id, keep=kept)
        ingest_extracted(store, stories())  # unchanged: nothing happens
        # Removed and stored again: its facts are rebuilt (new rows), from the same content.
        assert delete_document(store, "d")
        ingest_extracted(store, stories()[::-1])
        assert set(by_kind(store)) == {"date"}
        shown = by_kind(store, include_settled=True)["same_month"]
        assert shown.id == month.id and shown.decision.kept == kept


def test_a_decision_applies_to_a_store_rebuilt_in_another_order(tmp_path):
    """The ids a person saw in one store settle the same conflict in a store rebuilt from the same articles."""
    with built(tmp_path / "first.db", stories()) as first:
        month = by_kind(first)["same_month"]
        kept = month.sides[1].id
    with built(tmp_path / "rebuilt.db", stories()[::-1]) as rebuilt:
        settle_conflict(rebuilt, month.id, keep=kept)
        assert set(by_kind(rebuilt)) == {"date"}


def test_a_store_of_an_older_schema_read_without_migrating_has_no_decisions(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:2]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 2")
    conn.close()
    with open_store(path, readonly=True) as store:
        assert find_conflicts(store.conn, include_settled=True) == []
