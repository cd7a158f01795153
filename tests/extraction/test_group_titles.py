"""Members named by a title that names their group, teams set in a clause's organization,
groups described by another group noun, groups wound up, and founders in phrases the frames
miss ("set up with A and B", "known for co-founding X")."""
from __future__ import annotations

import pytest

from tests.extraction.golden import assert_article

CASES = [
    pytest.param(
        "Nvidia created the Robotics Safety team in 2022. Maria Lopez, a researcher on the data governance "
        "team, left in March. Nvidia also let go of Hannah Berg, another Robotics Safety researcher. "
        "Peter Novak, the Robotics Safety co-lead, resigned the same week.",
        "2024-06-10",
        [{"kind": "member", "person": "Maria Lopez", "org": "Nvidia", "group": "data governance team"},
         {"kind": "member", "person": "Hannah Berg", "org": "Nvidia", "group": "Robotics Safety team"},
         {"kind": "member", "person": "Peter Novak", "org": "Nvidia", "group": "Robotics Safety team",
          "role": "co-lead"}],
        [],
        id="group-titles-in-apposition"),
    pytest.param(
        "Intel set up a chip security team last year. In May Ruth Baker and Omar Haddad, engineers on the "
        "team, were dismissed.",
        "2024-06-10",
        [{"kind": "member", "person": "Ruth Baker", "org": "Intel"},
         {"kind": "member", "person": "Omar Haddad", "org": "Intel"}],
        [],
        id="a-list-of-people-titled-by-the-team"),
    pytest.param(
        "Lena Fischer is a senior researcher at Nvidia. Nvidia said on Monday that she had published a paper.",
        "2024-06-10",
        [],
        [{"kind": "member", "person": "Lena Fischer"}],
        id="a-title-naming-no-group-is-no-membership"),
    pytest.param(
        "Tom Reed joined Nvidia this spring after six years at Intel, where he led the compiler team. "
        "At Samsung, Ann Lee led the team behind Exynos.",
        "2024-06-10",
        [{"kind": "member", "person": "Tom Reed", "org": "Intel", "group": "compiler team"},
         {"kind": "member", "person": "Ann Lee", "org": "Samsung", "group": "Exynos team"}],
        [{"kind": "member", "person": "Tom Reed", "org": "Nvidia"}],
        id="the-team-of-a-where-clause-and-the-team-behind-a-product"),
    pytest.param(
        "Nvidia said its Audit and Risk Committee will now operate as a standalone oversight committee. "
        "The committee's members are Ruth Baker and Omar Haddad. The committee was formed in March.",
        "2024-06-10",
        [{"kind": "member", "person": "Ruth Baker", "org": "Nvidia", "group": "Audit and Risk Committee"},
         {"kind": "group_event", "org": "Nvidia", "group": "Audit and Risk Committee", "action": "formed"}],
        [{"kind": "group_event", "group": "standalone oversight committee"}],
        id="a-group-described-as-another-is-the-same-group"),
    pytest.param(
        "Intel said on Monday that its quantum networking team had been wound up.",
        "2024-06-10",
        [{"kind": "group_event", "org": "Intel", "group": "quantum networking team", "action": "disbanded"}],
        [],
        id="a-team-wound-up-is-disbanded"),
    pytest.param(
        "Perch Labs, which Maria Lopez set up in 2021 with former Stripe engineer Omar Haddad and Ann Lee, "
        "has hired a new chief executive. Lopez is best known for co-founding Quillbase, a note-taking app.",
        "2024-06-10",
        [{"kind": "founded", "person": "Maria Lopez", "org": "Perch Labs"},
         {"kind": "founded", "person": "Omar Haddad", "org": "Perch Labs"},
         {"kind": "founded", "person": "Ann Lee", "org": "Perch Labs"},
         {"kind": "founded", "person": "Maria Lopez", "org": "Quillbase"}],
        [{"kind": "founded", "person": "Omar Haddad", "org": "Stripe"}],
        id="co-founders-in-a-with-phrase-and-a-founding-gerund"),
]


@pytest.mark.parametrize("text,published,must,must_not", CASES)
def test_group_titles(rules_extractor, text, published, must, must_not):
    assert_article(rules_extractor, text, published, must, must_not)
