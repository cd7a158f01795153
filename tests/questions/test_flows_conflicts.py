from tests.questions.stories import story

from exodus.questions import fact_sources, find_conflicts, search, talent_flows


def test_a_left_pairs_with_a_joined_within_twelve_months(ingest):
    store = ingest(
        story("l1", "2024-05-17", "Jan Leike resigned from OpenAI over safety.",
              ("left", "Jan Leike resigned from OpenAI", dict(person="Jan Leike", org="OpenAI", date="2024-05",
                                                              reasons=["safety"]))),
        story("j1", "2024-05-28", "Jan Leike joined Anthropic to continue his work.",
              ("joined", "Jan Leike joined Anthropic", dict(person="Jan Leike", org="Anthropic", date="2024-05"))),
        story("l2", "2020-01-10", "Ada Quill left OpenAI for good.",
              ("left", "Ada Quill left OpenAI", dict(person="Ada Quill", org="OpenAI", date="2020-01"))),
        story("j2", "2022-03-01", "Ada Quill joined Anthropic two years later.",
              ("joined", "Ada Quill joined Anthropic", dict(person="Ada Quill", org="Anthropic", date="2022-03"))),
        story("j3", "2024-07-01", "Kurt Marrow joined OpenAI from Anthropic.",
              ("joined", "Kurt Marrow joined OpenAI from Anthropic", dict(person="Kurt Marrow", org="OpenAI",
                                                                           from_org="Anthropic", date="2024-07"))))
    flows = talent_flows(store.conn, since="2019-01-01")
    moves = sorted((m.person, m.from_org, m.to_org) for m in flows.moves)
    assert moves == [("Jan Leike", "OpenAI", "Anthropic"), ("Kurt Marrow", "Anthropic", "OpenAI")]
    top = flows.pairs[0]
    assert (top.from_org, top.to_org, top.count, top.net) == ("Anthropic", "OpenAI", 1, 0) or top.net == 0
    assert flows.reasons == {"safety": 1}
    assert talent_flows(store.conn, since="2024-06-01", org="Anthropic").moves[0].person == "Kurt Marrow"


def test_the_same_fact_from_several_articles_is_one_fact(ingest):
    store = ingest(
        story("a", "2024-05-17", "Jan Leike left OpenAI, he said on Friday.",
              ("left", "Jan Leike left OpenAI", dict(person="Jan Leike", org="OpenAI", date="2024-05-17"))),
        story("b", "2024-05-18", "Safety lead Jan Leike left OpenAI this week.",
              ("left", "Jan Leike left OpenAI", dict(person="Jan Leike", org="OpenAI", date="2024-05"))),
        story("b-copy", "2024-05-18", "Safety lead Jan Leike left OpenAI this week.",
              ("left", "Jan Leike left OpenAI", dict(person="Jan Leike", org="OpenAI", date="2024-05"))))
    fact_id = store.conn.execute("SELECT uid FROM facts").fetchone()[0]
    fact = fact_sources(store.conn, fact_id)
    assert fact.date == "2024-05-17" and len(fact.sources) == 3
    assert fact.source_count == 2  # the syndicated copy counts once
    assert [s.copy_of for s in fact.sources].count("b") == 1
    assert find_conflicts(store.conn) == []


def test_conflicts_show_both_sides(ingest):
    store = ingest(
        story("a", "2024-05-17", "Jan Leike left OpenAI in May.",
              ("left", "Jan Leike left OpenAI in May", dict(person="Jan Leike", org="OpenAI", date="2024-05"))),
        story("b", "2024-06-30", "Jan Leike left OpenAI in June, a report said.",
              ("left", "Jan Leike left OpenAI in June", dict(person="Jan Leike", org="OpenAI", date="2024-06"))),
        story("c", "2024-03-02", "Ada Quill joined Anthropic on Monday.",
              ("joined", "Ada Quill joined Anthropic", dict(person="Ada Quill", org="Anthropic", date="2024-03"))),
        story("d", "2024-03-05", "Ada Quill joined Meta, sources said.",
              ("joined", "Ada Quill joined Meta", dict(person="Ada Quill", org="Meta", date="2024-03"))),
        story("e", "2024-09-01", "Kurt Marrow joined Anthropic as a researcher.",
              ("joined", "Kurt Marrow joined Anthropic", dict(person="Kurt Marrow", org="Anthropic"))),
        story("f", "2024-09-20", "Kurt Marrow founded Marrow Labs, a new startup.",
              ("founded", "Kurt Marrow founded Marrow Labs", dict(person="Kurt Marrow", org="Marrow Labs"))))
    found = {c.kind: c for c in find_conflicts(store.conn)}
    assert set(found) == {"date", "same_month", "joined_or_founded"}
    assert len(found["date"].sides[0].sources) == 2
    assert {s.org for s in found["same_month"].sides} == {"Anthropic", "Meta"}
    assert {s.kind for s in found["joined_or_founded"].sides} == {"joined", "founded"}


def test_search_finds_articles_by_words(ingest):
    store = ingest(story("a", "2024-05-17", "The Superalignment team was disbanded.",),
                   story("b", "2024-05-18", "Anthropic hired a researcher."))
    assert [h.document for h in search(store.conn, "superalignment")] == ["a"]
    assert search(store.conn, 'hired "a researcher"')[0].document == "b"


def test_flows_with_dates_at_the_ends_of_the_calendar_are_clamped_not_an_error(ingest):
    store = ingest(
        story("l", "2024-05-17", "Jan Leike resigned from OpenAI.",
              ("left", "Jan Leike resigned from OpenAI", dict(person="Jan Leike", org="OpenAI", date="2024-05"))),
        story("j", "2024-05-28", "Jan Leike joined Anthropic.",
              ("joined", "Jan Leike joined Anthropic", dict(person="Jan Leike", org="Anthropic", date="2024-05"))))
    for since, until in [("0001", None), ("0001-01-01", "9999-12-31"), (None, "9999"), ("9998-12", None),
                         (None, "0001-01-31"), ("9999-12-31", "9999-12-31")]:
        moves = talent_flows(store.conn, since=since, until=until).moves
        assert len(moves) == (1 if (since or "0") <= "2024" <= (until or "9999") else 0), (since, until)


def test_leaving_and_then_founding_a_company_is_a_move(ingest):
    store = ingest(
        story("l", "2024-05-15", "Ilya Sutskever is leaving OpenAI.",
              ("left", "Ilya Sutskever is leaving OpenAI", dict(person="Ilya Sutskever", org="OpenAI",
                                                                date="2024-05-14"))),
        story("f", "2024-06-20", "Ilya Sutskever founded Safe Superintelligence in June.",
              ("founded", "Ilya Sutskever founded Safe Superintelligence",
               dict(person="Ilya Sutskever", org="Safe Superintelligence", date="2024-06"))),
        # An undated founding carries only its article's date: not a move.
        story("g", "2024-08-01", "Ada Quill left Meta. Ada Quill, who co-founded Quill Labs, said so.",
              ("left", "Ada Quill left Meta", dict(person="Ada Quill", org="Meta", date="2024-07")),
              ("founded", "Ada Quill, who co-founded Quill Labs", dict(person="Ada Quill", org="Quill Labs"))))
    moves = [(m.person, m.from_org, m.to_org) for m in talent_flows(store.conn, since="2024").moves]
    assert moves == [("Ilya Sutskever", "OpenAI", "Safe Superintelligence")]
