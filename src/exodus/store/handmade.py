"""Documents and facts written by hand, for tests and notebooks: evidence is found in the text."""
from __future__ import annotations

from exodus.schema import Document, Evidence, Fact


def article(doc_id: str, text: str, published: str | None = None, url: str | None = None,
            title: str | None = None) -> Document:
    return Document(id=doc_id, text=text, published=published, url=url, title=title)


def fact_in(document: Document, kind: str, phrase: str, confidence: float = 0.9, **fields) -> Fact:
    """A fact of `document` whose evidence is the first occurrence of `phrase` in its text."""
    start = document.text.find(phrase)
    if start < 0:
        raise ValueError(f"{phrase!r} is not in document {document.id}")
    return Fact(kind=kind, doc=document.id, evidence=Evidence(start, start + len(phrase), phrase),
                confidence=confidence, extractor=fields.pop("extractor", "hand"), **fields)


def story(doc_id: str, published: str | None, *statements: tuple[str, str, dict],
          text: str | None = None) -> tuple[Document, list[Fact]]:
    """A document with one fact per statement `(kind, phrase, fields)`, e.g. `("left", "Mira Murati
    left OpenAI in 2024", {"person": ..., ...})`. Its text is `text` (which holds every phrase), or
    else the statements' phrases as sentences."""
    document = article(doc_id, text if text is not None else " ".join(f"{phrase}." for _, phrase, _ in statements),
                       published)
    return document, [fact_in(document, kind, phrase, **fields) for kind, phrase, fields in statements]
