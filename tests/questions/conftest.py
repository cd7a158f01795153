import pytest

from exodus.store import ingest_extracted, open_store


@pytest.fixture
def store():
    s = open_store(":memory:")
    yield s
    s.close()


@pytest.fixture
def ingest(store):
    def run(*stories):
        ingest_extracted(store, stories)
        return store
    return run
