"""An article's date is a bound, never the event's date: a departure told undated happened *by* its article,
a title or membership told undated held *as of* it; rosters use the bounds; an announced move undone within
days never took effect. Each as `exodus person`, `exodus org`, `exodus flows` and the library answer it."""
from __future__ import annotations

import re

import pytest

from exodus.cli.main import main
from exodus.questions import org_roster, person_timeline, talent_flows
from exodus.questions.timeline import arrival_date
from exodus.store import ingest_extracted
from exodus.store.handmade import story
from tests.questions.bounded_stories import build


@pytest.fixture
def db(tmp_path):
    return build(tmp_path / "s.db")


def run(capsys, *argv) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_exodus_person_shows_an_undated_departure_as_by_its_article(db, capsys):
    out = run(capsys, "person", "Vicki Cheung", "--db", str(db))
    assert re.search(r"^OpenAI\s+2015-12\s+by 2024-08-09\s*$", out, re.M), out
    assert re.search(r"^by 2024-08-09\s+f\w+\s+left OpenAI", out, re.M), out
    assert not re.search(r"(?<!by )2024-08-09", out), "the article's date shown as the departure's"


def test_exodus_person_shows_an_undated_membership_as_of_its_article(db, capsys):
    out = run(capsys, "person", "Nicole Seligman", "--db", str(db))
    assert re.search(r"^OpenAI\s+as of 2024-05-29\s", out, re.M), out
    assert re.search(r"^as of 2024-05-29\s+f\w+\s+member OpenAI / board", out, re.M), out


def test_a_founder_gone_by_a_report_is_gone_from_it_and_not_known_there_before(db, capsys):
    after = org_roster(build_conn(db), "OpenAI", "2024-09-01")
    cheung = next(f for f in after.founders if f.person == "Vicki Cheung")
    assert (cheung.still_there, cheung.left, cheung.left_by) == (False, None, "2024-08-09")
    assert cheung.state_on(after.as_of) == "left by 2024-08-09"
    before = org_roster(build_conn(db), "OpenAI", "2020-01-01")
    assert "Vicki Cheung" not in [m.person for m in before.present]
    assert next(f for f in before.founders if f.person == "Vicki Cheung").state_on("2020-01-01") == \
        "not known to be there (left by 2024-08-09)"
    assert "Vicki Cheung" in [m.person for m in org_roster(build_conn(db), "OpenAI", "2015-12-31").present]
    out = run(capsys, "org", "OpenAI", "--as-of", "2020-01-01", "--db", str(db))
    assert "Vicki Cheung: not known to be there (left by 2024-08-09)" in out
    out = run(capsys, "org", "OpenAI", "--as-of", "2024-09-01", "--db", str(db))
    assert "Vicki Cheung: left by 2024-08-09" in out
    assert re.search(r"^by 2024-08-09\s+left\s+Vicki Cheung", out, re.M), out


def test_a_member_reported_on_a_date_is_on_the_roster_from_then_shown_as_reported(db, capsys):
    conn = build_conn(db)
    assert "Nicole Seligman" not in [m.person for m in org_roster(conn, "OpenAI", "2024-05-28").present]
    (seligman,) = [m for m in org_roster(conn, "OpenAI", "2024-06-01").present if m.person == "Nicole Seligman"]
    assert (seligman.since, seligman.reported, seligman.since_text) == (None, "2024-05-29", "reported 2024-05-29")
    out = run(capsys, "org", "OpenAI", "--as-of", "2024-06-01", "--db", str(db))
    assert re.search(r"^Nicole Seligman\s+reported 2024-05-29\s+board member", out, re.M), out


