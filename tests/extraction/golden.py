"""One check for the golden-article tests: the facts an article must and must not yield."""
from __future__ import annotations

from exodus.schema import Document


def matches(fact: dict, expected: dict) -> bool:
    """Every expected field agrees; a date agrees at the expected precision, as the scorer counts it."""
    return all(fact.get(k) == v or (k == "date" and v and str(fact.get(k) or "").startswith(v))
               for k, v in expected.items())


def assert_article(extractor, text: str, published: str | None, must: list[dict], must_not: list[dict]) -> list[dict]:
    """Extract `text` and check it: each of `must` is among the facts, none of `must_not` is, and
    every fact's evidence is its exact span of the text. Returns the facts."""
    facts = [f.to_dict() for f in extractor.extract(Document(id="t", text=text, published=published))]
    for expected in must:
        assert any(matches(f, expected) for f in facts), f"missing {expected}\ngot {facts}"
    for unwanted in must_not:
        assert not any(matches(f, unwanted) for f in facts), f"unwanted {unwanted}\ngot {facts}"
    for f in facts:
        assert text[f["evidence"]["start"]:f["evidence"]["end"]] == f["evidence"]["text"]
    return facts
