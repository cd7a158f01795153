"""People the small model does not tag: found by their place in the clause, never a company."""
from __future__ import annotations

from tests.extraction.golden import assert_article

def test_founders_listed_with_people(rules_extractor):
    assert_article(rules_extractor, "Perplexity was set up in 2022 by Aravind Srinivas with Denis Yarats, Johnny Ho "
                   "and Andy Konwinski.", "2024-05-14",
                   must=[{"kind": "founded", "person": name, "org": "Perplexity", "date": "2022"}
                         for name in ("Aravind Srinivas", "Denis Yarats", "Johnny Ho", "Andy Konwinski")],
                   must_not=[])


def test_investor_firms_in_a_list_stay_firms(rules_extractor):
    assert_article(rules_extractor, "Quorvex raised $50 million from Sequoia Capital, Index Ventures and Accel.",
                   "2024-05-14", must=[{"kind": "invested", "investor": "Index Ventures", "investee": "Quorvex"}],
                   must_not=[{"kind": "founded"}, {"kind": "joined"}])


def test_roles_said_with_serve_and_welcome(rules_extractor):
    assert_article(rules_extractor, "Maria Lopez serves as Anthropic's head of product. Anthropic welcomed Ken Ito "
                   "as its new chief operating officer on Tuesday. Anthropic said Ana Ruiz would join as chief "
                   "scientist in January.", "2024-05-14",
                   must=[{"kind": "role", "person": "Maria Lopez", "org": "Anthropic", "role": "head of product"},
                         {"kind": "joined", "person": "Ken Ito", "org": "Anthropic", "role": "chief operating officer"},
                         {"kind": "joined", "person": "Ana Ruiz", "org": "Anthropic", "role": "chief scientist",
                          "date": "2025-01"}],
                   must_not=[])


def test_the_pair_means_the_two_people_just_named(rules_extractor):
    assert_article(rules_extractor, "Bret Taylor and Clay Bavor announced Sierra on Tuesday. The pair founded the "
                   "startup last year.", "2024-02-14",
                   must=[{"kind": "founded", "person": "Bret Taylor", "org": "Sierra", "date": "2023"},
                         {"kind": "founded", "person": "Clay Bavor", "org": "Sierra", "date": "2023"}],
                   must_not=[{"kind": "founded", "person": None}])


def test_who_makes_a_person_of_a_name_tagged_as_a_company(rules_extractor):
    assert_article(rules_extractor, "Perplexity builds an answer engine. Perplexity was founded in 2022 by Brett "
                   "Adcock, who serves as its CEO.", "2024-02-29",
                   must=[{"kind": "founded", "person": "Brett Adcock", "org": "Perplexity", "date": "2022"}],
                   must_not=[{"kind": "invested"}])


def test_a_full_name_tagged_as_a_company_whose_surname_is_a_person(rules_extractor):
    text = ("OpenAI has appointed Adebayo Ogunlesi, a senior managing director at BlackRock, to its board of "
            "directors. Ogunlesi co-founded Global Infrastructure Partners in 2006. Ogunlesi joins a board whose "
            "members include Sam Altman and Larry Summers. Bret Taylor, OpenAI's chair, welcomed him.")
    assert_article(rules_extractor, text, "2025-01-15",
                   must=[{"kind": "joined", "person": "Adebayo Ogunlesi", "org": "OpenAI", "role": "board member"},
                         {"kind": "founded", "person": "Adebayo Ogunlesi", "org": "Global Infrastructure Partners",
                          "date": "2006"},
                         {"kind": "member", "person": "Larry Summers", "org": "OpenAI", "group": "board"},
                         {"kind": "member", "person": "Bret Taylor", "org": "OpenAI", "group": "board", "role": "chair"}],
                   must_not=[{"kind": "founded", "person": None}])
