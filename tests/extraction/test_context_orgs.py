"""Organizations a sentence means without naming them ("He will step down in May", "takes over
as chief executive"): besides the one in view and the most named one, those named in the two
sentences before, the first one the article names, and its second most named one."""
from __future__ import annotations

import pytest

from exodus.extraction.candidates import propose_candidates
from exodus.extraction.learned import ModelExtractor
from exodus.schema import Document


@pytest.fixture(scope="module")
def extractor() -> ModelExtractor:
    return ModelExtractor()


def analysis_of(extractor: ModelExtractor, text: str):
    [(_, analysis)] = list(extractor.analyses([Document(id="t", text=text, published="2024-05-07")]))
    return analysis


def offered(analysis, person: str, kind: str) -> dict[str, set[str]]:
    """Organization -> where each context reading of it came from, for the person's candidates."""
    out: dict[str, set[str]] = {}
    for c in propose_candidates(analysis):
        if c.kind == kind and c.first is not None and c.first.name == person and c.second is not None:
            out.setdefault(c.second.name, set()).add(c.second.source)
    return out


# The subject company is named first and once; another company is named more often after it.
SUBJECT_FIRST = [
    ("Halvorsen Marine Inc. said on Monday that its chief executive would retire. Analysts at Brookfield Partners "
     "said the move was expected. Brookfield Partners had urged a change, and Brookfield Partners owns a stake. "
     "Ragnhild Berg will step down in May.", "Ragnhild Berg", "left", "Halvorsen Marine"),
    ("Tanaka Precision Inc. announced a reshuffle on Friday. Analysts at Mizuho Securities called it overdue, and "
     "Mizuho Securities raised its price target. Mizuho Securities expects more changes. "
     "Kenji Watanabe-Hall takes over as chief executive on April 1.", "Kenji Watanabe-Hall", "joined",
     "Tanaka Precision"),
]


@pytest.mark.parametrize("text,person,kind,subject", SUBJECT_FIRST)
def test_the_first_organization_of_the_article_is_offered(extractor, text, person, kind, subject):
    analysis = analysis_of(extractor, text)
    assert analysis.lead_org == subject
    assert analysis.org_ranking[0] != subject  # neither the most named one
    assert "context:lead" in offered(analysis, person, kind)[subject]


def test_an_organization_named_two_sentences_before_is_offered(extractor):
    text = ("The board of Corvane Systems met on Sunday in Oslo. It was a long meeting, and directors argued late "
            "into the night about pay. Oluwaseun Adeyemi-Clarke will step down as chief financial officer.")
    analysis = analysis_of(extractor, text)
    readings = offered(analysis, "Oluwaseun Adeyemi-Clarke", "left")
    assert "Corvane Systems" in readings


def test_the_second_most_named_organization_is_offered(extractor):
    text = ("Lindqvist Bank and Aurelio Insurance agreed to merge on Monday. Lindqvist Bank will own 60 percent of "
            "the new company, and Lindqvist Bank shareholders will vote in June. Aurelio Insurance staff were told "
            "on Monday. Beatriz Carvalho-Nunes, the finance chief, will leave after the deal closes.")
    analysis = analysis_of(extractor, text)
    assert analysis.org_ranking[:2] == ["Lindqvist Bank", "Aurelio Insurance"]
    readings = offered(analysis, "Beatriz Carvalho-Nunes", "left")
    assert {"Lindqvist Bank", "Aurelio Insurance"} <= set(readings)


def test_context_readings_of_one_person_share_one_slot(extractor):
    text, person, kind, _ = SUBJECT_FIRST[0]
    analysis = analysis_of(extractor, text)
    slots = {c.slot() for c in propose_candidates(analysis) if c.kind == kind and c.first is not None
             and c.first.name == person and c.second is not None and c.second.source.startswith("context")}
    assert len(slots) == 1


def test_beside_the_right_reading_of_a_slot_a_near_namesake_is_a_counter_example(extractor):
    """The gold names Halvorsen Marine; the reading "Halvorsen Marine Services" of the same slot
    shares a word with it, which alone would leave it out of training (it may be the gold's name
    written another way). Beside the right reading it is a counter-example."""
    from exodus.evaluation import NameAliases
    from exodus.extraction.labels import NEGATIVE, POSITIVE, label_candidates

    text = ("Halvorsen Marine Inc. said on Monday that its chief executive would retire. Halvorsen Marine Services, "
            "its repair unit, was sold last year to Brookfield Partners. Brookfield Partners had urged a change. "
            "Ragnhild Berg will step down in May.")
    analysis = analysis_of(extractor, text)
    candidates = propose_candidates(analysis)
    gold = [{"kind": "left", "person": "Ragnhild Berg", "org": "Halvorsen Marine",
             "evidence": "Ragnhild Berg will step down in May."}]
    labels = label_candidates(candidates, gold, text, NameAliases.from_file())
    readings = {c.second.name: label for c, label in zip(candidates, labels)
                if c.kind == "left" and c.first is not None and c.first.name == "Ragnhild Berg"
                and c.second is not None and c.second.source.startswith("context")}
    assert readings.get("Halvorsen Marine") == POSITIVE
    namesakes = {name: label for name, label in readings.items() if name.startswith("Halvorsen Marine ")}
    assert namesakes and all(label == NEGATIVE for label in namesakes.values()), readings
