"""People named in full only where the parser never looks, and plural subjects ("Both left ..."):
the names the model is offered."""
from __future__ import annotations

import pytest

from exodus.extraction.candidates import propose_candidates
from exodus.extraction.learned import ModelExtractor
from exodus.extraction.mentions import ORG, PERSON
from exodus.schema import Document

# The first sentence has no word of moving, founding, titles or money, and the one after it
# neither, so it is not parsed; the later ones name the person only by surname.
FEATURE = (
    "Ingrid Valcourt grew up on a farm near Lyon and studied chemistry in Paris. Her father sold tractors.\n\n"
    "Novaris said on Tuesday that Valcourt, 49, who runs its consumer business, would succeed Pieter Amsel "
    "as chief executive on April 1. Amsel retires at the end of March after nine years in the job.\n\n"
    "Valcourt joined Novaris in 2011 from Lorimar Foods."
)

PAIR = ("Kaveh Rostami and Lena Okafor spent six years at Helix Robotics. Both left Helix Robotics in March "
        "to start Quillon, a chip startup.")


@pytest.fixture(scope="module")
def extractor() -> ModelExtractor:
    return ModelExtractor()


def analysis_of(extractor: ModelExtractor, text: str, published: str = "2024-05-07"):
    document = Document(id="t", text=text, published=published)
    [(_, analysis)] = list(extractor.analyses([document]))
    return analysis


def test_a_surname_is_the_person_named_in_full_in_a_sentence_not_parsed(extractor):
    analysis = analysis_of(extractor, FEATURE)
    parsed_text = " ".join(s.span.text for s in analysis.sentences)
    assert "Ingrid Valcourt" not in parsed_text  # the full name stands only outside the parsed sentences
    people = {m.name for s in analysis.sentences for m in s.of_kind(PERSON)}
    orgs = {m.name for s in analysis.sentences for m in s.of_kind(ORG) if m.mention.certain}
    assert "Ingrid Valcourt" in people
    assert "Valcourt" not in people | orgs
    facts = extractor.extract(Document(id="t", text=FEATURE, published="2024-05-07"))
    assert any(f.kind == "joined" and f.person == "Ingrid Valcourt" and f.org == "Novaris" for f in facts)


@pytest.mark.parametrize("before", ["Chief Executive", "Senator", "March", "About"])
def test_words_before_a_surname_that_are_no_given_name_make_no_person(extractor, before):
    text = (f"{before} Valcourt spoke at the opening of a new plant in Basel last month.\n\n"
            "Valcourt, 49, who runs the consumer business, would succeed Pieter Amsel as chief executive "
            "of Novaris on April 1.")
    people = {m.name for s in analysis_of(extractor, text).sentences for m in s.of_kind(PERSON)}
    assert not any(name.endswith(" Valcourt") for name in people), people


def test_a_plural_subject_offers_each_person_of_the_sentence_before(extractor):
    analysis = analysis_of(extractor, PAIR)
    second = analysis.sentences[1]
    offered = {(c.first.name, c.second.name) for c in propose_candidates(analysis)
               if c.kind == "left" and c.sentence.index == second.index}
    assert {("Kaveh Rostami", "Helix Robotics"), ("Lena Okafor", "Helix Robotics")} <= offered


def test_each_reading_of_a_plural_subject_is_its_own_slot(extractor):
    analysis = analysis_of(extractor, PAIR)
    slots = {c.slot() for c in propose_candidates(analysis) if c.kind == "left" and c.sentence.index == 1
             and c.first.source == "plural" and c.second.name == "Helix Robotics"}
    assert len(slots) == 2
