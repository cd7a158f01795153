"""Fact ids come from what a fact says: the same articles give the same ids in any order, so a link to a
fact survives a rebuild of the store."""
from __future__ import annotations

import pytest

from exodus.extraction.pipeline import extract_documents
from exodus.sources.sample import sample_articles
from exodus.store import ingest_extracted, open_store


@pytest.fixture(scope="module")
def extracted():
    with sample_articles() as folder:
        return list(extract_documents([str(folder)], processes=1))


def fact_ids(path, pairs) -> dict[str, tuple]:
    with open_store(path) as store:
        ingest_extracted(store, pairs)
        rows = store.conn.execute(
            "SELECT f.uid, f.kind, p.name, o.name, f.date FROM facts f LEFT JOIN entities p ON p.id = f.person_id "
            "LEFT JOIN entities o ON o.id = f.org_id").fetchall()
    return {row[0]: tuple(row[1:]) for row in rows}


def test_the_sample_corpus_gives_the_same_fact_ids_in_reverse_order(tmp_path, extracted):
    forward = fact_ids(tmp_path / "forward.db", extracted)
    backward = fact_ids(tmp_path / "backward.db", list(reversed(extracted)))
    assert len(forward) > 250
    assert forward == backward
