"""The flows of one organization read only its people's facts, and answer exactly what the flows of everyone,
kept to that organization, answer (an organization's page asks for its moves since the start)."""
from __future__ import annotations

import pytest

from exodus.questions import talent_flows
from exodus.store.handmade import story
from tests.questions.bounded_stories import founders_and_the_november_weekend
from tests.questions.unit_moves import unit_moves


def stated_moves() -> list:
    """Moves told from one side only: a departure for an organization with no arrival there, an arrival from
    one with no departure, and an undated departure with its arrival in the same article."""
    return [
        story("stated-left", "2024-02-10",
              ("left", "Jo Vance left Quill Labs for OpenAI",
               dict(person="Jo Vance", org="Quill Labs", to_org="OpenAI", date="2024-02"))),
        story("stated-joined", "2022-09-01",
              ("joined", "Kim Ruiz joined Anthropic from Quill Labs",
               dict(person="Kim Ruiz", org="Anthropic", from_org="Quill Labs", date="2022-08"))),
        story("undated", "2024-09-01",
              ("left", "Lu Park has left Anthropic", dict(person="Lu Park", org="Anthropic")),
              ("joined", "Lu Park joined Google DeepMind", dict(person="Lu Park", org="Google DeepMind"))),
    ]


@pytest.fixture
def store(ingest):
    return ingest(*unit_moves(), *founders_and_the_november_weekend(), *stated_moves())


def as_set(flows) -> set[tuple]:
    return {(m.person, m.from_org, m.to_org, m.left, m.left_by, m.joined, m.joined_by, tuple(m.facts))
            for m in flows.moves}


@pytest.mark.parametrize("since, until", [(None, None), ("2023-01-01", "2024-06-30"), (None, "2023-12-31"),
                                          ("2024", None)])
def test_the_flows_of_one_org_are_everyones_kept_to_it(store, since, until):
    everyone = talent_flows(store.conn, since, until)
    orgs = sorted({name for m in everyone.moves for name in (m.from_org, m.to_org)})
    assert len(orgs) >= 5
    for org in orgs:
        own = talent_flows(store.conn, since, until, org)
        assert as_set(own) == {m for m in as_set(everyone) if org in (m[1], m[2])}, org
        assert sum(p.count for p in own.pairs) == len(own.moves)


def test_the_flows_of_one_org_read_its_peoples_facts_only(store):
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        moves = talent_flows(store.conn, None, "2024-12-31", "Quill Labs").moves
    finally:
        store.conn.set_trace_callback(None)
    assert {(m.person, m.from_org, m.to_org) for m in moves} == {
        ("Jo Vance", "Quill Labs", "OpenAI"), ("Kim Ruiz", "Quill Labs", "Anthropic"),
        ("Gil Ortiz", "Alphabet", "Quill Labs")}
    reads = [s for s in statements if "FROM facts" in s and "effective_date BETWEEN" in s]
    assert len(reads) == 3 and all("person_id IN (" in s for s in reads), reads
