"""A seat on a board or committee is an interval of its own: it ends when an article says so (while the
person stays on staff), it survives a departure from the company when an article says the seat is kept, and
"is no longer a member of the committee" ends it. Each as `exodus org --as-of` shows the groups."""
from __future__ import annotations

import json

import pytest

from exodus.cli.main import main
from exodus.questions.memberships import tells_end, tells_kept
from exodus.store import ingest_extracted, open_store
from tests.questions.stories import story

FIRING = ("The decision was taken by the four other directors: Ilya Sutskever, OpenAI's chief scientist, "
          "and Helen Toner.")
RETURN = "Helen Toner is leaving the board. So is Ilya Sutskever, the company's chief scientist."
LATER = ("As a member of the board, he voted with three other directors to remove Altman. "
         "Ilya Sutskever, the chief scientist, is leaving the company.")
COMMITTEE_FORMED = "OpenAI's board created a Safety and Security Committee with chief executive Sam Altman on it."
COMMITTEE_LATER = "Sam Altman, OpenAI's CEO, is no longer a member of the committee."
SCALE = ("Alexandr Wang, Scale AI's chief executive, is leaving to join Meta, the companies confirmed on "
         "Thursday. He will keep a seat on Scale's board.")
SCALE_BEFORE = "Alexandr Wang sits on the board of Scale AI."


def _member(person, org, group, **more):
    return {"person": person, "org": org, "group": group, **more}


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "s.db"
    stories = [
        story("firing", "2023-11-18", FIRING,
              ("member", "Ilya Sutskever", _member("Ilya Sutskever", "OpenAI", "board", date="2023-11-17")),
              ("member", "Helen Toner", _member("Helen Toner", "OpenAI", "board", date="2023-11-17")),
              ("role", "Ilya Sutskever, OpenAI's chief scientist",
               {"person": "Ilya Sutskever", "org": "OpenAI", "role": "chief scientist"})),
        story("return", "2023-11-22", RETURN,
              ("member", "Helen Toner is leaving the board.", _member("Helen Toner", "OpenAI", "board")),
              ("member", "is leaving the board. So is Ilya Sutskever", _member("Ilya Sutskever", "OpenAI", "board"))),
        story("later", "2024-05-15", LATER,
              ("member", "As a member of the board", _member("Ilya Sutskever", "OpenAI", "board")),
              ("left", "Ilya Sutskever, the chief scientist, is leaving the company",
               {"person": "Ilya Sutskever", "org": "OpenAI", "date": "2024-05-14"})),
        story("committee", "2024-05-29", COMMITTEE_FORMED,
              ("group_event", COMMITTEE_FORMED, {"org": "OpenAI", "group": "Safety and Security Committee",
                                                 "action": "formed", "date": "2024-05-28"}),
              ("member", COMMITTEE_FORMED, _member("Sam Altman", "OpenAI", "Safety and Security Committee")),
              ("role", "chief executive Sam Altman", {"person": "Sam Altman", "org": "OpenAI",
                                                      "role": "chief executive"})),
        story("committee-later", "2024-09-16", COMMITTEE_LATER,
              ("member", COMMITTEE_LATER, _member("Sam Altman", "OpenAI", "Safety and Security Committee")),
              ("role", "Sam Altman, OpenAI's CEO", {"person": "Sam Altman", "org": "OpenAI", "role": "CEO"})),
        story("scale-before", "2024-01-10", SCALE_BEFORE,
              ("member", SCALE_BEFORE, _member("Alexandr Wang", "Scale AI", "board"))),
        story("scale", "2025-06-13", SCALE,
              ("left", "Alexandr Wang, Scale AI's chief executive, is leaving to join Meta",
               {"person": "Alexandr Wang", "org": "Scale AI", "to_org": "Meta", "date": "2025-06-12"}),
              ("member", "He will keep a seat on Scale's board.", _member("Alexandr Wang", "Scale AI", "board")))]
    with open_store(path) as store:
        ingest_extracted(store, stories)
    return path


def groups(capsys, db, org, day) -> dict[str, tuple[list[str], list[str]]]:
    assert main(["org", org, "--as-of", day, "--db", str(db), "--json"]) == 0
    roster = json.loads(capsys.readouterr().out)
    return {g["name"]: (sorted(m["person"] for m in g["members"]), sorted(m["person"] for m in g["former"]))
            for g in roster["groups"]}


def test_directors_named_on_the_day_of_a_vote_sit_on_the_board_that_day(db, capsys):
    assert groups(capsys, db, "OpenAI", "2023-11-17")["board"] == (["Helen Toner", "Ilya Sutskever"], [])


def test_leaving_the_board_while_staying_on_staff_ends_the_seat_not_the_job(db, capsys):
    assert groups(capsys, db, "OpenAI", "2024-01-15")["board"] == ([], ["Helen Toner", "Ilya Sutskever"])
    assert main(["org", "OpenAI", "--as-of", "2024-01-15", "--db", str(db), "--json"]) == 0
    present = {m["person"] for m in json.loads(capsys.readouterr().out)["present"]}
    assert "Ilya Sutskever" in present  # still on staff


