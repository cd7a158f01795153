"""Organizations' parents and units: the gazetteer's `_part_of`, and `exodus org link` / `unlink` over it."""
from __future__ import annotations

import json

import pytest
from tests.questions.unit_moves import unit_moves

from exodus.extraction.lexicon import load_lexicon
from exodus.resolution.org_parents import OrgTree, org_tree
from exodus.store import ingest_extracted, open_store
from exodus.store.handmade import story
from tests.cli_runs import exodus, one_line

# -- the gazetteer -----------------------------------------------------------------------------------------


def test_the_gazetteer_names_the_parents_of_the_units_of_the_sample_corpus():
    parents = load_lexicon().org_parents
    assert {unit: parents[unit] for unit in ("Google DeepMind", "Google Brain", "Google", "Microsoft AI",
                                              "Microsoft Research", "Meta Superintelligence Labs")} == {
        "Google DeepMind": "Google", "Google Brain": "Google", "Google": "Alphabet", "Microsoft AI": "Microsoft",
        "Microsoft Research": "Microsoft", "Meta Superintelligence Labs": "Meta"}


def test_every_gazetteer_link_joins_two_organizations_of_the_gazetteer_without_a_cycle():
    lexicon = load_lexicon()
    assert "_part_of" not in lexicon.organizations and lexicon.canonical_org("_part_of") is None
    for unit, parent in lexicon.org_parents.items():
        assert unit in lexicon.organizations and parent in lexicon.organizations, (unit, parent)
    tree = OrgTree(dict(lexicon.org_parents))
    for unit in lexicon.org_parents:
        chain = tree.parents(unit)
        assert unit not in chain and lexicon.org_parents.get(chain[-1]) is None, (unit, chain)


def test_a_tree_stops_at_a_cycle():
    tree = OrgTree({"A": "B", "B": "A"})
    assert tree.parents("A") == ["B"] and tree.top("C") == "C"


# -- exodus org link / unlink ------------------------------------------------------------------------------


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "store.db")
    with open_store(path) as store:
        ingest_extracted(store, unit_moves())
    return path


def org_json(capsys, db, name):
    status, out, err = exodus(capsys, "org", name, "--db", db, "--json")
    assert status == 0, err
    return json.loads(out)


def test_exodus_org_shows_what_an_organization_is_part_of_and_its_units(capsys, db):
    status, out, err = exodus(capsys, "org", "Google DeepMind", "--db", db)
    assert status == 0, err
    assert "Part of: Google → Alphabet" in out
    google = org_json(capsys, db, "Google")
    assert google["org"] == "Google" and google["part_of"] == ["Alphabet"]
    assert google["units"] == ["Google Brain", "Google DeepMind"]  # the store's units only
    status, out, _ = exodus(capsys, "org", "OpenAI", "--db", db)  # a name, as before
    assert status == 0 and out.startswith("OpenAI as of ") and "Part of" not in out


def test_org_link_makes_a_unit_and_unlink_undoes_it_even_the_gazetteers(capsys, db):
    status, out, err = exodus(capsys, "org", "link", "Quill Labs", "Microsoft", "--db", db)
    assert status == 0, err
    assert out.strip() == "'Quill Labs' is now part of 'Microsoft'"
    assert org_json(capsys, db, "Quill Labs")["part_of"] == ["Microsoft"]
    assert "Quill Labs" in org_json(capsys, db, "Microsoft")["units"]
    status, out, _ = exodus(capsys, "org", "link", "Quill Labs", "Microsoft", "--db", db)
    assert status == 0 and "already part of 'Microsoft'" in out

    status, out, err = exodus(capsys, "org", "unlink", "DeepMind", "--db", db)  # an alias reaches its entity
    assert status == 0, err
    assert out.strip() == "'Google DeepMind' is now part of no organization (was part of 'Google')"
    assert org_json(capsys, db, "Google DeepMind")["part_of"] == []
    status, out, err = exodus(capsys, "org", "link", "Google DeepMind", "Alphabet", "--db", db, "--json")
    assert status == 0, err
    assert json.loads(out) == {"unit": "Google DeepMind", "parent": "Alphabet", "previous": None}

    status, out, _ = exodus(capsys, "alias", "list", "--db", db, "--json")
    assert [(c["action"], c.get("unit"), c.get("parent")) for c in json.loads(out)] == [
        ("link", "Quill Labs", "Microsoft"), ("unlink", "DeepMind", None), ("link", "Google DeepMind", "Alphabet")]


