"""`extract_documents`: bad inputs are reported and skipped, facts are checked, order is kept."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

import pytest

from exodus import Document, Evidence, Fact, extract_documents
from exodus.errors import ExodusError, ExtractionFailed, InputError, InvalidEvidence, UnknownExtractor
from exodus.extraction.base import Extractor
from exodus.extraction.pipeline import check_evidence

LEIKE = ("Jan Leike, who co-led OpenAI's Superalignment team, said on Tuesday that he had joined Anthropic. "
         "Leike resigned from OpenAI earlier this month, saying safety had taken a back seat to shiny products.")
SUTSKEVER = "Ilya Sutskever left OpenAI in May 2024 and later co-founded Safe Superintelligence."


class FirstSentenceExtractor(Extractor):
    """A stand-in: one `founded` fact per document, its evidence the first sentence."""

    name = "first-sentence"

    def __init__(self, shift: int = 0):
        self.shift = shift  # a shift makes the evidence offsets wrong, as a buggy extractor would

    def extract(self, document: Document) -> list[Fact]:
        end = document.text.find(".") + 1 or len(document.text)
        evidence = Evidence(self.shift, end + self.shift, document.text[:end])
        return [Fact("founded", document.id, evidence, org="OpenAI", extractor=self.name)]


class FailingExtractor(FirstSentenceExtractor):
    """Raises on documents that say BOOM, as an extractor with a bug on odd input would."""

    name = "failing"

    def extract(self, document: Document) -> list[Fact]:
        if "BOOM" in document.text:
            raise IndexError("list index out of range")
        return super().extract(document)


class Problems(list):
    def __call__(self, problem: ExodusError) -> None:
        self.append(problem)


def doc(id: str, text: str, published: str | None = None) -> Document:
    return Document(id=id, text=text, published=published)


def test_facts_come_with_evidence_that_is_an_exact_substring(rules_extractor):
    results = list(extract_documents([doc("leike", LEIKE, "2024-05-29")], extractor=rules_extractor))
    (document, facts), = results
    assert {(f.kind, f.person, f.org) for f in facts} >= {("joined", "Jan Leike", "Anthropic"),
                                                         ("left", "Jan Leike", "OpenAI")}
    for fact in facts:
        assert document.text[fact.evidence.start:fact.evidence.end] == fact.evidence.text


def test_bad_inputs_are_reported_and_the_good_documents_still_produce_facts(tmp_path, rules_extractor):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "leike.txt").write_text(LEIKE, encoding="utf-8")
    batch = tmp_path / "docs.jsonl"
    batch.write_text(json.dumps({"id": "s", "text": SUTSKEVER}) + "\n{oops\n", encoding="utf-8")
    problems = Problems()
    inputs = [tmp_path / "empty.txt", tmp_path / "blob.txt", tmp_path / "missing.txt", batch,
              tmp_path / "leike.txt"]
    results = list(extract_documents(inputs, extractor=rules_extractor, on_problem=problems,
                                     published="2024-05-29"))
    assert [d.id for d, _ in results] == ["s", "leike"]
    assert all(facts for _, facts in results)
    assert sorted(p.where for p in problems) == sorted([
        str(tmp_path / "empty.txt"), str(tmp_path / "blob.txt"), str(tmp_path / "missing.txt"), f"{batch}:2"])
    assert all(isinstance(p, InputError) for p in problems)


def test_published_default_fills_documents_without_a_date():
    results = list(extract_documents([doc("a", "Text one."), doc("b", "Text two.", "2020-01-02")],
                                     extractor=FirstSentenceExtractor(), published="2024-05"))
    assert [d.published for d, _ in results] == ["2024-05", "2020-01-02"]


def test_fact_whose_evidence_is_not_the_document_text_is_dropped_and_reported():
    problems = Problems()
    results = list(extract_documents([doc("a", "OpenAI was founded in 2015. More text.")],
                                     extractor=FirstSentenceExtractor(shift=3), on_problem=problems))
    assert results[0][1] == []
    (problem,) = problems
    assert isinstance(problem, InvalidEvidence)
    assert problem.where == "a"
    assert "not the exact text" in str(problem) and "\n" not in str(problem)


def test_check_evidence_keeps_exact_spans_and_rejects_out_of_range_ones():
    document = doc("a", "Sam Altman returned to OpenAI.")
    good = Fact("joined", "a", Evidence(0, 30, document.text), person="Sam Altman", org="OpenAI")
    past_end = Fact("joined", "a", Evidence(0, 31, document.text + " "), person="Sam Altman", org="OpenAI")
    empty = Fact("joined", "a", Evidence(5, 5, ""), person="Sam Altman", org="OpenAI")
    kept, problems = check_evidence(document, [good, past_end, empty])
    assert kept == [good]
    assert len(problems) == 2


def test_a_document_the_extractor_fails_on_is_reported_and_the_batch_goes_on():
    problems = Problems()
    documents = [doc("a", "OpenAI was founded."), doc("b", "BOOM went the parser."), doc("c", "Anthropic too.")]
    results = list(extract_documents(documents, extractor=FailingExtractor(), on_problem=problems))
    assert [d.id for d, _ in results] == ["a", "c"]
    assert all(len(facts) == 1 for _, facts in results)
    (problem,) = problems
    assert isinstance(problem, ExtractionFailed)
    assert problem.where == "b"
    assert "IndexError: list index out of range" in str(problem)


def test_problems_without_a_handler_are_logged_not_raised(tmp_path, caplog):
    results = list(extract_documents([tmp_path / "missing.txt", doc("a", "OpenAI was founded.")],
                                     extractor=FirstSentenceExtractor()))
    assert len(results) == 1
    assert "missing.txt: no such file or directory" in caplog.text


def test_unknown_extractor_name_is_an_error_that_lists_the_known_ones():
    with pytest.raises(UnknownExtractor, match="rules"):
        next(extract_documents([doc("a", "x")], extractor="no-such-extractor"))


def test_an_extractor_instance_cannot_be_sent_to_several_processes():
    with pytest.raises(ValueError, match="name the extractor"):
        next(extract_documents([doc("a", "x")], extractor=FirstSentenceExtractor(), processes=2))


def many_documents(count: int) -> Iterator[Document]:
    texts = [LEIKE, SUTSKEVER, "Nothing happened at all today.", "Microsoft invested $10 billion in OpenAI."]
    for i in range(count):
        yield doc(f"d{i:02d}", texts[i % len(texts)], "2024-05-29")


def as_records(results: Iterable[tuple[Document, list[Fact]]]) -> list[tuple[str, list[dict]]]:
    return [(d.id, [f.to_dict() for f in facts]) for d, facts in results]


def test_two_processes_give_the_same_facts_in_the_same_order(rules_extractor, monkeypatch):
    monkeypatch.setenv("EXODUS_CHUNK_SIZE", "3")  # several chunks per worker, so order is at stake
    single = as_records(extract_documents(many_documents(20), extractor=rules_extractor))
    pooled = as_records(extract_documents(many_documents(20), extractor="rules", processes=2))
    assert [d for d, _ in pooled] == [f"d{i:02d}" for i in range(20)]
    assert pooled == single
    assert any(facts for _, facts in pooled)
