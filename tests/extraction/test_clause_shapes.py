"""Shapes of clause the small parser gets wrong or that hide an argument: a relative pronoun as the
founded object, "co-founders" tagged as a verb, a name inside the title it is given, a round named
"Series B", a team name split by "and"."""
from __future__ import annotations

from tests.extraction.golden import assert_article

INTRO = "Quorvex is a Boston software company. "


def test_relative_pronoun_object_is_the_company(rules_extractor):
    assert_article(rules_extractor, INTRO + "Quorvex, which Maria Lopez and Ken Ito founded in 2021, sells software.",
                   "2024-05-14",
                   must=[{"kind": "founded", "person": "Maria Lopez", "org": "Quorvex", "date": "2021"},
                         {"kind": "founded", "person": "Ken Ito", "org": "Quorvex", "date": "2021"}],
                   must_not=[])


def test_cofounders_read_as_a_verb(rules_extractor):
    assert_article(rules_extractor, INTRO + "Quorvex co-founders Maria Lopez and Ken Ito left Google in 2021.",
                   "2024-05-14",
                   must=[{"kind": "left", "person": "Maria Lopez", "org": "Google", "date": "2021"},
                         {"kind": "left", "person": "Ken Ito", "org": "Google", "date": "2021"},
                         {"kind": "founded", "person": "Maria Lopez", "org": "Quorvex"},
                         {"kind": "founded", "person": "Ken Ito", "org": "Quorvex"}],
                   must_not=[{"kind": "founded", "org": "Google"}])


def test_name_inside_the_title_given(rules_extractor):
    assert_article(rules_extractor, INTRO + "Quorvex named Maria Lopez chief executive, replacing Ken Ito, who is retiring.",
                   "2024-05-14",
                   must=[{"kind": "joined", "person": "Maria Lopez", "org": "Quorvex", "role": "chief executive"},
                         {"kind": "left", "person": "Ken Ito", "org": "Quorvex"}],
                   must_not=[{"kind": "joined", "person": "Ken Ito"}])


def test_title_of_a_relative_clause_keeps_its_words(rules_extractor):
    facts = assert_article(rules_extractor, "Emmett Shear, the Twitch co-founder who was named interim CEO of OpenAI "
                           "on Sunday, will step down.", "2023-11-21",
                           must=[{"kind": "joined", "person": "Emmett Shear", "org": "OpenAI"}], must_not=[])
    assert any("CEO" in (f.get("role") or "") for f in facts if f["kind"] == "joined"), facts


def test_series_letter_round_led_by(rules_extractor):
    assert_article(rules_extractor, INTRO + "Quorvex's $50 million Series B was led by Sequoia Capital, with Accel "
                   "and Index Ventures participating.", "2024-05-14",
                   must=[{"kind": "invested", "investor": "Sequoia Capital", "investee": "Quorvex",
                          "amount": {"value": 50000000, "currency": "USD"}},
                         {"kind": "invested", "investor": "Accel", "investee": "Quorvex"},
                         {"kind": "invested", "investor": "Index Ventures", "investee": "Quorvex"}],
                   must_not=[{"kind": "invested", "investee": "Sequoia Capital"}])


def test_team_name_split_by_and(rules_extractor):
    assert_article(rules_extractor, "Salesforce disbanded its trust and safety team in March.", "2024-05-14",
                   must=[{"kind": "group_event", "org": "Salesforce", "group": "trust and safety team",
                          "action": "disbanded", "date": "2024-03"}], must_not=[])


def test_a_startup_named_again_as_a_common_noun(rules_extractor):
    text = ("Boris Cherny and Cat Wu are back at Anthropic, two weeks after Anysphere hired them away. Cherny had "
            "been lured to Anysphere as chief architect, and Wu was brought on as head of product. Anysphere closed "
            "a $900 million round last month.")
    assert_article(rules_extractor, text, "2025-07-18",
                   must=[{"kind": "joined", "person": "Boris Cherny", "org": "Anysphere"},
                         {"kind": "joined", "person": "Cat Wu", "org": "Anysphere", "role": "head of product"}],
                   must_not=[{"kind": "joined", "person": "Cat Wu", "org": "Anthropic", "role": "head of product"}])
