"""A funding round told across sentences: "it" for the round, investors who are no company in
question, invented names the tagger misses, acronym investors before a full stop, and boards."""
from __future__ import annotations

from tests.extraction.golden import assert_article


def test_it_is_the_round_and_the_company_is_who_raised_it(rules_extractor):
    text = ("Quorvex closed a $120 million round last month at a $2 billion valuation. Lightspeed Venture "
            "Partners led it, and Index Ventures and Greylock also put in money. The company, founded in 2021 "
            "by former Stripe engineers Tomas Halvorsen and Priya Raman, sells software for customs brokers.")
    assert_article(rules_extractor, text, "2025-04-10",
                   must=[{"kind": "invested", "investor": "Lightspeed Venture Partners", "investee": "Quorvex",
                          "date": "2025-03"},
                         {"kind": "invested", "investor": "Index Ventures", "investee": "Quorvex"},
                         {"kind": "invested", "investor": "Greylock Partners", "investee": "Quorvex"},
                         {"kind": "founded", "person": "Tomas Halvorsen", "org": "Quorvex"},
                         {"kind": "founded", "person": "Priya Raman", "org": "Quorvex"}],
                   must_not=[{"kind": "founded", "org": "Greylock"}, {"kind": "founded", "org": "Index Ventures"}])


def test_an_investor_subject_is_not_the_startup(rules_extractor):
    text = ("Veltrix, a maker of warehouse robots, said on Monday it had raised $40 million. Accel led the "
            "Series A. Existing investor Northzone, which backed the seed round, came back as well.\n\n"
            "The startup, which Mara Lindqvist set up in 2022 with Jonas Berg, has 60 employees.")
    assert_article(rules_extractor, text, "2024-05-14",
                   must=[{"kind": "founded", "person": "Mara Lindqvist", "org": "Veltrix"},
                         {"kind": "founded", "person": "Jonas Berg", "org": "Veltrix"}],
                   must_not=[{"kind": "founded", "org": "Northzone"}, {"kind": "founded", "org": "Accel"}])


def test_acronym_investor_before_a_full_stop(rules_extractor):
    text = ("Veltrix said it has raised $75 million in a Series B financing led by IVP. Salesforce Ventures "
            "and Khosla Ventures also participated in the round.")
    assert_article(rules_extractor, text, "2024-05-14",
                   must=[{"kind": "invested", "investor": "IVP", "investee": "Veltrix"},
                         {"kind": "invested", "investor": "Khosla Ventures", "investee": "Veltrix"}],
                   must_not=[{"kind": "invested", "investor": "Salesforce Ventures", "investee": "IVP"}])


def test_provided_funding_goes_to_the_possessor(rules_extractor):
    text = "Founders Fund provided Veltrix's first outside funding in 2021."
    assert_article(rules_extractor, text, "2024-05-14",
                   must=[{"kind": "invested", "investor": "Founders Fund", "investee": "Veltrix"}],
                   must_not=[{"kind": "invested", "investor": "Veltrix"}])


def test_seats_on_the_board(rules_extractor):
    text = ("Acme Robotics on Tuesday named two new directors. Laura Chen and Omar Haddad take seats on the "
            "board of Acme Robotics with immediate effect, and founder Ben Ortiz is returning to the board.")
    assert_article(rules_extractor, text, "2024-03-12",
                   must=[{"kind": "member", "person": "Laura Chen", "org": "Acme Robotics", "group": "board"},
                         {"kind": "member", "person": "Omar Haddad", "org": "Acme Robotics", "group": "board"},
                         {"kind": "member", "person": "Ben Ortiz", "org": "Acme Robotics", "group": "board"}],
                   must_not=[])


def test_teams_eliminated_and_stood_up(rules_extractor):
    text = ("In March, Salesforce eliminated its ethics and society team as part of a round of layoffs. "
            "Weeks later Salesforce stood up a new AI policy team under its general counsel.")
    assert_article(rules_extractor, text, "2023-05-02",
                   must=[{"kind": "group_event", "org": "Salesforce", "action": "disbanded", "date": "2023-03"},
                         {"kind": "group_event", "org": "Salesforce", "action": "formed"}],
                   must_not=[])


def test_unknown_startup_named_once(rules_extractor):
    """Invented one-word names the tagger calls a work of art, a person or nothing: their place in the
    clause says they are companies."""
    cases = [
        ("Sequoia Capital invested $50 million in Quorvex on Tuesday.",
         {"kind": "invested", "investor": "Sequoia Capital", "investee": "Quorvex"}),
        ("Sequoia Capital and Accel poured $50 million into Quorvex.",
         {"kind": "invested", "investor": "Accel", "investee": "Quorvex"}),
        ("Quorvex disbanded its ethics team in March.",
         {"kind": "group_event", "org": "Quorvex", "action": "disbanded"}),
        ("Quorvex hired Maria Lopez away from Google to run its research lab.",
         {"kind": "joined", "person": "Maria Lopez", "org": "Quorvex"}),
    ]
    for text, expected in cases:
        assert_article(rules_extractor, text, "2024-05-14", must=[expected], must_not=[])