def test_an_announced_move_undone_within_days_never_took_effect(db, capsys):
    conn = build_conn(db)
    stints = {(s.org, s.start or s.start_by): s for s in person_timeline(conn, "Sam Altman").stints}
    microsoft = stints[("Microsoft", "2023-11-20")]
    assert microsoft.reversed_by == "OpenAI" and not microsoft.present_on("2023-11-21")
    assert [m.person for m in org_roster(conn, "Microsoft", "2023-12-01").present] == []
    assert [m.person for m in org_roster(conn, "Microsoft", "2024-06-01").present] == ["Mustafa Suleyman"]
    assert "Sam Altman" in [m.person for m in org_roster(conn, "OpenAI", "2023-12-01").present]
    moves = [(m.person, m.from_org, m.to_org) for m in talent_flows(conn).moves]
    assert moves == [("Mustafa Suleyman", "Inflection AI", "Microsoft")]
    out = run(capsys, "person", "Sam Altman", "--db", str(db))
    assert re.search(r"^Microsoft\s+by 2023-11-20\s+never took effect: back at OpenAI 2023-11\s*$", out, re.M), out


def test_a_move_not_undone_stays_a_stint(db):
    (stint,) = [s for s in person_timeline(build_conn(db), "Mustafa Suleyman").stints if s.org == "Microsoft"]
    assert stint.reversed_by is None and stint.present_on("2024-06-01")


def test_a_return_told_undated_after_a_departure_dates_the_return_between_them(ingest):
    store = ingest(
        story("quit", "2023-11-18", ("left", "Greg Brockman quit OpenAI on Friday",
                                     {"person": "Greg Brockman", "org": "OpenAI", "date": "2023-11-17"})),
        story("back", "2023-11-22", ("joined", "Greg Brockman said he was coming back to OpenAI",
                                     {"person": "Greg Brockman", "org": "OpenAI"})))
    back = person_timeline(store.conn, "Greg Brockman").stints[-1]
    assert (back.start, back.start_by, back.from_text()) == (None, "2023-11-22", "by 2023-11-22")
    assert arrival_date(back) == "2023-11"  # after the 17th, by the 22nd
    assert not back.present_on("2023-11-19") and back.present_on("2023-11-22")


def test_an_undated_arrival_told_years_before_a_dated_one_is_an_event_of_its_own(ingest):
    store = ingest(
        story("launch", "2015-12-12", ("joined", "Greg Brockman will be OpenAI's CTO",
                                       {"person": "Greg Brockman", "org": "OpenAI", "role": "CTO"})),
        story("return", "2024-11-13", ("joined", "Greg Brockman is back at OpenAI",
                                       {"person": "Greg Brockman", "org": "OpenAI", "date": "2024-11-12"})))
    events = [(e.kind, e.when, [s.document for s in e.sources]) for e in person_timeline(store.conn, "Brockman").events]
    assert events == [("joined", "by 2015-12-12", ["launch"]), ("joined", "2024-11-12", ["return"])]


def test_a_sabbatical_told_as_what_came_before_a_departure_does_not_make_it_a_leave(ingest):
    store = ingest(story(
        "tesla", "2022-07-14",
        ("joined", "Andrej Karpathy joined Tesla in June 2017", {"person": "Andrej Karpathy", "org": "Tesla",
                                                                 "date": "2017-06"}),
        ("left", "Andrej Karpathy said on Wednesday that he is leaving Tesla, ending months of speculation that "
                 "began when he went on a four-month sabbatical in March",
         {"person": "Andrej Karpathy", "org": "Tesla", "date": "2022-07-13"})))
    (stint,) = person_timeline(store.conn, "Karpathy").stints
    assert (stint.end, stint.leaves) == ("2022-07-13", [])
    assert "Andrej Karpathy" not in [m.person for m in org_roster(store.conn, "Tesla", "2022-09-01").present]


def test_the_halves_of_one_move_share_the_more_precise_date(ingest):
    store = ingest(story(
        "move", "2024-08-06",
        ("left", "John Schulman has left OpenAI to join Anthropic, he said late on Monday",
         {"person": "John Schulman", "org": "OpenAI", "to_org": "Anthropic", "date": "2024-08-05"}),
        ("joined", "John Schulman joined Anthropic in August",
         {"person": "John Schulman", "org": "Anthropic", "from_org": "OpenAI", "date": "2024-08"})))
    (anthropic,) = [s for s in person_timeline(store.conn, "Schulman").stints if s.org == "Anthropic"]
    assert anthropic.start == "2024-08-05" and arrival_date(anthropic) == "2024-08-05"


