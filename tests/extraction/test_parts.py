"""Long documents in parts: the parts cover the text exactly, and facts land on the whole document."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from exodus.extraction.base import get_extractor
from exodus.extraction.parts import split_document
from exodus.extraction.pipeline import extract_chunk
from exodus.schema import Document

TEXTS = st.text(alphabet=st.sampled_from(list("ab .\n!?\"")), max_size=400)


@settings(max_examples=2000)
@given(text=TEXTS, max_chars=st.integers(min_value=1, max_value=60))
def test_parts_cover_the_text_in_order_within_the_limit(text, max_chars):
    parts = split_document(Document(id="d", text=text), max_chars)
    assert "".join(part.text for _, part in parts) == text
    offsets = [offset for offset, _ in parts]
    assert offsets == sorted(offsets) and offsets[0] == 0
    for offset, part in parts:
        assert text[offset:offset + len(part.text)] == part.text
        assert len(part.text) <= max_chars or len(parts) == 1 and len(text) <= max_chars


def test_parts_end_at_paragraph_breaks_when_there_are_some():
    paragraphs = [f"Paragraph {n} is about nothing in particular." for n in range(40)]
    text = "\n\n".join(paragraphs)
    parts = split_document(Document(id="d", text=text), 300)
    assert len(parts) > 1
    assert all(part.text.endswith("\n\n") for _, part in parts[:-1])


def test_facts_of_a_long_document_carry_offsets_on_the_whole_text():
    filler = "\n\n".join(["Rain fell on the green hills near the old river for most of the day."] * 400)
    text = f"{filler}\n\nJan Leike left OpenAI in May 2024 and joined Anthropic.\n\n{filler}"
    document = Document(id="long", text=text)
    ((facts, failure),) = extract_chunk(get_extractor("model"), [document], max_part_chars=5_000)
    assert failure is None
    assert {(f.kind, f.person, f.org) for f in facts} >= {("left", "Jan Leike", "OpenAI"),
                                                         ("joined", "Jan Leike", "Anthropic")}
    for fact in facts:
        assert text[fact.evidence.start:fact.evidence.end] == fact.evidence.text
        assert fact.evidence.start > len(filler)
