import pytest

from tests.questions.stories import story

from exodus.errors import StoreError
from exodus.questions import org_roster, person_timeline


def altman_stories():
    return [
        story("founding", "2015-12-11", "Sam Altman and Greg Brockman co-founded OpenAI in December 2015.",
              ("founded", "Sam Altman and Greg Brockman co-founded OpenAI", dict(person="Sam Altman", org="OpenAI",
                                                                                 date="2015-12")),
              ("founded", "Greg Brockman co-founded OpenAI", dict(person="Greg Brockman", org="OpenAI",
                                                                  date="2015-12"))),
        story("fired", "2023-11-17", "OpenAI's board fired Sam Altman on Friday, 17 November.",
              ("left", "OpenAI's board fired Sam Altman", dict(person="Sam Altman", org="OpenAI", date="2023-11-17",
                                                               reasons=["dismissed"]))),
        story("back", "2023-11-22", "Sam Altman will return as chief executive of OpenAI this month.",
              ("joined", "Sam Altman will return as chief executive of OpenAI",
               dict(person="Sam Altman", org="OpenAI", role="chief executive", date="2023-11"))),
    ]


def test_a_return_makes_a_second_stint(ingest):
    store = ingest(*altman_stories())
    timeline = person_timeline(store.conn, "Sam Altman")
    stints = [(s.org, s.start, s.end) for s in timeline.stints]
    assert stints == [("OpenAI", "2015-12", "2023-11-17"), ("OpenAI", "2023-11", None)]
    assert timeline.stints[0].end_reasons == ["dismissed"] and timeline.stints[0].founder
    assert all(event.sources for event in timeline.events)


def test_a_sabbatical_does_not_end_a_stint(ingest):
    store = ingest(*altman_stories()[:1], story(
        "sabbatical", "2024-08-06", "Greg Brockman is taking an extended leave through the end of the year.",
        ("left", "Greg Brockman is taking an extended leave", dict(person="Greg Brockman", org="OpenAI",
                                                                   date="2024-08", reasons=["personal"]))))
    stints = person_timeline(store.conn, "Brockman").stints
    assert [(s.start, s.end, s.leaves) for s in stints] == [("2015-12", None, ["2024-08"])]
    roster = org_roster(store.conn, "OpenAI", as_of="2024-10-15")
    assert "Greg Brockman" in [m.person for m in roster.present]


def test_roster_as_of_counts_founders_still_there(ingest):
    store = ingest(*altman_stories())
    during = org_roster(store.conn, "OpenAI", as_of="2023-11-19")
    assert [m.person for m in during.present] == ["Greg Brockman"]
    assert (during.founders_remaining, len(during.founders)) == (1, 2)
    after = org_roster(store.conn, "OpenAI", as_of="2024-10-15")
    assert (after.founders_remaining, len(after.founders)) == (2, 2)
    before = org_roster(store.conn, "OpenAI", as_of="2014-01-01")
    assert before.present == [] and before.founders_remaining == 0


def test_roster_lists_groups_with_members_and_events(ingest):
    store = ingest(story(
        "team", "2023-07-05", "OpenAI formed the Superalignment team, co-led by Jan Leike.",
        ("group_event", "OpenAI formed the Superalignment team", dict(org="OpenAI", group="Superalignment team",
                                                                      action="formed", date="2023-07")),
        ("member", "the Superalignment team, co-led by Jan Leike", dict(person="Jan Leike", org="OpenAI",
                                                                        group="superalignment", role="co-lead"))),
        story("gone", "2024-05-17", "OpenAI has disbanded its Superalignment team.",
              ("group_event", "OpenAI has disbanded its Superalignment team",
               dict(org="OpenAI", group="Superalignment", action="disbanded", date="2024-05"))))
    groups = org_roster(store.conn, "OpenAI", as_of="2024-01-01").groups
    assert len(groups) == 1
    # on 2024-01-01 the team was not yet disbanded, and Leike was on it
    assert (groups[0].formed, groups[0].disbanded) == ("2023-07", None)
    assert groups[0].members[0]["person"] == "Jan Leike"
    (later,) = org_roster(store.conn, "OpenAI", as_of="2024-06-01").groups
    assert (later.formed, later.disbanded) == ("2023-07", "2024-05")
    assert later.members == [] and later.former[0]["person"] == "Jan Leike"