def test_a_seat_told_again_in_the_past_tense_after_its_end_does_not_reopen_it(db, capsys):
    # "As a member of the board, he voted ..." in an article of 2024-05-15 is the old seat
    assert groups(capsys, db, "OpenAI", "2024-05-15")["board"] == ([], ["Helen Toner", "Ilya Sutskever"])


def test_no_longer_a_member_of_the_committee_ends_the_membership(db, capsys):
    assert groups(capsys, db, "OpenAI", "2024-06-15")["Safety and Security Committee"] == (["Sam Altman"], [])
    assert groups(capsys, db, "OpenAI", "2024-10-01")["Safety and Security Committee"] == ([], ["Sam Altman"])


def test_a_seat_kept_on_leaving_the_company_survives_the_departure(db, capsys):
    assert groups(capsys, db, "Scale AI", "2025-07-01")["board"] == (["Alexandr Wang"], [])


def test_a_departure_ends_a_seat_nobody_says_was_kept(db, capsys, tmp_path):
    path = tmp_path / "plain.db"
    with open_store(path) as store:
        ingest_extracted(store, [
            story("a", "2024-01-10", SCALE_BEFORE,
                  ("member", SCALE_BEFORE, _member("Alexandr Wang", "Scale AI", "board"))),
            story("b", "2025-06-13", "Alexandr Wang is leaving Scale AI to join Meta.",
                  ("left", "Alexandr Wang is leaving Scale AI", {"person": "Alexandr Wang", "org": "Scale AI",
                                                                 "date": "2025-06-12"}))])
    assert groups(capsys, path, "Scale AI", "2025-07-01")["board"] == ([], ["Alexandr Wang"])


@pytest.mark.parametrize("sentence", [
    "Sam Altman, OpenAI's CEO, is no longer a member of the committee.",
    "When Altman was reinstated days later, Sutskever gave up his seat on the board but stayed on staff.",
    "Elon Musk will leave the board of OpenAI, the organization said on Tuesday.",
    "Musk stepped off the board in February 2018.",
    "He co-founded OpenAI in 2015 and left its board in 2018.",
    "The board also removed Greg Brockman, a co-founder and the company's president, as its chairman."])
def test_sentences_that_end_a_membership(sentence):
    assert tells_end(sentence) and not tells_kept(sentence)


@pytest.mark.parametrize("sentence", [
    "The decision was taken by the four other directors: Ilya Sutskever and Helen Toner.",
    "Helen Toner, who sat on the board that fired Altman in November, spoke on a podcast.",
    "Kolter joined OpenAI's board in August."])
def test_sentences_that_do_not_end_one(sentence):
    assert not tells_end(sentence)


def test_a_kept_seat_is_told_as_kept():
    assert tells_kept("He will keep a seat on Scale's board.")
    assert tells_kept("She remains on the board of the company.")


def test_a_seat_ends_with_a_departure_and_a_return_does_not_bring_it_back(capsys, tmp_path):
    path = tmp_path / "return.db"
    with open_store(path) as store:
        ingest_extracted(store, [
            story("launch", "2015-12-12", "The lab will be co-chaired by Sam Altman.",
                  ("member", "co-chaired by Sam Altman", _member("Sam Altman", "OpenAI", "board", role="co-chair",
                                                                 date="2015-12-11")),
                  ("founded", "Sam Altman", {"person": "Sam Altman", "org": "OpenAI", "date": "2015-12-11"})),
            story("fired", "2023-11-18", "The board fired Sam Altman on Friday.",
                  ("left", "The board fired Sam Altman on Friday", {"person": "Sam Altman", "org": "OpenAI",
                                                                    "date": "2023-11-17"})),
            story("back", "2023-11-22", "Sam Altman will return as chief executive of OpenAI.",
                  ("joined", "Sam Altman will return as chief executive of OpenAI",
                   {"person": "Sam Altman", "org": "OpenAI", "date": "2023-11-21"})),
            story("committee", "2024-05-29", COMMITTEE_FORMED,
                  ("member", COMMITTEE_FORMED, _member("Sam Altman", "OpenAI", "Safety and Security Committee")))])
    assert groups(capsys, path, "OpenAI", "2023-06-01")["board"] == (["Sam Altman"], [])
    assert groups(capsys, path, "OpenAI", "2023-12-01")["board"] == ([], ["Sam Altman"])
    # a seat told after the return is one of the new stint
    assert groups(capsys, path, "OpenAI", "2024-06-15")["Safety and Security Committee"] == (["Sam Altman"], [])


def test_a_seat_first_told_after_the_person_left_is_a_former_one(capsys, tmp_path):
    path = tmp_path / "after.db"
    with open_store(path) as store:
        ingest_extracted(store, [
            story("quit", "2024-04-20", "Daniel Kokotajlo left OpenAI in April.",
                  ("left", "Daniel Kokotajlo left OpenAI in April", {"person": "Daniel Kokotajlo", "org": "OpenAI",
                                                                     "date": "2024-04"})),
            story("letter", "2024-06-05", "Daniel Kokotajlo, who was on OpenAI's governance team, signed.",
                  ("member", "Daniel Kokotajlo, who was on OpenAI's governance team",
                   _member("Daniel Kokotajlo", "OpenAI", "governance team")))])
    assert groups(capsys, path, "OpenAI", "2024-07-01")["governance team"] == ([], ["Daniel Kokotajlo"])
