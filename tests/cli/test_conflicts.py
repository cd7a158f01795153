"""`exodus conflicts`: open conflicts with their ids; resolve, dismiss and reopen them by id."""
from __future__ import annotations

import json

import pytest

from exodus.store import delete_document, ingest_extracted, open_store
from tests.questions.test_settling import stories
from tests.cli_runs import exodus


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store:
        ingest_extracted(store, stories())
    return str(path)


def listed(capsys, db: str, *flags: str) -> dict[str, dict]:
    status, out, _ = exodus(capsys, "conflicts", "--db", db, "--json", *flags)
    assert status == 0
    return {c["kind"]: c for c in json.loads(out)}


def test_bare_conflicts_lists_the_open_ones_with_id_and_status(capsys, db):
    status, out, _ = exodus(capsys, "conflicts", "--db", db)
    assert status == 0
    found = listed(capsys, db)
    assert set(found) == {"date", "same_month"}
    for conflict in found.values():
        assert conflict["status"] == "open" and conflict["decision"] is None
        assert f"{conflict['id']} [{conflict['kind']}] open: {conflict['summary']}" in out


def test_resolve_keeps_a_side_and_the_list_then_leaves_it_out(capsys, db):
    month = listed(capsys, db)["same_month"]
    meta = next(s["id"] for s in month["sides"] if s["org"] == "Meta")
    anthropic = next(s["id"] for s in month["sides"] if s["org"] == "Anthropic")
    status, out, _ = exodus(capsys, "conflicts", "resolve", month["id"], "--keep", anthropic, "--note", "a rumour",
                            "--db", db)
    assert status == 0 and "resolved" in out
    assert set(listed(capsys, db)) == {"date"}
    settled = listed(capsys, db, "--all")["same_month"]
    assert settled["status"] == "resolved"
    assert settled["decision"]["kept"] == anthropic and settled["decision"]["rejected"] == [meta]
    assert settled["decision"]["note"] == "a rumour"
    _, out, _ = exodus(capsys, "conflicts", "--all", "--db", db)
    assert f"{anthropic} joined Anthropic 2024-03  (c)  KEPT" in out
    assert f"{meta} joined Meta 2024-03  (d)  REJECTED" in out and "a rumour" in out


@pytest.mark.parametrize("how", [("dismiss",), ("resolve", "--dismiss")])
def test_dismiss_settles_it_without_rejecting(capsys, db, how):
    dated = listed(capsys, db)["date"]
    status, out, _ = exodus(capsys, "conflicts", how[0], dated["id"], *how[1:], "--db", db, "--json")
    assert status == 0
    assert json.loads(out)["status"] == "dismissed" and json.loads(out)["decision"]["rejected"] == []
    assert "date" not in listed(capsys, db)
    assert listed(capsys, db, "--all")["date"]["status"] == "dismissed"


def test_reopen_takes_a_decision_back(capsys, db):
    dated = listed(capsys, db)["date"]
    assert exodus(capsys, "conflicts", "dismiss", dated["id"], "--db", db)[0] == 0
    assert exodus(capsys, "conflicts", "reopen", dated["id"], "--db", db)[0] == 0
    assert listed(capsys, db)["date"]["status"] == "open"


def test_an_unknown_conflict_is_a_one_line_error(capsys, db):
    status, out, err = exodus(capsys, "conflicts", "resolve", "cdeadbeef000", "--dismiss", "--db", db)
    assert status == 1 and out == ""
    assert err.strip().splitlines() == [err.strip()] and "no conflict 'cdeadbeef000'" in err


def test_keeping_a_fact_that_is_not_a_side_is_a_one_line_error(capsys, db):
    found = listed(capsys, db)
    other = found["date"]["sides"][0]["id"]
    status, _, err = exodus(capsys, "conflicts", "resolve", found["same_month"]["id"], "--keep", other, "--db", db)
    assert status == 1 and len(err.strip().splitlines()) == 1
    assert f"fact '{other}' is not a side of conflict '{found['same_month']['id']}'" in err
    assert listed(capsys, db)["same_month"]["status"] == "open"


@pytest.mark.parametrize("args, problem", [
    (("resolve", "c1"), "either --keep FACT or --dismiss"),
    (("resolve", "c1", "--keep", "f1", "--dismiss"), "either --keep FACT or --dismiss"),
    (("resolve", "--dismiss"), "needs the conflict's ID"),
    (("dismiss", "c1", "--keep", "f1"), "takes no --keep"),
    (("--keep", "f1"), "listing takes no --keep"),
    (("resolve", "c1", "--dismiss", "--all"), "--all is for listing"),
    (("dismiss", "c1", "--note", "x" * 2001), "at most 2000"),
])
def test_usage_errors_are_one_line_and_exit_status_2(capsys, db, args, problem):
    status, _, err = exodus(capsys, "conflicts", *args, "--db", db)
    assert status == 2 and len(err.strip().splitlines()) == 1 and problem in err


def test_a_decision_survives_re_ingesting_the_articles(capsys, db):
    month = listed(capsys, db)["same_month"]
    kept = month["sides"][0]["id"]
    assert exodus(capsys, "conflicts", "resolve", month["id"], "--keep", kept, "--db", db)[0] == 0
    with open_store(db) as store:
        ingest_extracted(store, stories())  # the same articles again: nothing changes
        for doc in ("c", "d"):  # removed and ingested again, in reverse order: their facts are rebuilt
            delete_document(store, doc)
        ingest_extracted(store, stories()[::-1])
    assert set(listed(capsys, db)) == {"date"}
    again = listed(capsys, db, "--all")["same_month"]
    assert again["id"] == month["id"] and again["status"] == "resolved" and again["decision"]["kept"] == kept


def test_settling_in_a_store_that_is_not_there_creates_none(capsys, tmp_path):
    missing = tmp_path / "missing.db"
    status, _, err = exodus(capsys, "conflicts", "dismiss", "c1", "--db", str(missing))
    assert status == 1 and "no store here" in err and not missing.exists()
