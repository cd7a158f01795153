"""Hand-written articles with their facts, for question tests."""
from exodus.store.handmade import article, fact_in


def story(doc_id, published, text, *facts):
    """An article and its facts: each fact is (kind, phrase, fields)."""
    doc = article(doc_id, text, published)
    return doc, [fact_in(doc, kind, phrase, **fields) for kind, phrase, fields in facts]