def test_a_link_holds_when_more_articles_are_ingested(capsys, db):
    assert exodus(capsys, "org", "link", "Quill Labs", "Microsoft", "--db", db)[0] == 0
    with open_store(db) as store:
        ingest_extracted(store, [*unit_moves(), story("more", "2024-09-01", (
            "joined", "Hal Ng joined Quill Labs", dict(person="Hal Ng", org="Quill Labs", date="2024-08")))])
        assert org_tree(store.conn).parents("Quill Labs") == ["Microsoft"]


def test_a_link_follows_its_names_through_a_merge(capsys, db):
    assert exodus(capsys, "org", "link", "Quill Labs", "Microsoft AI", "--db", db)[0] == 0
    assert exodus(capsys, "merge", "Microsoft", "Microsoft AI", "--force", "--db", db)[0] == 0
    assert org_json(capsys, db, "Quill Labs")["part_of"] == ["Microsoft"]
    microsoft = org_json(capsys, db, "Microsoft")
    assert microsoft["part_of"] == [] and microsoft["units"] == ["Quill Labs"]  # not a part of itself


def test_a_name_split_off_its_organization_can_be_linked_to_it(capsys, db):
    assert exodus(capsys, "split", "Google DeepMind", "DeepMind Technologies", "--db", db)[0] == 0
    status, out, err = exodus(capsys, "org", "link", "DeepMind Technologies", "Google DeepMind", "--db", db)
    assert status == 0, err
    assert org_json(capsys, db, "DeepMind Technologies")["part_of"] == ["Google DeepMind", "Google", "Alphabet"]


@pytest.mark.parametrize("argv, problem", [
    (["link", "Google DeepMind", "DeepMind"], 'are the same organization ("Google DeepMind"); an organization '
                                              "cannot be part of itself"),
    (["link", "Alphabet", "Google DeepMind"], '"Google DeepMind" is already part of "Alphabet" '
                                              "(Google DeepMind → Google → Alphabet); making \"Alphabet\" part of it "
                                              "would be a cycle"),
    (["link", "Ada Quill", "OpenAI"], '"Ada Quill" is a person ("Ada Quill"), not an organization'),
    (["link", "OpenAI", "Bo Reed"], '"Bo Reed" is a person ("Bo Reed"), not an organization'),
    (["link", "Safety Board", "OpenAI"], '"Safety Board" is a group (a committee or team) of "Quill Labs", '
                                         "not an organization"),
    (["link", "Nowhere Labs", "OpenAI"], 'no organization called "Nowhere Labs" in the store'),
    (["unlink", "OpenAI"], '"OpenAI" is not part of any organization; nothing to unlink'),
])
def test_org_link_refuses_in_one_line(capsys, db, argv, problem):
    status, out, err = exodus(capsys, "org", *argv, "--db", db)
    assert status == 1 and out == ""
    assert problem in one_line(err) and one_line(err).startswith("exodus: error: ")
    status, out, _ = exodus(capsys, "alias", "list", "--db", db, "--json")
    assert json.loads(out) == []  # nothing recorded


def test_a_cycle_through_the_users_own_links_is_refused(capsys, db):
    assert exodus(capsys, "org", "link", "Quill Labs", "OpenAI", "--db", db)[0] == 0
    assert exodus(capsys, "org", "link", "OpenAI", "Anthropic", "--db", db)[0] == 0
    status, _, err = exodus(capsys, "org", "link", "Anthropic", "Quill Labs", "--db", db)
    assert status == 1
    assert "(Quill Labs → OpenAI → Anthropic)" in one_line(err) and "cycle" in one_line(err)


@pytest.mark.parametrize("argv", [["link", "Quill Labs"], ["link", "A", "B", "C"], ["unlink", "A", "B"],
                                  ["OpenAI", "Anthropic"]])
def test_org_with_the_wrong_number_of_names_is_a_usage_error(capsys, db, argv):
    status, out, err = exodus(capsys, "org", *argv, "--db", db)
    assert status == 2 and out == "" and one_line(err).startswith("exodus org: error: ")