def test_no_investor_is_made_the_company_funded(rules_extractor):
    text = "Investors in the round include Sequoia Capital, Accel and Index Ventures, Quorvex said."
    assert_article(rules_extractor, text, "2024-05-14", must=[],
                   must_not=[{"kind": "invested", "investee": "Sequoia Capital"},
                             {"kind": "invested", "investee": "Accel"}])


def test_more_ways_to_tell_an_investment(rules_extractor):
    cases = [
        ("Microsoft has invested a total of $13 billion in OpenAI since 2019.",
         {"kind": "invested", "investor": "Microsoft", "investee": "OpenAI",
          "amount": {"value": 13000000000, "currency": "USD"}}),
        ("Anthropic counts Amazon, Salesforce and Google among its backers.",
         {"kind": "invested", "investor": "Salesforce", "investee": "Anthropic", "date": None}),
        ("Glean said it closed a $260 million Series E led by Altimeter Capital and DST Global.",
         {"kind": "invested", "investor": "Altimeter Capital", "investee": "Glean"}),
    ]
    for text, expected in cases:
        assert_article(rules_extractor, text, "2024-05-14", must=[expected], must_not=[])


def test_a_round_leader_is_not_the_company_funded(rules_extractor):
    text = "The $6.6 billion round was led by Thrive Capital; Microsoft, Nvidia and SoftBank also invested."
    assert_article(rules_extractor, text, "2024-10-02", must=[],
                   must_not=[{"kind": "invested", "investee": "Thrive Capital"}])


def test_named_at_a_company(rules_extractor):
    text = ("Joelle Pineau, who had led FAIR, left Meta in the spring and has since been named chief AI officer "
            "at Cohere, the Toronto-based model developer.")
    assert_article(rules_extractor, text, "2025-11-20",
                   must=[{"kind": "joined", "person": "Joelle Pineau", "org": "Cohere", "role": "chief AI officer"},
                         {"kind": "left", "person": "Joelle Pineau", "org": "Meta"}],
                   must_not=[{"kind": "joined", "org": "Meta"}])


def test_investors_that_took_allocations(rules_extractor):
    text = ("Databricks said it had completed its Series J, raising $10 billion. Thrive Capital led it, and "
            "Andreessen Horowitz and GIC each took large allocations.")
    assert_article(rules_extractor, text, "2025-01-22",
                   must=[{"kind": "invested", "investor": "Thrive Capital", "investee": "Databricks"},
                         {"kind": "invested", "investor": "GIC", "investee": "Databricks"}],
                   must_not=[{"kind": "invested", "investee": "Thrive Capital"}])


def test_a_series_letter_ends_its_sentence(rules_extractor):
    text = ("Runway said it has raised $308 million in a Series D. General Atlantic led the round, and Baillie "
            "Gifford and SoftBank took part.")
    assert_article(rules_extractor, text, "2025-04-04",
                   must=[{"kind": "invested", "investor": "General Atlantic", "investee": "Runway"},
                         {"kind": "invested", "investor": "SoftBank", "investee": "Runway"}], must_not=[])


def test_investors_that_chipped_in_or_came_in(rules_extractor):
    text = ("Groq has raised $640 million in a Series D round. The corporate venture units Cisco Investments and "
            "Samsung Catalyst Fund also chipped in. Meta came in as a strategic investor.")
    assert_article(rules_extractor, text, "2024-08-06",
                   must=[{"kind": "invested", "investor": "Samsung Catalyst Fund", "investee": "Groq"},
                         {"kind": "invested", "investor": "Meta", "investee": "Groq"}], must_not=[])


def test_rounds_anchored_spearheaded_or_bankrolled(rules_extractor):
    text = ("Runway raised $50 million in 2022. Felicis anchored the round. Sequoia Capital spearheaded Anthropic's "
            "seed round. Google and Nvidia bankrolled a $141 million extension of Runway's Series C.")
    assert_article(rules_extractor, text, "2023-12-01",
                   must=[{"kind": "invested", "investor": "Felicis Ventures", "investee": "Runway"},
                         {"kind": "invested", "investor": "Sequoia Capital", "investee": "Anthropic"},
                         {"kind": "invested", "investor": "Nvidia", "investee": "Runway"}],
                   must_not=[{"kind": "invested", "investor": "Sequoia Capital", "investee": "Runway"}])


def test_the_startup_after_a_list_of_participants_is_the_one_funded(rules_extractor):
    text = ("ElevenLabs said on Monday it had raised $80 million. Sequoia Capital and SV Angel also took part. "
            "Andreessen Horowitz has bankrolled the startup twice.")
    assert_article(rules_extractor, text, "2024-01-22",
                   must=[{"kind": "invested", "investor": "Andreessen Horowitz", "investee": "ElevenLabs"}],
                   must_not=[{"kind": "invested", "investee": "Sequoia Capital"}])
