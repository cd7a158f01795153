"""A conflict settled by keeping one side: the kept side wins in every answer (timeline, roster, flows) and the
rejected one is left out; reopened, both count again. As `exodus conflicts resolve`, `person`, `org` and
`flows` show it."""
from __future__ import annotations

import json

import pytest

from exodus.cli.main import main
from exodus.questions import find_conflicts
from exodus.store import ingest_extracted, open_store
from exodus.store.handmade import story


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store:
        ingest_extracted(store, [
            story("a", "2024-03-02", ("joined", "Ada Quill joined Anthropic",
                                      {"person": "Ada Quill", "org": "Anthropic", "date": "2024-03"})),
            story("b", "2024-03-05", ("joined", "Ada Quill joined Meta",
                                      {"person": "Ada Quill", "org": "Meta", "date": "2024-03"})),
            story("c", "2023-01-10", ("joined", "Ada Quill joined OpenAI in 2021",
                                      {"person": "Ada Quill", "org": "OpenAI", "date": "2021"})),
            story("d", "2024-02-20", ("left", "Ada Quill left OpenAI in February",
                                      {"person": "Ada Quill", "org": "OpenAI", "date": "2024-02"}))])
    return path


def cli_json(capsys, *argv):
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def settle(db, capsys, keep_org: str) -> str:
    with open_store(db, readonly=True) as store:
        conflict = next(c for c in find_conflicts(store.conn) if c.kind == "same_month")
    keep = next(s.id for s in conflict.sides if s.org == keep_org)
    assert main(["conflicts", "resolve", conflict.id, "--keep", keep, "--db", str(db)]) == 0
    capsys.readouterr()
    return conflict.id


def orgs_of(capsys, db) -> set[str]:
    return {s["org"] for s in cli_json(capsys, "person", "Ada Quill", "--db", str(db))["stints"]}


def moves_to(capsys, db) -> set[str]:
    return {m["to_org"] for m in cli_json(capsys, "flows", "--db", str(db))["moves"] if m["person"] == "Ada Quill"}


def on_roster(capsys, db, org) -> bool:
    roster = cli_json(capsys, "org", org, "--as-of", "2024-06-01", "--db", str(db))
    return "Ada Quill" in {m["person"] for m in roster["present"]}


def test_before_a_decision_both_sides_count(db, capsys):
    assert {"Anthropic", "Meta"} <= orgs_of(capsys, db)
    assert on_roster(capsys, db, "Meta") and on_roster(capsys, db, "Anthropic")


def test_the_kept_side_wins_and_the_rejected_one_is_left_out(db, capsys):
    settle(db, capsys, "Anthropic")
    assert "Meta" not in orgs_of(capsys, db) and "Anthropic" in orgs_of(capsys, db)
    assert not on_roster(capsys, db, "Meta") and on_roster(capsys, db, "Anthropic")
    assert moves_to(capsys, db) == {"Anthropic"}


def test_reopened_both_count_again(db, capsys):
    conflict = settle(db, capsys, "Meta")
    assert moves_to(capsys, db) == {"Meta"}
    assert main(["conflicts", "reopen", conflict, "--db", str(db)]) == 0
    capsys.readouterr()
    assert on_roster(capsys, db, "Meta") and on_roster(capsys, db, "Anthropic")
