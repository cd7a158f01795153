"""Investors named in lists around a funding round, without an invest verb of their own."""
from __future__ import annotations

import pytest

from exodus.schema import Document


def _invested(extractor, text: str, published: str = "2025-02-10") -> set[tuple[str, str]]:
    facts = extractor.extract(Document(id="t", text=text, published=published))
    return {(f.investor, f.investee) for f in facts if f.kind == "invested"}


def test_untagged_names_in_a_list_of_organizations_are_investors(rules_extractor):
    text = ("Quantoria Labs has raised $300 million in a Series B round. Sequoia Capital led the round. "
            "Nvidia, Accel, ServiceNow, Cisco and AMD also took part.")
    got = _invested(rules_extractor, text)
    assert {("Accel", "Quantoria Labs"), ("Cisco", "Quantoria Labs"), ("AMD", "Quantoria Labs")} <= got


def test_round_participants_that_also_joined(rules_extractor):
    text = ("Quantoria Labs said on Monday it had raised $900 million in new funding. Thrive Capital led the round. "
            "Khosla Ventures, Altimeter Capital and Fidelity also joined.")
    got = _invested(rules_extractor, text)
    assert {("Khosla Ventures", "Quantoria Labs"), ("Altimeter Capital", "Quantoria Labs"),
            ("Fidelity", "Quantoria Labs")} <= got


def test_round_co_led_by_a_participle(rules_extractor):
    text = "Quantoria Labs builds robots. The startup raised a $120 million Series A round in May, co-led by Index Ventures and Lux Capital."
    got = _invested(rules_extractor, text)
    assert {("Index Ventures", "Quantoria Labs"), ("Lux Capital", "Quantoria Labs")} <= got


def test_participants_named_with_among(rules_extractor):
    text = ("Quantoria Labs closed a $2 billion funding round, led by Greenoaks Capital, with Microsoft and Samsung "
            "among the participants.")
    got = _invested(rules_extractor, text)
    assert {("Greenoaks", "Quantoria Labs"), ("Microsoft", "Quantoria Labs"),
            ("Samsung", "Quantoria Labs")} <= got


def test_money_that_comes_from_a_list(rules_extractor):
    text = ("Quantoria Labs has raised $50 million to build safer models. "
            "The money comes from Index Ventures, Lux Capital and Radical Ventures.")
    got = _invested(rules_extractor, text)
    assert {("Index Ventures", "Quantoria Labs"), ("Lux Capital", "Quantoria Labs"),
            ("Radical Ventures", "Quantoria Labs")} <= got


def test_people_who_come_from_other_labs_are_no_investment(rules_extractor):
    text = ("Quantoria Labs has hired forty researchers this year. Most came from Google; the rest came from "
            "Anthropic, Nvidia and Cohere.")
    assert _invested(rules_extractor, text) == set()


def test_investors_include_a_broken_list(rules_extractor):
    text = ("Quantoria Labs announced a €80m seed round. Other investors include Bpifrance, the French state "
            "investment bank, former Google chief executive Eric Schmidt, and a set of funds including "
            "La Famiglia, Headline and Sofina.")
    got = _invested(rules_extractor, text)
    assert {("Bpifrance", "Quantoria Labs"), ("La Famiglia", "Quantoria Labs"), ("Headline", "Quantoria Labs"),
            ("Sofina", "Quantoria Labs")} <= got
    assert ("Google", "Quantoria Labs") not in got


def test_investment_in_phrase_hung_on_a_modifier(rules_extractor):
    text = ("Oracle confirmed on Friday that it is making a new investment, worth $2 billion, in Mistral AI, "
            "the Paris lab.")
    assert ("Oracle", "Mistral AI") in _invested(rules_extractor, text)


@pytest.mark.parametrize("text", [
    "Quantoria Labs raised $40 million last year. Apple, which had been in talks to join the round, did not invest.",
    "Quantoria Labs raised $40 million last year. Microsoft and Google joined with it to build a new data centre.",
])
def test_no_participation_without_a_round_part(rules_extractor, text):
    got = _invested(rules_extractor, text)
    assert ("Apple", "Quantoria Labs") not in got and ("Google", "Quantoria Labs") not in got
