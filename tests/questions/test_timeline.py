from tests.questions.stories import story

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
    assert (groups[0].formed, groups[0].disbanded) == ("2023-07", "2024-05")
    assert groups[0].members[0]["person"] == "Jan Leike"
