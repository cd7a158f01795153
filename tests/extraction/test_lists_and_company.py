"""A title set before a list of names, people who go "along with" someone, and a one-letter name
that ends a sentence. Articles written for these tests."""
from __future__ import annotations

import pytest

from exodus.extraction.sentences import split_sentences
from tests.extraction.golden import assert_article

CASES = [
    pytest.param(
        "Nimbus AI lost its chief executive this week. Four senior engineers, Maria Lopez, Tom Becker "
        "and Anna Kowalski, also resigned on Monday.",
        "2024-05-02",
        [{"kind": "left", "person": "Maria Lopez", "org": "Nimbus AI"},
         {"kind": "left", "person": "Tom Becker", "org": "Nimbus AI"},
         {"kind": "left", "person": "Anna Kowalski", "org": "Nimbus AI"}],
        [],
        id="list-title-covers-every-name"),
    pytest.param(
        "Maria Lopez left Google in March together with Tom Becker, a fellow engineer.",
        "2024-05-02",
        [{"kind": "left", "person": "Maria Lopez", "org": "Google"},
         {"kind": "left", "person": "Tom Becker", "org": "Google"}],
        [],
        id="together-with-a-person"),
    pytest.param(
        "Nimbus AI had a hard month. In March the company fired Maria Lopez, a senior researcher, "
        "along with Tom Becker, over a leak.",
        "2024-05-02",
        [{"kind": "left", "person": "Tom Becker", "org": "Nimbus AI"}],
        [],
        id="along-with-the-object"),
    pytest.param(
        "Maria Lopez left Google in March along with the rest of her savings.",
        "2024-05-02",
        [{"kind": "left", "person": "Maria Lopez", "org": "Google"}],
        [{"kind": "left", "person": "Tom Becker"}],
        id="along-with-no-person"),
]


@pytest.mark.parametrize("text,published,must,must_not", CASES)
def test_lists_and_company(rules_extractor, text, published, must, must_not):
    assert_article(rules_extractor, text, published, must, must_not)


def test_one_letter_name_ends_a_sentence():
    text = "The bot posted the clip on X. Maria Lopez, its editor, quit. John F. Kennedy spoke. He joined J. P. Morgan."
    pieces = [text[s.start:s.end] for s in split_sentences(text)]
    assert pieces == ["The bot posted the clip on X.", "Maria Lopez, its editor, quit.", "John F. Kennedy spoke.",
                      "He joined J. P. Morgan."]


def test_one_letter_name_ends_a_parsed_sentence(rules_extractor):
    doc = rules_extractor.nlp("The bot posted the clip on X. Maria Lopez, its editor, quit.")
    assert len(list(doc.sents)) == 2
