"""Investors that ride along with an investment read in the same sentence, money 'from' backers,
'put money in/into', and names the parser misreads."""
from __future__ import annotations

from exodus.schema import Document


def _facts(extractor, text: str, published: str = "2025-02-10"):
    return extractor.extract(Document(id="t", text=text, published=published))


def _invested(extractor, text: str) -> set[tuple[str, str]]:
    return {(f.investor, f.investee) for f in _facts(extractor, text) if f.kind == "invested"}


def test_put_money_into_is_an_investment(rules_extractor):
    got = _invested(rules_extractor, "Oracle has put $40 million into Quantoria Labs, the robotics start-up.")
    assert ("Oracle", "Quantoria Labs") in got


def test_all_put_money_in_as_did_another_investor(rules_extractor):
    text = ("Quantoria Labs raised $500 million in a new round. Google, Samsung and Intel all put money in, "
            "as did Spark Capital.")
    got = _invested(rules_extractor, text)
    assert {("Google", "Quantoria Labs"), ("Intel", "Quantoria Labs"), ("Spark Capital", "Quantoria Labs")} <= got


def test_participants_joined_by_more_investors(rules_extractor):
    text = ("Quantoria Labs has raised $80 million in Series B funding. Nvidia and Oracle participated as strategic "
            "investors, joined by Index Ventures and Lux Capital.")
    got = _invested(rules_extractor, text)
    assert {("Index Ventures", "Quantoria Labs"), ("Lux Capital", "Quantoria Labs")} <= got


def test_money_from_a_group_of_donors_that_includes(rules_extractor):
    text = ("The Center for Open Models, a new research group, opened on Monday with $5 million from a group of "
            "donors that includes the Ford Foundation, the Knight Foundation and Schmidt Futures.")
    got = _invested(rules_extractor, text)
    assert {("Ford Foundation", "Center for Open Models"), ("Schmidt Futures", "Center for Open Models")} <= got


def test_a_companion_without_an_investment_is_no_investor(rules_extractor):
    text = "Quantoria Labs sells its robots alongside Siemens and works with Samsung on chips."
    assert not _invested(rules_extractor, text)


def test_a_name_read_as_a_verb_is_the_founded_company(rules_extractor):
    facts = _facts(rules_extractor, "Lina Ortiz and Tom Reyes started Hugging Face in 2016 as a chatbot app.")
    got = {(f.person, f.org) for f in facts if f.kind == "founded"}
    assert {("Lina Ortiz", "Hugging Face"), ("Tom Reyes", "Hugging Face")} <= got


def test_a_group_noun_with_its_name_in_apposition_is_that_name(rules_extractor):
    text = ("Dana Wills left Anthropic last year. Wills, who earlier co-founded the advocacy group Women in "
            "Robotics, now teaches.")
    facts = _facts(rules_extractor, text)
    got = {(f.person, f.org) for f in facts if f.kind == "founded"}
    assert ("Dana Wills", "Women in Robotics") in got
    assert ("Dana Wills", "Anthropic") not in got
