"""Members of committees, boards and teams named around the group rather than by a trigger:
"its co-leads, A and B", "The other members are A and B" after a board is named, memberships that
are denied ("is no longer a member") and teams an organization is joined to lead."""
from __future__ import annotations

import pytest

from exodus.schema import Document
from tests.extraction.golden import assert_article

CASES = [
    pytest.param(
        "Last month Nvidia quietly dissolved its robotics ethics team following the exits of its co-leads, "
        "Maria Lopez and Hannah Berg.",
        "2024-06-10",
        [{"kind": "member", "person": "Maria Lopez", "org": "Nvidia", "role": "co-lead"},
         {"kind": "member", "person": "Hannah Berg", "org": "Nvidia", "role": "co-lead"}],
        [],
        id="its-co-leads-a-and-b"),
    pytest.param(
        "Anthropic said it had formed a new board chaired by Peter Novak, the former chief executive of "
        "Intel. The other members are Lena Fischer, a former diplomat, and Omar Haddad, the chief executive "
        "of Dropbox, who is the only director from the old board to stay on.",
        "2024-06-10",
        [{"kind": "member", "person": "Lena Fischer", "org": "Anthropic"},
         {"kind": "member", "person": "Omar Haddad", "org": "Anthropic"}],
        [{"kind": "member", "person": "Omar Haddad", "org": "Dropbox"}],
        id="other-members-of-a-board-named-before"),
    pytest.param(
        "Nvidia's board set up an audit committee in March. Ruth Baker, Nvidia's chief financial officer, "
        "is no longer a member of the committee.",
        "2024-06-10",
        [],
        [{"kind": "member", "person": "Ruth Baker"}],
        id="no-longer-a-member"),
    pytest.param(
        "Nvidia said that Maria Lopez and Peter Novak would join Intel to lead a new chip design team.",
        "2024-06-10",
        [{"kind": "member", "person": "Maria Lopez", "org": "Intel"}],
        [{"kind": "member", "person": "Maria Lopez", "org": "Nvidia"}],
        id="join-an-org-to-lead-a-team"),
]


@pytest.mark.parametrize("text,published,must,must_not", CASES)
def test_group_members(rules_extractor, text, published, must, must_not):
    assert_article(rules_extractor, text, published, must, must_not)


def test_companions_of_a_led_committee_are_members(rules_extractor):
    text = ("On Monday Nvidia's board created a Audit and Risk Committee led by directors Maria Lopez and "
            "Peter Novak, along with chief financial officer Ruth Baker.")
    facts = [f.to_dict() for f in rules_extractor.extract(Document(id="t", text=text, published="2024-06-10"))]
    members = {(f["person"], f["group"]) for f in facts if f["kind"] == "member"}
    assert ("Ruth Baker", "Audit and Risk Committee") in members, facts
    assert ("Maria Lopez", "board") in members, facts



def test_a_team_laid_off(rules_extractor):
    from tests.extraction.golden import assert_article
    assert_article(rules_extractor, "Microsoft laid off its entire ethics and society team in March.", "2023-05-02",
                   must=[{"kind": "group_event", "org": "Microsoft", "group": "ethics and society team",
                          "action": "disbanded", "date": "2023-03"}], must_not=[])


def test_boards_made_up_of_and_a_committee_that_includes(rules_extractor):
    from tests.extraction.golden import assert_article
    assert_article(rules_extractor, "Anthropic has expanded its board. The board is made up of Dario Amodei, Daniela "
                   "Amodei and Yasmin Razavi. OpenAI said the safety committee would be chaired by Zico Kolter and "
                   "include Paul Nakasone and Nicole Seligman.", "2024-05-29",
                   must=[{"kind": "member", "person": "Yasmin Razavi", "org": "Anthropic", "group": "board"},
                         {"kind": "member", "person": "Zico Kolter", "org": "OpenAI", "role": "chair"},
                         {"kind": "member", "person": "Nicole Seligman", "org": "OpenAI", "group": "safety committee"}],
                   must_not=[])


def test_a_board_joined_is_the_articles_not_one_named_before(rules_extractor):
    from tests.extraction.golden import assert_article
    text = ("Anthropic has a new director. Reed Hastings has sat on the boards of Microsoft and Facebook.\n\n"
            "He joins a board made up of Dario Amodei and Yasmin Razavi.")
    assert_article(rules_extractor, text, "2025-05-28",
                   must=[{"kind": "member", "person": "Yasmin Razavi", "org": "Anthropic", "group": "board"}],
                   must_not=[{"kind": "member", "person": "Yasmin Razavi", "org": "Microsoft"}])


def test_co_led_is_read_as_a_verb(rules_extractor):
    from tests.extraction.golden import assert_article
    assert_article(rules_extractor, "OpenAI formed the Superalignment team in 2023. Jan Leike co-led OpenAI's "
                   "Superalignment team with Ilya Sutskever.", "2024-05-17",
                   must=[{"kind": "member", "person": "Jan Leike", "org": "OpenAI", "group": "Superalignment team",
                          "role": "co-lead"}], must_not=[])


def test_a_teams_name_is_no_reason_to_leave(rules_extractor):
    from tests.extraction.golden import assert_article
    assert_article(rules_extractor, "Lilian Weng, who led OpenAI's safety systems team, is leaving the company.",
                   "2024-11-08", must=[{"kind": "left", "person": "Lilian Weng", "org": "OpenAI", "reasons": []}],
                   must_not=[])
