from hypothesis import HealthCheck, given, settings, strategies as st

from exodus.errors import CorrectionRefused
from exodus.resolution.corrections import add_alias, merge, split
from exodus.store import ingest_extracted, open_store
from exodus.store.handmade import article, fact_in

FIRST = ["Ada", "Alan", "Grace", "Kurt", "Emmy"]
LAST = ["Quill", "Marrow", "Tansy"]
NAMES = [f"{f} {l}" for f in FIRST for l in LAST]


def store_with_people(names, doc_prefix="p"):
    store = open_store(":memory:")
    pairs = []
    for i, name in enumerate(names):
        doc = article(f"{doc_prefix}{i}", f"{name} joined Acme Labs.", "2024-01-01")
        pairs.append((doc, [fact_in(doc, "joined", f"{name} joined Acme Labs", person=name, org="Acme Labs")]))
    ingest_extracted(store, pairs)
    return store


def partition(store):
    groups = {}
    for entity_id, folded in store.conn.execute("SELECT entity_id, folded FROM aliases WHERE type = 'person'"):
        groups.setdefault(entity_id, set()).add(folded)
    return sorted(sorted(g) for g in groups.values())


def person_of(store, name):
    return store.conn.execute("SELECT entity_id FROM aliases WHERE type='person' AND folded=?",
                              (name.lower(),)).fetchone()[0]


def test_variant_names_of_one_person_and_org_meet():
    store = open_store(":memory:")
    one = article("k1", "Diederik P. Kingma joined Anthropic. OpenAI's Jan Leike also joined.", "2024-10-01")
    two = article("k2", "Durk Kingma joined Anthropic, and DeepMind hired someone.", "2024-10-02")
    ingest_extracted(store, [
        (one, [fact_in(one, "joined", "Diederik P. Kingma joined Anthropic", person="Diederik P. Kingma",
                       org="Anthropic"),
               fact_in(one, "left", "OpenAI's Jan Leike", person="Jan Leike", org="OpenAI's")]),
        (two, [fact_in(two, "joined", "Durk Kingma joined Anthropic", person="Durk Kingma", org="Anthropic"),
               fact_in(two, "joined", "DeepMind hired someone", person="Some One", org="DeepMind")])])
    facts = store.conn.execute("SELECT p.name, o.name, f.source_count FROM facts f JOIN entities p ON p.id = "
                               "f.person_id JOIN entities o ON o.id = f.org_id WHERE f.kind='joined' "
                               "ORDER BY p.name").fetchall()
    assert [tuple(f) for f in facts] == [("Durk Kingma", "Anthropic", 2), ("Some One", "Google DeepMind", 1)]
    assert store.conn.execute("SELECT o.name FROM facts f JOIN entities o ON o.id=f.org_id "
                              "WHERE f.kind='left'").fetchone()[0] == "OpenAI"


def test_surname_joins_the_full_name_in_the_same_document_only():
    store = open_store(":memory:")
    full = article("s1", "Jan Leike resigned. Leike joined Anthropic.", "2024-05-28")
    alone = article("s2", "Amodei joined Acme.", "2024-05-28")
    ingest_extracted(store, [
        (full, [fact_in(full, "left", "Jan Leike resigned", person="Jan Leike", org="OpenAI"),
                fact_in(full, "joined", "Leike joined Anthropic", person="Leike", org="Anthropic")]),
        (alone, [fact_in(alone, "joined", "Amodei joined Acme", person="Amodei", org="Acme")])])
    people = sorted(r[0] for r in store.conn.execute("SELECT name FROM entities WHERE type='person'"))
    assert people == ["Amodei", "Jan Leike"]  # two Amodeis are known; a bare surname stays apart


def test_people_sharing_a_surname_stay_apart():
    store = store_with_people(["Dario Quill", "Daniela Quill", "Dario Marrow"])
    assert len(partition(store)) == 3


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names=st.lists(st.sampled_from(NAMES), min_size=2, max_size=6, unique=True),
       pairs=st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), max_size=5), data=st.data())
def test_merging_is_idempotent_and_order_independent(names, pairs, data):
    pairs = [(names[a % len(names)], names[b % len(names)]) for a, b in pairs]
    shuffled = data.draw(st.permutations(pairs))
    one = store_with_people(names)
    for a, b in pairs:
        merge_or_refused(one, a, b)
    result = partition(one)
    facts = one.conn.execute("SELECT count(*) FROM facts").fetchone()[0]
    for a, b in pairs:  # again: each is refused, nothing changes
        assert merge_or_refused(one, a, b) == "refused"
    assert partition(one) == result
    other = store_with_people(names)
    for a, b in shuffled:
        merge_or_refused(other, a, b)
    assert partition(other) == result
    assert other.conn.execute("SELECT count(*) FROM facts").fetchone()[0] == facts
    # the number of people is the number of connected groups of the merge graph
    assert len(result) == len(names) - _unions(names, pairs)


