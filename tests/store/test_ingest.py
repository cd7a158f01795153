from exodus.store import delete_document, ingest_extracted, open_store
from exodus.store.handmade import article, fact_in

LEIKE = article("a1", "Jan Leike left OpenAI in May 2024. Leike joined Anthropic soon after.", "2024-05-28",
                url="https://example.org/leike")


def leike_facts(doc):
    return [fact_in(doc, "left", "Jan Leike left OpenAI in May 2024.", person="Jan Leike", org="OpenAI",
                    date="2024-05", reasons=["safety"]),
            fact_in(doc, "joined", "Leike joined Anthropic soon after.", person="Leike", org="Anthropic")]


def counts(store):
    return {table: store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "claims", "facts", "entities")}


def test_store_uses_wal_and_current_schema(tmp_path):
    store = open_store(tmp_path / "x.db")
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] >= 1


def test_reingesting_same_content_adds_nothing(tmp_path):
    store = open_store(tmp_path / "x.db")
    first = ingest_extracted(store, [(LEIKE, leike_facts(LEIKE))])
    before = counts(store)
    again = ingest_extracted(store, [(LEIKE, leike_facts(LEIKE))])
    assert (first.added, again.unchanged, again.added) == (1, 1, 0)
    assert counts(store) == before == {"documents": 1, "claims": 2, "facts": 2, "entities": 3}  # "Leike" is Jan Leike


def test_changed_document_replaces_its_facts(tmp_path):
    store = open_store(tmp_path / "x.db")
    ingest_extracted(store, [(LEIKE, leike_facts(LEIKE))])
    changed = article("a1", "Jan Leike joined Anthropic in May 2024.", "2024-05-29", url=LEIKE.url)
    report = ingest_extracted(store, [(changed, [fact_in(changed, "joined", "Jan Leike joined Anthropic",
                                                         person="Jan Leike", org="Anthropic", date="2024-05")])])
    assert report.replaced == 1
    kinds = [r[0] for r in store.conn.execute("SELECT kind FROM facts")]
    assert kinds == ["joined"]
    assert store.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_same_url_new_id_is_the_same_document(tmp_path):
    store = open_store(tmp_path / "x.db")
    ingest_extracted(store, [(LEIKE, leike_facts(LEIKE))])
    renamed = article("a1-v2", LEIKE.text + " Updated.", LEIKE.published, url=LEIKE.url)
    ingest_extracted(store, [(renamed, leike_facts(renamed))])
    assert counts(store)["documents"] == 1
    assert store.conn.execute("SELECT doc_key FROM documents").fetchone()[0] == "a1-v2"


def test_evidence_not_in_text_is_rejected(tmp_path):
    store = open_store(tmp_path / "x.db")
    bad = leike_facts(LEIKE)[0]
    bad.evidence = type(bad.evidence)(0, 5, "nope!")
    report = ingest_extracted(store, [(LEIKE, [bad])])
    assert report.claims == 0 and "evidence" in report.rejected[0]


def test_deleting_a_document_drops_facts_only_it_supported(tmp_path):
    store = open_store(tmp_path / "x.db")
    other = article("a2", "Jan Leike left OpenAI, the company confirmed.", "2024-05-30")
    ingest_extracted(store, [(LEIKE, leike_facts(LEIKE)),
                             (other, [fact_in(other, "left", "Jan Leike left OpenAI", person="Jan Leike",
                                              org="OpenAI")])])
    assert delete_document(store, "a1")
    rows = store.conn.execute("SELECT kind, source_count FROM facts").fetchall()
    assert [tuple(r) for r in rows] == [("left", 1)]


def test_full_text_search_finds_articles(tmp_path):
    store = open_store(tmp_path / "x.db")
    ingest_extracted(store, [(LEIKE, leike_facts(LEIKE))])
    hits = store.conn.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'anthropic'").fetchall()
    assert len(hits) == 1


def test_migrations_run_once(tmp_path):
    open_store(tmp_path / "x.db").close()
    store = open_store(tmp_path / "x.db")
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
