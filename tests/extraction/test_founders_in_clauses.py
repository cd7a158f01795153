"""Founders named in relative clauses, partitives and titles whose organization is told elsewhere
in the phrase: "the company X started", "one of the researchers who founded the lab", "OpenAI,
where he was a founding member", "a co-founder and the chief executive of X"."""
from __future__ import annotations

import pytest

from tests.extraction.golden import assert_article

CASES = [
    pytest.param(
        "Corvid AI, the robotics company Maria Lopez started last year, has raised $40 million.",
        "2024-05-02",
        [{"kind": "founded", "person": "Maria Lopez", "org": "Corvid AI"}],
        [],
        id="contact-clause-company-x-started"),
    pytest.param(
        "Peter Novak is stepping down from the board of Foldwise, the software firm he helped start in 2016.",
        "2024-05-02",
        [{"kind": "founded", "person": "Peter Novak", "org": "Foldwise"}],
        [],
        id="contact-clause-helped-start"),
    pytest.param(
        "Hannah Berg joined Foldwise in 2019. At the company she started as an engineer.",
        "2024-05-02",
        [],
        [{"kind": "founded", "person": "Hannah Berg"}],
        id="started-as-is-not-founding"),
    pytest.param(
        "Tomas Kral has left Vireo Labs. He had been at Vireo Labs from the start, as one of the engineers "
        "who founded the lab in 2018.",
        "2024-05-02",
        [{"kind": "founded", "person": "Tomas Kral", "org": "Vireo Labs"}],
        [{"kind": "founded", "person": None, "org": "Vireo Labs"}],
        id="one-of-the-engineers-who-founded"),
    pytest.param(
        "Of the six people who founded Vireo Labs, only Lena Fischer and Omar Haddad remain at the company.",
        "2024-05-02",
        [{"kind": "founded", "person": "Lena Fischer", "org": "Vireo Labs"},
         {"kind": "founded", "person": "Omar Haddad", "org": "Vireo Labs"}],
        [],
        id="of-the-people-who-founded-only-a-and-b"),
    pytest.param(
        "Daniel Weber moved to Nvidia in 2020 from Vireo Labs, where he was a founding member, and ran the "
        "compiler team.",
        "2024-05-02",
        [{"kind": "founded", "person": "Daniel Weber", "org": "Vireo Labs"}],
        [{"kind": "founded", "person": "Daniel Weber", "org": "Nvidia"}],
        id="where-he-was-a-founding-member"),
    pytest.param(
        "Nvidia said on Monday it will buy Vireo Labs. Ruth Baker, a co-founder and the chief executive of "
        "Foldwise, will join the board of Nvidia.",
        "2024-05-02",
        [{"kind": "founded", "person": "Ruth Baker", "org": "Foldwise"}],
        [{"kind": "founded", "person": "Ruth Baker", "org": "Nvidia"},
         {"kind": "founded", "person": "Ruth Baker", "org": "Vireo Labs"}],
        id="co-founder-shares-the-of-of-its-conjoined-title"),
    pytest.param(
        "Amazon is investing $2 billion in Mistral AI for a minority stake, and the model-building startup's "
        "founder and chief executive, Lena Fischer, is leaving to join Amazon, the companies said.",
        "2024-05-02",
        [{"kind": "founded", "person": "Lena Fischer", "org": "Mistral AI"}],
        [{"kind": "founded", "person": "Lena Fischer", "org": "Amazon"}],
        id="the-company-s-founder"),
]


@pytest.mark.parametrize("text,published,must,must_not", CASES)
def test_founders_in_clauses(rules_extractor, text, published, must, must_not):
    assert_article(rules_extractor, text, published, must, must_not)


def test_founding_said_in_other_words(rules_extractor):
    from tests.extraction.golden import assert_article
    cases = [
        ("Noam Shazeer and Daniel De Freitas left Google to found Character.AI in 2021.",
         [{"kind": "founded", "person": "Daniel De Freitas", "org": "Character.AI"},
          {"kind": "left", "person": "Noam Shazeer", "org": "Google"}]),
        ("Ilya Sutskever has launched a new company, Safe Superintelligence, with Daniel Gross and Daniel Levy.",
         [{"kind": "founded", "person": name, "org": "Safe Superintelligence"}
          for name in ("Ilya Sutskever", "Daniel Gross", "Daniel Levy")]),
        ("Sakana AI was founded in Tokyo by former Google researchers David Ha and Llion Jones.",
         [{"kind": "founded", "person": "Llion Jones", "org": "Sakana AI"}]),
        ("OpenAI grew fast. The company was created in 2015 as a nonprofit by Sam Altman and Elon Musk.",
         [{"kind": "founded", "person": "Elon Musk", "org": "OpenAI", "date": "2015"}]),
    ]
    for text, must in cases:
        assert_article(rules_extractor, text, "2024-06-20", must=must, must_not=[{"kind": "founded", "org": "Google"}])


def test_he_found_is_not_founding(rules_extractor):
    from tests.extraction.golden import assert_article
    assert_article(rules_extractor, "At Google, Maria Lopez found that the models were brittle.", "2024-06-20",
                   must=[], must_not=[{"kind": "founded"}])
