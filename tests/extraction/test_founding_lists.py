"""Founders and members named by lists: counted plural subjects, semicolon lists, co-leaders,
founders inside a founding group, newly created organizations and reorganisations."""
from __future__ import annotations

import pytest

from tests.extraction.golden import assert_article

CASES = [
    pytest.param(
        "Maria Lopez, Peter Novak and Hannah Berg met at Stanford in 2019. The three set up a company, Foldwise, which Nvidia bought in 2022.",
        "2023-02-01",
        [{"kind": "founded", "person": "Maria Lopez", "org": "Foldwise"},
         {"kind": "founded", "person": "Peter Novak", "org": "Foldwise"},
         {"kind": "founded", "person": "Hannah Berg", "org": "Foldwise"}],
        [{"kind": "founded", "org": "Nvidia"}],
        id="the-three-set-up-a-company"),
    pytest.param(
        "Vireo Labs announced its launch on Monday. It is joined by a group of engineers: Tomas Kral, "
        "Lena Fischer and Omar Haddad. Together with Ruth Baker and Kenji Sato, the five are the lab's "
        "co-founders.",
        "2024-03-06",
        [{"kind": "founded", "person": p, "org": "Vireo Labs"}
         for p in ("Tomas Kral", "Lena Fischer", "Omar Haddad", "Ruth Baker", "Kenji Sato")],
        [],
        id="together-with-the-five-are-co-founders"),
    pytest.param(
        "Lumen Robotics said Peter Novak and Hannah Berg had built the prototype. The four are the company's "
        "founders.",
        "2024-03-06",
        [],
        [{"kind": "founded", "person": "Peter Novak"}, {"kind": "founded", "person": "Hannah Berg"}],
        id="a-count-that-does-not-fit-the-list-gives-nothing"),
    pytest.param(
        "Corvid AI fired its chief executive on Friday. The decision was taken by the three other directors: "
        "Grace Liu, the company's chief scientist; Martin Hale, chief executive of Dropbox; and the investor "
        "Sofia Reyes.",
        "2024-02-10",
        [{"kind": "member", "person": "Grace Liu", "org": "Corvid AI", "group": "board"},
         {"kind": "member", "person": "Martin Hale", "org": "Corvid AI", "group": "board"},
         {"kind": "member", "person": "Sofia Reyes", "org": "Corvid AI", "group": "board"}],
        [{"kind": "member", "org": "Dropbox"}],
        id="directors-in-a-semicolon-list"),
    pytest.param(
        "Tomas Kral, who co-led the alignment team at Corvid AI with Lena Fischer, has resigned.",
        "2024-02-10",
        [{"kind": "member", "person": "Tomas Kral", "group": "alignment team", "role": "co-lead"},
         {"kind": "member", "person": "Lena Fischer", "group": "alignment team", "role": "co-lead"}],
        [],
        id="co-leaders-named-with-with"),
    pytest.param(
        "Nimbus Health, which was founded in 2020 by former Stripe engineers including Omar Haddad, has "
        "raised $50 million.",
        "2024-02-10",
        [{"kind": "founded", "person": "Omar Haddad", "org": "Nimbus Health", "date": "2020"}],
        [{"kind": "founded", "person": None, "org": "Nimbus Health"}],
        id="founders-named-inside-the-founding-group"),
    pytest.param(
        "Kestrel AI was incorporated in Delaware in March, state filings show.",
        "2024-07-10",
        [{"kind": "founded", "person": None, "org": "Kestrel AI", "date": "2024-03"}],
        [],
        id="incorporation-is-a-founding"),
    pytest.param(
        "Satya Nadella has merged the company's research groups into a single unit, Microsoft Frontier Labs.",
        "2025-01-10",
        [{"kind": "group_event", "org": "Microsoft", "group": "Microsoft Frontier Labs", "action": "formed"}],
        [],
        id="merged-into-a-named-unit"),
    pytest.param(
        "Maria Lopez, who worked on the safety team at Corvid AI, resigned in May.",
        "2024-07-10",
        [{"kind": "member", "person": "Maria Lopez", "org": "Corvid AI", "group": "safety team"}],
        [],
        id="worked-on-a-team-is-membership"),
]


@pytest.mark.parametrize("text,published,must,must_not", CASES)
def test_founding_lists(rules_extractor, text, published, must, must_not):
    assert_article(rules_extractor, text, published, must, must_not)


def test_founders_listed_after_a_colon(rules_extractor):
    from tests.extraction.golden import assert_article
    text = ("The company's roots are academic. Seven of them co-founded Databricks in 2013: Ali Ghodsi, Matei Zaharia, "
            "Ion Stoica and Reynold Xin.")
    assert_article(rules_extractor, text, "2025-01-22",
                   must=[{"kind": "founded", "person": name, "org": "Databricks", "date": "2013"}
                         for name in ("Ali Ghodsi", "Matei Zaharia", "Ion Stoica", "Reynold Xin")],
                   must_not=[{"kind": "founded", "person": None}])
