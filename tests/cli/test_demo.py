"""`exodus demo`: the store of the bundled sample corpus, built where it clobbers nothing, and its report."""
from __future__ import annotations

import json
import re
import sqlite3

import pytest

from exodus.cli.demo import demo_store_path, sample_articles
from exodus.cli.main import main


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    """A cache folder of the test's own, and a working directory where ./exodus.db must not appear."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("EXODUS_DEMO_DB", raising=False)
    monkeypatch.delenv("EXODUS_DB", raising=False)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return tmp_path / "cache"


def test_sample_corpus_is_found_through_package_resources():
    with sample_articles() as folder:
        articles = sorted(folder.glob("*.md"))
    assert len(articles) >= 50


def test_demo_store_lives_in_the_cache_folder_unless_a_setting_says_otherwise(cache_home, monkeypatch, tmp_path):
    assert demo_store_path() == cache_home / "exodus" / "demo.db"
    monkeypatch.setenv("EXODUS_DEMO_DB", str(tmp_path / "elsewhere.db"))
    from exodus.settings import get_settings
    get_settings.cache_clear()
    assert demo_store_path() == tmp_path / "elsewhere.db"


def test_demo_builds_the_sample_store_and_reports_flows_founders_and_conflicts(cache_home, capsys, rules_extractor):
    assert main(["demo"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    db = cache_home / "exodus" / "demo.db"
    assert str(db) in out.splitlines()[0]  # it says where the store is
    assert not (cache_home.parent / "work" / "exodus.db").exists()
    assert re.search(r"^\d+ articles, \d+ facts about \d+ people and \d+ organizations\.$", out, flags=re.M)

    flows = out.split("Largest talent flows", 1)[1].split("\n\n", 1)[0]
    first = flows.splitlines()[3]  # title, header, rule, then the largest flow
    assert re.match(r"OpenAI\s+Anthropic\s+\d+\s+\+\d+\s+.*Jan Leike", first), flows

    founders = re.search(r"^OpenAI's founders still there on 2024-10-15: (\d+) of (\d+)$", out, flags=re.M)
    assert founders, out
    remaining, total = int(founders.group(1)), int(founders.group(2))
    assert total >= 11 and 3 <= remaining < total
    assert re.search(r"^  Sam Altman: there$", out, flags=re.M)
    assert re.search(r"^  Ilya Sutskever: left 2024-05", out, flags=re.M)
    assert re.search(r"^Conflicts found: \d+$", out, flags=re.M)

    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] >= 50
    # A second run rebuilds the store from scratch and reports the same.
    assert main(["demo", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["db"] == str(db) and report["founders_total"] == total
    assert report["founders_remaining"] == remaining and report["flows"][0]["to_org"] == "Anthropic"
    assert not list(db.parent.glob("*.partial*"))


def test_demo_with_db_keeps_that_store(tmp_path, capsys, rules_extractor):
    db = tmp_path / "mine.db"
    assert main(["demo", "--db", str(db), "--as-of", "2023-11-19", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["db"] == str(db) and report["as_of"] == "2023-11-19"
    assert db.exists()


def test_demo_facts_prints_facts_grouped_by_sample_article(cache_home, capsys, rules_extractor):
    assert main(["demo", "--facts"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    headers = re.findall(r"^sample-\d+ \| ", out, flags=re.M)
    assert len(headers) >= 50
    summary = re.search(r"^(\d+) documents, (\d+) facts$", out, flags=re.M)
    assert summary and int(summary.group(1)) == len(headers) and int(summary.group(2)) > 50
    assert re.search(r"^  (joined|left|founded) ", out, flags=re.M)
    assert not (cache_home / "exodus" / "demo.db").exists()  # nothing is stored