def test_an_undated_founding_told_later_does_not_bring_a_founder_back(ingest):
    store = ingest(*altman_stories()[:1], story(
        "gone", "2024-02-14", "Andrej Karpathy, a founding member of OpenAI, left OpenAI in February.",
        ("founded", "Andrej Karpathy, a founding member of OpenAI", dict(person="Andrej Karpathy", org="OpenAI")),
        ("left", "left OpenAI in February", dict(person="Andrej Karpathy", org="OpenAI", date="2024-02"))))
    stints = person_timeline(store.conn, "Andrej Karpathy").stints
    assert [(s.start, s.end, s.founder) for s in stints] == [("2015-12", "2024-02", True)]
    roster = org_roster(store.conn, "OpenAI", as_of="2024-10-15")
    assert "Andrej Karpathy" not in [m.person for m in roster.present]
    assert (roster.founders_remaining, len(roster.founders)) == (2, 3)
    karpathy = next(f for f in roster.founders if f.person == "Andrej Karpathy")
    assert (karpathy.founded, karpathy.still_there, karpathy.left) == ("2015-12", False, "2024-02")
    # On a day between the founding and the departure he was there.
    assert "Andrej Karpathy" in [m.person for m in org_roster(store.conn, "OpenAI", as_of="2020-01-01").present]


def test_after_a_departure_a_title_is_the_old_one_unless_dated_later(ingest):
    store = ingest(
        story("joins", "2018-06-01", "Mira Murati joined OpenAI in 2018.",
              ("joined", "Mira Murati joined OpenAI", dict(person="Mira Murati", org="OpenAI", date="2018"))),
        story("leaves", "2024-09-26", "Mira Murati left OpenAI on Wednesday. Murati, OpenAI's CTO, thanked staff.",
              ("left", "Mira Murati left OpenAI", dict(person="Mira Murati", org="OpenAI", date="2024-09-25")),
              ("role", "Murati, OpenAI's CTO", dict(person="Mira Murati", org="OpenAI", role="CTO"))),
        story("board", "2026-03-01", "Mira Murati joined OpenAI's board in February 2026.",
              ("member", "Mira Murati joined OpenAI's board", dict(person="Mira Murati", org="OpenAI",
                                                                  group="board", date="2026-02"))))
    stints = person_timeline(store.conn, "Mira Murati").stints
    assert [(s.start, s.end, s.roles) for s in stints][0] == ("2018", "2024-09-25", ["CTO"])
    assert len(stints) == 2 and stints[1].roles == ["board member"] and stints[1].end is None
    assert org_roster(store.conn, "OpenAI", as_of="2024-10-15").present == []
    assert [m.person for m in org_roster(store.conn, "OpenAI", as_of="2026-06-01").present] == ["Mira Murati"]


def test_a_group_formed_on_a_stated_date_keeps_it_when_a_later_article_only_has_its_own(ingest):
    store = ingest(
        story("a", "2024-05-29", "OpenAI's board created a Safety and Security Committee on Tuesday.",
              ("group_event", "created a Safety and Security Committee", dict(
                  org="OpenAI", group="Safety and Security Committee", action="formed", date="2024-05-28"))),
        story("b", "2024-06-02", "OpenAI formed a safety committee.",
              ("group_event", "OpenAI formed a safety committee", dict(org="OpenAI", group="safety committee",
                                                                      action="formed"))))
    groups = org_roster(store.conn, "OpenAI", as_of="2024-07-01").groups
    assert [(g.name, g.formed) for g in groups] == [("Safety and Security Committee", "2024-05-28")]


def test_a_roster_as_of_a_date_that_is_not_one_is_an_error_not_today(ingest):
    store = ingest(*altman_stories())
    with pytest.raises(StoreError, match="ISO"):
        org_roster(store.conn, "OpenAI", as_of="last tuesday")
