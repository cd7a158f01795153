"""Committees and teams on the roster's date: who sat on them then, and who no longer did."""
from __future__ import annotations

import pytest

from exodus.questions.roster import org_roster
from exodus.store import ingest_extracted, open_store
from exodus.store.handmade import story


@pytest.fixture
def conn(tmp_path):
    stories = [
        story("a", "2023-03-01",
              ("member", "Helen Toner sits on the board of OpenAI",
               {"person": "Helen Toner", "org": "OpenAI", "group": "board"}),
              ("member", "Bret Taylor sits on the board of OpenAI",
               {"person": "Bret Taylor", "org": "OpenAI", "group": "board"})),
        story("b", "2023-11-22",
              ("left", "Helen Toner left the OpenAI board on 2023-11-21",
               {"person": "Helen Toner", "org": "OpenAI", "date": "2023-11-21"})),
        story("c", "2024-05-20",
              ("group_event", "OpenAI formed the Safety and Security Committee on 2024-05-28",
               {"org": "OpenAI", "group": "Safety and Security Committee", "action": "formed", "date": "2024-05-28"}),
              ("member", "Bret Taylor leads the Safety and Security Committee",
               {"person": "Bret Taylor", "org": "OpenAI", "group": "Safety and Security Committee", "role": "chair"}),
              ("group_event", "OpenAI disbanded the Superalignment team on 2024-05-17",
               {"org": "OpenAI", "group": "Superalignment team", "action": "disbanded", "date": "2024-05-17"}),
              ("member", "Jan Leike co-led the Superalignment team at OpenAI",
               {"person": "Jan Leike", "org": "OpenAI", "group": "Superalignment team"}))]
    with open_store(tmp_path / "s.db") as store:
        ingest_extracted(store, stories)
        yield store.conn


def groups_on(conn, day) -> dict[str, tuple[list[str], list[str]]]:
    return {g.name: (sorted(m["person"] for m in g.members), sorted(m["person"] for m in g.former))
            for g in org_roster(conn, "OpenAI", day).groups}


def test_before_the_departure_the_board_has_both(conn):
    assert groups_on(conn, "2023-06-01") == {"board": (["Bret Taylor", "Helen Toner"], [])}


def test_after_the_departure_she_is_a_former_member_and_later_groups_appear(conn):
    assert groups_on(conn, "2024-10-15") == {
        "board": (["Bret Taylor"], ["Helen Toner"]),
        "Safety and Security Committee": (["Bret Taylor"], []),
        "Superalignment team": ([], ["Jan Leike"]),
    }
