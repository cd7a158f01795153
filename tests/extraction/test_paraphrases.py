"""Funding and founding news as other newsrooms phrase it, about a startup the NER does not know."""
from __future__ import annotations

import pytest

from exodus.schema import Document


def _facts(extractor, text: str, kind: str) -> set[tuple[str, str]]:
    facts = extractor.extract(Document(id="t", text=text, published="2025-03-01"))
    if kind == "invested":
        return {(f.investor, f.investee) for f in facts if f.kind == "invested"}
    return {(f.person, f.org) for f in facts if f.kind == kind}


@pytest.mark.parametrize("text, expected", [
    ("Quillon raised $120 million from Kleiner Perkins, Thomvest Ventures and Schroders Capital.",
     {("Kleiner Perkins", "Quillon"), ("Thomvest Ventures", "Quillon"), ("Schroders Capital", "Quillon")}),
    ("Quillon is backed by Thomvest Ventures, Mirae Asset and Schroders Capital.",
     {("Thomvest Ventures", "Quillon"), ("Mirae Asset", "Quillon"), ("Schroders Capital", "Quillon")}),
    ("Quillon secured $25 million from Thomvest Ventures.", {("Thomvest Ventures", "Quillon")}),
    ("Quillon raised $60 million in a round co-led by Thomvest Ventures and Mirae Asset.",
     {("Thomvest Ventures", "Quillon"), ("Mirae Asset", "Quillon")}),
    ("Quillon has raised $30 million in a Series A round led by Accel, with participation from "
     "Thomvest Ventures and Schroders Capital.",
     {("Accel", "Quillon"), ("Thomvest Ventures", "Quillon"), ("Schroders Capital", "Quillon")}),
    ("Quillon raised $200 million in Series C funding from investors including Thomvest Ventures, Mirae Asset, "
     "Schroders Capital, Bossa Invest, Valor Equity Partners and Kleiner Perkins.",
     {("Thomvest Ventures", "Quillon"), ("Mirae Asset", "Quillon"), ("Schroders Capital", "Quillon"),
      ("Valor Equity Partners", "Quillon"), ("Kleiner Perkins", "Quillon")}),
    ("Quillon raised $50 million. Other backers are Thomvest Ventures, Mirae Asset and Schroders Capital.",
     {("Thomvest Ventures", "Quillon"), ("Mirae Asset", "Quillon"), ("Schroders Capital", "Quillon")}),
    ("Quillon closed a $75 million round on Monday. Nvidia joined the round.", {("Nvidia", "Quillon")}),
])
def test_investors_of_a_startup_the_ner_missed(rules_extractor, text, expected):
    assert expected <= _facts(rules_extractor, text, "invested")


@pytest.mark.parametrize("text, expected", [
    ("Aravind Srinivas and Jiahui Yu started Quillon in 2022.",
     {("Aravind Srinivas", "Quillon"), ("Jiahui Yu", "Quillon")}),
    ("Quillon was set up by Jiahui Yu, a former Google researcher.", {("Jiahui Yu", "Quillon")}),
    ("Quillon was founded by Aravind Srinivas, Jiahui Yu and Clément Delangue.",
     {("Aravind Srinivas", "Quillon"), ("Jiahui Yu", "Quillon"), ("Clément Delangue", "Quillon")}),
    ("Quillon co-founder Jiahui Yu said the model would ship in June.", {("Jiahui Yu", "Quillon")}),
])
def test_founders_of_a_startup_the_ner_missed(rules_extractor, text, expected):
    assert expected <= _facts(rules_extractor, text, "founded")


@pytest.mark.parametrize("text", [
    "Quillon is in talks to raise money from Thomvest Ventures, people familiar with the matter said.",
    "Thomvest Ventures denied that it had invested in Quillon.",
    "Quillon's customers include Mirae Asset and Schroders Capital.",
    "Quillon announced a partnership with Thomvest Ventures.",
    "Microsoft acquired Quillon for $500 million.",
    "Quillon is reportedly seeking funding from Nvidia.",
    "Nvidia could invest in Quillon, according to sources.",
    "Quillon signed a deal with Microsoft to use its Azure cloud.",
])
def test_rumours_customers_and_deals_are_no_investment(rules_extractor, text):
    assert _facts(rules_extractor, text, "invested") == set()


def test_a_person_who_raised_money_stays_a_person(rules_extractor):
    text = "Jiahui Yu raised $5 million from Thomvest Ventures for Quillon."
    facts = rules_extractor.extract(Document(id="t", text=text, published="2025-03-01"))
    assert not any(f.kind == "invested" and f.investee == "Jiahui Yu" for f in facts)
