"""A departure's reasons come from the sentence that states it, not from the sentences around it."""
from __future__ import annotations

import pytest

from exodus.extraction.base import get_extractor
from exodus.schema import Document

TEXT = ("Ada Quill, one of Lumen's co-founders, said on Tuesday that she is joining Anthropic. She left "
        "OpenAI in 2019 for Google, where she worked on speech recognition.\n\n"
        "Quill wrote that Anthropic's approach to AI safety matches her own beliefs, and that she wants to help "
        "build powerful systems responsibly. Jan Leike quit OpenAI in May, saying that safety had taken a "
        "backseat to shiny products.")


@pytest.fixture(scope="module")
def facts():
    return get_extractor("model").extract(Document(id="d", text=TEXT, published="2024-10-01"))


def reasons_of(facts, person):
    (fact,) = [f for f in facts if f.kind == "left" and f.person == person and f.org == "OpenAI"]
    return fact.reasons


def test_a_move_told_without_a_reason_has_none(facts):
    assert reasons_of(facts, "Ada Quill") == []


def test_a_move_whose_sentence_gives_the_reason_keeps_it(facts):
    assert reasons_of(facts, "Jan Leike") == ["safety"]
