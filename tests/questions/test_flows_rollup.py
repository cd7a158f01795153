"""Talent flows with units rolled up to their top parent (`--rollup`), or kept apart (the default)."""
from __future__ import annotations

import json

from tests.questions.unit_moves import unit_moves

from exodus.cli.main import main
from exodus.questions import talent_flows
from exodus.resolution.org_parents import link_org, unlink_org
from exodus.store import ingest_extracted, open_store


def pairs(flows) -> dict[tuple[str, str], int]:
    return {(p.from_org, p.to_org): p.count for p in flows.pairs}


def test_without_rollup_units_stay_apart(ingest):
    flows = talent_flows(ingest(*unit_moves()).conn)
    assert pairs(flows) == {("Google Brain", "Google DeepMind"): 1, ("Google DeepMind", "OpenAI"): 1,
                            ("Google Brain", "OpenAI"): 1, ("Google", "Anthropic"): 1, ("OpenAI", "Microsoft AI"): 1,
                            ("Microsoft", "Microsoft AI"): 1, ("Alphabet", "Quill Labs"): 1}
    assert not flows.rollup and all(m.from_unit is None and m.to_unit is None for m in flows.moves)


def test_rollup_counts_units_at_their_top_parent_and_drops_moves_inside_one(ingest):
    flows = talent_flows(ingest(*unit_moves()).conn, rollup=True)
    assert pairs(flows) == {("Alphabet", "OpenAI"): 2, ("Alphabet", "Anthropic"): 1, ("OpenAI", "Microsoft"): 1,
                            ("Alphabet", "Quill Labs"): 1}
    assert flows.rollup and flows.to_dict()["rollup"] is True
    moves = {m.person: (m.from_org, m.from_unit, m.to_org, m.to_unit) for m in flows.moves}
    assert moves["Bo Reed"] == ("Alphabet", "Google DeepMind", "OpenAI", None)
    assert moves["Ed Park"] == ("OpenAI", None, "Microsoft", "Microsoft AI")
    assert moves["Gil Ortiz"] == ("Alphabet", None, "Quill Labs", None)
    assert "Ada Quill" not in moves and "Fay Holt" not in moves  # Brain -> DeepMind, Microsoft -> Microsoft AI
    assert flows.reasons == {"safety": 1}


def test_rollup_with_an_org_takes_its_whole_top_parent(ingest):
    store = ingest(*unit_moves())
    rolled = talent_flows(store.conn, org="Google Brain", rollup=True)
    assert pairs(rolled) == {("Alphabet", "OpenAI"): 2, ("Alphabet", "Anthropic"): 1, ("Alphabet", "Quill Labs"): 1}
    apart = talent_flows(store.conn, org="Google Brain")
    assert pairs(apart) == {("Google Brain", "Google DeepMind"): 1, ("Google Brain", "OpenAI"): 1}


def test_a_users_link_and_unlink_win_over_the_gazetteer(ingest):
    store = ingest(*unit_moves())
    unlink_org(store, "Google DeepMind")  # the gazetteer says part of Google
    link_org(store, "Quill Labs", "Microsoft")
    flows = talent_flows(store.conn, rollup=True)
    assert pairs(flows) == {("Alphabet", "Google DeepMind"): 1, ("Google DeepMind", "OpenAI"): 1,
                            ("Alphabet", "OpenAI"): 1, ("Alphabet", "Anthropic"): 1, ("OpenAI", "Microsoft"): 1,
                            ("Alphabet", "Microsoft"): 1}


def test_exodus_flows_rollup_on_the_command_line(tmp_path, capsys):
    db = str(tmp_path / "store.db")
    with open_store(db) as store:
        ingest_extracted(store, unit_moves())
    assert main(["flows", "--db", db, "--json"]) == 0
    apart = json.loads(capsys.readouterr().out)
    assert apart["rollup"] is False and len(apart["moves"]) == 7
    assert main(["flows", "--db", db, "--rollup", "--json"]) == 0
    rolled = json.loads(capsys.readouterr().out)
    assert rolled["rollup"] is True and len(rolled["moves"]) == 5
    assert {(p["from_org"], p["to_org"], p["count"]) for p in rolled["pairs"]} >= {("Alphabet", "OpenAI", 2)}
    assert main(["flows", "--db", db, "--rollup"]) == 0
    table = capsys.readouterr().out
    assert "Google DeepMind" not in table and "Alphabet  OpenAI" in table
