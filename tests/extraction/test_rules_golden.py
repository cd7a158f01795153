"""Golden tests of the rules extractor on short articles written for these tests.

Each case is an article with the facts it must yield and the facts it must not
yield, compared on the scorer's key (kind and names) plus the attributes given.
"""
from __future__ import annotations

import pytest

from tests.extraction.golden import assert_article

CASES = [
    pytest.param(
        "Nadia Perez ran the interpretability team at Anthropic for two years. Tom Ueda, who led the hardware "
        "team until Anthropic shut it down in 2023, now advises startups. On Friday Anthropic said the interpretability "
        "team no longer exists as a separate unit.",
        "2024-03-04",
        [{"kind": "group_event", "org": "Anthropic", "group": "hardware team", "action": "disbanded"},
         {"kind": "group_event", "org": "Anthropic", "group": "interpretability team", "action": "disbanded"}],
        [],
        id="it-is-the-group-of-its-own-sentence-and-no-longer-exists-is-disbanded"),
    pytest.param(
        "Helix Bank settled the claims. The four outside directors are Ruth Amos, Omar Haddad, Lena Fisk "
        "and Anna Berg. Its chairman, Tom Reed, was returning from Singapore when the news broke.",
        "2024-02-01",
        [{"kind": "member", "person": "Ruth Amos", "org": "Helix Bank", "group": "board"},
         {"kind": "member", "person": "Anna Berg", "org": "Helix Bank", "group": "board"}],
        [{"kind": "joined", "person": "Tom Reed"}],
        id="outside-directors-sit-on-the-board-and-returning-from-a-trip-is-no-move"),
    pytest.param(
        "Lumen Pictures produced the festival's opening film. Celebrated Korean directors including Park Min-jun "
        "have shot features at its studio. The firm said its two animation groups would be combined into a "
        "single unit next year.",
        "2024-02-01",
        [],
        [{"kind": "member", "person": "Park Min-jun"}, {"kind": "group_event", "org": "Lumen Pictures"}],
        id="film-directors-and-an-unnamed-unit-are-no-board-or-group"),
    pytest.param(
        "Lumen Robotics said its board had grown. The directors now include Hana Sato, a former Sony executive.",
        "2024-02-01",
        [{"kind": "member", "person": "Hana Sato", "org": "Lumen Robotics", "group": "board"}],
        [],
        id="directors-with-a-board-in-view-are-board-members"),
    pytest.param(
        "Jane Roe, a veteran of DeepMind, has joined Anthropic as head of interpretability, the company said "
        "on Monday. Roe left Google DeepMind last month after six years.",
        "2024-06-12",
        [{"kind": "joined", "person": "Jane Roe", "org": "Anthropic", "date": "2024-06-10"},
         {"kind": "left", "person": "Jane Roe", "org": "Google DeepMind", "date": "2024-05"}],
        [],
        id="joined-and-left-with-relative-dates"),
    pytest.param(
        "OpenAI is in talks to hire Mark Doe, according to people familiar with the matter. "
        "A spokesperson for Meta denied reports that Doe would leave. Doe did not respond.",
        "2024-03-01",
        [],
        [{"kind": "joined", "person": "Mark Doe", "org": "OpenAI"}, {"kind": "left", "person": "Mark Doe"}],
        id="rumors-and-denials-are-not-facts"),
    pytest.param(
        "Acme Robotics fired its chief executive, Paul Vance, on Friday. The board said he had not been candid.",
        "2023-11-20",
        [{"kind": "left", "person": "Paul Vance", "org": "Acme Robotics", "reasons": ["dismissed"],
          "date": "2023-11-17"}],
        [],
        id="fired-is-dismissed"),
    pytest.param(
        "Sutskever co-founded Safe Superintelligence with Daniel Gross and Daniel Levy in June 2024. "
        "Ilya Sutskever had left OpenAI in May.",
        "2024-07-01",
        [{"kind": "founded", "person": "Ilya Sutskever", "org": "Safe Superintelligence", "date": "2024-06"},
         {"kind": "founded", "person": "Daniel Gross", "org": "Safe Superintelligence"},
         {"kind": "founded", "person": "Daniel Levy", "org": "Safe Superintelligence"},
         {"kind": "left", "person": "Ilya Sutskever", "org": "OpenAI", "date": "2024-05"}],
        [],
        id="co-founders-in-a-with-phrase"),
    pytest.param(
        "Nimbus AI said it had raised $300 million in a round led by Sequoia Capital. "
        "Index Ventures and Lightspeed also took part in the round.",
        "2025-02-03",
        [{"kind": "invested", "investor": "Sequoia Capital", "investee": "Nimbus AI"},
         {"kind": "invested", "investor": "Index Ventures", "investee": "Nimbus AI"},
         {"kind": "invested", "investor": "Lightspeed Venture Partners", "investee": "Nimbus AI"}],
        [],
        id="round-leader-and-participants"),
    pytest.param(
        "Microsoft will invest £600m in Quanta Labs, the startup said. Quanta, founded in 2022, builds chips.",
        "2024-09-09",
        [{"kind": "invested", "investor": "Microsoft", "investee": "Quanta Labs",
          "amount": {"value": 600000000, "currency": "GBP"}},
         {"kind": "founded", "person": None, "org": "Quanta Labs", "date": "2022"}],
        [],
        id="money-in-pounds-and-a-founding-year"),
    pytest.param(
        "OpenAI has set up a new safety council led by Zico Kolter and Nicole Seligman. "
        "In May, the company disbanded its Superalignment team.",
        "2024-09-20",
        [{"kind": "group_event", "org": "OpenAI", "group": "safety council", "action": "formed"},
         {"kind": "member", "person": "Zico Kolter", "group": "safety council"},
         {"kind": "member", "person": "Nicole Seligman", "group": "safety council"},
         {"kind": "group_event", "org": "OpenAI", "group": "Superalignment team", "action": "disbanded",
          "date": "2024-05"}],
        [],
        id="groups-formed-disbanded-and-their-members"),
    pytest.param(
        "Greg Brockman is taking a sabbatical from OpenAI through the end of the year, he said on Monday.",
        "2024-08-06",
        [],
        [{"kind": "left", "person": "Greg Brockman", "org": "OpenAI"}],
        id="a-sabbatical-is-not-a-departure"),
]


@pytest.mark.parametrize("text,published,must,must_not", CASES)
def test_golden_article(rules_extractor, text, published, must, must_not):
    assert_article(rules_extractor, text, published, must, must_not)