def merge_or_refused(store, a, b):
    """A forced merge; names that are one person already are refused (a merge that would change nothing)."""
    try:
        merge(store, a, b, force=True)
    except CorrectionRefused as err:
        assert "already the same person" in str(err)
        return "refused"
    return "merged"


def _unions(names, pairs):
    parent = {n: n for n in names}
    def root(n):
        while parent[n] != n:
            n = parent[n]
        return n
    joined = 0
    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[rb] = ra
            joined += 1
    return joined


@settings(max_examples=30, deadline=None)
@given(first=st.lists(st.sampled_from(FIRST), min_size=2, max_size=4, unique=True), last=st.sampled_from(LAST))
def test_different_people_with_one_surname_never_merge(first, last):
    store = store_with_people([f"{f} {last}" for f in first])
    assert len(partition(store)) == len(first)


def test_corrections_survive_reingestion():
    store = store_with_people(["Ada Quill", "Alan Marrow"])
    merge(store, "Ada Quill", "Alan Marrow", force=True)
    add_alias(store, "Ada Quill", "A. Q. Countess")
    doc = article("later", "Alan Marrow joined Beta Corp. A. Q. Countess joined Gamma.", "2024-06-01")
    for _ in range(2):
        ingest_extracted(store, [(doc, [
            fact_in(doc, "joined", "Alan Marrow joined Beta Corp", person="Alan Marrow", org="Beta Corp"),
            fact_in(doc, "joined", "A. Q. Countess joined Gamma", person="A. Q. Countess", org="Gamma")])])
        doc = article("later", doc.text + " More.", "2024-06-01")  # changed: re-ingested
    people = {r[0] for r in store.conn.execute(
        "SELECT p.name FROM facts f JOIN entities p ON p.id = f.person_id")}
    assert people == {"Ada Quill"}


def test_split_takes_a_name_away_and_keeps_it_apart():
    store = store_with_people(["Dario Quill", "Daniela Quill"])
    merge(store, "Dario Quill", "Daniela Quill", force=True)
    assert len(partition(store)) == 1
    split(store, "Dario Quill", "Daniela Quill")
    assert len(partition(store)) == 2
    doc = article("again", "Reports say Daniela Quill joined Acme Labs in a quiet move last week.", "2024-02-01")
    ingest_extracted(store, [(doc, [fact_in(doc, "joined", "Daniela Quill joined Acme Labs",
                                            person="Daniela Quill", org="Acme Labs")])])
    assert person_of(store, "daniela quill") != person_of(store, "dario quill")
    rows = store.conn.execute("SELECT p.name, f.source_count FROM facts f JOIN entities p ON p.id=f.person_id "
                              "ORDER BY p.name").fetchall()
    assert [tuple(r) for r in rows] == [("Daniela Quill", 2), ("Dario Quill", 1)]


def test_a_group_named_with_fewer_words_is_the_one_group_that_has_them():
    store = open_store(":memory:")
    doc = article("g1", "OpenAI's board created a Safety and Security Committee. OpenAI forms a safety committee. "
                        "Bret Taylor chairs the initial board. Helen Toner left the full board.", "2024-05-29")
    ingest_extracted(store, [(doc, [
        fact_in(doc, "group_event", "created a Safety and Security Committee", org="OpenAI",
                group="Safety and Security Committee", action="formed"),
        fact_in(doc, "group_event", "OpenAI forms a safety committee", org="OpenAI", group="safety committee",
                action="formed"),
        fact_in(doc, "member", "Bret Taylor chairs the initial board", person="Bret Taylor", org="OpenAI",
                group="initial board", role="chair"),
        fact_in(doc, "member", "Helen Toner left the full board", person="Helen Toner", org="OpenAI",
                group="full board"),
        fact_in(doc, "member", "Helen Toner left the full board", person="Helen Toner", org="OpenAI",
                group="board")])])
    groups = sorted(r[0] for r in store.conn.execute("SELECT name FROM entities WHERE type = 'group'"))
    assert groups == ["Safety and Security Committee", "board"]
