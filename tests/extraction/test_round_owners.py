"""Whose round it is: a funding headline's company, never a dateline, never a person's employer
named in an investor list, and nobody when the text has not named the owner yet."""
from __future__ import annotations

from exodus.extraction.round_owners import dateline_span, headline_round_owners, person_affiliation
from exodus.schema import Document


def _invested(extractor, text: str, title: str | None = None, published: str = "2025-03-12") -> set[tuple[str, str]]:
    facts = extractor.extract(Document(id="t", text=text, published=published, title=title))
    return {(f.investor, f.investee) for f in facts if f.kind == "invested"}


def test_headline_names_the_company_that_raised():
    assert headline_round_owners("Norway's Fjordmind raises $80 million") == ["Fjordmind"]
    assert headline_round_owners("Veltrix, a chip design startup, lands $45 million Series A") == ["Veltrix"]
    assert headline_round_owners("Opinion: Veltrix's $45 million question") == ["Veltrix"]
    assert headline_round_owners("Veltrix hires a new chief scientist") == []


def test_dateline_is_a_place():
    text = "OSLO, Norway, March 12 — Fjordmind said it raised money."
    start, end = dateline_span(text)
    assert text[start:end] == "OSLO"
    assert dateline_span("Fjordmind said it raised money.") is None


def test_person_affiliation_in_a_list():
    text = "Ana Ruiz, Dropbox and Stripe alumna Mei Tan and Greylock Partners also invested."
    assert person_affiliation(text, text.index("Dropbox") + len("Dropbox"))
    assert person_affiliation(text, text.index("Stripe") + len("Stripe"))
    assert not person_affiliation(text, text.index("Partners") + len("Partners"))


def test_dateline_is_never_the_round_owner(rules_extractor):
    text = ("TRONDHEIM, Norway, March 12 — Fjordmind Maritime, a developer of autonomous ship software, said on "
            "Wednesday it had secured $80 million in a Series B financing.\n\n"
            "The money comes from Index Ventures, Balderton Capital and Accel, the company said.")
    got = _invested(rules_extractor, text, title="Norway's Fjordmind Maritime raises $80 million")
    assert ("Index Ventures", "Fjordmind Maritime") in got or ("Northzone", "Fjordmind Maritime") in got
    assert not any(investee == "TRONDHEIM" for _, investee in got)


def test_people_with_companies_in_an_investor_list_make_no_investors(rules_extractor):
    text = ("Veltrix Systems said it has raised $30 million. Ana Ruiz, Dropbox and Stripe alumna Mei Tan and "
            "the Omidyar Network also put money in, the company said.")
    got = _invested(rules_extractor, text)
    assert not any(investor in ("Dropbox", "Stripe") for investor, _ in got)


def test_round_includes_investments_from_a_list(rules_extractor):
    text = ("Veltrix Systems announced that it has raised $90 million in Series C funding. The round includes "
            "investments from Samsung Next, Lightspeed Venture Partners, Intel Capital and General Catalyst.")
    got = _invested(rules_extractor, text, title="Veltrix Systems raises $90 million Series C")
    assert {("Samsung Next", "Veltrix Systems"), ("Intel Capital", "Veltrix Systems"),
            ("General Catalyst", "Veltrix Systems")} <= got


def test_no_owner_guessed_for_a_round_whose_company_is_unnamed(rules_extractor):
    text = ("The Berlin lab said on Tuesday that it has closed a $60 million round led by Lakestar. "
            "Earlier this year, Mistral AI showed off its new model.")
    got = _invested(rules_extractor, text, title="Weekly notes: a Berlin lab's round and the Mistral AI playbook")
    assert ("Lakestar", "Mistral AI") not in got


def test_dateline_end():
    from exodus.extraction.round_owners import dateline_end
    for text, rest in [("SEATTLE (Exodus Wire) - Amazon will invest", "Amazon will invest"),
                       ("MOUNTAIN VIEW, Calif., Aug 6 — Groq, a startup", "Groq, a startup"),
                       ("LONDON — Emad Mostaque has", "Emad Mostaque has"),
                       ("Groq raised money", "Groq raised money")]:
        assert text[dateline_end(text):] == rest
