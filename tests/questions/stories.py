"""Hand-written articles with their facts, for question tests."""
from exodus.store import handmade


def story(doc_id, published, text, *facts):
    """An article of the text given and its facts: each fact is (kind, phrase, fields)."""
    return handmade.story(doc_id, published, *facts, text=text)