def test_a_departure_told_as_news_keeps_the_person_there_until_its_article(ingest):
    store = ingest(
        story("named", "2023-11-20", ("joined", "OpenAI named Emmett Shear interim CEO on Sunday",
                                      {"person": "Emmett Shear", "org": "OpenAI", "date": "2023-11-19"})),
        story("hand", "2023-11-22", ("left", "Emmett Shear will hand the job back to Altman",
                                     {"person": "Emmett Shear", "org": "OpenAI"})),
        story("gone", "2024-08-09", ("joined", "Ada Quill joined OpenAI in 2016",
                                     {"person": "Ada Quill", "org": "OpenAI", "date": "2016"}),
              ("left", "Ada Quill moved on years ago", {"person": "Ada Quill", "org": "OpenAI"})))
    present = [m.person for m in org_roster(store.conn, "OpenAI", "2023-11-21").present]
    assert "Emmett Shear" in present  # "will hand the job back": there until the 22nd
    assert "Ada Quill" not in present  # "moved on years ago": when, nobody says
    assert "Emmett Shear" not in [m.person for m in org_roster(store.conn, "OpenAI", "2023-11-22").present]


def test_a_membership_of_a_group_formed_after_a_departure_shows_the_person_back(ingest):
    store = ingest(
        story("quit", "2023-11-18", ("left", "Aleksander Madry resigned from OpenAI late on Friday",
                                     {"person": "Aleksander Madry", "org": "OpenAI", "date": "2023-11-17"})),
        story("committee", "2024-05-29",
              ("group_event", "OpenAI's board created a Safety and Security Committee on Tuesday",
               {"org": "OpenAI", "group": "Safety and Security Committee", "action": "formed", "date": "2024-05-28"}),
              ("member", "The committee includes Aleksander Madry, head of preparedness",
               {"person": "Aleksander Madry", "org": "OpenAI", "group": "Safety and Security Committee"})))
    roster = org_roster(store.conn, "OpenAI", "2024-06-15")
    assert [m.person for m in roster.present] == ["Aleksander Madry"]
    assert [m["person"] for m in roster.groups[0].members] == ["Aleksander Madry"]
    assert "Aleksander Madry" not in [m.person for m in org_roster(store.conn, "OpenAI", "2024-01-01").present]


def test_an_undated_arrival_told_with_a_move_elsewhere_is_the_past_not_a_return(ingest):
    store = ingest(
        story("launch", "2015-12-12", ("founded", "Andrej Karpathy co-founded OpenAI in December 2015",
                                       {"person": "Andrej Karpathy", "org": "OpenAI", "date": "2015-12"})),
        story("hire", "2017-06-21",
              ("joined", "Tesla has hired Andrej Karpathy from OpenAI",
               {"person": "Andrej Karpathy", "org": "Tesla", "from_org": "OpenAI", "date": "2017-06-20"}),
              ("left", "Andrej Karpathy left OpenAI for Tesla",
               {"person": "Andrej Karpathy", "org": "OpenAI", "to_org": "Tesla", "date": "2017-06"}),
              ("joined", "He joined OpenAI when it was set up", {"person": "Andrej Karpathy", "org": "OpenAI"})))
    openai = [s for s in person_timeline(store.conn, "Karpathy").stints if s.org == "OpenAI"]
    assert [(s.start, s.end) for s in openai] == [("2015-12", "2017-06-20")]
    assert "Andrej Karpathy" not in [m.person for m in org_roster(store.conn, "OpenAI", "2019-01-01").present]


def test_an_undated_departure_pairs_with_an_arrival_before_its_article(ingest):
    store = ingest(story(
        "mistral", "2023-06-14",
        ("founded", "Guillaume Lample co-founded Mistral AI in April",
         {"person": "Guillaume Lample", "org": "Mistral AI", "date": "2023-04"}),
        ("left", "Guillaume Lample recently left Meta's AI research group",
         {"person": "Guillaume Lample", "org": "Meta"})))
    moves = talent_flows(store.conn, "2023-01-01", "2023-06-30").moves
    assert [(m.person, m.from_org, m.to_org) for m in moves] == [("Guillaume Lample", "Meta", "Mistral AI")]


def build_conn(db):
    from exodus.store import open_store
    return open_store(db, readonly=True).conn
