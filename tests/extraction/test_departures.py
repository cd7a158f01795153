"""Departures and arrivals stated without naming both sides: the organization comes from what the
article has already said about the person, from a stretch spent elsewhere, or from a list of names
set after a common noun. Articles written for these tests."""
from __future__ import annotations

import pytest

from tests.extraction.golden import assert_article

CASES = [
    pytest.param(
        "Priya Nair, Nimbus AI's head of research, built its first models. "
        "Nair, who co-led the safety team, left in March.",
        "2024-05-02",
        [{"kind": "left", "person": "Priya Nair", "org": "Nimbus AI", "date": "2024-03"}],
        [],
        id="bare-departure-goes-to-the-known-employer"),
    pytest.param(
        "Tomas Berg co-founded Vireo Labs in 2019. Hugo Lind and Tomas Berg moved on last year.",
        "2024-05-02",
        [{"kind": "left", "person": "Tomas Berg", "org": "Vireo Labs"}],
        [{"kind": "left", "person": "Hugo Lind"}],
        id="moved-on-only-for-people-with-a-known-tie"),
    pytest.param(
        "Karl Ostrow resigned on Friday. Analysts were surprised.",
        "2024-05-02",
        [],
        [{"kind": "left", "person": "Karl Ostrow"}],
        id="no-tie-no-guess"),
    pytest.param(
        "Lena Fox ran research at Hexa Robotics for years until she quit in 2023.",
        "2024-05-02",
        [{"kind": "left", "person": "Lena Fox", "org": "Hexa Robotics", "date": "2023"}],
        [],
        id="workplace-earlier-in-the-sentence"),
    pytest.param(
        "Maria Olsen rejoined Google in April after four years at Microsoft.",
        "2024-05-02",
        [{"kind": "joined", "person": "Maria Olsen", "org": "Google", "from_org": "Microsoft"},
         {"kind": "left", "person": "Maria Olsen", "org": "Microsoft", "to_org": "Google"}],
        [],
        id="arrival-after-a-stretch-elsewhere"),
    pytest.param(
        "Nvidia reorganized its robotics unit after the exits of its two directors, Rafael Moreno and Dana Whitfield.",
        "2024-05-02",
        [{"kind": "left", "person": "Rafael Moreno", "org": "Nvidia"},
         {"kind": "left", "person": "Dana Whitfield", "org": "Nvidia"}],
        [],
        id="names-listed-after-a-common-noun"),
    pytest.param(
        "The brothers Marco and Luca Bellini left Stripe in 2021.",
        "2024-05-02",
        [{"kind": "left", "person": "Marco Bellini", "org": "Stripe"},
         {"kind": "left", "person": "Luca Bellini", "org": "Stripe"}],
        [],
        id="coordinated-given-names-share-the-surname"),
    pytest.param(
        "Oren Katz is back at Microsoft. Katz's next stop had been Amazon.",
        "2024-05-02",
        [{"kind": "joined", "person": "Oren Katz", "org": "Microsoft"}],
        [],
        id="back-at"),
    pytest.param(
        "Yuki Tanaka ran product at Stripe. Tanaka's next stop is Salesforce.",
        "2024-05-02",
        [{"kind": "joined", "person": "Yuki Tanaka", "org": "Salesforce"}],
        [],
        id="next-stop"),
    pytest.param(
        "Sarah Collins and Omar Haddad, who left Microsoft in 2020 to start Lumen AI, are going back to their old employer.",
        "2024-05-02",
        [{"kind": "joined", "person": "Sarah Collins", "org": "Microsoft"},
         {"kind": "joined", "person": "Omar Haddad", "org": "Microsoft"}],
        [],
        id="back-to-the-old-employer"),
    pytest.param(
        "Ravi Menon, Stripe's chief executive, was ousted on Friday. Menon was reinstated on Tuesday.",
        "2024-05-02",
        [{"kind": "joined", "person": "Ravi Menon", "org": "Stripe"}],
        [],
        id="reinstated-at-the-known-employer"),
    pytest.param(
        "Ravi Menon, Stripe's chief executive, met regulators. Menon said he would return the documents.",
        "2024-05-02",
        [],
        [{"kind": "joined", "person": "Ravi Menon"}],
        id="returning-a-thing-is-no-return"),
    pytest.param(
        "Corvid Systems is reshaping its leadership. Priya Nair will leave the board of Corvid Systems in June. "
        "Ben Hale stepped off the board in 2021. Mia Lund joined the board in March.",
        "2024-05-02",
        [{"kind": "left", "person": "Priya Nair", "org": "Corvid Systems", "role": "board member"},
         {"kind": "left", "person": "Ben Hale", "org": "Corvid Systems", "role": "board member", "date": "2021"},
         {"kind": "joined", "person": "Mia Lund", "org": "Corvid Systems", "role": "board member"}],
        [],
        id="joining-or-leaving-the-board-is-a-move-as-board-member"),
    pytest.param(
        "Corvid Systems changed its board. Priya Nair is stepping down from the board. So is Mia Lund, the "
        "company's chief engineer. Ben Hale is leaving the board as well. So is Tom Ekberg.",
        "2024-05-02",
        [{"kind": "left", "person": "Priya Nair", "org": "Corvid Systems", "role": "board member"},
         {"kind": "left", "person": "Tom Ekberg", "org": "Corvid Systems", "role": "board member"}],
        [{"kind": "left", "person": "Mia Lund"}],
        id="so-is-repeats-the-move-but-staff-keep-their-jobs"),
    pytest.param(
        "Corvid Systems makes warehouse robots. Priya Nair, the chief operating officer, and Ben Hale, a vice "
        "president of sales, left last week. Karl Ostrow, a longtime customer, left the meeting early.",
        "2024-05-02",
        [{"kind": "left", "person": "Priya Nair", "org": "Corvid Systems"},
         {"kind": "left", "person": "Ben Hale", "org": "Corvid Systems"}],
        [{"kind": "left", "person": "Karl Ostrow"}],
        id="bare-departure-with-an-org-less-title-is-from-the-main-company"),
    pytest.param(
        "Corvid Systems was started by Priya Nair in 2016. Ben Hale, a fellow co-founder, went to Nimbus AI "
        "in 2022. Lea Moss will become executive vice president of engineering.",
        "2024-05-02",
        [{"kind": "left", "person": "Ben Hale", "org": "Corvid Systems", "to_org": "Nimbus AI"},
         {"kind": "joined", "person": "Ben Hale", "org": "Nimbus AI", "from_org": "Corvid Systems"},
         {"kind": "joined", "person": "Lea Moss", "org": "Corvid Systems"}],
        [],
        id="a-founder-going-elsewhere-leaves-and-a-future-post-is-at-the-main-company"),
    pytest.param(
        "Corvid Systems named Priya Nair interim chief executive on Monday. Nair, the Vela co-founder who was "
        "named interim chief executive, will hand the job back to Ben Hale. For Nimbus AI, hiring Hale is a win.",
        "2024-05-02",
        [{"kind": "left", "person": "Priya Nair", "org": "Corvid Systems"},
         {"kind": "joined", "person": "Ben Hale", "org": "Nimbus AI"}],
        [{"kind": "joined", "person": "Priya Nair", "org": "Vela"},
         {"kind": "joined", "person": "Ben Hale", "org": "Corvid Systems"}],
        id="handing-the-job-back-and-a-fronted-hirer"),
]


@pytest.mark.parametrize("text,published,must,must_not", CASES)
def test_departure_article(rules_extractor, text, published, must, must_not):
    assert_article(rules_extractor, text, published, must, must_not)


def test_the_reporting_company_is_the_one_left(rules_extractor):
    from tests.extraction.golden import assert_article
    assert_article(rules_extractor, "Apple has lured John Giannandrea. Apple confirmed on Tuesday that Giannandrea "
                   "will run its AI strategy. The news came a day after Google told employees that Giannandrea was "
                   "stepping down.", "2018-04-04",
                   must=[{"kind": "left", "person": "John Giannandrea", "org": "Google"}],
                   must_not=[{"kind": "left", "person": "John Giannandrea", "org": "Apple"}])
